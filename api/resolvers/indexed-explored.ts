import type { LinkNumbers } from '../../store/link-numbers.ts';
import { HEADER_LINK_TYPES } from '../../store/letter-body.ts';
import {
  CONNECTION_LIMITS,
  CONTENT_TYPES,
  type Distances,
  type Exploring,
  type RawPath,
  type SearchBudget,
} from './explored-graph.ts';
import { type Issuers, issuersOf, Scratch } from './search-scratch.ts';

/**
 * The part of the graph a connections search has read, as Explored
 * (explored-graph.ts) keeps it — the same links read in the same order, the
 * same hubs learnt from the same letters, the same budget — but over the
 * store's numbered links (store/link-numbers.ts), made once per graph
 * version: a step costs a few array reads instead of a store read that makes
 * an object of every link of a hub and of its evidence. Explored stays the
 * way for a store without numbered links (Neo4j), and the reference this one
 * is checked against (tests/api/connections-index.test.ts). Its arrays come
 * from search-scratch.ts: give() them back when the search is done.
 */

/** A path as numbers: its nodes, and the links between them. */
export interface NumberedPath {
  nodes: number[];
  links: number[];
}

const READ_CHUNK = 200;

export class IndexedExplored implements Exploring<number, NumberedPath> {
  capped = false;
  private readonly scratch: Scratch;
  private adjacent = 0;
  private sides = 0;
  private readonly issuers: Issuers;
  /** By type number: links read when a node is expanded (null: every link), links that may carry a path, links whose source's header is learnt. */
  private readonly read: Uint8Array | null;
  private readonly content: Uint8Array;
  private readonly header: Uint8Array;
  private readonly mentions: number;

  constructor(
    private readonly links: LinkNumbers,
    private readonly includeHubs: boolean,
    private readonly ends: readonly number[],
    private readonly budget: SearchBudget = CONNECTION_LIMITS,
  ) {
    this.scratch = Scratch.take(links);
    this.issuers = issuersOf(links);
    const byType = (types: readonly string[]) => Uint8Array.from(links.types, (t) => (types.includes(t) ? 1 : 0));
    this.content = byType(CONTENT_TYPES);
    this.header = byType(['MENTIONS', ...HEADER_LINK_TYPES]);
    this.read = includeHubs ? null : byType([...CONTENT_TYPES, ...HEADER_LINK_TYPES]);
    this.mentions = links.types.indexOf('MENTIONS');
  }

  /** Gives the working arrays back for the next search; this search is over. */
  give(): void {
    this.scratch.give();
  }

  /** One record for each side (searchPaths asks for two). */
  distances(): Distances<number> {
    const record = this.sides++;
    if (record > 1) throw new Error('a connections search keeps two sides');
    const { scratch } = this;
    const dist = scratch.distances[record];
    return {
      has: (node) => dist[node] >= 0,
      get: (node) => (dist[node] >= 0 ? dist[node] : undefined),
      set: (node, links) => scratch.reach(record, node, links),
    };
  }

  /** The two ends are never hubs. */
  isHub(node: number): boolean {
    return this.scratch.hub[node] === 1 && !this.ends.includes(node);
  }

  neighbours(node: number): number[] {
    const { scratch } = this;
    let list = scratch.sortedNeighbours[node];
    if (!list) {
      const { source, target, rank } = this.links;
      list = (scratch.adjacency[node] ?? []).map((link) => (source[link] === node ? target[link] : source[link]));
      if (list.length > 1) list.sort((a, b) => rank[a] - rank[b]);
      scratch.sortedNeighbours[node] = list;
      scratch.mark(node);
    }
    return list;
  }

  expand(nodes: number[]): void {
    const { scratch } = this;
    const todo = nodes.filter((n) => scratch.expanded[n] === 0 && !this.isHub(n));
    if (this.adjacent + todo.length > this.budget.exploredNodes) {
      this.capped = true;
      todo.length = Math.max(0, this.budget.exploredNodes - this.adjacent);
    }
    const { linkStart, linkList, type } = this.links;
    let size = 0;
    for (const n of todo) {
      scratch.expanded[n] = 1;
      scratch.mark(n);
      size += linkStart[n + 1] - linkStart[n];
    }
    const read = new Int32Array(size);
    let count = 0;
    // In chunks, each in link order, as Explored reads edgesOf: the order links are added is the order paths are found in.
    for (let i = 0; i < todo.length; i += READ_CHUNK) {
      const from = count;
      for (let c = i; c < Math.min(todo.length, i + READ_CHUNK); c++)
        for (let k = linkStart[todo[c]]; k < linkStart[todo[c] + 1]; k++)
          if (!this.read || this.read[type[linkList[k]]]) read[count++] = linkList[k];
      const chunk = read.subarray(from, count).sort();
      // A link between two nodes of the chunk is read once.
      let kept = from;
      for (let k = 0; k < chunk.length; k++) if (k === 0 || chunk[k] !== chunk[k - 1]) read[kept++] = chunk[k];
      count = kept;
    }
    const links = read.subarray(0, count);
    if (!this.includeHubs) this.learnIssuers(links);
    for (const link of links) if (this.usable(link)) this.add(link);
  }

  /** The letters whose mentions or header links are in hand: each one's issuers become hubs (every letter has one). */
  private learnIssuers(read: Int32Array): void {
    const { scratch } = this;
    const { source, type } = this.links;
    const { start, list } = this.issuers;
    for (const link of read) {
      const l = source[link];
      if (!this.header[type[link]] || scratch.learnt[l]) continue;
      scratch.learnt[l] = 1;
      scratch.mark(l);
      for (let k = start[l]; k < start[l + 1]; k++) {
        scratch.hub[list[k]] = 1;
        scratch.mark(list[k]);
      }
    }
  }

  private usable(link: number): boolean {
    if (this.includeHubs) return true;
    const { source, target, type, mentionInBody } = this.links;
    if (!this.content[type[link]] || this.isHub(source[link]) || this.isHub(target[link])) return false;
    // A mention that stands only in the title or below the signature is a header link, not shared content.
    return type[link] !== this.mentions || mentionInBody[link] === 1;
  }

  private add(link: number): void {
    const { scratch } = this;
    if (scratch.added[link]) return;
    scratch.added[link] = 1;
    scratch.touchedLinks.push(link);
    const { source, target } = this.links;
    this.attach(source[link], link);
    if (target[link] !== source[link]) this.attach(target[link], link);
  }

  private attach(n: number, link: number): void {
    const { scratch } = this;
    scratch.sortedNeighbours[n] = undefined;
    const list = scratch.adjacency[n];
    if (list) list.push(link);
    else {
      scratch.adjacency[n] = [link];
      scratch.mark(n);
      this.adjacent++;
    }
  }

  /** Every simple path of at most maxHops links, shortest first, at most candidatePaths of them (as Explored.paths). */
  paths(from: number, to: number, maxHops: number): { found: NumberedPath[]; cutAt: number | null } {
    const toDist = this.distancesFrom(to, maxHops);
    const found: NumberedPath[] = [];
    if (toDist[from] < 0) return { found, cutAt: null };
    const { source, target } = this.links;
    const { adjacency } = this.scratch;
    const limit = this.budget.candidatePaths;
    for (let length = toDist[from]; length <= maxHops && found.length < limit; length++) {
      const nodes = [from];
      const links: number[] = [];
      const walk = (at: number): void => {
        if (found.length >= limit) return;
        if (at === to) {
          if (links.length === length) found.push({ nodes: [...nodes], links: [...links] });
          return;
        }
        for (const link of adjacency[at] ?? []) {
          const next = source[link] === at ? target[link] : source[link];
          const left = length - links.length - 1;
          if (nodes.includes(next) || toDist[next] < 0 || toDist[next] > left || this.isHub(next)) continue;
          nodes.push(next);
          links.push(link);
          walk(next);
          nodes.pop();
          links.pop();
        }
      };
      walk(from);
      if (found.length >= limit) return { found, cutAt: length };
    }
    return { found, cutAt: null };
  }

  /** Links from `start`, -1 where more than maxHops away; nothing passes through a hub. */
  private distancesFrom(start: number, maxHops: number): Int8Array {
    const { scratch } = this;
    scratch.clearDistances(2);
    scratch.reach(2, start, 0);
    const dist = scratch.distances[2];
    let frontier = [start];
    for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const n of frontier) {
        for (const other of this.neighbours(n)) {
          if (dist[other] >= 0) continue;
          scratch.reach(2, other, d);
          if (!this.isHub(other)) next.push(other);
        }
      }
      frontier = next;
    }
    return dist;
  }

  /** What the path runs through (viaKey), by number: the same paths are told apart, without making their ids. */
  viaKey(path: NumberedPath): string {
    const between = path.nodes.slice(1, -1).filter((n) => !this.links.idOf(n).startsWith('Letter:'));
    return (between.length > 0 ? between : path.nodes).join('→');
  }

  /** The path with its ids and its links as the store's reads give them. */
  raw(path: NumberedPath): RawPath {
    return { ids: path.nodes.map((n) => this.links.idOf(n)), edges: path.links.map((l) => this.links.edge(l)) };
  }
}
