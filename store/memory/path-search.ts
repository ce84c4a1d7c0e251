import { InnographError } from '../../domain/errors.ts';
import { edgeKey, type EdgeType, type GraphEdge, type GraphNode } from '../../domain/model.ts';
import type { Subgraph } from '../port.ts';
import { ImageGraph } from './image-graph.ts';
import type { ReadGraph } from './read-graph.ts';

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

type Neighbours = (id: string, visit: (other: string) => void) => void;

export function shortestPath(
  graph: ReadGraph,
  from: string,
  to: string,
  maxHops: number,
  edgeTypes?: EdgeType[],
): Subgraph | null {
  const types = edgeTypes && edgeTypes.length > 0 ? new Set<string>(edgeTypes) : null;
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [graph.getNodeAttributes(from)], edges: [], capped: false };
  const each = neighboursOf(graph, types);
  const sides = [
    { dist: new Map([[from, 0]]), frontier: [from], depth: 0 },
    { dist: new Map([[to, 0]]), frontier: [to], depth: 0 },
  ];
  let links = 0;
  let met = false;
  while (!met && sides[0].depth + sides[1].depth < maxHops && sides.every((s) => s.frontier.length > 0)) {
    const cost = (s: (typeof sides)[number]) => s.frontier.reduce((sum, id) => sum + graph.degree(id), 0);
    const [side, other] = cost(sides[1]) < cost(sides[0]) ? [sides[1], sides[0]] : [sides[0], sides[1]];
    const next: string[] = [];
    const depth = side.depth + 1;
    for (const id of side.frontier) {
      each(id, (found) => {
        links++;
        if (side.dist.has(found)) return;
        side.dist.set(found, depth);
        next.push(found);
        if (other.dist.has(found)) met = true;
      });
      if (links > PATH_LIMITS.links) throw new PathTooBroadError(from, to, links, maxHops);
    }
    side.depth = depth;
    side.frontier = next;
  }
  if (!met) return null;
  const ids = stepsBack(sides[0].dist, sides[0].depth, sides[1].dist, sides[1].depth, to, each);
  const nodes: GraphNode[] = ids.map((id) => graph.getNodeAttributes(id));
  const edges: GraphEdge[] = [];
  for (let i = 0; i + 1 < ids.length; i++) edges.push(firstLink(graph, ids[i], ids[i + 1], types));
  return { nodes, edges, capped: false };
}

/**
 * The path from `from` to `to`, walked back from `to`. Both balls are whole to their depths (fd from `from`,
 * td from `to`, fd + td the path's length L), so the things on a shortest path at each distance h from `from`
 * are known: at h = fd, those at fd from one end and td from the other; nearer `from`, those at h from it next to
 * one of them; nearer `to`, those at L − h from `to` next to one of them.
 */
function stepsBack(
  fromDist: Map<string, number>,
  fd: number,
  toDist: Map<string, number>,
  td: number,
  to: string,
  each: Neighbours,
): string[] {
  const length = fd + td;
  const layers: Array<Set<string>> = new Array(length + 1);
  layers[fd] = new Set([...fromDist].filter(([id, d]) => d === fd && toDist.get(id) === td).map(([id]) => id));
  for (let h = fd - 1; h >= 0; h--) layers[h] = around(layers[h + 1], (id) => fromDist.get(id) === h, each);
  for (let h = fd + 1; h <= length; h++) layers[h] = around(layers[h - 1], (id) => toDist.get(id) === length - h, each);
  const path = [to];
  for (let h = length - 1; h >= 0; h--) {
    let best: string | null = null;
    each(path[0], (other) => {
      if (layers[h].has(other) && (best === null || other < best)) best = other;
    });
    path.unshift(best!);
  }
  return path;
}

function around(layer: Set<string>, wanted: (id: string) => boolean, each: Neighbours): Set<string> {
  const out = new Set<string>();
  for (const id of layer)
    each(id, (other) => {
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

/** The things one link away over the wanted types; from an image's edge numbers without making edge objects. */
export function neighboursOf(graph: ReadGraph, types: ReadonlySet<string> | null): Neighbours {
  if (graph instanceof ImageGraph) return (id, visit) => graph.forEachNeighbour(id, types, visit);
  return (id, visit) =>
    graph.forEachEdge(id, (_key, edge) => {
      if (!types || types.has(edge.type)) visit(edge.source === id ? edge.target : edge.source);
    });
}
