import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LetterExtraction } from './extract/extract-letter.ts';
import type { LetterText } from './read/read-letter-file.ts';

/**
 * Readings of stored letters kept between runs. Every change rebuilds the graph
 * from all stored letters (ingest/ingest-files.ts); reading each one again from
 * its text would cost the whole extraction each time, so a letter's reading is
 * kept under the digest of its text *and of the code that read it*: a reading
 * made by other rules (an upgrade, an edited lexicon) is never used. It is only
 * a cache: deleting the folder costs time, never correctness, and a damaged
 * entry is read again from the text.
 */
export class ReadingCache {
  constructor(readonly folder: string) {}

  async get(letter: LetterText): Promise<LetterExtraction | null> {
    try {
      const reading = JSON.parse(gunzipSync(await readFile(this.fileOf(letter))).toString('utf8')) as LetterExtraction;
      // A digest collision or an entry written for another letter is worth nothing.
      return reading.letter?.source === letter.source ? reading : null;
    } catch {
      // Missing or damaged: the letter is read again from its text, and the entry written anew.
      return null;
    }
  }

  async put(letter: LetterText, reading: LetterExtraction): Promise<void> {
    const file = this.fileOf(letter);
    await mkdir(join(file, '..'), { recursive: true });
    // Written beside and renamed into place, so a reader never sees half an entry.
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, gzipSync(JSON.stringify(reading)));
    await rename(temp, file);
  }

  private fileOf(letter: LetterText): string {
    const digest = createHash('sha256')
      .update(`${readerVersion()}\u0000${letter.source}\u0000${letter.format}\u0000${letter.encoding}\u0000`)
      .update(letter.text)
      .digest('hex');
    return join(this.folder, digest.slice(0, 2), `${digest.slice(2)}.json.gz`);
  }
}

let version: string | null = null;

/**
 * The digest of the code and data that turn a text into a reading: every file
 * of ingest/ (rules, lexicons, parsers). Any edit there makes every cached
 * reading stale, which is what an edited rule must do.
 */
export function readerVersion(): string {
  if (version) return version;
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|json)$/.test(entry.name)) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  version = hash.digest('hex').slice(0, 16);
  return version;
}
