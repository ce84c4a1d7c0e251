import { HEADER_LINK_TYPES, inBody, type LetterBody, letterBody } from '../../store/letter-body.ts';
import { edgeKey, type EdgeType, type GraphEdge } from '../../domain/model.ts';
import { pushTo } from '../../domain/multimap.ts';
import { type GraphStore, LIMITS } from '../../store/port.ts';

/**
 * The part of the graph a connections search has read, through the port's
 * edgesOf only: which links may carry a path (see connections.ts for the
 * rules) and the simple paths between two things over them.
 */

export const CONTENT_TYPES: EdgeType[] = [
  'MENTIONS',
  'ANSWERS',
  'PROPOSED_BY',
  'COMMITS_TO',
  'REPORTS',
  'CONCERNS',
  'SUPPORTS',
  'PART_OF',
];
const HEADER_TYPES = [...HEADER_LINK_TYPES];
export const CONNECTION_LIMITS = { maxHops: 6, first: 20, exploredNodes: 5000, candidatePaths: 2000 } as const;

/** How far a search may go: the nodes it reads the links of, the candidate paths it ranks (tests make them small). */
export interface SearchBudget {
  exploredNodes: number;
  candidatePaths: number;
}

export interface RawPath {
  ids: string[];
  edges: GraphEdge[];
}

/** What a path runs through, for showing each once: the things between the ends that are not letters (ids are Kind:name). */
export function viaKey(path: RawPath): string {
  const between = path.ids.slice(1, -1);
  const things = between.filter((id) => !id.startsWith('Letter:'));
  return (things.length > 0 ? things : path.ids).join('→');
}

/**
 * What a connections search reads the graph through: Explored below (the port's edgesOf, any store) or
 * IndexedExplored (indexed-explored.ts, the store's numbered links). N names a node, P is a path.
 */
export interface Exploring<N, P> {
  /** True once the search reached its budget of nodes. */
  readonly capped: boolean;
  isHub(node: N): boolean;
  /** The nodes linked to one by the links read so far, in id order (once per link). */
  neighbours(node: N): readonly N[];
  /** Reads the links of these nodes (not read yet, not hubs), within the budget. */
  expand(nodes: N[]): Promise<void> | void;
  paths(from: N, to: N, maxHops: number): { found: P[]; cutAt: number | null };
  viaKey(path: P): string;
  /** A new record of each node's distance from one end. */
  distances(): Distances<N>;
}

export interface Distances<N> {
  has(node: N): boolean;
  get(node: N): number | undefined;
  set(node: N, links: number): unknown;
}

/**
 * The candidate paths between two nodes: one more link a round, read from alternate ends (from's side takes the
 * odd links, to's the even), so the two balls always cover every path of that length; it stops as soon as the
 * best `first` paths are known (fewer links rank first, so once `first` different paths are in hand no longer
 * one can displace them). cutAt: the length at which candidatePaths cut the list, if it did.
 */
export async function searchPaths<N, P>(
  graph: Exploring<N, P>,
  from: N,
  to: N,
  options: { maxHops: number; first: number },
): Promise<{ found: P[]; cutAt: number | null }> {
  const sides = [from, to].map((end) => {
    const dist = graph.distances();
    dist.set(end, 0);
    return { dist, frontier: [end] };
  });
  let result: { found: P[]; cutAt: number | null } = { found: [], cutAt: null };
  for (let hops = 1; hops <= options.maxHops; hops++) {
    const side = sides[(hops - 1) % 2];
    if (side.frontier.length > 0 && !graph.capped) {
      await graph.expand(side.frontier);
      const next: N[] = [];
      for (const node of side.frontier) {
        for (const other of graph.neighbours(node)) {
          if (side.dist.has(other) || graph.isHub(other)) continue;
          side.dist.set(other, side.dist.get(node)! + 1);
          next.push(other);
        }
      }
      side.frontier = next.filter((node) => node !== from && node !== to);
    }
    result = graph.paths(from, to, hops);
    if (result.cutAt !== null || new Set(result.found.map((p) => graph.viaKey(p))).size >= options.first) break;
  }
  return result;
}

/** The part of the graph the search has read: usable edges only, by node. */
export class Explored implements Exploring<string, RawPath> {
  private readonly adjacency = new Map<string, Map<string, GraphEdge>>();
  private readonly expanded = new Set<string>();
  /** Each letter's body (store/letter-body.ts): where its header ends and its footer starts. */
  private readonly zones = new Map<string, LetterBody>();
  private readonly hubs = new Set<string>();
  private readonly sortedNeighbours = new Map<string, string[]>();
  capped = false;

  constructor(
    private readonly store: GraphStore,
    private readonly includeHubs: boolean,
    private readonly ends: string[],
    private readonly budget: SearchBudget = CONNECTION_LIMITS,
  ) {}

  /** The two ends are never hubs: asking what connects 市府办 to something is a fair question. */
  isHub(id: string): boolean {
    return this.hubs.has(id) && !this.ends.includes(id);
  }

  viaKey(path: RawPath): string {
    return viaKey(path);
  }

  distances(): Distances<string> {
    return new Map<string, number>();
  }

  neighbours(id: string): string[] {
    // Kept until a link to the node is added: the path walk asks for a hub's thousands of neighbours again and again.
    let list = this.sortedNeighbours.get(id);
    if (!list) {
      list = [...(this.adjacency.get(id)?.values() ?? [])].map((e) => (e.source === id ? e.target : e.source)).sort();
      this.sortedNeighbours.set(id, list);
    }
    return list;
  }

  async expand(ids: string[]): Promise<void> {
    const todo = ids.filter((id) => !this.expanded.has(id) && !this.isHub(id));
    if (this.adjacency.size + todo.length > this.budget.exploredNodes) {
      this.capped = true;
      todo.length = Math.max(0, this.budget.exploredNodes - this.adjacency.size);
    }
    todo.forEach((id) => this.expanded.add(id));
    const edges = await inChunks(todo, (chunk) =>
      this.store.edgesOf(chunk, this.includeHubs ? {} : { types: [...new Set([...CONTENT_TYPES, ...HEADER_TYPES])] }),
    );
    if (!this.includeHubs) await this.learnZones(edges);
    for (const edge of edges) if (this.usable(edge)) this.add(edge);
  }

  /** The letters whose mentions are in hand, with their header links: where each header ends, and who issued it. */
  private async learnZones(edges: GraphEdge[]): Promise<void> {
    const letters = [
      ...new Set(edges.filter((e) => e.type === 'MENTIONS' || HEADER_TYPES.includes(e.type)).map((e) => e.source)),
    ].filter((id) => !this.zones.has(id));
    if (letters.length === 0) return;
    const headers = await letterHeaders(this.store);
    for (const letter of letters) {
      const header = headers.get(letter);
      this.zones.set(letter, header?.body ?? letterBody(letter, []));
      for (const issuer of header?.issuers ?? []) this.hubs.add(issuer);
    }
  }

  private usable(edge: GraphEdge): boolean {
    if (this.includeHubs) return true;
    if (!CONTENT_TYPES.includes(edge.type) || this.isHub(edge.source) || this.isHub(edge.target)) return false;
    if (edge.type !== 'MENTIONS') return true;
    const zone = this.zones.get(edge.source);
    // A mention that stands only in the title or below the signature is a header link, not shared content.
    return !zone || edge.evidence.some((e) => e.letter === edge.source && inBody(zone, e));
  }

  private add(edge: GraphEdge): void {
    const key = edgeKey(edge);
    for (const id of [edge.source, edge.target]) {
      this.sortedNeighbours.delete(id);
      let map = this.adjacency.get(id);
      if (!map) this.adjacency.set(id, (map = new Map()));
      map.set(key, edge);
    }
  }

  /** Every simple path of at most maxHops links, shortest first, at most candidatePaths of them. */
  paths(from: string, to: string, maxHops: number): { found: RawPath[]; cutAt: number | null } {
    const toDist = this.distancesFrom(to, maxHops);
    const found: RawPath[] = [];
    const shortest = toDist.get(from);
    if (shortest === undefined) return { found, cutAt: null };
    for (let length = shortest; length <= maxHops && found.length < this.budget.candidatePaths; length++) {
      const ids = [from];
      const edges: GraphEdge[] = [];
      const walk = (at: string): void => {
        if (found.length >= this.budget.candidatePaths) return;
        if (at === to) {
          if (edges.length === length) found.push({ ids: [...ids], edges: [...edges] });
          return;
        }
        for (const edge of this.adjacency.get(at)?.values() ?? []) {
          const next = edge.source === at ? edge.target : edge.source;
          const left = length - edges.length - 1;
          if (ids.includes(next) || (toDist.get(next) ?? Infinity) > left || this.isHub(next)) continue;
          ids.push(next);
          edges.push(edge);
          walk(next);
          ids.pop();
          edges.pop();
        }
      };
      walk(from);
      if (found.length >= this.budget.candidatePaths) return { found, cutAt: length };
    }
    return { found, cutAt: null };
  }

  private distancesFrom(start: string, maxHops: number): Map<string, number> {
    const dist = new Map([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of this.neighbours(id)) {
          if (dist.has(other)) continue;
          dist.set(other, d);
          // Nothing passes through a hub, so its distance is kept but it is not walked on.
          if (!this.isHub(other)) next.push(other);
        }
      }
      frontier = next;
    }
    return dist;
  }
}

interface LetterHeader {
  body: LetterBody;
  issuers: string[];
}

/**
 * Every letter's body and issuers, read once per version of the graph (GraphStore.memo): a search
 * touches thousands of letters, and reading their header links each time was most of its cost.
 */
export function letterHeaders(store: GraphStore): Promise<Map<string, LetterHeader>> {
  const read = async (version: GraphStore) => {
    const letters: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page = await version.findNodes({ kinds: ['Letter'] }, { first: LIMITS.pageSize, after });
      letters.push(...page.items.map((n) => n.id));
      after = page.endCursor;
      more = page.hasNextPage && after !== null;
    }
    const bySource = new Map<string, GraphEdge[]>();
    for (const edge of await inChunks(letters, (chunk) =>
      version.edgesOf(chunk, { types: HEADER_TYPES, direction: 'out' }),
    ))
      pushTo(bySource, edge.source, edge);
    return new Map(
      letters.map((letter) => {
        const links = bySource.get(letter) ?? [];
        const header: LetterHeader = {
          body: letterBody(letter, links),
          issuers: links.filter((e) => e.type === 'ISSUED_BY').map((e) => e.target),
        };
        return [letter, header];
      }),
    );
  };
  return store.memo ? store.memo('letter-headers', read) : read(store);
}

export async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 200) out.push(...(await read(ids.slice(i, i + 200))));
  return out;
}
