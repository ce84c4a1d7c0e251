import { type PromiseStatus, unmatchedStatus } from '../../domain/ledger-status.ts';
import type { GraphNode } from '../../domain/model.ts';
import { pageOf } from '../../store/paging.ts';
import { chainArg } from '../chain-names.ts';
import type { InnographContext } from '../context.ts';
import { mentionViews } from '../evidence.ts';
import { entityFields } from './entity-fields.ts';
import { type BookEntry, chainsOfPromise, type Entry, ledgerBook, type PointView } from './ledger-book.ts';

/**
 * The promise ledger over the store: an indicator's series are the figures
 * whose MEASURES edges point at it; statuses are derived from the series
 * (domain/ledger-status.ts), never stored. Both are worked out once per
 * version of the graph (ledger-book.ts) through the port's findNodes, edgesOf
 * and getNodes, so both adapters answer without Cypher of their own.
 */
type Ctx = InnographContext;

const STATUS_ENUM: Record<string, string> = {
  met: 'MET',
  partly: 'PARTLY',
  'not met': 'NOT_MET',
  superseded: 'SUPERSEDED',
  'no comparable report': 'NO_COMPARABLE_REPORT',
  'no later report': 'NO_LATER_REPORT',
};

const present = <T>(list: Array<T | Error | null>): T[] =>
  list.filter((x): x is T => x !== null && !(x instanceof Error));

/** The figures measuring one indicator, oldest letter first. */
export async function seriesOf(c: Ctx, indicatorId: string): Promise<PointView[]> {
  return (await ledgerBook(c)).series.get(indicatorId) ?? [];
}

async function indicatorOf(c: Ctx, figure: GraphNode): Promise<GraphNode | null> {
  const id = (await ledgerBook(c)).indicatorOf.get(figure.id);
  return id ? c.nodes.load(id) : null;
}

async function statusOf(c: Ctx, commitment: GraphNode): Promise<PromiseStatus> {
  const book = await ledgerBook(c);
  const indicator = book.indicatorOf.get(commitment.id);
  return (indicator && book.statuses.get(indicator)?.get(commitment.id)) || unmatchedStatus(commitment.id);
}

interface LedgerFilter {
  chain?: string | null;
  year?: number | null;
  status?: string | null;
  letter?: string | null;
  indicator?: string | null;
}

function connection<T>(all: T[], first: number, after?: string | null) {
  const page = pageOf(all, { first, after });
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    nodes: page.items,
  };
}

const filtered = new WeakMap<object, Map<string, BookEntry[]>>();

/**
 * A filtered ledger kept with its book (one per graph version), at most 64 filters: a status asked again, or
 * paged through, costs its page instead of a pass over every commitment of the archive (tens of thousands at 10k).
 */
function keptFilter(book: object, key: string, compute: () => BookEntry[]): BookEntry[] {
  let lists = filtered.get(book);
  if (!lists) filtered.set(book, (lists = new Map()));
  let list = lists.get(key);
  if (!list) {
    if (lists.size >= 64) lists.delete(lists.keys().next().value!);
    lists.set(key, (list = compute()));
  }
  return list;
}

export const ledgerQuery = {
  indicators: async (
    _: unknown,
    {
      text,
      recurring,
      first,
      after,
    }: { text?: string | null; recurring?: boolean | null; first: number; after?: string | null },
    c: Ctx,
  ) => {
    let list = (await ledgerBook(c)).indicators;
    if (text) list = list.filter((n) => n.name.includes(text) || String(n.props.noun ?? '').includes(text));
    if (recurring) list = list.filter((n) => new Set(n.mentions.map((m) => m.letter)).size > 1);
    return connection(list, first, after);
  },
  indicator: async (_: unknown, { id }: { id: string }, c: Ctx) => {
    const node = await c.nodes.load(id);
    return node?.kind === 'Indicator' ? node : null;
  },
  ledger: async (
    _: unknown,
    { filter, first, after }: { filter?: LedgerFilter | null; first: number; after?: string | null },
    c: Ctx,
  ) => {
    const chain = chainArg(filter?.chain);
    const book = await ledgerBook(c);
    const f = filter ?? {};
    const kept =
      f.year == null && !f.status && !f.indicator && !f.letter && !chain
        ? book.entries
        : keptFilter(book, JSON.stringify([f.year, f.status, f.indicator, f.letter, chain]), () =>
            book.entries.filter(
              (entry) =>
                (f.year == null || entry.year === f.year) &&
                (!f.status || STATUS_ENUM[entry.status.status] === f.status) &&
                (!f.indicator || entry.indicator?.id === f.indicator) &&
                (!f.letter || entry.letters.has(f.letter)) &&
                (!chain || entry.chains.includes(chain)),
            ),
          );
    return connection(kept, first, after);
  },
};

const statusFields = {
  status: (s: PromiseStatus) => STATUS_ENUM[s.status],
  label: (s: PromiseStatus) => s.status,
  restated: (s: PromiseStatus) => s.sources.length > 1,
  sources: async (s: PromiseStatus, _a: unknown, c: Ctx) => present(await c.nodes.loadMany(s.sources)),
  letters: async (s: PromiseStatus, _a: unknown, c: Ctx) => {
    const sources = present(await c.nodes.loadMany(s.sources));
    const letters = present(await c.nodes.loadMany([...new Set(sources.map((n) => String(n.props.letter)))]));
    return letters.map((l) => String(l.props.docNumber ?? l.props.source ?? l.id));
  },
  supersededBy: (s: PromiseStatus, _a: unknown, c: Ctx) => (s.supersededBy ? c.nodes.load(s.supersededBy) : null),
  compared: async (s: PromiseStatus, _a: unknown, c: Ctx) => {
    const book = await ledgerBook(c);
    const indicator = book.indicatorOf.get(s.compared[0]);
    const series = (indicator && book.series.get(indicator)) || [];
    return s.compared.map((id) => series.find((p) => p.figure === id)).filter((p): p is PointView => p !== undefined);
  },
};

const pointFields = {
  figure: (p: PointView) => p.node,
  role: (p: PointView) => p.role.toUpperCase(),
  year: (p: PointView) => p.forYear,
  letter: (p: PointView) => p.letterNode,
  text: (p: PointView) => p.node.props.text ?? p.node.name,
  evidence: async (p: PointView, _a: unknown, c: Ctx) => (await mentionViews(c, [p.evidence]))[0],
  sentence: async (p: PointView, _a: unknown, c: Ctx) => (await mentionViews(c, [p.evidence]))[0]?.sentence,
};

/** The ledger's types, and its fields on Commitment and Achievement, merged into the node types' resolvers. */
export function withLedger(types: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const prop = (key: string) => (n: GraphNode) => n.props[key] ?? null;
  const indicatorField = (n: GraphNode, _a: unknown, c: Ctx) => indicatorOf(c, n);
  return {
    ...types,
    Indicator: {
      ...entityFields,
      noun: prop('noun'),
      scope: prop('scope'),
      measure: prop('measure'),
      unit: prop('unit'),
      dimension: prop('dimension'),
      series: (n: GraphNode, _a: unknown, c: Ctx) => seriesOf(c, n.id),
      commitments: async (n: GraphNode, _a: unknown, c: Ctx) => {
        const book = await ledgerBook(c);
        const series = book.series.get(n.id) ?? [];
        const statuses = book.statuses.get(n.id) ?? new Map<string, PromiseStatus>();
        return series
          .filter((p) => p.role === 'target' && statuses.get(p.figure)?.sources[0] === p.figure)
          .map((p): Entry => ({ commitment: p.node, indicator: n, status: statuses.get(p.figure)!, year: p.forYear }));
      },
    },
    Commitment: {
      ...types.Commitment,
      status: (n: GraphNode, _a: unknown, c: Ctx) => statusOf(c, n),
      indicator: indicatorField,
    },
    Achievement: { ...types.Achievement, indicator: indicatorField },
    CommitmentStatus: statusFields,
    LedgerEntry: {
      chains: async (e: Entry | BookEntry, _a: unknown, c: Ctx) =>
        'chains' in e ? e.chains : chainsOfPromise((await ledgerBook(c)).chainsOf, e.status),
    },
    SeriesPoint: pointFields,
  };
}
