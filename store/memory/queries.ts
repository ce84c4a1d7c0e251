import { edgeKey, NODE_KINDS, type EdgeType, type GraphEdge, type GraphNode } from '../../domain/model.ts';
import { inBody } from '../letter-body.ts';
import { normaliseName } from '../../domain/normalise.ts';
import type {
  ChainBasis,
  ChainPair,
  CommitmentFilter,
  NeighbourhoodOptions,
  NodeFilter,
  OverviewOptions,
  RecurringNode,
  RecurringOptions,
  StoreStats,
  Subgraph,
} from '../port.ts';
import { scoreForms, searchKey } from '../search-score.ts';
import type { ReadIndex } from './read-index.ts';
import type { ReadGraph } from './read-graph.ts';
import { ImageGraph } from './image-graph.ts';
import { shortestPath as pathSearch } from './path-search.ts';

/** The embedded adapter's reads: pure functions over the merged graph. */

const byId = (a: GraphNode, b: GraphNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function findNodes(index: ReadIndex, filter: NodeFilter): GraphNode[] {
  if (!filter.text && !filter.chain && !filter.letter) return filterNodes(index, filter);
  return index.once(`find:${JSON.stringify(filter)}`, () => filterNodes(index, filter));
}

function filterNodes(index: ReadIndex, filter: NodeFilter): GraphNode[] {
  const text = filter.text ? searchKey(filter.text) : null;
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set<string>(filter.kinds) : null;
  // A letter's things come from the index (an ingest plan asks for hundreds of letters' things in a row).
  const base = filter.letter
    ? index.ofLetter(filter.letter).filter((node) => !kinds || kinds.has(node.kind))
    : filter.kinds && filter.kinds.length > 0
      ? index.ofKinds(filter.kinds)
      : index.all();
  if (!text && !filter.chain) return base;
  const search = text ? index.search() : null;
  return base.filter((node) => {
    const keys = search?.keys(node.id);
    if (text && !(keys && (keys.name.includes(text) || keys.aliases.some((a) => a.includes(text))))) return false;
    if (filter.chain && !index.tiedTo(node.id, filter.chain)) return false;
    return true;
  });
}

export function search(
  index: ReadIndex,
  text: string,
  kinds: string[] | undefined,
  first: number,
): Array<{ node: GraphNode; score: number }> {
  const key = searchKey(text);
  // A copy: the caller may reorder its hits; the kept list stays as ranked.
  return index.once(`search:${key}|${kinds?.join(',') ?? ''}|${first}`, () => rank(index, key, kinds, first)).slice();
}

function rank(
  index: ReadIndex,
  key: string,
  kinds: string[] | undefined,
  first: number,
): Array<{ node: GraphNode; score: number }> {
  const hits: Array<{ node: GraphNode; score: number }> = [];
  for (const { id, forms } of index.search().candidates(key)) {
    const node = index.graph.getNodeAttributes(id);
    if (kinds && kinds.length > 0 && !kinds.includes(node.kind)) continue;
    const score = scoreForms(forms, key);
    if (score > 0) hits.push({ node, score });
  }
  return hits.sort((a, b) => b.score - a.score || byId(a.node, b.node)).slice(0, first);
}

export function edgesOf(
  graph: ReadGraph,
  ids: readonly string[],
  types?: EdgeType[],
  direction: 'out' | 'in' | 'both' = 'both',
): GraphEdge[] {
  // An image whose edges are stored in key order answers from edge numbers, without a key per edge.
  const fast =
    graph instanceof ImageGraph
      ? graph.edgesOfNodes(ids, types && types.length > 0 ? new Set(types) : null, direction)
      : null;
  if (fast) return fast;
  const seen = new Map<string, GraphEdge>();
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    const take = (key: string, edge: GraphEdge) => {
      if (!types || types.length === 0 || types.includes(edge.type)) seen.set(key, edge);
    };
    if (direction !== 'in') graph.forEachOutEdge(id, take);
    if (direction !== 'out') graph.forEachInEdge(id, take);
  }
  // In key order (type, source, target): graphology's order depends on the history of writes, and answers should not.
  return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edge]) => edge);
}

/**
 * Breadth-first, both directions, up to `depth` hops; at most `limit` nodes, with `capped` when more were reachable.
 * Each hop adds its new nodes in id order, so a capped answer is the same on every store (the Neo4j adapter does the same).
 * Walked over the version's numbered links (link-index.ts): a hub's thousands of neighbours are numbers until the
 * `limit` kept become ids.
 */
export function neighbourhood(index: ReadIndex, ids: readonly string[], options: NeighbourhoodOptions): Subgraph {
  const graph = index.graph;
  const links = index.links();
  const kinds = options.kinds && options.kinds.length > 0 ? new Set<string>(options.kinds) : null;
  const types = options.edgeTypes && options.edgeTypes.length > 0 ? new Set<string>(options.edgeTypes) : null;
  const wantedType = types ? Uint8Array.from(links.types, (t) => (types.has(t) ? 1 : 0)) : null;
  const wantedKind = kinds ? Uint8Array.from(links.kinds, (k) => (kinds.has(k) ? 1 : 0)) : null;
  const { linkStart, linkList, source, target, type, kind, rank } = links;
  const kept = new Uint8Array(links.nodeCount);
  const order: number[] = [];
  for (const id of ids) {
    const n = links.numberOf(id);
    if (n !== undefined && !kept[n]) {
      kept[n] = 1;
      order.push(n);
    }
  }
  const found = new Uint8Array(links.nodeCount);
  let frontier = [...order];
  let capped = false;
  for (let hop = 0; hop < options.depth && frontier.length > 0 && !capped; hop++) {
    const next: number[] = [];
    for (const n of frontier)
      for (let k = linkStart[n]; k < linkStart[n + 1]; k++) {
        const link = linkList[k];
        if (wantedType && !wantedType[type[link]]) continue;
        const other = source[link] === n ? target[link] : source[link];
        if (kept[other] || found[other] || (wantedKind && !wantedKind[kind[other]])) continue;
        found[other] = 1;
        next.push(other);
      }
    frontier = [];
    for (const other of next.sort((a, b) => rank[a] - rank[b])) {
      if (order.length >= options.limit) {
        capped = true;
        break;
      }
      kept[other] = 1;
      order.push(other);
      frontier.push(other);
    }
  }
  return induced(graph, new Set(order.map((n) => links.idOf(n))), types, capped);
}

/**
 * The best-connected nodes first (by number of links, then id), and the edges among those kept.
 * Ranking by links keeps the hubs — letters, chains, platforms many letters name — so a capped
 * view stays one connected picture instead of thousands of islands.
 */
export function overview(graph: ReadGraph, options: OverviewOptions): Subgraph {
  const kinds = options.kinds && options.kinds.length > 0 ? new Set<string>(options.kinds) : null;
  const types = options.edgeTypes && options.edgeTypes.length > 0 ? new Set<string>(options.edgeTypes) : null;
  const ranked: Array<{ id: string; degree: number }> = [];
  graph.forEachNode((id, node) => {
    if (kinds && !kinds.has(node.kind)) return;
    ranked.push({ id, degree: graph.degree(id) });
  });
  ranked.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  return induced(graph, new Set(ranked.slice(0, options.limit).map((r) => r.id)), types, ranked.length > options.limit);
}

/** The shortest path, over the version's numbered links (path-search.ts). */
export function shortestPath(
  index: ReadIndex,
  from: string,
  to: string,
  maxHops: number,
  edgeTypes?: EdgeType[],
): Subgraph | null {
  return pathSearch(index.graph, index.links(), from, to, maxHops, edgeTypes);
}

export function commitments(index: ReadIndex, filter: CommitmentFilter): GraphNode[] {
  return index.once(`commitments:${JSON.stringify(filter)}`, () => filterCommitments(index, filter));
}

function filterCommitments(index: ReadIndex, filter: CommitmentFilter): GraphNode[] {
  const text = filter.text ? normaliseName(filter.text) : null;
  return index.ofKind('Commitment').filter((node) => {
    if (filter.year !== undefined && node.props.year !== filter.year) return false;
    if (filter.letter && node.props.letter !== filter.letter) return false;
    if (filter.unit && node.props.unit !== filter.unit) return false;
    if (text && !normaliseName(String(node.props.text)).includes(text)) return false;
    if (filter.chain && !index.tiedTo(node.id, filter.chain)) return false;
    return true;
  });
}

/**
 * Things mentioned by at least minLetters letters: most letters first, then id (the order the Neo4j adapter uses too).
 * A letter counts where it names the thing in its body, unless includeHeaderAndFooter (store/letter-body.ts).
 * Read from one list per graph version (every thing with its letters, ranked): an answer is the list's head
 * down to minLetters, of the kinds asked.
 */
export function recurring(index: ReadIndex, options: RecurringOptions): RecurringNode[] {
  const kinds = new Set<string>(
    options.kinds && options.kinds.length > 0
      ? options.kinds
      : NODE_KINDS.filter((k) => k !== 'Letter' && k !== 'Chain'),
  );
  const everywhere = options.includeHeaderAndFooter === true;
  return index.once(`recurring:${[...kinds].sort().join(',')}|${options.minLetters}|${everywhere}`, () => {
    const rows: RecurringNode[] = [];
    for (const row of rankedByLetters(index, everywhere)) {
      if (row.letters.length < options.minLetters) break;
      if (kinds.has(row.node.kind)) rows.push(row);
    }
    return rows;
  });
}

const ranked = new WeakMap<ReadIndex, Map<boolean, RecurringNode[]>>();

/** Every thing a letter names, with the letters that count for it, most letters first, then id: once per version. */
function rankedByLetters(index: ReadIndex, everywhere: boolean): RecurringNode[] {
  let lists = ranked.get(index);
  if (!lists) ranked.set(index, (lists = new Map()));
  let rows = lists.get(everywhere);
  if (!rows) {
    const bodies = everywhere ? null : index.bodies();
    rows = [];
    for (const node of index.all()) {
      const counted = bodies ? node.mentions.filter((m) => inBody(bodies.get(m.letter), m)) : node.mentions;
      if (counted.length > 0) rows.push({ node, letters: [...new Set(counted.map((m) => m.letter))].sort() });
    }
    rows.sort((a, b) => b.letters.length - a.letters.length || byId(a.node, b.node));
    lists.set(everywhere, rows);
  }
  return rows;
}

/** Read from the chain ties indexed once per graph version, and kept per set of bases (chain-index.ts). */
export function chainMatrix(index: ReadIndex, bases?: ChainBasis[]): ChainPair[] {
  return index.chainIndex().matrix(bases);
}

export function stats(graph: ReadGraph): StoreStats {
  const kinds = new Map<string, number>();
  const types = new Map<string, number>();
  const perLetter = new Map<string, { mentions: number; commitments: number; achievements: number }>();
  graph.forEachNode((_id, node) => {
    kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
  });
  const count = (type: string, source: string) => {
    types.set(type, (types.get(type) ?? 0) + 1);
    if (!['MENTIONS', 'COMMITS_TO', 'REPORTS'].includes(type)) return;
    const row = perLetter.get(source) ?? { mentions: 0, commitments: 0, achievements: 0 };
    if (type === 'MENTIONS') row.mentions++;
    else if (type === 'COMMITS_TO') row.commitments++;
    else row.achievements++;
    perLetter.set(source, row);
  };
  // An image's edges are counted from their numbers, without making 600,000 objects.
  if (graph instanceof ImageGraph) graph.forEachLink(count);
  else graph.forEachEdge((_key, edge) => count(edge.type, edge.source));
  const letters = graph.filterNodes((_id, node) => node.kind === 'Letter').sort();
  return {
    nodes: graph.order,
    edges: graph.size,
    letters: letters.length,
    byKind: [...kinds]
      .map(([kind, count]) => ({ kind: kind as GraphNode['kind'], count }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    byEdgeType: [...types]
      .map(([type, count]) => ({ type: type as EdgeType, count }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    byLetter: letters.map((letter) => ({
      letter,
      source: String(graph.getNodeAttributes(letter).props.source),
      ...(perLetter.get(letter) ?? { mentions: 0, commitments: 0, achievements: 0 }),
    })),
  };
}

function induced(graph: ReadGraph, ids: Set<string>, types: Set<string> | null, capped: boolean): Subgraph {
  const fast = graph instanceof ImageGraph ? graph.inducedEdges(ids, types) : null;
  if (fast) return { nodes: [...ids].map((id) => graph.getNodeAttributes(id)), edges: fast, capped };
  const edges: GraphEdge[] = [];
  for (const id of ids) {
    graph.forEachOutEdge(id, (_key, edge) => {
      if (ids.has(edge.target) && (!types || types.has(edge.type))) edges.push(edge);
    });
  }
  // In key order, as edgesOf: the order a graph keeps its edges in depends on how it was built (merged or opened from an image).
  const keyed = edges.map((edge) => [edgeKey(edge), edge] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { nodes: [...ids].map((id) => graph.getNodeAttributes(id)), edges: keyed.map(([, edge]) => edge), capped };
}
