import { basename } from 'node:path';
import { isInnographError } from '../store/errors.ts';
import type { GraphDocument } from '../store/model.ts';
import { collectLetterFiles } from './collect-files.ts';
import { extractLetter, type LetterExtraction } from './extract/extract-letter.ts';
import { addRepeatedNames } from './extract/repeats.ts';
import { buildGraph } from './graph/build-graph.ts';
import { type ParsedLetter, parseLetter } from './parse/parse-letter.ts';
import { readLetterFile } from './read/read-letter-file.ts';

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

/** read → parse → extract for each file; a file that fails is reported and the batch goes on. */
export async function readLetters(paths: string[], onProgress?: Progress): Promise<PipelineResult> {
  const { files, missing } = await collectLetterFiles(paths);
  const outcomes: FileOutcome[] = missing.map((file) => ({ file, source: basename(file), status: 'rejected', problems: ['no such file or folder'] }));
  const letters: LetterExtraction[] = [];
  const sources = new Set<string>();
  for (const [index, file] of files.entries()) {
    onProgress?.(index, files.length, file);
    const source = basename(file);
    if (sources.has(source)) {
      outcomes.push({ file, source, status: 'rejected', problems: [`another file named ${source} was already read; letters are identified by base name, so rename one`] });
      continue;
    }
    try {
      const parsed: ParsedLetter = parseLetter(await readLetterFile(file));
      letters.push(extractLetter(parsed));
      sources.add(source);
      outcomes.push({ file, source, status: parsed.missing.length > 0 ? 'partial' : 'read', problems: parsed.missing.map((m) => `missing ${m}`) });
    } catch (error) {
      if (!isInnographError(error)) throw error;
      outcomes.push({ file, source, status: 'rejected', problems: [error.message.replace(`${source}: `, '')] });
    }
  }
  onProgress?.(files.length, files.length, '');
  return { letters, outcomes };
}

/** The batch's GraphDocument: names found in one letter are looked for in all, then resolved across letters. */
export function graphOfLetters(letters: LetterExtraction[]): GraphDocument {
  addRepeatedNames(letters);
  return buildGraph(letters);
}

export function summarise(outcomes: FileOutcome[]): { read: number; partial: number; rejected: number } {
  return {
    read: outcomes.filter((o) => o.status === 'read').length,
    partial: outcomes.filter((o) => o.status === 'partial').length,
    rejected: outcomes.filter((o) => o.status === 'rejected').length,
  };
}
