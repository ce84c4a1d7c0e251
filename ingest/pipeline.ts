import { basename } from 'node:path';
import type { GraphDocument } from '../store/model.ts';
import { collectLetterFiles } from './collect-files.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import { withRepeatedNames } from './extract/repeats.ts';
import { buildGraph } from './graph/build-graph.ts';
import { type OneResult, readOne } from './read-one.ts';
import { defaultWorkers, extractInWorkers } from './worker-pool.ts';

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
}

export type Progress = (done: number, total: number, file: string) => void;

export interface ReadOptions {
  /** Worker threads for read → parse → extract; default: one per core for large batches, none for small ones. */
  workers?: number;
}

/** read → parse → extract for each file; a file that fails is reported and the batch goes on. */
export async function readLetters(paths: string[], onProgress?: Progress, options: ReadOptions = {}): Promise<PipelineResult> {
  const { files, missing } = await collectLetterFiles(paths);
  const outcomes: FileOutcome[] = missing.map((file) => ({ file, source: basename(file), status: 'rejected', problems: ['no such file or folder'] }));
  // Letters are identified by base name: a second file of the same name is refused before any work.
  const sources = new Set<string>();
  const unique: string[] = [];
  for (const file of files) {
    const source = basename(file);
    if (sources.has(source)) outcomes.push({ file, source, status: 'rejected', problems: [`another file named ${source} was already read; letters are identified by base name, so rename one`] });
    else {
      sources.add(source);
      unique.push(file);
    }
  }
  const workers = options.workers ?? defaultWorkers(unique.length);
  onProgress?.(0, unique.length, '');
  let results: OneResult[];
  if (workers > 1) results = await extractInWorkers(unique, workers, (done) => onProgress?.(done, unique.length, unique[done - 1] ?? ''));
  else {
    results = [];
    for (const [index, file] of unique.entries()) {
      results.push(await readOne(file));
      onProgress?.(index + 1, unique.length, file);
    }
  }
  const letters: LetterExtraction[] = [];
  results.forEach((result, index) => {
    if (result.ok) {
      letters.push(result.extraction);
      const { missing: parts } = result.extraction.letter;
      outcomes.push({ file: unique[index], source: result.extraction.letter.source, status: parts.length > 0 ? 'partial' : 'read', problems: parts.map((m) => `missing ${m}`) });
    } else outcomes.push({ file: result.file, source: result.source, status: 'rejected', problems: [result.message] });
  });
  return { letters, outcomes };
}

/** The batch's GraphDocument: names found in one letter are looked for in all, then resolved across letters. */
export function graphOfLetters(letters: LetterExtraction[]): GraphDocument {
  return buildGraph(withRepeatedNames(letters));
}

export function summarise(outcomes: FileOutcome[]): { read: number; partial: number; rejected: number } {
  return {
    read: outcomes.filter((o) => o.status === 'read').length,
    partial: outcomes.filter((o) => o.status === 'partial').length,
    rejected: outcomes.filter((o) => o.status === 'rejected').length,
  };
}
