import { BadRequestError, InnographError } from '../../store/errors.ts';
import { edgeKey, type EdgeType, type GraphEdge, type GraphNode, type NodeKind } from '../../store/model.ts';
import type { GraphStore } from '../../store/port.ts';

/**
 * "What connects A and B": several paths between two things, ranked, through
 * what the letters share (platforms, programmes, policies, enterprises,
 * commitments …) rather than through what every letter has. Built on the
 * port's edgesOf and getNodes only, so the embedded and the Neo4j store give
 * the same answer without a second implementation.
 *
 * Left out unless includeHubs: the chains (ADVANCES), the letter-level
 * header links (CC, ISSUED_BY, CONTACT), the issuer of a letter (every letter
 * has one), and a letter's mention of a thing that stands only in its header
 * (the title) or its footer (signature, contact, copy list, 印发 line) — so
 * 市府办, to which every letter is copied, joins nothing.
 */

const CONTENT_TYPES: EdgeType[] = ['MENTIONS', 'ANSWERS', 'PROPOSED_BY', 'COMMITS_TO', 'REPORTS', 'CONCERNS', 'SUPPORTS', 'PART_OF'];
const HEADER_TYPES: EdgeType[] = ['ANSWERS', 'CC', 'ISSUED_BY', 'CONTACT'];
export const CONNECTION_LIMITS = { maxHops: 6, first: 20, exploredNodes: 5000, candidatePaths: 2000 } as const;

export interface ConnectionOptions {
  maxHops: number;
  first: number;
  includeHubs: boolean;
}

export interface Connection {
  hops: number;
  cost: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The things between the two ends other than letters: what the path runs through. */
  via: GraphNode[];
}

export interface Connections {
  from: GraphNode;
  to: GraphNode;
  paths: Connection[];
  /** True when the search stopped at its node budget, so a path may have been missed. */
  capped: boolean;
  /** Why nothing came back, when nothing did. */
  note: string | null;
}

interface RawPath { ids: string[]; edges: GraphEdge[] }

/** What a path runs through, for showing each once: the things between the ends that are not letters (ids are Kind:name). */
function viaKey(path: RawPath): string {
  const between = path.ids.slice(1, -1);
  const things = between.filter((id) => !id.startsWith('Letter:'));
  return (things.length > 0 ? things : path.ids).join('→');
}

/** Where a letter's header ends and its footer starts (offsets into its text), from its header links' evidence. */
interface Zones { headerEnd: number; footerStart: number }

export class NotFoundError extends InnographError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export async function findConnections(store: GraphStore, from: GraphNode, to: GraphNode, options: ConnectionOptions): Promise<Connections> {
  checkOptions(options);
  const graph = new Explored(store, options.includeHubs, [from.id, to.id]);
  const sides = [{ dist: new Map([[from.id, 0]]), frontier: [from.id] }, { dist: new Map([[to.id, 0]]), frontier: [to.id] }];
  let raw: RawPath[] = [];
  let cutAt: number | null = null;
  // One more link a round, read from alternate ends (from's side takes the odd links, to's the even), so the
  // two balls always cover every path of that length; stop as soon as the best `first` paths are known.
  for (let hops = 1; hops <= options.maxHops; hops++) {
    const side = sides[(hops - 1) % 2];
    if (side.frontier.length > 0 && !graph.capped) {
      await graph.expand(side.frontier);
      const next: string[] = [];
      for (const id of side.frontier) {
        for (const other of graph.neighbours(id)) {
          if (side.dist.has(other) || graph.isHub(other)) continue;
          side.dist.set(other, side.dist.get(id)! + 1);
          next.push(other);
        }
      }
      side.frontier = next.filter((id) => id !== from.id && id !== to.id);
    }
    ({ found: raw, cutAt } = graph.paths(from.id, to.id, hops));
    // Fewer links rank first, so once `first` different paths are in hand no longer one can displace them.
    if (cutAt !== null || new Set(raw.map(viaKey)).size >= options.first) break;
  }
  const paths = await rank(store, raw, options.first);
  // Paths are listed shortest first, so a cut only matters when the answer reaches the length it fell on.
  const cut = cutAt !== null && (paths.length < options.first || paths.at(-1)!.hops >= cutAt);
  const note = paths.length > 0 ? null : options.includeHubs
    ? `nothing links ${from.name} and ${to.name} within ${options.maxHops} links`
    : `nothing but hubs (chains, the issuer, copy lists, letter headers) links ${from.name} and ${to.name} within ${options.maxHops} links; try includeHubs: true or a larger maxHops`;
  return { from, to, paths, capped: graph.capped || cut, note };
}

function checkOptions(options: ConnectionOptions): void {
  if (!Number.isInteger(options.maxHops) || options.maxHops < 1 || options.maxHops > CONNECTION_LIMITS.maxHops) {
    throw new BadRequestError(`maxHops must be 1 to ${CONNECTION_LIMITS.maxHops}, got ${options.maxHops}`);
  }
  if (!Number.isInteger(options.first) || options.first < 1 || options.first > CONNECTION_LIMITS.first) {
    throw new BadRequestError(`first must be 1 to ${CONNECTION_LIMITS.first}, got ${options.first}`);
  }
}

/** The part of the graph the search has read: usable edges only, by node. */
class Explored {
  private readonly adjacency = new Map<string, Map<string, GraphEdge>>();
  private readonly expanded = new Set<string>();
  private readonly zones = new Map<string, Zones>();
  private readonly hubs = new Set<string>();
  capped = false;

  constructor(private readonly store: GraphStore, private readonly includeHubs: boolean, private readonly ends: string[]) {}

  /** The two ends are never hubs: asking what connects 市府办 to something is a fair question. */
  isHub(id: string): boolean {
    return this.hubs.has(id) && !this.ends.includes(id);
  }

  neighbours(id: string): string[] {
    return [...(this.adjacency.get(id)?.values() ?? [])].map((e) => (e.source === id ? e.target : e.source)).sort();
  }

  async expand(ids: string[]): Promise<void> {
    const todo = ids.filter((id) => !this.expanded.has(id) && !this.isHub(id));
    if (this.adjacency.size + todo.length > CONNECTION_LIMITS.exploredNodes) {
      this.capped = true;
      todo.length = Math.max(0, CONNECTION_LIMITS.exploredNodes - this.adjacency.size);
    }
    todo.forEach((id) => this.expanded.add(id));
    const edges = await inChunks(todo, (chunk) => this.store.edgesOf(chunk, this.includeHubs ? {} : { types: [...new Set([...CONTENT_TYPES, ...HEADER_TYPES])] }));
    if (!this.includeHubs) await this.learnZones(edges);
    for (const edge of edges) if (this.usable(edge)) this.add(edge);
  }

  /** The letters whose mentions are in hand, with their header links: where each header ends, and who issued it. */
  private async learnZones(edges: GraphEdge[]): Promise<void> {
    const letters = [...new Set(edges.filter((e) => e.type === 'MENTIONS' || HEADER_TYPES.includes(e.type)).map((e) => e.source))].filter((id) => !this.zones.has(id));
    const headerEdges = await inChunks(letters, (chunk) => this.store.edgesOf(chunk, { types: HEADER_TYPES, direction: 'out' }));
    for (const letter of letters) this.zones.set(letter, { headerEnd: 0, footerStart: Number.POSITIVE_INFINITY });
    for (const edge of headerEdges) {
      const zone = this.zones.get(edge.source);
      if (!zone) continue;
      for (const e of edge.evidence.filter((x) => x.letter === edge.source)) {
        if (edge.type === 'ANSWERS') zone.headerEnd = Math.max(zone.headerEnd, e.end);
        else zone.footerStart = Math.min(zone.footerStart, e.start);
      }
      if (edge.type === 'ISSUED_BY') this.hubs.add(edge.target);
    }
  }

  private usable(edge: GraphEdge): boolean {
    if (this.includeHubs) return true;
    if (!CONTENT_TYPES.includes(edge.type) || this.isHub(edge.source) || this.isHub(edge.target)) return false;
    if (edge.type !== 'MENTIONS') return true;
    const zone = this.zones.get(edge.source);
    // A mention that stands only in the title or below the signature is a header link, not shared content.
    return !zone || edge.evidence.some((e) => e.letter === edge.source && e.start >= zone.headerEnd && e.end <= zone.footerStart);
  }

  private add(edge: GraphEdge): void {
    const key = edgeKey(edge);
    for (const id of [edge.source, edge.target]) {
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
    for (let length = shortest; length <= maxHops && found.length < CONNECTION_LIMITS.candidatePaths; length++) {
      const ids = [from];
      const edges: GraphEdge[] = [];
      const walk = (at: string): void => {
        if (found.length >= CONNECTION_LIMITS.candidatePaths) return;
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
      if (found.length >= CONNECTION_LIMITS.candidatePaths) return { found, cutAt: length };
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

/**
 * Fewer links first; among paths as long, those through rarer things first:
 * a thing two letters share says more than one every letter names. A letter
 * costs 1, anything else log2(1 + the letters that mention it). Paths through
 * the same things by way of other letters are shown once.
 */
async function rank(store: GraphStore, raw: RawPath[], first: number): Promise<Connection[]> {
  const ids = [...new Set(raw.flatMap((p) => p.ids))];
  const nodes = new Map((await inChunks(ids, async (chunk) => (await store.getNodes(chunk)).filter((n): n is GraphNode => n !== null))).map((n) => [n.id, n]));
  const weight = (n: GraphNode) => (n.kind === 'Letter' ? 1 : Math.log2(1 + new Set(n.mentions.map((m) => m.letter)).size));
  const scored = raw.filter((p) => p.ids.every((id) => nodes.has(id))).map((p) => {
    const path = p.ids.map((id) => nodes.get(id)!);
    const between = path.slice(1, -1);
    return { hops: p.edges.length, cost: between.reduce((sum, n) => sum + weight(n), 0), nodes: path, edges: p.edges, via: between.filter((n) => n.kind !== 'Letter') };
  });
  scored.sort((a, b) => a.hops - b.hops || a.cost - b.cost || kindRank(a.via) - kindRank(b.via) || joined(a.nodes).localeCompare(joined(b.nodes)));
  const seen = new Set<string>();
  const kept: Connection[] = [];
  for (const path of scored) {
    const key = viaKey({ ids: path.nodes.map((n) => n.id), edges: path.edges });
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ ...path, cost: Math.round(path.cost * 100) / 100 });
    if (kept.length >= first) break;
  }
  return kept;
}

/** Among equals, a named thing (a platform, a policy both letters name) is a firmer tie than a slogan both quote or a figure. */
const KIND_ORDER: NodeKind[] = ['Platform', 'Policy', 'Enterprise', 'Organization', 'Person', 'Programme', 'Commitment', 'Achievement', 'Proposal', 'Letter', 'Chain'];
const kindRank = (via: GraphNode[]) => via.reduce((sum, n) => sum + KIND_ORDER.indexOf(n.kind), 0);

const joined = (nodes: GraphNode[]) => nodes.map((n) => n.id).join('→');

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 200) out.push(...(await read(ids.slice(i, i + 200))));
  return out;
}
