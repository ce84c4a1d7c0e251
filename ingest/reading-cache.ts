import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
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
      const bytes = gunzipSync(await readFile(this.fileOf(letter)));
      const reading = JSON.parse(bytes.toString('utf8')) as LetterExtraction;
      // A digest collision or an entry written for another letter is worth nothing.
      if (reading.letter?.source !== letter.source) return null;
      digests.set(reading, createHash('sha256').update(bytes).digest('hex'));
      return reading;
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
    const json = JSON.stringify(reading);
    digests.set(reading, createHash('sha256').update(json).digest('hex'));
    await writeFile(temp, gzipSync(json));
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

const digests = new WeakMap<LetterExtraction, string>();

/**
 * The digest of a reading's JSON: what the archive stages' kept parts (ingest/graph/kept-parts.ts) are keyed
 * by. Taken from the bytes the cache read or wrote when it did; else from the reading's JSON.
 */
export function readingDigest(reading: LetterExtraction): string {
  let digest = digests.get(reading);
  if (!digest) digests.set(reading, (digest = createHash('sha256').update(JSON.stringify(reading)).digest('hex')));
  return digest;
}

/** Names `placed`, the reading `of` with the place a user gave (given-place.ts withGivenPlace), by both. */
export function placedReading(placed: LetterExtraction, of: LetterExtraction, place: string): LetterExtraction {
  digests.set(
    placed,
    createHash('sha256')
      .update(`${readingDigest(of)}\u0000${place}`)
      .digest('hex'),
  );
  return placed;
}

/**
 * The modules stages.ts imports for the archive stages only (repeats, resolution, chains, graph): a letter's
 * reading never runs them, so an edit there leaves every kept reading good — the next change rebuilds the
 * graph from them. Any of them that a per-letter module imports is still followed from that module.
 */
const ARCHIVE_ONLY = new Set([
  'ingest/chains/chain-ties.ts',
  'ingest/extract/repeats.ts',
  'ingest/graph/build-graph.ts',
  'ingest/resolve/resolve-names.ts',
]);

/** A relative import or re-export: `from './parse/page.ts'`, `import x from '../lexicon/units.json' with …`. */
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The digest of the code and data that turn a text into a reading: read-one.ts and every module it imports,
 * transitively (ingest/, domain/), and every data file of ingest/ (lexicons, the worker's entry). Any edit
 * there makes every cached reading stale, which is what an edited rule must do; an edit of the archive stages
 * (ARCHIVE_ONLY and what only they import) does not, so it costs no re-reading of a large store.
 */
export function readerVersion(): string {
  if (version) return version;
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  for (const name of readerFiles())
    hash
      .update(name)
      .update('\u0000')
      .update(readFileSync(join(repoRoot, name)));
  version = hash.digest('hex').slice(0, 16);
  return version;
}

/** The files readerVersion digests, relative to the repository, sorted. */
export function readerFiles(): string[] {
  const ingestRoot = fileURLToPath(new URL('.', import.meta.url));
  const repoRoot = join(ingestRoot, '..');
  const nameOf = (path: string) => relative(repoRoot, path).split(sep).join('/');
  const files = new Set<string>();
  const visit = (path: string): void => {
    const name = nameOf(path);
    if (files.has(name) || !existsSync(path)) return;
    files.add(name);
    if (!path.endsWith('.ts')) return;
    for (const [, spec] of readFileSync(path, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = join(dirname(path), spec);
      if (name === 'ingest/stages.ts' && ARCHIVE_ONLY.has(nameOf(target))) continue;
      visit(target);
    }
  };
  visit(join(ingestRoot, 'read-one.ts'));
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(mjs|json)$/.test(entry.name)) files.add(nameOf(path));
    }
  };
  walk(ingestRoot);
  return [...files].sort();
}
