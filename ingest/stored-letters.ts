import type { GraphNode } from '../store/model.ts';
import { type GraphStore, LIMITS, type NodeFilter } from '../store/port.ts';
import { extractLetter, type LetterExtraction } from './extract/extract-letter.ts';
import type { Mention } from './extract/mention.ts';
import { parseLetter } from './parse/parse-letter.ts';
import type { LetterFormat } from './read/read-letter-file.ts';

/**
 * The stored letters as the ingest plan sees them (ingest/ingest-plan.ts):
 * Letter nodes with the text they were read from and the names they teach,
 * read again from that text when a change elsewhere concerns them.
 */
type Kind = Mention['kind'];

/** The names stored letters teach (their `repeatNames`, "Kind:name"), first teacher's kind kept. */
export function taughtNames(stored: GraphNode[]): Map<string, Kind> {
  const known = new Map<string, Kind>();
  for (const node of stored) {
    for (const entry of stringList(node.props.repeatNames)) {
      const colon = entry.indexOf(':');
      if (colon > 0 && !known.has(entry.slice(colon + 1))) known.set(entry.slice(colon + 1), entry.slice(0, colon) as Kind);
    }
  }
  return known;
}

/** The stored letters whose text holds one of the probes, read again from that text. */
export function rereadHolding(stored: GraphNode[], probes: Set<string>): LetterExtraction[] {
  const again: LetterExtraction[] = [];
  if (probes.size === 0) return again;
  for (const node of stored) {
    const text = typeof node.props.text === 'string' ? node.props.text : '';
    if (![...probes].some((probe) => text.includes(probe))) continue;
    const reread = rereadStored(node, text);
    if (reread) again.push(reread);
  }
  return again;
}

export async function storedLetters(store: GraphStore): Promise<GraphNode[]> {
  return allPages(store, { kinds: ['Letter'] });
}

/** The things a stored letter mentions (with every letter's mentions). */
export async function nodesOf(store: GraphStore, letterId: string): Promise<GraphNode[]> {
  return allPages(store, { letter: letterId });
}

async function allPages(store: GraphStore, filter: NodeFilter): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes(filter, { first: LIMITS.pageSize, after });
    nodes.push(...page.items);
    if (!page.hasNextPage) return nodes;
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

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
