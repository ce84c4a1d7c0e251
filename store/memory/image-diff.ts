import { decodeTie, PER_EVIDENCE_PROPS } from '../../domain/chain-ties.ts';
import { edgeKey, type Evidence, type GraphDocument, type Props } from '../../domain/model.ts';
import { jsonOf } from './image-encode.ts';
import { EDGE_FIELDS, NO_PROPS, NODE_FIELDS } from './image-format.ts';
import type { RawImage } from './image-graph.ts';

/**
 * The letters whose part (store/letter-fragments.ts) a commit may change, found by comparing the graph it
 * commits with the image of the state it replaces — instead of cutting every letter's part from the graph and
 * encoding it (8 of the 20 s a one-letter change into 10,000 letters spent committing).
 *
 * A letter's part holds, for each node it mentions and each edge it gives evidence for, that node's or edge's
 * merged name, aliases and props (the same in every letter's part) and the letter's own spans and chain-tie
 * notes. So a letter's part can differ only where a node or edge it holds (now or before) differs: in the
 * merged data — then every letter holding it is compared — or in one letter's spans or notes — then that letter
 * is. The image shows exactly the stored state (it is checked against the manifest, and it is the merge of the
 * stored parts), so every part that changes is among the letters returned: the commit then cuts and compares
 * only those, byte for byte, and keeps the other letters' lines as they are.
 *
 * Null when the comparison cannot be made safely (a graph not in GraphBuilder's order, an edge whose end is
 * not a node, an image not in key order): the caller then compares every letter.
 */
export function lettersToCompare(
  graph: GraphDocument,
  image: RawImage,
  /** The key of each of the graph's edges (edgeKey), when the caller has them. */
  keyOf: readonly string[] = graph.edges.map(edgeKey),
): Set<string> | null {
  if (!image.keyOrdered) return null;
  const { strings, nodes, aliases, spans, edges, index } = image;
  const letters = new Set<string>();
  const addAll = (list: Evidence[]) => {
    for (const e of list) letters.add(e.letter);
  };
  const addOld = (start: number, count: number) => {
    for (let k = start; k < start + count; k++) letters.add(strings[spans[k * 3]]);
  };
  /** The letters whose spans differ between the new list and the old run of spans. */
  const addChangedSpans = (list: Evidence[], start: number, count: number) => {
    if (list.length === count && list.every((e, k) => sameSpan(e, start + k))) return;
    const before = new Map<string, string>();
    for (let k = start; k < start + count; k++) {
      const letter = strings[spans[k * 3]];
      before.set(letter, `${before.get(letter) ?? ''}${spans[k * 3 + 1]},${spans[k * 3 + 2]};`);
    }
    const after = new Map<string, string>();
    for (const e of list) after.set(e.letter, `${after.get(e.letter) ?? ''}${e.start},${e.end};`);
    for (const [letter, text] of after) if (before.get(letter) !== text) letters.add(letter);
    for (const [letter, text] of before) if (after.get(letter) !== text) letters.add(letter);
  };
  const sameSpan = (e: Evidence, k: number) =>
    strings[spans[k * 3]] === e.letter && spans[k * 3 + 1] === e.start && spans[k * 3 + 2] === e.end;
  const oldProps = (n: number) => (n === NO_PROPS ? null : strings[n]);

  const seen = new Uint8Array(nodes.length / NODE_FIELDS);
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) return null;
    ids.add(node.id);
    const i = index.get(node.id);
    if (i === undefined) {
      addAll(node.mentions);
      continue;
    }
    seen[i] = 1;
    const r = i * NODE_FIELDS;
    let same =
      strings[nodes[r + 1]] === node.kind &&
      strings[nodes[r + 2]] === node.name &&
      nodes[r + 4] === node.aliases.length &&
      oldProps(nodes[r + 5]) === propsJson(node.props);
    for (let a = 0; same && a < node.aliases.length; a++) same = strings[aliases[nodes[r + 3] + a]] === node.aliases[a];
    if (same) addChangedSpans(node.mentions, nodes[r + 6], nodes[r + 7]);
    else {
      addAll(node.mentions);
      addOld(nodes[r + 6], nodes[r + 7]);
    }
  }
  // Nodes the new graph no longer holds: the letters that held them lose them.
  for (let i = 0; i < seen.length; i++) if (!seen[i]) addOld(nodes[i * NODE_FIELDS + 6], nodes[i * NODE_FIELDS + 7]);

  // Edges, both lists in key order (GraphBuilder sorts them; image-encode.ts writes them so): walked side by side.
  const size = edges.length / EDGE_FIELDS;
  const oldKey = (e: number) => {
    const r = e * EDGE_FIELDS;
    return `${strings[edges[r]]}|${strings[nodes[edges[r + 1] * NODE_FIELDS]]}|${strings[nodes[edges[r + 2] * NODE_FIELDS]]}`;
  };
  let e = 0;
  let previous = '';
  for (let n = 0; n < graph.edges.length; n++) {
    const edge = graph.edges[n];
    if (!ids.has(edge.source) || !ids.has(edge.target)) return null;
    const key = keyOf[n];
    if (key <= previous) return null;
    previous = key;
    let old = e < size ? oldKey(e) : null;
    while (old !== null && old < key) {
      addOld(edges[e * EDGE_FIELDS + 4], edges[e * EDGE_FIELDS + 5]);
      e++;
      old = e < size ? oldKey(e) : null;
    }
    if (old !== key) {
      addAll(edge.evidence);
      continue;
    }
    const r = e * EDGE_FIELDS;
    e++;
    const before = oldProps(edges[r + 3]);
    const after = propsJson(edge.props);
    if (before === after) addChangedSpans(edge.evidence, edges[r + 4], edges[r + 5]);
    else if (before !== null && after !== null && sameButNotes(JSON.parse(before) as Props, edge.props, letters)) {
      // The merged props are the same but for chain-tie notes: the letters whose own notes changed were added.
      addChangedSpans(edge.evidence, edges[r + 4], edges[r + 5]);
    } else {
      addAll(edge.evidence);
      addOld(edges[r + 4], edges[r + 5]);
    }
  }
  for (; e < size; e++) addOld(edges[e * EDGE_FIELDS + 4], edges[e * EDGE_FIELDS + 5]);
  return letters;
}

/** Props as the image holds them: JSON, or none for no props. */
function propsJson(props: Props): string | null {
  for (const _ in props) return jsonOf(props);
  return null;
}

/**
 * Whether two edge props differ only in their per-evidence notes (a chain tie's reasons, which each letter's
 * part holds its own of: letter-fragments.ts ownProps); if so, the letters whose notes differ are added.
 */
function sameButNotes(before: Props, after: Props, letters: Set<string>): boolean {
  const rest = (props: Props) =>
    JSON.stringify(
      Object.entries(props).map(([key, value]) =>
        // A list of notes is split by letter (below); anything else is every letter's as it is.
        (PER_EVIDENCE_PROPS as readonly string[]).includes(key) && Array.isArray(value) ? [key] : [key, value],
      ),
    );
  if (rest(before) !== rest(after)) return false;
  for (const key of PER_EVIDENCE_PROPS) {
    const [a, b] = [notesByLetter(before[key]), notesByLetter(after[key])];
    for (const [letter, notes] of a) if (b.get(letter) !== notes) letters.add(letter);
    for (const [letter, notes] of b) if (a.get(letter) !== notes) letters.add(letter);
  }
  return true;
}

/** A notes prop's notes by the letter each is of (as ownProps splits them), joined for comparison. */
function notesByLetter(notes: Props[string]): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(notes)) return out;
  for (const note of notes.map(String)) {
    const letter = decodeTie(note)?.letter;
    if (letter !== undefined) out.set(letter, `${out.get(letter) ?? ''}${JSON.stringify(note)},`);
  }
  return out;
}
