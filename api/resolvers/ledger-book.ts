import { type PromiseStatus, type SeriesPoint, statusesOf, unmatchedStatus } from '../../domain/ledger-status.ts';
import type { Evidence, GraphEdge, GraphNode, NodeKind } from '../../domain/model.ts';
import { LIMITS, type GraphStore } from '../../store/port.ts';
import { type InnographContext, perVersion } from '../context.ts';

/**
 * The promise ledger of one version of the graph, read once through the
 * port (GraphStore.memo) and kept until the graph changes: every
 * indicator's series, the statuses derived from it (domain/ledger-status.ts),
 * and the ledger's entries with what its filters compare. A request then
 * costs what its page costs; before, every request read every commitment,
 * every indicator's figures and their letters again (4–5 s at 10,000 letters).
 */

/** A figure of a series as the API shows it. */
export interface PointView extends SeriesPoint {
  node: GraphNode;
  letterNode: GraphNode;
  evidence: Evidence;
}

export interface Entry {
  commitment: GraphNode;
  indicator: GraphNode | null;
  status: PromiseStatus;
  year: number | null;
}

/** An entry with what the ledger's filters and its chains field read, worked out once. */
export interface BookEntry extends Entry {
  /** The letters of the figures that state the promise (their `letter` prop). */
  letters: Set<string>;
  /** The chains the promise's figures advance, sorted. */
  chains: string[];
}

export interface LedgerBook {
  /** Each indicator's figures, oldest letter first. */
  series: Map<string, PointView[]>;
  /** The status of each target, by indicator, then by figure. */
  statuses: Map<string, Map<string, PromiseStatus>>;
  /** The indicator each figure measures (its MEASURES link with the smallest key). */
  indicatorOf: Map<string, string>;
  /** The chains each figure advances. */
  chainsOf: Map<string, string[]>;
  /** One entry per promise, in the ledger's order (year, indicator's name, commitment id). */
  entries: BookEntry[];
  /** Every indicator, most mentioned first, then by id. */
  indicators: GraphNode[];
}

export function ledgerBook(c: InnographContext): Promise<LedgerBook> {
  return perVersion(c, 'ledger-book', readBook);
}

async function readBook(store: GraphStore): Promise<LedgerBook> {
  const [commitments, indicatorNodes] = [await allOfKind(store, 'Commitment'), await allOfKind(store, 'Indicator')];
  const nodes = new Map<string, GraphNode>([...commitments, ...indicatorNodes].map((n) => [n.id, n]));
  const measures = await inChunks(
    indicatorNodes.map((n) => n.id),
    (ids) => store.edgesOf(ids, { types: ['MEASURES'], direction: 'in' }),
  );
  await load(
    store,
    nodes,
    measures.flatMap((e) => [e.source, e.evidence[0]?.letter].filter((id): id is string => Boolean(id))),
  );
  const indicatorOf = new Map<string, string>();
  const byIndicator = new Map<string, GraphEdge[]>();
  // Edges come in key order (type, source, target): a figure's first MEASURES link is its indicator.
  for (const edge of measures) {
    if (!indicatorOf.has(edge.source)) indicatorOf.set(edge.source, edge.target);
    const list = byIndicator.get(edge.target);
    if (list) list.push(edge);
    else byIndicator.set(edge.target, [edge]);
  }
  const series = new Map<string, PointView[]>();
  const statuses = new Map<string, Map<string, PromiseStatus>>();
  for (const indicator of indicatorNodes) {
    const points: PointView[] = [];
    for (const edge of byIndicator.get(indicator.id) ?? []) {
      const node = nodes.get(edge.source);
      const evidence = edge.evidence[0];
      const letterNode = evidence && nodes.get(evidence.letter);
      if (!node || !letterNode) continue;
      points.push(pointOf(edge, node, letterNode, evidence, String(indicator.props.measure ?? '')));
    }
    points.sort(
      (a, b) => (a.letterDate ?? '').localeCompare(b.letterDate ?? '') || a.evidence.start - b.evidence.start,
    );
    series.set(indicator.id, points);
    statuses.set(indicator.id, statusesOf(points));
  }
  const chainsOf = new Map<string, string[]>();
  for (const edge of await inChunks([...new Set([...commitments.map((n) => n.id), ...indicatorOf.keys()])], (ids) =>
    store.edgesOf(ids, { types: ['ADVANCES'], direction: 'out' }),
  )) {
    const list = chainsOf.get(edge.source);
    if (list) list.push(edge.target.slice('Chain:'.length));
    else chainsOf.set(edge.source, [edge.target.slice('Chain:'.length)]);
  }
  const entries: BookEntry[] = [];
  for (const commitment of commitments) {
    const id = indicatorOf.get(commitment.id);
    const status = (id && statuses.get(id)?.get(commitment.id)) || unmatchedStatus(commitment.id);
    if (status.sources[0] !== commitment.id) continue;
    const point = id ? series.get(id)?.find((p) => p.figure === commitment.id) : undefined;
    const sources = status.sources.map((s) => nodes.get(s)).filter((n): n is GraphNode => n !== undefined);
    entries.push({
      commitment,
      indicator: (id && nodes.get(id)) || null,
      status,
      year: point?.forYear ?? (commitment.props.year as number | null) ?? null,
      letters: new Set(sources.map((s) => s.props.letter as string)),
      chains: chainsOfPromise(chainsOf, status),
    });
  }
  entries.sort(
    (x, y) =>
      (x.year ?? 9999) - (y.year ?? 9999) ||
      (x.indicator?.name ?? '').localeCompare(y.indicator?.name ?? '') ||
      x.commitment.id.localeCompare(y.commitment.id),
  );
  const indicators = [...indicatorNodes].sort(
    (a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id),
  );
  return { series, statuses, indicatorOf, chainsOf, entries, indicators };
}

/** The chains any figure stating the promise advances, sorted. */
export function chainsOfPromise(chainsOf: Map<string, string[]>, status: PromiseStatus): string[] {
  return [...new Set(status.sources.flatMap((s) => chainsOf.get(s) ?? []))].sort();
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

/** Every node of a kind, in id order, a page at a time. */
async function allOfKind(store: GraphStore, kind: NodeKind): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page = await store.findNodes({ kinds: [kind] }, { first: LIMITS.pageSize, after });
    nodes.push(...page.items);
    after = page.endCursor;
    more = page.hasNextPage && after !== null;
  }
  return nodes;
}

/** Reads the nodes `nodes` lacks into it. */
async function load(store: GraphStore, nodes: Map<string, GraphNode>, ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !nodes.has(id));
  for (const node of await inChunks(missing, (chunk) => store.getNodes(chunk))) if (node) nodes.set(node.id, node);
}

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += LIMITS.ids) out.push(...(await read(ids.slice(i, i + LIMITS.ids))));
  return out;
}
