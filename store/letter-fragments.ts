import type { Evidence, GraphDocument, GraphEdge, GraphNode } from '../domain/model.ts';
import type { StoredLetter } from './port.ts';
import { pushTo } from '../domain/multimap.ts';
import { CHAIN_BASES, decodeTie, joinNotes, PER_EVIDENCE_PROPS } from '../domain/chain-ties.ts';

/**
 * A letter's part of a GraphDocument: the nodes it mentions (with its
 * mentions only) and the edges it gives evidence for (with its evidence only).
 * Both adapters store letters as such fragments, which is what makes
 * "replace one letter" exact: nodes shared with other letters keep theirs.
 * Nodes with no mentions at all (the four Chain nodes) belong to no letter.
 */
export interface LetterFragment {
  letter: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function fragmentsOf(
  graph: GraphDocument,
  letterIds: string[],
): { fragments: LetterFragment[]; shared: GraphNode[] } {
  const wanted = new Set(letterIds);
  const fragments = new Map<string, LetterFragment>(letterIds.map((id) => [id, { letter: id, nodes: [], edges: [] }]));
  const shared: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (node.mentions.length === 0) {
      shared.push(node);
      continue;
    }
    // Most nodes hold no wanted letter when a commit cuts a few letters' parts: passed over without grouping.
    if (!node.mentions.some((m) => wanted.has(m.letter))) continue;
    for (const [letter, mentions] of groupByLetter(node.mentions)) {
      if (wanted.has(letter)) fragments.get(letter)!.nodes.push({ ...node, mentions });
    }
  }
  for (const edge of graph.edges) {
    // A letter's part keeps its own per-evidence notes only (a chain tie's reasons), so removing a letter removes
    // them. The notes are split by letter once an edge: filtering all of them for each letter was quadratic in
    // the letters tying one thing to a chain.
    if (!edge.evidence.some((e) => wanted.has(e.letter))) continue;
    const notes = notesByLetter(edge.props);
    for (const [letter, evidence] of groupByLetter(edge.evidence)) {
      if (wanted.has(letter))
        fragments.get(letter)!.edges.push({ ...edge, props: ownProps(edge.props, notes, letter), evidence });
    }
  }
  return { fragments: [...fragments.values()], shared };
}

type NotesByLetter = Map<string, Map<string | undefined, string[]>> | null;

/** An edge's per-evidence notes by prop and by the letter each is of (propsOfLetter's split, done once). */
function notesByLetter(props: GraphEdge['props']): NotesByLetter {
  if (!PER_EVIDENCE_PROPS.some((key) => Array.isArray(props[key]))) return null;
  const byProp = new Map<string, Map<string | undefined, string[]>>();
  for (const key of PER_EVIDENCE_PROPS) {
    const notes = props[key];
    if (!Array.isArray(notes)) continue;
    const byLetter = new Map<string | undefined, string[]>();
    for (const note of notes.map(String)) pushTo(byLetter, decodeTie(note)?.letter, note);
    byProp.set(key, byLetter);
  }
  return byProp;
}

/** propsOfLetter (domain/chain-ties.ts) from notes split once: the same props, in the same key order. */
function ownProps(props: GraphEdge['props'], notes: NotesByLetter, letter: string): GraphEdge['props'] {
  if (!notes) return props;
  const own = { ...props };
  for (const [key, byLetter] of notes) own[key] = byLetter.get(letter) ?? [];
  return own;
}

function groupByLetter(evidence: Evidence[]): Map<string, Evidence[]> {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) pushTo(groups, e.letter, e);
  return groups;
}

const basisRank = (basis: unknown) => {
  const rank = CHAIN_BASES.indexOf(basis as (typeof CHAIN_BASES)[number]);
  return rank < 0 ? CHAIN_BASES.length : rank;
};

/**
 * Merges the same node or edge from several letters, in letter order: mentions
 * and evidence are joined, aliases united, the first non-null value of each
 * prop kept, and for ADVANCES the strongest basis (its per-evidence notes joined).
 */
export function mergeNodes(parts: GraphNode[]): GraphNode {
  const [first] = parts;
  const merged: GraphNode = {
    ...first,
    aliases: [...first.aliases],
    props: { ...first.props },
    mentions: [...first.mentions],
  };
  for (const part of parts.slice(1)) {
    for (const alias of part.aliases) if (!merged.aliases.includes(alias)) merged.aliases.push(alias);
    for (const [k, v] of Object.entries(part.props)) if (merged.props[k] == null) merged.props[k] = v;
    merged.mentions.push(...part.mentions);
    if (part.name.length > merged.name.length) {
      if (!merged.aliases.includes(merged.name)) merged.aliases.push(merged.name);
      merged.name = part.name;
    }
  }
  merged.aliases = merged.aliases.filter((a) => a !== merged.name).sort();
  return merged;
}

export function mergeEdges(parts: GraphEdge[]): GraphEdge {
  const [first] = parts;
  const merged: GraphEdge = { ...first, props: { ...first.props }, evidence: [...first.evidence] };
  for (const part of parts.slice(1)) {
    const before = merged.props;
    if (part.props.basis != null && basisRank(part.props.basis) < basisRank(merged.props.basis))
      merged.props = { ...part.props };
    for (const [k, v] of Object.entries(part.props)) if (merged.props[k] == null) merged.props[k] = v;
    // Per-evidence notes (each chain tie's reason) are joined, whatever part gave the other props.
    for (const k of PER_EVIDENCE_PROPS)
      if (k in part.props || k in before) merged.props[k] = joinNotes(before[k], part.props[k]);
    merged.evidence.push(...part.evidence);
  }
  return merged;
}

/**
 * What a commit writes (GraphStore.StoreWrite.commit): the graph's letters whose part differs from the
 * stored one, the stored letters the graph no longer holds, and the shared nodes (the chains). Parts are
 * compared as JSON: a part that only looks different (keys in another order) is written again, which
 * costs time, never correctness.
 */
export function commitPlan(
  graph: GraphDocument,
  stored: ReadonlyMap<string, LetterFragment>,
): { changed: LetterFragment[]; removed: string[]; shared: GraphNode[]; all: LetterFragment[] } {
  const letterIds = lettersOf(graph);
  const { fragments, shared } = fragmentsOf(graph, letterIds);
  const changed = fragments.filter((fragment) => {
    const old = stored.get(fragment.letter);
    return !old || JSON.stringify(old) !== JSON.stringify(fragment);
  });
  const kept = new Set(letterIds);
  const removed = [...stored.keys()].filter((letter) => !kept.has(letter)).sort();
  return { changed, removed, shared, all: fragments };
}

/** Every letter a graph holds a part of: its Letter nodes, and any letter a mention or evidence names; sorted. */
export function lettersOf(graph: GraphDocument): string[] {
  const ids = new Set(graph.nodes.filter((node) => node.kind === 'Letter').map((node) => node.id));
  // Evidence comes in runs of one letter (a built graph's is sorted by letter): each run's letter is added once.
  const add = (evidence: Evidence[]) => {
    let last: string | null = null;
    for (const e of evidence) if (e.letter !== last) ids.add((last = e.letter));
  };
  for (const node of graph.nodes) add(node.mentions);
  for (const edge of graph.edges) add(edge.evidence);
  return [...ids].sort();
}

/** The letter a fragment is of, as a stored letter to read again (its Letter node's source, format, encoding, text). */
export function storedLetterOf(fragment: LetterFragment): StoredLetter | null {
  const node = fragment.nodes.find((n) => n.id === fragment.letter && n.kind === 'Letter');
  return node ? storedLetterOfNode(node) : null;
}

/** A Letter node as a stored letter to read again; null when it keeps no text (a graph written by hand). */
export function storedLetterOfNode(node: GraphNode): StoredLetter | null {
  if (typeof node.props.text !== 'string') return null;
  return {
    id: node.id,
    source: String(node.props.source ?? node.id.replace(/^Letter:/, '')),
    format: String(node.props.format ?? 'txt'),
    encoding: String(node.props.encoding ?? 'utf-8'),
    text: node.props.text,
    place: typeof node.props.givenPlace === 'string' ? node.props.givenPlace : null,
  };
}
