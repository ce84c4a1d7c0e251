import { InnographError } from '../../domain/errors.ts';
import { edgeKey, type EdgeType, type GraphEdge, type GraphNode } from '../../domain/model.ts';
import type { Subgraph } from '../port.ts';
import { ImageGraph } from './image-graph.ts';
import type { ReadGraph } from './read-graph.ts';
import type { LinkNumbers } from '../link-numbers.ts';

/**
 * The shortest path between two things, searched from both ends at once
 * (each round widens the side whose frontier has fewer links), so two hubs
 * that thousands of letters name meet after one round each instead of a
 * one-sided search walking every thing those letters name.
 *
 * The answer is the one every store gives (cypher/path-step.cypher): of the
 * shortest paths, walking back from `to`, at each step the neighbour with
 * the smallest id that lies one link nearer `from`; between two steps the
 * link with the smallest key.
 */

/** A search that has looked at this many links without meeting stops with PATH_TOO_BROAD. */
export const PATH_LIMITS = { links: 2_000_000 } as const;

export class PathTooBroadError extends InnographError {
  override name = 'PathTooBroadError';
  constructor(from: string, to: string, links: number, hops: number) {
    super(
      'PATH_TOO_BROAD',
      `the path search from ${from} to ${to} looked at ${links} links without finding a path of ${hops} links or fewer; ask with fewer maxHops or fewer edgeTypes`,
    );
  }
}

/**
 * Over the graph version's numbered links (link-index.ts), made once per version: the balls are arrays of
 * distances by node number and a step reads a row of link numbers — the walk by id made a string and a map entry
 * of each of the hundreds of thousands of things two hubs' letters name, on every request.
 */
export function shortestPath(
  graph: ReadGraph,
  links: LinkNumbers,
  from: string,
  to: string,
  maxHops: number,
  edgeTypes?: EdgeType[],
): Subgraph | null {
  const types = edgeTypes && edgeTypes.length > 0 ? new Set<string>(edgeTypes) : null;
  const [a, b] = [links.numberOf(from), links.numberOf(to)];
  if (a === undefined || b === undefined) return null;
  if (from === to) return { nodes: [graph.getNodeAttributes(from)], edges: [], capped: false };
  const each = numberedNeighbours(links, types);
  const sides = [a, b].map((end) => {
    const dist = new Int8Array(links.nodeCount).fill(-1);
    dist[end] = 0;
    return { dist, reached: [end], frontier: [end], depth: 0 };
  });
  let seen = 0;
  let met = false;
  while (!met && sides[0].depth + sides[1].depth < maxHops && sides.every((s) => s.frontier.length > 0)) {
    // The side whose frontier has fewer links (all types, as ReadGraph.degree counts them) grows.
    const cost = (s: (typeof sides)[number]) => s.frontier.reduce((sum, n) => sum + links.degree[n], 0);
    const [side, other] = cost(sides[1]) < cost(sides[0]) ? [sides[1], sides[0]] : [sides[0], sides[1]];
    const next: number[] = [];
    const depth = side.depth + 1;
    for (const n of side.frontier) {
      each(n, (found) => {
        seen++;
        if (side.dist[found] >= 0) return;
        side.dist[found] = depth;
        side.reached.push(found);
        next.push(found);
        if (other.dist[found] >= 0) met = true;
      });
      if (seen > PATH_LIMITS.links) throw new PathTooBroadError(from, to, seen, maxHops);
    }
    side.depth = depth;
    side.frontier = next;
  }
  if (!met) return null;
  const [fromSide, toSide] = sides;
  const steps = stepsBack(fromSide, toSide, b, each, links.rank);
  const ids = steps.map((n) => links.idOf(n));
  const nodes: GraphNode[] = ids.map((id) => graph.getNodeAttributes(id));
  const edges: GraphEdge[] = [];
  for (let i = 0; i + 1 < ids.length; i++) edges.push(firstLink(graph, ids[i], ids[i + 1], types));
  return { nodes, edges, capped: false };
}

type NumberedNeighbours = (node: number, visit: (other: number) => void) => void;

/**
 * The other end of each of a node's links of the wanted types (null: all), as an image's rows list them: a loop
 * is seen twice (once leaving, once arriving), as the walk by id counted it.
 */
function numberedNeighbours(links: LinkNumbers, types: ReadonlySet<string> | null): NumberedNeighbours {
  const wanted = types ? Uint8Array.from(links.types, (t) => (types.has(t) ? 1 : 0)) : null;
  const { linkStart, linkList, source, target, type } = links;
  return (node, visit) => {
    for (let k = linkStart[node]; k < linkStart[node + 1]; k++) {
      const link = linkList[k];
      if (wanted && !wanted[type[link]]) continue;
      if (source[link] === target[link]) visit(node);
      visit(source[link] === node ? target[link] : source[link]);
    }
  };
}

interface Ball {
  dist: Int8Array;
  /** The nodes it reached, in the order it reached them. */
  reached: number[];
  depth: number;
}

/**
 * The path from `from` to `to`, walked back from `to`. Both balls are whole to their depths (fd from `from`,
 * td from `to`, fd + td the path's length L), so the things on a shortest path at each distance h from `from`
 * are known: at h = fd, those at fd from one end and td from the other; nearer `from`, those at h from it next to
 * one of them; nearer `to`, those at L − h from `to` next to one of them. At each step back, of the neighbours
 * in the layer, the one whose id sorts first.
 */
function stepsBack(from: Ball, to: Ball, end: number, each: NumberedNeighbours, rank: Int32Array): number[] {
  const [fd, td] = [from.depth, to.depth];
  const length = fd + td;
  const layers: Array<Set<number>> = new Array(length + 1);
  layers[fd] = new Set(from.reached.filter((n) => from.dist[n] === fd && to.dist[n] === td));
  for (let h = fd - 1; h >= 0; h--) layers[h] = around(layers[h + 1], (n) => from.dist[n] === h, each);
  for (let h = fd + 1; h <= length; h++) layers[h] = around(layers[h - 1], (n) => to.dist[n] === length - h, each);
  const path = [end];
  for (let h = length - 1; h >= 0; h--) {
    let best = -1;
    each(path[0], (other) => {
      if (layers[h].has(other) && (best < 0 || rank[other] < rank[best])) best = other;
    });
    path.unshift(best);
  }
  return path;
}

function around(layer: Set<number>, wanted: (n: number) => boolean, each: NumberedNeighbours): Set<number> {
  const out = new Set<number>();
  for (const n of layer)
    each(n, (other) => {
      if (wanted(other)) out.add(other);
    });
  return out;
}

/** Of the links between two steps (of the wanted types), the one with the smallest key, so every store answers the same edge. */
function firstLink(graph: ReadGraph, a: string, b: string, types: ReadonlySet<string> | null): GraphEdge {
  const fast = graph instanceof ImageGraph ? graph.firstLinkBetween(a, b, types) : undefined;
  if (fast) return fast;
  const links: GraphEdge[] = [];
  graph.forEachEdge(a, (_key, edge) => {
    if ((edge.source === b || edge.target === b) && (!types || types.has(edge.type))) links.push(edge);
  });
  return links.sort((x, y) => (edgeKey(x) < edgeKey(y) ? -1 : 1))[0];
}
