import { basename } from 'node:path';
import type { GraphDocument } from '../domain/model.ts';
import { collectLetterFiles } from './collect-files.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import { archiveGraph } from './stages.ts';
import { type OneResult, type ReadJob, readOne } from './read-one.ts';
import { cleanLetterText } from './read/clean.ts';
import type { LetterText } from './read/read-letter-file.ts';
import { DEFAULT_POOL, defaultWorkers, extractInWorkers } from './worker-pool.ts';

/** What happened to one input file. */
export interface FileOutcome {
  file: string;
  source: string;
  /** read: every header part found · partial: read, some parts missing · rejected: not read at all. */
  status: 'read' | 'partial' | 'rejected';
  /** For rejected files, why; for partial ones, what is missing. */
  problems: string[];
}

export interface PipelineResult {
  letters: LetterExtraction[];
  outcomes: FileOutcome[];
  /** Things worth a look that did not stop a file (two files with one document number). */
  warnings: string[];
}

export type Progress = (done: number, total: number, file: string) => void;

export interface ReadOptions {
  /**
   * Worker threads for read → parse → extract; default: one per core for large
   * batches, one for small ones. 0 reads in this thread, without the time
   * guard (a running function cannot be stopped): for tests and tools that
   * read known letters only.
   */
  workers?: number;
  /**
   * The time guard: a file still being read after this long is rejected and
   * the batch goes on. Needs a worker (a thread can be stopped), so files are
   * read in at least one worker unless `workers` is 0 and no limit is given.
   * @default 120_000 (DEFAULT_POOL.timeLimitMs)
   */
  timeLimitMs?: number;
  /** Told how many of the stored letters to read again are read, out of how many (ingest and remove plans). */
  onReread?: (done: number, total: number) => void;
}

/**
 * Reads jobs (files, or stored letters' text) under the time guard, in input
 * order. Every caller goes through here, so no path extracts unguarded unless
 * it asks for it with `workers: 0`.
 */
export async function readJobs(
  jobs: ReadJob[],
  options: ReadOptions = {},
  onDone?: (done: number) => void,
): Promise<OneResult[]> {
  if (jobs.length === 0) return [];
  const inThisThread = options.workers === 0 && options.timeLimitMs === undefined;
  if (!inThisThread) {
    const workers = Math.max(1, options.workers ?? defaultWorkers(jobs.length));
    return extractInWorkers(jobs, workers, (done) => onDone?.(done), {
      timeLimitMs: options.timeLimitMs ?? DEFAULT_POOL.timeLimitMs,
    });
  }
  const results: OneResult[] = [];
  for (const job of jobs) {
    results.push(await readOne(job));
    onDone?.(results.length);
  }
  return results;
}

/** read → parse → extract for each file; a file that fails is reported and the batch goes on. */
export async function readLetters(
  paths: string[],
  onProgress?: Progress,
  options: ReadOptions = {},
): Promise<PipelineResult> {
  const { files, missing } = await collectLetterFiles(paths);
  const outcomes: FileOutcome[] = missing.map((file) => ({
    file,
    source: basename(file),
    status: 'rejected',
    problems: ['no such file or folder'],
  }));
  // Letters are identified by base name: a second file of the same name is refused before any work.
  const sources = new Set<string>();
  const unique: string[] = [];
  for (const file of files) {
    const source = basename(file);
    if (sources.has(source))
      outcomes.push({
        file,
        source,
        status: 'rejected',
        problems: [`another file named ${source} was already read; letters are identified by base name, so rename one`],
      });
    else {
      sources.add(source);
      unique.push(file);
    }
  }
  onProgress?.(0, unique.length, '');
  const results = await readJobs(unique, options, (done) => onProgress?.(done, unique.length, unique[done - 1] ?? ''));
  const letters: LetterExtraction[] = [];
  const split: string[] = [];
  results.forEach((result, index) => {
    if (result.ok) {
      const all = [result.extraction, ...(result.more ?? [])];
      if (all.length > 1)
        split.push(
          `${unique[index]} holds ${all.length} letters: read as ${all.map((e) => e.letter.source).join(', ')}`,
        );
      for (const extraction of all) {
        letters.push(extraction);
        const { missing: parts } = extraction.letter;
        outcomes.push({
          file: unique[index],
          source: extraction.letter.source,
          status: parts.length > 0 ? 'partial' : 'read',
          problems: parts.map((m) => `missing ${m}`),
        });
      }
    } else outcomes.push({ file: result.file, source: result.source, status: 'rejected', problems: [result.message] });
  });
  return {
    letters,
    outcomes,
    warnings: [
      ...split,
      ...sameDocNumber(letters.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null }))),
    ],
  };
}

/**
 * read → parse → extract for letters already in memory (not split: each text is one letter), cleaned as a
 * file's text is (ingest/read/clean.ts).
 */
export async function readTexts(texts: LetterText[], options: ReadOptions = {}): Promise<PipelineResult> {
  const letters: LetterExtraction[] = [];
  const outcomes: FileOutcome[] = [];
  const cleaned = texts.map((t) => ({ ...t, text: cleanLetterText(t.text) }));
  for (const result of await readJobs(cleaned, options)) {
    if (result.ok) {
      letters.push(result.extraction);
      const { missing } = result.extraction.letter;
      outcomes.push({
        file: result.extraction.letter.source,
        source: result.extraction.letter.source,
        status: missing.length > 0 ? 'partial' : 'read',
        problems: missing.map((m) => `missing ${m}`),
      });
    } else outcomes.push({ file: result.file, source: result.source, status: 'rejected', problems: [result.message] });
  }
  const warnings = sameDocNumber(
    letters.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null })),
  );
  return { letters, outcomes, warnings };
}

/** A warning for each document number that more than one file carries, naming the files. */
export function sameDocNumber(
  letters: Array<{ source: string; docNumber: string | null; stored?: boolean }>,
): string[] {
  const byNumber = new Map<string, string[]>();
  for (const { source, docNumber, stored } of letters) {
    if (!docNumber) continue;
    const label = stored ? `${source} (already stored)` : source;
    byNumber.set(docNumber, [...(byNumber.get(docNumber) ?? []), label]);
  }
  return [...byNumber]
    .filter(([, files]) => files.length > 1 && files.some((f) => !f.endsWith('(already stored)')))
    .map(
      ([number, files]) =>
        `${files.join(' and ')} carry the same document number ${number}: the same letter twice? They are kept as ${files.length} letters`,
    );
}

/**
 * The GraphDocument of a set of letters (the archive stages of ingest/stages.ts): names found in one
 * letter are looked for in all, then resolved across letters. A function of the set: the same letters
 * in any order give the same document.
 */
export function graphOfLetters(letters: LetterExtraction[]): GraphDocument {
  return archiveGraph(letters);
}

export function summarise(outcomes: FileOutcome[]): { read: number; partial: number; rejected: number } {
  return {
    read: outcomes.filter((o) => o.status === 'read').length,
    partial: outcomes.filter((o) => o.status === 'partial').length,
    rejected: outcomes.filter((o) => o.status === 'rejected').length,
  };
}
