import { BadRequestError, InnographError } from '../../domain/errors.ts';
import type { GraphEdge, GraphNode, NodeKind } from '../../domain/model.ts';
import type { LinkNumbers } from '../../store/link-numbers.ts';
import type { GraphStore } from '../../store/port.ts';
import type { InnographContext } from '../context.ts';
import { mentionViews } from '../evidence.ts';
import {
  CONNECTION_LIMITS,
  Explored,
  inChunks,
  type RawPath,
  type SearchBudget,
  searchPaths,
  viaKey,
} from './explored-graph.ts';
import { IndexedExplored } from './indexed-explored.ts';

export { CONNECTION_LIMITS };

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

export interface ConnectionOptions {
  maxHops: number;
  first: number;
  includeHubs: boolean;
  /** The search's budget (default CONNECTION_LIMITS); not asked of API users. */
  budget?: SearchBudget;
}

export interface Connection {
  hops: number;
  cost: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The things between the two ends other than letters: what the path runs through. */
  via: GraphNode[];
  /** The path read as a person reads it: each step between two things, what it means and the sentences behind it. */
  links: PathLink[];
}

/**
 * One step of a path with its reason. A letter between two things it names
 * (X —MENTIONS— letter —MENTIONS— Y) is one step, SAME_LETTER: they are only
 * named in the same letter, which says nothing of how they relate; its
 * evidence is the sentence naming each. Any other link is STATED: a sentence
 * says it (supports, part of, the commitment concerns it, the letter answers
 * the proposal …), and its evidence is that sentence.
 */
export interface PathLink {
  from: GraphNode;
  to: GraphNode;
  kind: 'SAME_LETTER' | 'STATED';
  /** The link's type (STATED), null for SAME_LETTER. */
  type: GraphEdge['type'] | null;
  /** The letter they are both named in (SAME_LETTER), else null. */
  letter: GraphNode | null;
  evidence: GraphEdge['evidence'];
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

/** A thing or a letter the request names does not exist (code NOT_FOUND, so a client can tell it from a bad argument). */
export class NotFoundError extends InnographError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export async function findConnections(
  store: GraphStore,
  from: GraphNode,
  to: GraphNode,
  options: ConnectionOptions,
): Promise<Connections> {
  checkOptions(options);
  const links = (await store.connectionLinks?.()) ?? null;
  if (!links || options.budget) return connect(store, links, from, to, options);
  let kept = keptAnswers.get(links);
  if (!kept) keptAnswers.set(links, (kept = new Map()));
  const key = JSON.stringify([from.id, to.id, options.maxHops, options.first, options.includeHubs]);
  let answer = kept.get(key);
  if (!answer) {
    if (kept.size >= 256) kept.delete(kept.keys().next().value!);
    const answers = kept;
    answers.set(key, (answer = connect(store, links, from, to, options)));
    answer.catch(() => answers.delete(key));
  }
  return answer;
}

/**
 * Answers kept per graph version (its numbered links), at most 256, as search and the filtered lists keep
 * theirs: a question asked again, by another client or the explorer redrawing, costs nothing more.
 */
const keptAnswers = new WeakMap<LinkNumbers, Map<string, Promise<Connections>>>();

async function connect(
  store: GraphStore,
  links: LinkNumbers | null,
  from: GraphNode,
  to: GraphNode,
  options: ConnectionOptions,
): Promise<Connections> {
  const { raw, cutAt, capped } = await candidates(store, links, from.id, to.id, options);
  const paths = await rank(store, raw, options.first);
  // Paths are listed shortest first, so a cut only matters when the answer reaches the length it fell on.
  const cut = cutAt !== null && (paths.length < options.first || paths.at(-1)!.hops >= cutAt);
  const note =
    paths.length > 0
      ? null
      : capped
        ? `no path found before the search reached its budget of ${(options.budget ?? CONNECTION_LIMITS).exploredNodes} things (${from.name} or ${to.name} is named by very many letters); try a smaller maxHops`
        : options.includeHubs
          ? `nothing links ${from.name} and ${to.name} within ${options.maxHops} links`
          : `nothing but hubs (chains, the issuer, copy lists, letter headers) links ${from.name} and ${to.name} within ${options.maxHops} links; try includeHubs: true or a larger maxHops`;
  return { from, to, paths, capped: capped || cut, note };
}

/** The candidate paths, from the store's numbered links when it has them (the embedded store, made once per graph version), else through its edgesOf. */
async function candidates(
  store: GraphStore,
  links: LinkNumbers | null,
  from: string,
  to: string,
  options: ConnectionOptions,
): Promise<{ raw: RawPath[]; cutAt: number | null; capped: boolean }> {
  const [a, b] = [links?.numberOf(from), links?.numberOf(to)];
  if (links && a !== undefined && b !== undefined) {
    const graph = new IndexedExplored(links, options.includeHubs, [a, b], options.budget);
    try {
      const { found, cutAt } = await searchPaths(graph, a, b, options);
      return { raw: found.map((path) => graph.raw(path)), cutAt, capped: graph.capped };
    } finally {
      graph.give();
    }
  }
  const graph = new Explored(store, options.includeHubs, [from, to], options.budget);
  const { found, cutAt } = await searchPaths(graph, from, to, options);
  return { raw: found, cutAt, capped: graph.capped };
}

function checkOptions(options: ConnectionOptions): void {
  if (!Number.isInteger(options.maxHops) || options.maxHops < 1 || options.maxHops > CONNECTION_LIMITS.maxHops) {
    throw new BadRequestError(`maxHops must be 1 to ${CONNECTION_LIMITS.maxHops}, got ${options.maxHops}`);
  }
  if (!Number.isInteger(options.first) || options.first < 1 || options.first > CONNECTION_LIMITS.first) {
    throw new BadRequestError(`first must be 1 to ${CONNECTION_LIMITS.first}, got ${options.first}`);
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
  const nodes = new Map(
    (await inChunks(ids, async (chunk) => (await store.getNodes(chunk)).filter((n): n is GraphNode => n !== null))).map(
      (n) => [n.id, n],
    ),
  );
  const scored = raw
    .filter((p) => p.ids.every((id) => nodes.has(id)))
    .map((p) => {
      const path = p.ids.map((id) => nodes.get(id)!);
      const between = path.slice(1, -1);
      const via = between.filter((n) => n.kind !== 'Letter');
      return {
        hops: p.edges.length,
        cost: between.reduce((sum, n) => sum + weight(n), 0),
        nodes: path,
        edges: p.edges,
        via,
        sameLetter: sameLetterSteps(path, p.edges),
        kinds: kindRank(via),
        joined: joined(path),
      };
    });
  // A step that is only "named in the same letter" says least: paths with fewer of them first, then fewer links.
  scored.sort(
    (a, b) =>
      a.sameLetter - b.sameLetter ||
      a.hops - b.hops ||
      a.cost - b.cost ||
      a.kinds - b.kinds ||
      collator.compare(a.joined, b.joined),
  );
  const seen = new Set<string>();
  const kept: Connection[] = [];
  for (const path of scored) {
    const key = viaKey({ ids: path.nodes.map((n) => n.id), edges: path.edges });
    if (seen.has(key)) continue;
    seen.add(key);
    const { hops, cost, nodes: steps, edges, via } = path;
    // The steps' reasons and sentences, for the paths kept only: a search ranks up to 2,000.
    kept.push({ hops, cost: Math.round(cost * 100) / 100, nodes: steps, edges, via, links: linksOf(steps, edges) });
    if (kept.length >= first) break;
  }
  return kept;
}

/** Among equals, a named thing (a platform, a policy both letters name) is a firmer tie than a slogan both quote or a figure. */
const KIND_ORDER: NodeKind[] = [
  'Platform',
  'Policy',
  'Enterprise',
  'Organization',
  'Person',
  'Programme',
  'Commitment',
  'Achievement',
  'Proposal',
  'Letter',
  'Chain',
];
const kindRank = (via: GraphNode[]) => via.reduce((sum, n) => sum + KIND_ORDER.indexOf(n.kind), 0);

/** String.prototype.localeCompare's order (the default collator), made once: a ranking compares thousands of paths. */
const collator = new Intl.Collator();

/**
 * A thing's weight on a path: a letter 1, anything else log2(1 + the letters that mention it). Kept per node
 * object (a graph version's): a hub's thousands of mentions were counted again for every search through it.
 */
const weights = new WeakMap<GraphNode, number>();
function weight(n: GraphNode): number {
  let w = weights.get(n);
  if (w === undefined)
    weights.set(n, (w = n.kind === 'Letter' ? 1 : Math.log2(1 + new Set(n.mentions.map((m) => m.letter)).size)));
  return w;
}

const joined = (nodes: GraphNode[]) => nodes.map((n) => n.id).join('→');

/** The path's steps with their reasons (see PathLink): a letter between two things it names is one SAME_LETTER step. */
export function linksOf(nodes: GraphNode[], edges: GraphEdge[]): PathLink[] {
  const links: PathLink[] = [];
  for (let i = 0; i < edges.length; i++) {
    const letter = nodes[i + 1];
    const next = edges[i + 1];
    if (sameLetterAt(nodes, edges, i)) {
      links.push({
        from: nodes[i],
        to: nodes[i + 2],
        kind: 'SAME_LETTER',
        type: null,
        letter,
        // The first place the letter names each: the two sentences a reader checks.
        evidence: [firstIn(edges[i].evidence, letter.id), firstIn(next.evidence, letter.id)].filter(
          (e): e is GraphEdge['evidence'][number] => e !== undefined,
        ),
      });
      i++;
      continue;
    }
    links.push({
      from: nodes[i],
      to: nodes[i + 1],
      kind: 'STATED',
      type: edges[i].type,
      letter: null,
      evidence: edges[i].evidence,
    });
  }
  return links;
}

/** Whether links i and i + 1 are one SAME_LETTER step: a letter between two things it names. */
function sameLetterAt(nodes: GraphNode[], edges: GraphEdge[], i: number): boolean {
  return (
    nodes[i + 1].kind === 'Letter' &&
    i + 1 < edges.length &&
    edges[i].type === 'MENTIONS' &&
    edges[i + 1].type === 'MENTIONS' &&
    nodes[i].kind !== 'Letter' &&
    nodes[i + 2].kind !== 'Letter'
  );
}

/** How many SAME_LETTER steps linksOf makes of a path, without gathering their sentences. */
function sameLetterSteps(nodes: GraphNode[], edges: GraphEdge[]): number {
  let steps = 0;
  for (let i = 0; i < edges.length; i++) {
    if (!sameLetterAt(nodes, edges, i)) continue;
    steps++;
    i++;
  }
  return steps;
}

const firstIn = (evidence: GraphEdge['evidence'], letter: string) =>
  [...evidence].filter((e) => e.letter === letter).sort((a, b) => a.start - b.start)[0];

/** PathLink's evidence, with each sentence, as Edge.evidence shows it. */
export const pathLinkFields = {
  evidence: (link: PathLink, _args: unknown, context: InnographContext) => mentionViews(context, link.evidence),
};
