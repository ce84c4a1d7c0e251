import { basename } from 'node:path';
import { isInnographError } from '../domain/errors.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import { readingOf } from './stages.ts';
import { splitLetters } from './parse/split-letters.ts';
import { type LetterText, readLetterFile } from './read/read-letter-file.ts';

/**
 * A unit of work: a file to read, or the text of a stored letter to read again
 * (the ingest plan re-reads stored letters when a change concerns them; that
 * text was read and cleaned once, so it is parsed as it is and never split).
 */
export type ReadJob = string | LetterText;

/** One job through read → parse → extract: in the main thread or a worker. */
export type OneResult =
  /** `more`: the further letters of a file that holds several (named file#2, file#3). */
  | { ok: true; extraction: LetterExtraction; more: LetterExtraction[] }
  | { ok: false; file: string; source: string; message: string };

/** What a job is called in messages: the file's path, or the stored letter's source. */
export function jobName(job: ReadJob): string {
  return typeof job === 'string' ? job : job.source;
}

export function jobSource(job: ReadJob): string {
  return typeof job === 'string' ? basename(job) : job.source;
}

export async function readOne(job: ReadJob): Promise<OneResult> {
  try {
    if (typeof job !== 'string') return { ok: true, extraction: readingOf(job), more: [] };
    const [first, ...others] = splitLetters(await readLetterFile(job));
    return { ok: true, extraction: readingOf(first), more: others.map(readingOf) };
  } catch (error) {
    if (!isInnographError(error)) throw error;
    const source = jobSource(job);
    return { ok: false, file: jobName(job), source, message: error.message.replace(`${source}: `, '') };
  }
}
