import { basename } from 'node:path';
import { isInnographError } from '../store/errors.ts';
import { extractLetter, type LetterExtraction } from './extract/extract-letter.ts';
import { parseLetter } from './parse/parse-letter.ts';
import { splitLetters } from './parse/split-letters.ts';
import { readLetterFile } from './read/read-letter-file.ts';

/** One file through read → parse → extract: the unit of work, in the main thread or a worker. */
export type OneResult =
  /** `more`: the further letters of a file that holds several (named file#2, file#3). */
  | { ok: true; extraction: LetterExtraction; more: LetterExtraction[] }
  | { ok: false; file: string; source: string; message: string };

export async function readOne(file: string): Promise<OneResult> {
  try {
    const [first, ...others] = splitLetters(await readLetterFile(file));
    return { ok: true, extraction: extractLetter(parseLetter(first)), more: others.map((part) => extractLetter(parseLetter(part))) };
  } catch (error) {
    if (!isInnographError(error)) throw error;
    const source = basename(file);
    return { ok: false, file, source, message: error.message.replace(`${source}: `, '') };
  }
}
