import type { GraphDocument, GraphNode } from '../store/model.ts';
import type { GraphStore } from '../store/port.ts';
import { extractLetter, type LetterExtraction } from './extract/extract-letter.ts';
import type { Mention } from './extract/mention.ts';
import { explicitNames } from './extract/repeats.ts';
import { entityId } from './graph/ids.ts';
import { parseLetter } from './parse/parse-letter.ts';
import { graphOfLetters, sameDocNumber } from './pipeline.ts';
import type { LetterFormat } from './read/read-letter-file.ts';

/**
 * What an ingest writes, so that the graph does not depend on how letters
 * were batched. A name is looked for again in every letter once one letter
 * marks it (ingest/extract/repeats.ts); in a batch that covers all letters of
 * the batch, but a letter ingested alone would not see names that stored
 * letters taught, nor would stored letters see the names it teaches. So:
 * - each stored Letter keeps the names it teaches (`repeatNames`), and the new
 *   letters are read with them;
 * - stored letters whose text holds a name that only the new letters teach are
 *   read again from their stored text and written with the batch;
 * - so are stored letters that may name the same thing differently from a new
 *   letter: for each name of a new letter that is no stored node yet, those
 *   whose text holds the name or its last six characters (the part that says
 *   what it is: 科技成果转化联合办公室 ~ 温州市校（院）地科技成果转化联合办公室),
 *   so that resolution across letters sees both, as in one batch.
 * Also warns when a new letter carries the document number of another file.
 */
export interface IngestPlan {
  graph: GraphDocument;
  /** The letters to replace: the new ones and the stored ones read again. */
  letterIds: string[];
  /** Stored letters read again because a new letter teaches a name they hold. */
  reread: string[];
  warnings: string[];
}

type Kind = Mention['kind'];

export async function planIngest(store: GraphStore, letters: LetterExtraction[]): Promise<IngestPlan> {
  const newIds = new Set(letters.map((l) => `Letter:${l.letter.source}`));
  const stored = (await storedLetters(store)).filter((node) => !newIds.has(node.id));
  const known = new Map<string, Kind>();
  for (const node of stored) {
    for (const entry of stringList(node.props.repeatNames)) {
      const colon = entry.indexOf(':');
      if (colon > 0 && !known.has(entry.slice(colon + 1))) known.set(entry.slice(colon + 1), entry.slice(0, colon) as Kind);
    }
  }
  const probes = new Set<string>();
  for (const letter of letters) for (const [name] of explicitNames(letter)) if (!known.has(name)) probes.add(name);
  for (const name of await unsettledNames(store, letters)) {
    probes.add(name);
    if (name.length > 6) probes.add(name.slice(-6));
  }
  const again: LetterExtraction[] = [];
  for (const node of stored) {
    const text = typeof node.props.text === 'string' ? node.props.text : '';
    if (![...probes].some((probe) => text.includes(probe))) continue;
    const reread = rereadStored(node, text);
    if (reread) again.push(reread);
  }
  const batch = [...letters, ...again];
  const warnings = sameDocNumber([
    ...letters.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null })),
    ...stored.map((node) => ({ source: String(node.props.source ?? node.id), docNumber: typeof node.props.docNumber === 'string' ? node.props.docNumber : null, stored: true })),
  ]);
  return { graph: graphOfLetters(batch, known), letterIds: batch.map((l) => `Letter:${l.letter.source}`), reread: again.map((l) => l.letter.source), warnings };
}

const NAMED_KINDS = new Set(['Person', 'Organization', 'Platform', 'Enterprise', 'Policy', 'Programme']);

/** Names the new letters use that are not yet a stored node's id (stored names are resolved already). */
async function unsettledNames(store: GraphStore, letters: LetterExtraction[]): Promise<string[]> {
  const byId = new Map<string, string>();
  for (const letter of letters) {
    for (const m of letter.mentions) if (NAMED_KINDS.has(m.kind) && m.name.length >= 3) byId.set(entityId(m.kind, m.name), m.name);
  }
  const ids = [...byId.keys()];
  const unsettled: string[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    const nodes = await store.getNodes(batch);
    batch.forEach((id, k) => { if (!nodes[k]) unsettled.push(byId.get(id)!); });
  }
  return unsettled;
}

async function storedLetters(store: GraphStore): Promise<GraphNode[]> {
  const letters: GraphNode[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes({ kinds: ['Letter'] }, { first: 200, after });
    letters.push(...page.items);
    if (!page.hasNextPage) return letters;
    after = page.endCursor;
  }
}

/** A stored letter parsed and extracted again from the text the store keeps; null when that no longer parses. */
function rereadStored(node: GraphNode, text: string): LetterExtraction | null {
  const source = String(node.props.source ?? node.id.replace(/^Letter:/, ''));
  try {
    return extractLetter(parseLetter({ source, path: source, format: (node.props.format ?? 'txt') as LetterFormat, encoding: String(node.props.encoding ?? 'utf-8'), text }));
  } catch {
    return null;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
