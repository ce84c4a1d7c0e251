import { type PromiseStatus, type SeriesPoint, statusesOf, unmatchedStatus } from '../../domain/ledger-status.ts';
import type { Evidence, GraphEdge, GraphNode, NodeKind } from '../../domain/model.ts';
import { pageOf } from '../../store/paging.ts';
import { chainArg } from '../chain-names.ts';
import type { InnographContext } from '../context.ts';
import { mentionViews } from '../evidence.ts';
import { entityFields } from './entity-fields.ts';

/**
 * The promise ledger over the store: an indicator's series are the figures
 * whose MEASURES edges point at it; statuses are derived per request from
 * the series (ingest/ledger/status.ts), never stored. Only GraphStore's
 * findNodes, edgesOf and getNodes are used (through the request's loaders),
 * so both adapters answer without Cypher of their own.
 */
type Ctx = InnographContext;

/** A figure of a series as the API shows it. */
interface PointView extends SeriesPoint {
  node: GraphNode;
  letterNode: GraphNode;
  evidence: Evidence;
}

interface Entry {
  commitment: GraphNode;
  indicator: GraphNode | null;
  status: PromiseStatus;
  year: number | null;
}

const STATUS_ENUM: Record<string, string> = {
  met: 'MET',
  partly: 'PARTLY',
  'not met': 'NOT_MET',
  superseded: 'SUPERSEDED',
  'no comparable report': 'NO_COMPARABLE_REPORT',
  'no later report': 'NO_LATER_REPORT',
};
const cache = new WeakMap<Ctx, Map<string, Promise<unknown>>>();

/** Once per request: the ledger's reads are shared by every field that needs them. */
function once<T>(c: Ctx, key: string, make: () => Promise<T>): Promise<T> {
  let map = cache.get(c);
  if (!map) cache.set(c, (map = new Map()));
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as Promise<T>;
}

const present = <T>(list: Array<T | Error | null>): T[] =>
  list.filter((x): x is T => x !== null && !(x instanceof Error));

async function allOfKind(c: Ctx, kind: NodeKind): Promise<GraphNode[]> {
  return once(c, `kind:${kind}`, async () => {
    const nodes: GraphNode[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page = await c.store.findNodes({ kinds: [kind] }, { first: 200, after });
      nodes.push(...page.items);
      for (const node of page.items) c.nodes.prime(node.id, node);
      after = page.endCursor;
      more = page.hasNextPage && after !== null;
    }
    return nodes;
  });
}

/** The figures measuring one indicator, oldest letter first. */
export function seriesOf(c: Ctx, indicatorId: string): Promise<PointView[]> {
  return once(c, `series:${indicatorId}`, async () => {
    const edges = (await c.edges.load(indicatorId)).filter((e) => e.type === 'MEASURES' && e.target === indicatorId);
    const figures = await c.nodes.loadMany(edges.map((e) => e.source));
    const letters = new Map(
      present(await c.nodes.loadMany([...new Set(edges.map((e) => e.evidence[0]?.letter).filter(Boolean))])).map(
        (l) => [l.id, l],
      ),
    );
    const indicator = await c.nodes.load(indicatorId);
    const points: PointView[] = [];
    edges.forEach((edge, i) => {
      const node = figures[i];
      const evidence = edge.evidence[0];
      const letterNode = evidence && letters.get(evidence.letter);
      if (!node || node instanceof Error || !letterNode) return;
      points.push(pointOf(edge, node, letterNode, evidence, String(indicator?.props.measure ?? '')));
    });
    return points.sort(
      (a, b) => (a.letterDate ?? '').localeCompare(b.letterDate ?? '') || a.evidence.start - b.evidence.start,
    );
  });
}

function pointOf(
  edge: GraphEdge,
  node: GraphNode,
  letterNode: GraphNode,
  evidence: Evidence,
  measure: string,
): PointView {
  const p = edge.props;
  return {
    figure: node.id,
    role: p.role === 'target' ? 'target' : 'result',
    value: Number(p.value),
    unit: String(p.unit ?? ''),
    qualifier: (p.qualifier as string | null) ?? null,
    forYear: typeof p.forYear === 'number' ? p.forYear : null,
    letter: letterNode.id,
    letterDate: (letterNode.props.date as string | null) ?? null,
    measure,
    node,
    letterNode,
    evidence,
  };
}

function statusesFor(c: Ctx, indicatorId: string): Promise<Map<string, PromiseStatus>> {
  return once(c, `statuses:${indicatorId}`, async () => statusesOf(await seriesOf(c, indicatorId)));
}

async function indicatorOf(c: Ctx, figure: GraphNode): Promise<GraphNode | null> {
  const edge = (await c.edges.load(figure.id)).find((e) => e.type === 'MEASURES' && e.source === figure.id);
  return edge ? c.nodes.load(edge.target) : null;
}

async function statusOf(c: Ctx, commitment: GraphNode): Promise<PromiseStatus> {
  const indicator = await indicatorOf(c, commitment);
  return (indicator && (await statusesFor(c, indicator.id)).get(commitment.id)) ?? unmatchedStatus(commitment.id);
}

/** One entry per promise: a target restated in several letters is listed once, under its first source. */
async function entries(c: Ctx): Promise<Entry[]> {
  return once(c, 'entries', async () => {
    const commitments = await allOfKind(c, 'Commitment');
    // All edges at once (the loader batches them), then every indicator's series side by side.
    const edges = await c.edges.loadMany(commitments.map((n) => n.id));
    const indicatorIds = commitments.map((n, i) => {
      const list = edges[i];
      return list instanceof Error
        ? null
        : (list.find((e) => e.type === 'MEASURES' && e.source === n.id)?.target ?? null);
    });
    const distinct = [...new Set(indicatorIds.filter((id): id is string => id !== null))];
    const [indicators] = await Promise.all([
      c.nodes.loadMany(distinct),
      Promise.all(distinct.map((id) => statusesFor(c, id))),
    ]);
    const indicatorOfId = new Map(present(indicators).map((n) => [n.id, n]));
    const list: Entry[] = [];
    for (const [i, commitment] of commitments.entries()) {
      const id = indicatorIds[i];
      const status = (id && (await statusesFor(c, id)).get(commitment.id)) || unmatchedStatus(commitment.id);
      if (status.sources[0] !== commitment.id) continue;
      const point = id ? (await seriesOf(c, id)).find((p) => p.figure === commitment.id) : undefined;
      list.push({
        commitment,
        indicator: (id && indicatorOfId.get(id)) || null,
        status,
        year: point?.forYear ?? (commitment.props.year as number | null) ?? null,
      });
    }
    return list.sort(
      (x, y) =>
        (x.year ?? 9999) - (y.year ?? 9999) ||
        (x.indicator?.name ?? '').localeCompare(y.indicator?.name ?? '') ||
        x.commitment.id.localeCompare(y.commitment.id),
    );
  });
}

interface LedgerFilter {
  chain?: string | null;
  year?: number | null;
  status?: string | null;
  letter?: string | null;
  indicator?: string | null;
}

async function matches(c: Ctx, entry: Entry, filter: LedgerFilter): Promise<boolean> {
  if (filter.year != null && entry.year !== filter.year) return false;
  if (filter.status && STATUS_ENUM[entry.status.status] !== filter.status) return false;
  if (filter.indicator && entry.indicator?.id !== filter.indicator) return false;
  const sources = present(await c.nodes.loadMany(entry.status.sources));
  if (filter.letter && !sources.some((s) => s.props.letter === filter.letter)) return false;
  const chain = chainArg(filter.chain);
  if (chain) {
    const edges = (await Promise.all(sources.map((s) => c.edges.load(s.id)))).flat();
    if (!edges.some((e) => e.type === 'ADVANCES' && e.target === `Chain:${chain}`)) return false;
  }
  return true;
}

function connection<T>(all: T[], first: number, after?: string | null) {
  const page = pageOf(all, { first, after });
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    nodes: page.items,
  };
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
    let list = await allOfKind(c, 'Indicator');
    if (text) list = list.filter((n) => n.name.includes(text) || String(n.props.noun ?? '').includes(text));
    if (recurring) list = list.filter((n) => new Set(n.mentions.map((m) => m.letter)).size > 1);
    const ranked = [...list].sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
    return connection(ranked, first, after);
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
    chainArg(filter?.chain);
    const all = await entries(c);
    const keep = await Promise.all(all.map((entry) => matches(c, entry, filter ?? {})));
    return connection(
      all.filter((_, i) => keep[i]),
      first,
      after,
    );
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
    const first = await c.nodes.load(s.compared[0]);
    const indicator = first && (await indicatorOf(c, first));
    if (!indicator) return [];
    const series = await seriesOf(c, indicator.id);
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
        const [series, statuses] = await Promise.all([seriesOf(c, n.id), statusesFor(c, n.id)]);
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
      chains: async (e: Entry, _a: unknown, c: Ctx) => {
        const edges = (await Promise.all(e.status.sources.map((id) => c.edges.load(id)))).flat();
        return [
          ...new Set(
            edges
              .filter((x) => x.type === 'ADVANCES' && e.status.sources.includes(x.source))
              .map((x) => x.target.slice('Chain:'.length)),
          ),
        ].sort();
      },
    },
    SeriesPoint: pointFields,
  };
}
