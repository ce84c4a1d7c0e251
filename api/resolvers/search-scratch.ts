import type { LinkNumbers } from '../../store/link-numbers.ts';

/**
 * The working memory of a connections search over numbered links
 * (indexed-explored.ts), one array per node and per link of the graph, kept
 * per graph version and handed from one search to the next: allocated per
 * request, the arrays of a 10,000-letter graph (137,000 nodes, 600,000
 * links) cost more than the search itself, and their garbage more again. A
 * search marks what it touches, so giving it back clears only that.
 */
export class Scratch {
  readonly expanded: Uint8Array;
  readonly hub: Uint8Array;
  readonly learnt: Uint8Array;
  readonly added: Uint8Array;
  /** Each node's usable links, in the order they were added. */
  readonly adjacency: Array<number[] | undefined>;
  /** Each node's neighbours in id order, until a link to it is added. */
  readonly sortedNeighbours: Array<number[] | undefined>;
  /** Links from an end, -1 where not reached: three of them (the two sides, and one for each list of paths). */
  readonly distances: Int8Array[];
  /** What to clear when the search is done: the nodes marked, and the links added. */
  private readonly marked: Uint8Array;
  private readonly touchedNodes: number[] = [];
  readonly touchedLinks: number[] = [];
  readonly reached: number[][] = [[], [], []];

  constructor(readonly links: LinkNumbers) {
    this.marked = new Uint8Array(links.nodeCount);
    this.expanded = new Uint8Array(links.nodeCount);
    this.hub = new Uint8Array(links.nodeCount);
    this.learnt = new Uint8Array(links.nodeCount);
    this.added = new Uint8Array(links.linkCount);
    this.adjacency = new Array(links.nodeCount).fill(undefined);
    this.sortedNeighbours = new Array(links.nodeCount).fill(undefined);
    this.distances = [0, 1, 2].map(() => new Int8Array(links.nodeCount).fill(-1));
  }

  /** Marks a node whose flags, links or neighbours the search set. */
  mark(node: number): void {
    if (this.marked[node]) return;
    this.marked[node] = 1;
    this.touchedNodes.push(node);
  }

  /** Sets a distance of one of the three records, remembering the node so that it is cleared after. */
  reach(record: number, node: number, links: number): void {
    if (this.distances[record][node] < 0) this.reached[record].push(node);
    this.distances[record][node] = links;
  }

  /** Clears one distance record (the paths' record is made again for each length). */
  clearDistances(record: number): void {
    for (const node of this.reached[record]) this.distances[record][node] = -1;
    this.reached[record].length = 0;
  }

  private clear(): void {
    for (const n of this.touchedNodes) {
      this.marked[n] = this.expanded[n] = this.hub[n] = this.learnt[n] = 0;
      this.adjacency[n] = this.sortedNeighbours[n] = undefined;
    }
    for (const link of this.touchedLinks) this.added[link] = 0;
    this.touchedNodes.length = this.touchedLinks.length = 0;
    [0, 1, 2].forEach((record) => this.clearDistances(record));
  }

  private static readonly kept = new WeakMap<LinkNumbers, Scratch[]>();

  /** A clear scratch for this graph version: one given back, or a new one. */
  static take(links: LinkNumbers): Scratch {
    return Scratch.kept.get(links)?.pop() ?? new Scratch(links);
  }

  /** Gives a scratch back, cleared; a few are kept per version (as many as searches ran at once, at most 4). */
  give(): void {
    this.clear();
    let free = Scratch.kept.get(this.links);
    if (!free) Scratch.kept.set(this.links, (free = []));
    if (free.length < 4) free.push(this);
  }
}

/** The issuers of each letter (its ISSUED_BY links' targets), as compressed rows; none for a node that is no letter. */
export interface Issuers {
  start: Int32Array;
  list: Int32Array;
}

const issuersKept = new WeakMap<LinkNumbers, Issuers>();

/** Once per graph version (its numbered links): every search learns the issuers of thousands of letters. */
export function issuersOf(links: LinkNumbers): Issuers {
  let issuers = issuersKept.get(links);
  if (issuers) return issuers;
  const issuedBy = links.types.indexOf('ISSUED_BY');
  const { source, target, type, letter } = links;
  const start = new Int32Array(links.nodeCount + 1);
  const own = (link: number) => type[link] === issuedBy && letter[source[link]] === 1;
  for (let link = 0; link < links.linkCount; link++) if (own(link)) start[source[link] + 1]++;
  for (let n = 0; n < links.nodeCount; n++) start[n + 1] += start[n];
  const fill = start.slice(0, links.nodeCount);
  const list = new Int32Array(start[links.nodeCount]);
  for (let link = 0; link < links.linkCount; link++) if (own(link)) list[fill[source[link]]++] = target[link];
  issuersKept.set(links, (issuers = { start, list }));
  return issuers;
}
