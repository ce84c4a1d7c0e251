import type { GraphNode } from '../domain/model.ts';
import { normaliseName } from '../domain/normalise.ts';
import { type GraphStore, LIMITS, type NodeFilter } from '../store/port.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import type { Mention } from './extract/mention.ts';
import { type ReadOptions, readJobs } from './pipeline.ts';
import type { LetterFormat, LetterText } from './read/read-letter-file.ts';

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
      if (colon > 0 && !known.has(entry.slice(colon + 1)))
        known.set(entry.slice(colon + 1), entry.slice(0, colon) as Kind);
    }
  }
  return known;
}

/** Stored letters read again: those that read, and a warning for each that no longer does. */
export interface Reread {
  letters: LetterExtraction[];
  warnings: string[];
}

/**
 * The stored letters whose text holds one of the probes (or whose id is in
 * `also`), read again from that text, under the same time guard as files
 * (ingest/pipeline.ts readJobs). One that fails keeps its stored reading, and
 * a warning says so.
 */
export async function rereadHolding(
  stored: GraphNode[],
  probes: Set<string>,
  options: ReadOptions = {},
  also: Set<string> = new Set(),
): Promise<Reread> {
  const jobs: LetterText[] = [];
  const keys = [...new Set([...probes].map(normaliseName))].filter((key) => key.length > 0);
  if (keys.length > 0 || also.size > 0) {
    for (const node of stored) {
      const text = typeof node.props.text === 'string' ? node.props.text : '';
      // Compared as the graph compares names (full-width brackets, quotes and spaces aside).
      if (also.has(node.id)) jobs.push(storedText(node, text));
      else if (keys.length > 0) {
        const normalised = normaliseName(text);
        if (keys.some((probe) => normalised.includes(probe))) jobs.push(storedText(node, text));
      }
    }
  }
  const letters: LetterExtraction[] = [];
  const warnings: string[] = [];
  for (const result of await readJobs(jobs, options, (done) => options.onReread?.(done, jobs.length))) {
    if (result.ok) letters.push(result.extraction);
    else
      warnings.push(
        `stored letter ${result.source} could not be read again (${result.message}); it keeps its earlier reading`,
      );
  }
  return { letters, warnings };
}

export async function storedLetters(store: GraphStore): Promise<GraphNode[]> {
  return allNodes(store, { kinds: ['Letter'] });
}

/** The things a stored letter mentions (with every letter's mentions). */
export async function nodesOf(store: GraphStore, letterId: string): Promise<GraphNode[]> {
  return allNodes(store, { letter: letterId });
}

export async function allNodes(store: GraphStore, filter: NodeFilter): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes(filter, { first: LIMITS.pageSize, after });
    nodes.push(...page.items);
    if (!page.hasNextPage) return nodes;
    after = page.endCursor;
  }
}

/** A stored letter as the text it was read from, to parse and extract again. */
function storedText(node: GraphNode, text: string): LetterText {
  const source = String(node.props.source ?? node.id.replace(/^Letter:/, ''));
  return {
    source,
    path: source,
    format: (node.props.format ?? 'txt') as LetterFormat,
    encoding: String(node.props.encoding ?? 'utf-8'),
    text,
  };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
