import type { ManagedTransaction } from 'neo4j-driver';
import type { EdgeType } from '../../domain/model.ts';
import { loadCypher } from './cypher-files.ts';

const Q = { 'path-neighbours': loadCypher('path-neighbours'), 'path-meeting': loadCypher('path-meeting') };
/** Frontier ids a statement sends at once. */
const CHUNK = 1000;

/**
 * The nodes of the shortest path the embedded store returns (store/memory/queries.ts shortestPath: a
 * breadth-first search from `from` whose layers are taken in id order, so each node's predecessor is
 * the neighbour first by id one link nearer `from`), given its length. Read as a walk back from `to`,
 * each step to the neighbour first by id that lies on a shortest path. Which nodes do is found from
 * both ends: layers of `from` up to half the length, layers of `to` for the rest, the nodes where they
 * meet, and back from there the layers of `to` that reach them; so it reads two balls of half the
 * length instead of one of the whole (one statement a layer, not a search per candidate step). The
 * balls' outermost layers are not read: the nodes where they meet are found inside Neo4j
 * (path-meeting.cypher), so a hub's every neighbour does not travel to find the few in the middle.
 */
export async function walkShortestPath(
  tx: ManagedTransaction,
  from: string,
  to: string,
  length: number,
  types: EdgeType[] | null,
): Promise<string[] | null> {
  if (length === 0) return [from];
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = links.get(a);
    if (!set) links.set(a, (set = new Set()));
    set.add(b);
  };
  const expanded = new Set<string>();
  const expand = async (frontier: string[]) => {
    for (const id of frontier) expanded.add(id);
    for (let i = 0; i < frontier.length; i += CHUNK) {
      const rows = (await tx.run(Q['path-neighbours'].statements[0], { frontier: frontier.slice(i, i + CHUNK), types }))
        .records;
      for (const r of rows) {
        const [a, b] = [r.get('id') as string, r.get('other') as string];
        link(a, b);
        link(b, a);
      }
    }
  };
  /** Layers 0..radius of a breadth-first search from `start`. */
  const layers = async (start: string, radius: number): Promise<Array<Set<string>>> => {
    const seen = new Set([start]);
    const out = [new Set([start])];
    for (let k = 1; k <= radius; k++) {
      await expand([...out[k - 1]].filter((id) => !expanded.has(id)));
      const next = new Set<string>();
      for (const id of out[k - 1]) for (const other of links.get(id) ?? []) if (!seen.has(other)) next.add(other);
      for (const id of next) seen.add(id);
      out.push(next);
    }
    return out;
  };
  const a = Math.ceil(length / 2);
  const b = length - a;
  const onPath: Array<Set<string>> = [];
  let forward: Array<Set<string>>;
  if (b === 0) {
    forward = await layers(from, a);
    onPath[0] = new Set(forward[a].has(to) ? [to] : []);
  } else {
    // A node linked to layer a - 1 of `from` and to layer b - 1 of `to` is a links from one and b from the
    // other (no nearer: they are `length` apart), so it is on a shortest path; its links to both layers
    // come with it, and they are all the walk back reads of it.
    forward = await layers(from, a - 1);
    const backward = await layers(to, b - 1);
    const left = [...forward[a - 1]];
    const right = [...backward[b - 1]];
    onPath[b] = new Set();
    for (let i = 0; i < left.length; i += CHUNK) {
      const params = { left: left.slice(i, i + CHUNK), right, types };
      for (const r of (await tx.run(Q['path-meeting'].statements[0], params)).records) {
        const [l, m, o] = [r.get('left') as string, r.get('middle') as string, r.get('right') as string];
        link(l, m);
        link(m, l);
        link(m, o);
        link(o, m);
        onPath[b].add(m);
      }
    }
    for (let j = 0; j < b; j++) onPath[j] = backward[j];
  }
  // Back towards `to`, a node of backward layer j is on a shortest path when it links to one of layer j + 1.
  if (onPath[b].size === 0) return null;
  for (let j = b - 1; j >= 0; j--) {
    onPath[j] = new Set([...onPath[j]].filter((id) => [...(links.get(id) ?? [])].some((o) => onPath[j + 1].has(o))));
  }
  const path = [to];
  const step = (within: Set<string>): boolean => {
    const next = [...(links.get(path[0]) ?? [])].filter((id) => within.has(id)).sort()[0];
    if (next === undefined) return false;
    path.unshift(next);
    return true;
  };
  for (let j = 1; j <= b; j++) if (!step(onPath[j])) return null;
  for (let k = a - 1; k >= 0; k--) if (!step(forward[k])) return null;
  return path[0] === from ? path : null;
}
