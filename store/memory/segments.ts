import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StoreUnavailableError } from '../../domain/errors.ts';
import type { LetterFragment } from '../letter-fragments.ts';
import type { GraphNode } from '../../domain/model.ts';
import { checkFragment, checkShared, decodeFragment, encodeFragment } from './fragment-codec.ts';

/**
 * The embedded store on disk (format version 2): a small manifest at the
 * store's path and, in the folder `<path>.segments/`, segment files of one
 * JSON line per letter fragment. The manifest names, for each letter, the
 * segment, byte offset and length of its current line, so:
 * - a change writes one new segment holding only the changed letters, then
 *   the manifest (a few hundred KB at 10,000 letters) — it costs what it changes;
 * - loading reads a few large segments and parses each letter's line;
 * - the manifest is replaced atomically (temp file, fsync, rename, fsync of
 *   the folder) after its segment is on disk, so a crash leaves the old or
 *   the new state; segments no manifest names and `*.tmp` files of a killed
 *   writer are removed by the next writer.
 * When more than half of the segment bytes are dead (replaced letters), the
 * live fragments are rewritten into one segment.
 * Version 1 (one JSON snapshot of every fragment) is still read; the first
 * write migrates it.
 */
export type SegmentRef = [segment: string, offset: number, length: number];

interface ManifestV2 {
  format: 'innograph-snapshot';
  version: 2;
  shared: GraphNode[];
  letters: Record<string, SegmentRef>;
}

/** What the store holds on disk, with where each fragment came from (null: not yet in a segment). */
export interface DiskState {
  shared: GraphNode[];
  fragments: Map<string, { fragment: LetterFragment; ref: SegmentRef | null }>;
}

export const segmentFolder = (path: string) => `${path}.segments`;

/** Reads the store; fragments whose line did not move since `previous` are reused, not parsed again. */
export async function readStore(path: string, previous?: DiskState | null): Promise<DiskState> {
  // A writer may commit and delete a segment between our reading the manifest and the segment: read again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await readOnce(path, previous ?? null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 4) throw asStoreError(path, error);
    }
  }
}

async function readOnce(path: string, previous: DiskState | null): Promise<DiskState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { shared: [], fragments: new Map() };
    throw new StoreUnavailableError(`cannot read the embedded store ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let parsed: { format?: unknown; version?: unknown; shared?: unknown; fragments?: unknown; letters?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StoreUnavailableError(
      `the embedded store ${path} is not valid JSON; restore it from a backup or delete it and ingest again`,
      { cause: error },
    );
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    parsed.format !== 'innograph-snapshot' ||
    (parsed.version !== 1 && parsed.version !== 2)
  ) {
    throw new StoreUnavailableError(
      `${path} is not an innograph snapshot (format ${String(parsed?.format)}, version ${String(parsed?.version)})`,
    );
  }
  const damaged = (why: string) =>
    new StoreUnavailableError(
      `the embedded store ${path} is damaged (${why}); restore it from a backup or delete it and ingest again`,
    );
  const shared = checkShared(parsed.shared, damaged);
  const fragments: DiskState['fragments'] = new Map();
  if (parsed.version === 1) {
    if (!Array.isArray(parsed.fragments)) throw damaged('no list of fragments');
    for (const fragment of parsed.fragments)
      fragments.set(checkFragment(fragment, damaged).letter, { fragment, ref: null });
    return { shared, fragments };
  }
  const letters = parsed.letters;
  if (letters === null || typeof letters !== 'object' || Array.isArray(letters)) throw damaged('no table of letters');
  const bySegment = new Map<string, Array<[string, SegmentRef]>>();
  for (const [letter, ref] of Object.entries(letters as Record<string, unknown>)) {
    if (
      !Array.isArray(ref) ||
      ref.length !== 3 ||
      typeof ref[0] !== 'string' ||
      !Number.isInteger(ref[1]) ||
      !Number.isInteger(ref[2]) ||
      ref[0] !== basename(ref[0])
    ) {
      throw damaged(`a bad place for ${letter}`);
    }
    const old = previous?.fragments.get(letter);
    if (old?.ref && old.ref[0] === ref[0] && old.ref[1] === ref[1] && old.ref[2] === ref[2]) fragments.set(letter, old);
    else bySegment.set(ref[0], [...(bySegment.get(ref[0]) ?? []), [letter, ref as SegmentRef]]);
  }
  for (const [segment, wanted] of bySegment) {
    const bytes = await readFile(join(segmentFolder(path), segment));
    for (const [letter, ref] of wanted) {
      if (ref[1] + ref[2] > bytes.length) throw damaged(`segment ${segment} is shorter than the manifest says`);
      let fragment: LetterFragment;
      try {
        fragment = decodeFragment(JSON.parse(bytes.toString('utf8', ref[1], ref[1] + ref[2])));
      } catch (error) {
        throw damaged(`the line of ${letter} in ${segment} is not a fragment: ${(error as Error).message}`);
      }
      if (fragment.letter !== letter)
        throw damaged(`${segment} holds ${fragment.letter} where the manifest expects ${letter}`);
      fragments.set(letter, { fragment: checkFragment(fragment, damaged), ref });
    }
  }
  return { shared, fragments };
}

function asStoreError(path: string, error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  return new StoreUnavailableError(
    `the embedded store ${path} cannot be read (${(error as Error).message}); restore it from a backup or delete it and ingest again`,
    { cause: error },
  );
}

/**
 * Writes `state` (whose changed fragments have ref null) and commits it. The
 * caller holds the write lock. `beforeCommit` runs when everything but the
 * manifest is on disk, with the digest the new manifest will have (the store
 * image is written then, so that it is there as soon as the manifest names
 * the new state). Returns the state with every fragment placed.
 */
export async function writeStore(
  path: string,
  state: DiskState,
  beforeCommit?: (digest: string) => Promise<void>,
): Promise<DiskState & { digest: string }> {
  const folder = segmentFolder(path);
  await mkdir(folder, { recursive: true });
  await removeLeftovers(path);
  const live = new Map<string, number>();
  for (const { ref } of state.fragments.values()) if (ref) live.set(ref[0], (live.get(ref[0]) ?? 0) + ref[2]);
  let liveBytes = 0;
  let allBytes = 0;
  for (const [segment, bytes] of live) {
    liveBytes += bytes;
    allBytes += (await stat(join(folder, segment)).catch(() => ({ size: 0 }))).size;
  }
  // Compaction: rewrite every fragment when most segment bytes belong to replaced letters.
  const compact = allBytes - liveBytes > liveBytes && allBytes > 1 << 20;
  const toWrite = [...state.fragments.values()].filter((entry) => compact || entry.ref === null);
  const placed: DiskState = { shared: state.shared, fragments: new Map(state.fragments) };
  if (toWrite.length > 0) {
    const segment = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.jsonl`;
    const lines: Buffer[] = [];
    let offset = 0;
    for (const entry of toWrite) {
      const line = Buffer.from(JSON.stringify(encodeFragment(entry.fragment)), 'utf8');
      placed.fragments.set(entry.fragment.letter, { fragment: entry.fragment, ref: [segment, offset, line.length] });
      lines.push(line, NEWLINE);
      offset += line.length + 1;
    }
    await writeDurably(join(folder, segment), lines);
  }
  const manifest: ManifestV2 = { format: 'innograph-snapshot', version: 2, shared: state.shared, letters: {} };
  for (const [letter, { ref }] of placed.fragments) manifest.letters[letter] = ref!;
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  await beforeCommit?.(manifestDigest(manifestBytes));
  await writeDurably(path, [manifestBytes]);
  // Committed: segments the manifest no longer names are garbage.
  const named = new Set(Object.values(manifest.letters).map((ref) => ref[0]));
  for (const file of await readdir(folder)) if (!named.has(file)) await rm(join(folder, file), { force: true });
  return { ...placed, digest: manifestDigest(manifestBytes) };
}

/** What names one committed state of the store: the digest of its manifest (a store image says which state it shows). */
export function manifestDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const NEWLINE = Buffer.from('\n');

/** Temp file, fsync, rename, fsync of the folder: the file appears whole or not at all. */
export async function writeDurably(
  target: string,
  chunks: Buffer[],
  options: { sync: boolean } = { sync: true },
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    if (options.sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await rename(temp, target);
  if (!options.sync) return;
  const dir = openSync(dirname(target), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** `*.tmp` files a killed writer left beside the manifest and among the segments (the caller holds the lock). */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const file of await readdir(dirname(path))) {
    // The manifest's (<store>.<pid>.tmp) and an image's (<store>.<digest>.image.<pid>.tmp), not another store's beside it.
    if (file.startsWith(prefix) && /^(?:[0-9a-f]{16}\.image\.)?\d+\.tmp$/.test(file.slice(prefix.length)))
      await rm(join(dirname(path), file), { force: true });
  }
  for (const file of await readdir(segmentFolder(path)).catch(() => [])) {
    if (file.endsWith('.tmp')) await rm(join(segmentFolder(path), file), { force: true });
  }
}
