import { InnographError } from '../domain/errors.ts';
import { letterId } from '../domain/ids.ts';
import type { GraphDocument } from '../domain/model.ts';
import type { GraphStore, StoreCommit, StoredLetter, StoreWrite, WriteProgress } from '../store/port.ts';
import { storedLettersOf } from '../store/stored-letters.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import {
  type FileOutcome,
  graphOfLetters,
  type PipelineResult,
  type Progress,
  type ReadOptions,
  readJobs,
  readLetters,
  readTexts,
  sameDocNumber,
} from './pipeline.ts';
import type { LetterFormat, LetterText } from './read/read-letter-file.ts';
import { givenPlace, withGivenPlace } from './place/given-place.ts';
import { placedReading, type ReadingCache } from './reading-cache.ts';
import { archiveGraphKept } from './graph/kept-parts.ts';
import { join } from 'node:path';

/**
 * The one way letters get into (and out of) a store. A change is made under
 * the store's write lock, taken before any work, and the graph it commits is
 * built from every letter the store will hold: the stored ones (their readings
 * from the cache, or read again from the text the store keeps) and the new
 * ones. So the graph is a function of the set of stored letters — the order
 * and batching of ingests and removals never show in it — and the store takes
 * it in one atomic commit that writes only the letters whose part changed.
 */
export interface IngestOptions extends ReadOptions {
  /** Reading the files: called as each is done. */
  onProgress?: Progress;
  /** Writing: called as letters are stored. */
  onStore?: WriteProgress;
  /** Where readings of stored letters are kept between runs; none: every stored letter is read again. */
  cache?: ReadingCache | null;
  /** How long to wait for another writer before StoreBusyError (ms). @default 0 */
  waitMs?: number;
  /**
   * The place of the letters read (`--place`): a province, city or county by name or GB/T 2260 code. It
   * is the place stage's first clue and is kept on each Letter, so it holds when they are read again.
   */
  place?: string;
}

export interface IngestResult {
  outcomes: FileOutcome[];
  warnings: string[];
  /** The graph the store holds after the change; for a dry run (no store), the graph of the files alone. */
  graph: GraphDocument;
  /** The store's answer (letters written and removed, counts); null for a dry run or when nothing was read. */
  commit: StoreCommit | null;
  /** Stored letters whose reading was not in the cache, read again from their text. */
  reread: number;
  /** Where the time went, in ms: reading the files, the stored letters, building the graph, the store's commit. */
  timings: Timings;
}

export interface Timings {
  readMs: number;
  readStoredMs: number;
  buildMs: number;
  commitMs: number;
}

/** Reads files and, unless `store` is null (a dry run), makes the store hold them with every letter it held. */
export function ingestFiles(
  paths: string[],
  store: GraphStore | null,
  options: IngestOptions = {},
): Promise<IngestResult> {
  return ingest(() => readLetters(paths, options.onProgress, options), store, options);
}

/** As ingestFiles, for letters already in memory (a text and its source name each). */
export function ingestTexts(
  texts: LetterText[],
  store: GraphStore | null,
  options: IngestOptions = {},
): Promise<IngestResult> {
  return ingest(() => readTexts(texts, options), store, options);
}

async function ingest(
  read: () => Promise<PipelineResult>,
  store: GraphStore | null,
  options: IngestOptions,
): Promise<IngestResult> {
  const clock = new Clock();
  // A place the user names wrongly is refused before any work.
  const place = options.place ? givenPlace(options.place) : null;
  const placed = async () => {
    const result = await read();
    // Kept for the next change, which reads these letters as stored letters (from their text as stored).
    await Promise.all(result.letters.map((l) => options.cache?.put(storedTextOf(l), l).catch(() => undefined)));
    return place
      ? { ...result, letters: result.letters.map((l) => placedReading(withGivenPlace(l, place), l, place.code)) }
      : result;
  };
  if (!store) {
    const { letters, outcomes, warnings } = await clock.time('readMs', placed);
    const graph = clock.timeSync('buildMs', () => graphOfLetters(letters));
    return { outcomes, warnings, graph, commit: null, reread: 0, timings: clock.timings };
  }
  const write = await store.beginWrite({ waitMs: options.waitMs });
  try {
    const { outcomes, warnings, graph, reread } = await buildChange(write, placed, options, clock);
    if (!graph)
      return { outcomes, warnings, graph: { nodes: [], edges: [] }, commit: null, reread, timings: clock.timings };
    const commit = await clock.time('commitMs', () => write.commit(graph, options.onStore));
    return { outcomes, warnings, graph, commit, reread, timings: clock.timings };
  } finally {
    await write.release();
  }
}

/**
 * The graph a change commits: of the stored letters and the new ones. A function of its own, so that the
 * readings (every stored letter's, with its text) are garbage once the graph is built, not held through the
 * store's commit.
 */
async function buildChange(
  write: StoreWrite,
  placed: () => Promise<PipelineResult>,
  options: IngestOptions,
  clock: Clock,
): Promise<{ outcomes: FileOutcome[]; warnings: string[]; graph: GraphDocument | null; reread: number }> {
  // The stored letters first: a damaged store is reported before anything is read or cached.
  const stored = await clock.time('readStoredMs', () => write.letters());
  const { letters, outcomes, warnings } = await clock.time('readMs', placed);
  if (letters.length === 0) return { outcomes, warnings, graph: null, reread: 0 };
  const fresh = new Set(letters.map((l) => letterId(l.letter.source)));
  const { readings, reread } = await clock.time('readStoredMs', async () =>
    readStored(
      stored.filter((letter) => !fresh.has(letter.id)),
      options,
    ),
  );
  // Document numbers checked across the new letters and the stored ones; this replaces the reading's check of the
  // new letters alone, which would name each group of new letters a second time.
  const numbered = letters.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null }));
  const amongNew = new Set(sameDocNumber(numbered));
  const docNumbers = sameDocNumber([
    ...numbered,
    ...readings.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null, stored: true })),
  ]);
  const graph = await clock.time('buildMs', () => archiveGraphKept([...readings, ...letters], partsFolder(options)));
  return { outcomes, warnings: [...warnings.filter((w) => !amongNew.has(w)), ...docNumbers], graph, reread };
}

class Clock {
  readonly timings: Timings = { readMs: 0, readStoredMs: 0, buildMs: 0, commitMs: 0 };
  async time<T>(phase: keyof Timings, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings[phase] += performance.now() - started;
    }
  }
  timeSync<T>(phase: keyof Timings, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.timings[phase] += performance.now() - started;
    }
  }
}

export interface RemovalResult {
  /** The letters removed (base names), and those asked for that the store did not hold. */
  removed: string[];
  missing: string[];
  graph: GraphDocument;
  commit: StoreCommit | null;
  reread: number;
  timings: Timings;
}

/** Removes letters by source (file base name); the graph is rebuilt from the letters that stay. */
export async function removeSources(
  sources: string[],
  store: GraphStore,
  options: IngestOptions = {},
): Promise<RemovalResult> {
  const clock = new Clock();
  const write = await store.beginWrite({ waitMs: options.waitMs });
  try {
    const stored = await write.letters();
    const gone = new Set(sources.map(letterId));
    const removed = stored.filter((l) => gone.has(l.id)).map((l) => l.source);
    const missing = sources.filter((source) => !removed.includes(source));
    if (removed.length === 0)
      return { removed, missing, graph: { nodes: [], edges: [] }, commit: null, reread: 0, timings: clock.timings };
    const { graph, reread } = await buildRemoval(
      stored.filter((l) => !gone.has(l.id)),
      options,
      clock,
    );
    const commit = await clock.time('commitMs', () => write.commit(graph, options.onStore));
    return { removed, missing, graph, commit, reread, timings: clock.timings };
  } finally {
    await write.release();
  }
}

/** The graph of the letters a removal keeps (a function of its own, so their readings are garbage before the commit). */
async function buildRemoval(
  kept: StoredLetter[],
  options: IngestOptions,
  clock: Clock,
): Promise<{ graph: GraphDocument; reread: number }> {
  const { readings, reread } = await clock.time('readStoredMs', () => readStored(kept, options));
  return { graph: await clock.time('buildMs', () => archiveGraphKept(readings, partsFolder(options))), reread };
}

/** The readings of every letter a store holds, read without the write lock (`innograph explain --with-store`). */
export async function storedReadings(store: GraphStore, options: IngestOptions = {}): Promise<LetterExtraction[]> {
  return (await readStored(await storedLettersOf(store), options)).readings;
}

/**
 * The readings of stored letters: from the cache where it holds them, else
 * read again from the stored text under the same time guard as files. A
 * stored letter that can no longer be read stops the change before anything
 * is written: dropping it would lose a letter the user stored.
 */
async function readStored(
  stored: StoredLetter[],
  options: IngestOptions,
): Promise<{ readings: LetterExtraction[]; reread: number }> {
  const texts = stored.map((l): LetterText => ({
    source: l.source,
    path: l.source,
    format: l.format as LetterFormat,
    encoding: l.encoding,
    text: l.text,
  }));
  const cached = await Promise.all(texts.map((text) => options.cache?.get(text) ?? null));
  const missing = texts.filter((_, i) => cached[i] === null);
  const results = await readJobs(missing, options, (done) => options.onReread?.(done, missing.length));
  const fresh = new Map<string, LetterExtraction>();
  for (const [i, result] of results.entries()) {
    if (!result.ok) {
      throw new InnographError(
        'STORED_LETTER_UNREADABLE',
        `stored letter ${result.source} can no longer be read (${result.message}); nothing was changed. Give it more time (--file-timeout), remove it (innograph remove ${result.source}), or ingest its file again`,
      );
    }
    fresh.set(result.extraction.letter.source, result.extraction);
    // Only a cache: a full disk or a read-only folder there costs the next run time, not this change.
    await options.cache?.put(missing[i], result.extraction).catch(() => undefined);
  }
  // The place a user gave when the letter was stored holds when it is read again.
  const readings = texts.map((text, i) => {
    const reading = cached[i] ?? fresh.get(text.source)!;
    const place = stored[i].place;
    if (!place) return reading;
    const division = givenPlace(place);
    return placedReading(withGivenPlace(reading, division), reading, division.code);
  });
  return { readings, reread: missing.length };
}

/** Where each letter's part of the archive build is kept between changes (ingest/graph/kept-parts.ts): beside the readings. */
function partsFolder(options: IngestOptions): string | null {
  return options.cache ? join(options.cache.folder, 'parts') : null;
}

/** A letter's text as the store keeps it (Letter.props.text, source, format, encoding): the reading cache's key. */
function storedTextOf({ letter }: LetterExtraction): LetterText {
  return {
    source: letter.source,
    path: letter.source,
    format: letter.format,
    encoding: letter.encoding,
    text: letter.text,
  };
}
