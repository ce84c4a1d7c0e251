import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpus.ts';
import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { txtLetter } from './parse.ts';
import { LETTERS_DIR, SEED_FILES, seedText, withTempDir } from './seeds.ts';

/**
 * Synthetic letters of several cities that share names (bench/corpus.ts, deterministic for a seed), as texts
 * named `${prefix}${file}`: what the order, change and store tests mix with the seeds.
 */
export async function syntheticTexts(letters: number, seed: number, prefix = ''): Promise<LetterText[]> {
  return withTempDir(async (dir) => {
    await generateCorpus({ letters, out: dir, seed, seedDir: LETTERS_DIR });
    const files = (await readdir(dir)).sort();
    return Promise.all(files.map(async (f) => txtLetter(`${prefix}${f}`, await readFile(join(dir, f), 'utf8'))));
  });
}

/** The five seed letters as texts, under their file names. */
export function seedTexts(): LetterText[] {
  return SEED_FILES.map((file) => txtLetter(file, seedText(file.slice(0, 3))));
}
