import neo4j, { type Integer } from 'neo4j-driver';
import type { Evidence, GraphEdge, GraphNode, NodeKind, EdgeType, Props } from '../../domain/model.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { bigrams, searchKey } from '../search-score.ts';

/**
 * Conversions between the GraphDocument model and the layout in Neo4j:
 * a letter's part of a node or edge (the letter, its mentions or evidence, its
 * version of the name, aliases and props: kept by letter-parts.ts), and
 * the merged node (an :Entity node with the filter and search columns) or
 * edge (a relationship).
 */

/** A letter's part of a node or an edge as stored; `letter` '' is the part of a node no letter mentions (a chain). */
export interface StoredPart {
  letter: string;
  variant: string;
  starts: number[];
  ends: number[];
  /** A node part: the letter names the node in its body (store/letter-body.ts), what `recurring` counts. */
  body?: boolean;
}

/**
 * A merged node's mentions or a merged edge's evidence as stored on it, written at each commit: three
 * parallel lists (letter, start, end of each span), by letter as JavaScript compares strings, each
 * letter's spans as they were given, the order the embedded store merges them in.
 */
export interface SpanRecord {
  letters: string[] | null;
  starts: unknown[] | null;
  ends: unknown[] | null;
}

export interface NodeRecord {
  id: string;
  kind: string;
  name: string;
  aliases: string[] | null;
  propsJson: string | null;
  mLetters: string[] | null;
  mStarts: unknown[] | null;
  mEnds: unknown[] | null;
}

export interface EdgeRecord {
  type: string;
  source: string;
  target: string;
  propsJson: string | null;
  eLetters: string[] | null;
  eStarts: unknown[] | null;
  eEnds: unknown[] | null;
}

const num = (v: unknown) =>
  typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v);

export function evidenceOf(spans: SpanRecord): Evidence[] {
  const letters = spans.letters ?? [];
  return letters.map((letter, i) => ({ letter, start: num(spans.starts![i]), end: num(spans.ends![i]) }));
}

export function nodeFromRecord(r: NodeRecord): GraphNode {
  return {
    id: r.id,
    kind: r.kind as NodeKind,
    name: r.name,
    aliases: [...(r.aliases ?? [])],
    props: r.propsJson ? JSON.parse(r.propsJson) : {},
    mentions: evidenceOf({ letters: r.mLetters, starts: r.mStarts, ends: r.mEnds }),
  };
}

export function edgeFromRecord(r: EdgeRecord): GraphEdge {
  return {
    type: r.type as EdgeType,
    source: r.source,
    target: r.target,
    props: r.propsJson ? JSON.parse(r.propsJson) : {},
    evidence: evidenceOf({ letters: r.eLetters, starts: r.eStarts, ends: r.eEnds }),
  };
}

/**
 * What a node's or an edge's parts (in letter order; the shared part, letter '', left out) put on the
 * merged one: their spans, the letters, and (nodes) the letters whose part counts as body (recurring).
 * `append`: these parts come after every part already stored, and are added to the stored lists.
 */
export interface MergedSpans {
  letters: string[];
  starts: number[];
  ends: number[];
  partLetters: string[];
  bodyLetters: string[];
  append: boolean;
}

export function spansOf(parts: StoredPart[], append: boolean): MergedSpans {
  const spans: MergedSpans = { letters: [], starts: [], ends: [], partLetters: [], bodyLetters: [], append };
  for (const part of parts) {
    if (part.letter === '') continue;
    spans.partLetters.push(part.letter);
    if (part.body !== false) spans.bodyLetters.push(part.letter);
    for (let i = 0; i < part.starts.length; i++) {
      spans.letters.push(part.letter);
      spans.starts.push(part.starts[i]);
      spans.ends.push(part.ends[i]);
    }
  }
  return spans;
}

const spanColumns = (prefix: 'm', spans: MergedSpans) => ({
  [`${prefix}Letters`]: spans.letters,
  [`${prefix}Starts`]: spans.starts.map(integer),
  [`${prefix}Ends`]: spans.ends.map(integer),
});

/** A node part's version of the node: what the merge reads (name, aliases, props), as one comparable string. */
export function nodeVariant(node: Pick<GraphNode, 'name' | 'aliases' | 'props'>): string {
  return JSON.stringify([node.name, node.aliases, node.props]);
}

export function nodeFromVariant(id: string, kind: NodeKind, variant: string): GraphNode {
  const [name, aliases, props] = JSON.parse(variant) as [string, string[], Props];
  return { id, kind, name, aliases, props, mentions: [] };
}

export function edgeVariant(edge: Pick<GraphEdge, 'props'>): string {
  return JSON.stringify(edge.props);
}

/** Whole numbers go to Neo4j as integers (the driver would send every JavaScript number as a float). */
export function integer(value: number): Integer {
  return neo4j.int(value);
}

const numberColumn = (v: unknown) => (typeof v !== 'number' ? null : Number.isInteger(v) ? integer(v) : v);

/** Bigrams as tokens of the full-text index: hex of their UTF-16 code units, so no analyzer or query syntax can touch them. */
export function gramToken(gram: string): string {
  let token = '';
  for (let i = 0; i < gram.length; i++) token += gram.charCodeAt(i).toString(16).padStart(4, '0');
  return token;
}

/** A merged node's row: the columns the filters (commitments, find-nodes) and the search (searchName, grams) compare. */
export function mergedNodeRow(
  node: GraphNode,
  state: { lastLetter: string | null; letterCount: number; shared: boolean },
  spans: MergedSpans,
) {
  const name = searchKey(node.name);
  const aliases = node.aliases.map(searchKey);
  const grams = [...new Set([name, ...aliases].flatMap(bigrams))];
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    aliases: node.aliases,
    propsJson: JSON.stringify(node.props),
    year: numberColumn(node.props.year),
    unit: typeof node.props.unit === 'string' ? node.props.unit : null,
    value: numberColumn(node.props.value),
    text: typeof node.props.text === 'string' ? node.props.text : null,
    commitmentLetter: typeof node.props.letter === 'string' ? node.props.letter : null,
    searchName: name,
    searchAliases: aliases,
    // As the embedded store compares commitments' text: normalised, not lower-cased.
    searchText: node.kind === 'Commitment' ? normaliseName(String(node.props.text)) : null,
    grams,
    gramText: grams.map(gramToken).join(' '),
    lastLetter: state.lastLetter,
    letterCount: integer(state.letterCount),
    shared: state.shared ? true : null,
    ...spanColumns('m', spans),
    letters: spans.partLetters,
    bodyLetters: spans.bodyLetters,
    append: spans.append,
  };
}

export function mergedEdgeRow(key: string, edge: GraphEdge, spans: MergedSpans) {
  return {
    key,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    propsJson: JSON.stringify(edge.props),
    eLetters: spans.letters,
    eStarts: spans.starts.map(integer),
    eEnds: spans.ends.map(integer),
    append: spans.append,
  };
}

export { num };
