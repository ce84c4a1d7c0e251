import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StoreUnavailableError } from '../../domain/errors.ts';
import type { GraphNode } from '../../domain/model.ts';
import type { LetterFragment } from '../letter-fragments.ts';
import { checkFragment, decodeFragment, encodeFragment } from './fragment-codec.ts';
import { encodeManifest, lineChecksum, parseManifest, type SegmentRef } from './manifest.ts';
import { StoreDamagedError, StoreNotWritableError, whyNotWritable } from './store-errors.ts';
import {
  imageFiles,
  manifestDigest,
  removeLeftovers,
  segmentFiles,
  segmentFolder,
  writeDurably,
} from './store-files.ts';

/**
 * The embedded store on disk: a small manifest at the store's path
 * (manifest.ts: format, checksums) and, in the folder `<path>.segments/`,
 * segment files of one JSON line per letter fragment. The manifest names, for
 * each letter, the segment, byte offset, length and CRC of its current line, so:
 * - a change writes one new segment holding only the changed letters, then
 *   the manifest (a few hundred KB at 10,000 letters) — it costs what it changes;
 * - loading reads a few large segments, checks each letter's line against
 *   its CRC and parses it;
 * - the manifest is replaced atomically (temp file, fsync, rename, fsync of
 *   the folder) after its segment is on disk, so a crash leaves the old or
 *   the new state; segments no manifest names and `*.tmp` files of a killed
 *   writer are removed by the next writer.
 * Damage (a missing, cut, edited or overwritten file) is reported as
 * StoreDamagedError and nothing is written or deleted: a store whose manifest
 * is gone while segments remain is damaged, not empty.
 * When more than half of the segment bytes are dead (replaced letters), the
 * live fragments are rewritten into one segment.
 */
export { manifestDigest, segmentFolder, writeDurably } from './store-files.ts';
export type { SegmentRef } from './manifest.ts';

/** What the store holds on disk, with where each fragment came from (null: not yet in a segment). */
export interface DiskState {
  shared: GraphNode[];
  /** `line`: a fragment not yet in a segment may come with its line already encoded (fragmentLine), written as it is. */
  fragments: Map<string, { fragment: LetterFragment; ref: SegmentRef | null; line?: Buffer }>;
}

/** A fragment's line as a segment holds it (without the newline). */
export function fragmentLine(fragment: LetterFragment): Buffer {
  return Buffer.from(JSON.stringify(encodeFragment(fragment)), 'utf8');
}

/**
 * The letters whose line in a segment is, byte for byte, the line given: a change rewrites only the others.
 * Each segment named is read once (it was read moments ago by readStore: the system keeps it in memory), so
 * comparing costs a read and a memcmp per letter, not the JSON of the stored fragment rebuilt.
 */
export async function sameLines(
  path: string,
  state: DiskState,
  lines: ReadonlyMap<string, Buffer>,
): Promise<Set<string>> {
  const same = new Set<string>();
  const bySegment = new Map<string, Array<[string, SegmentRef, Buffer]>>();
  for (const [letter, line] of lines) {
    const ref = state.fragments.get(letter)?.ref;
    if (!ref || ref[2] !== line.length) continue;
    const list = bySegment.get(ref[0]);
    if (list) list.push([letter, ref, line]);
    else bySegment.set(ref[0], [[letter, ref, line]]);
  }
  for (const [segment, wanted] of bySegment) {
    // A segment that cannot be read now: its letters are written again, which costs time, never correctness.
    const bytes = await readFile(join(segmentFolder(path), segment)).catch(() => null);
    if (!bytes) continue;
    for (const [letter, [, offset, length], line] of wanted)
      if (offset + length <= bytes.length && bytes.subarray(offset, offset + length).equals(line)) same.add(letter);
  }
  return same;
}

/** A segment the manifest names is not there (yet again, after a writer's commit: read the manifest again). */
class SegmentGone extends Error {
  constructor(readonly segment: string) {
    super(segment);
  }
}

/**
 * Letters read with `lettersOnly`: of each fragment, only its Letter node (what a writer reads the stored
 * letters from). A commit replaces every one of them by the graph's part or removes it; one is never written.
 */
const letterOnly = new WeakSet<LetterFragment>();

/**
 * Reads the store; fragments whose line did not move since `previous` are reused, not parsed again.
 * `lettersOnly` (a writer, which builds the whole graph anew): each fragment is checked and parsed, and only its
 * Letter node kept, so the stored parts are not held beside the graph the writer builds.
 */
export async function readStore(
  path: string,
  previous?: DiskState | null,
  options: { lettersOnly?: boolean; letterNodes?: LetterNodes | null } = {},
): Promise<DiskState> {
  // A writer may commit and delete a segment between our reading the manifest and the segment: read again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await readOnce(path, previous ?? null, options.lettersOnly ?? false, options.letterNodes ?? null);
    } catch (error) {
      if (!(error instanceof SegmentGone)) throw asStoreError(path, error);
      if (attempt >= 4) throw new StoreDamagedError(path, `the segment ${error.segment} its manifest names is missing`);
    }
  }
}

/**
 * The Letter nodes of the state the manifest names, from its image (image-file.ts readImage, checked against
 * the manifest): a writer reading the stored letters takes each from there, once its line's CRC matches, instead
 * of parsing the line (parsing 10,000 letters' lines took 4 of the 60 s of a one-letter change).
 */
export type LetterNodes = (letter: string) => GraphNode | null;

async function readOnce(
  path: string,
  previous: DiskState | null,
  lettersOnly: boolean,
  letterNodes: LetterNodes | null,
): Promise<DiskState> {
  const damaged = (why: string) => new StoreDamagedError(path, why);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Segments or images without a manifest are a store that lost its manifest, not an empty one (a first
    // write commits an empty manifest before its segment, so a killed writer never leaves this).
    const [segments, images] = [(await segmentFiles(path)).length, (await imageFiles(path)).length];
    if (segments + images > 0) {
      const left = [
        segments > 0 && `${segments} segment file(s) in ${segmentFolder(path)}/`,
        images > 0 && `${images} image(s)`,
      ];
      throw damaged(`its manifest is missing, yet ${left.filter(Boolean).join(' and ')} remain`);
    }
    return { shared: [], fragments: new Map() };
  }
  const notOurs = (why: string) => new StoreUnavailableError(`${path} cannot be read as a store: ${why}`);
  const manifest = parseManifest(text, damaged, notOurs);
  const fragments: DiskState['fragments'] = new Map();
  if (manifest.version === 1) {
    for (const fragment of manifest.fragments)
      fragments.set(checkFragment(fragment, damaged).letter, { fragment: fragment as LetterFragment, ref: null });
    return { shared: manifest.shared, fragments };
  }
  const bySegment = new Map<string, Array<[string, [string, number, number, number | undefined]]>>();
  for (const [letter, ref] of manifest.letters) {
    const old = previous?.fragments.get(letter);
    if (old?.ref && old.ref[0] === ref[0] && old.ref[1] === ref[1] && old.ref[2] === ref[2] && ref[3] === old.ref[3])
      fragments.set(letter, old);
    else bySegment.set(ref[0], [...(bySegment.get(ref[0]) ?? []), [letter, ref]]);
  }
  for (const [segment, wanted] of bySegment) {
    const bytes = await readFile(join(segmentFolder(path), segment)).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new SegmentGone(segment) : error;
    });
    for (const [letter, [, offset, length, crc]] of wanted) {
      if (offset + length > bytes.length)
        throw damaged(`the segment ${segment} is shorter than its manifest says (cut short?)`);
      const line = bytes.subarray(offset, offset + length);
      // Version 2 had no checksums: the line's CRC is taken as it is, and written with the next manifest.
      const sum = lineChecksum(line);
      if (crc !== undefined && sum !== crc)
        throw damaged(
          `the line of ${letter} in the segment ${segment} does not match its checksum (edited or damaged)`,
        );
      const node = lettersOnly && crc !== undefined ? letterNodes?.(letter) : null;
      if (node) {
        fragments.set(letter, { fragment: letterPart(letter, node), ref: [segment, offset, length, sum] });
        continue;
      }
      let fragment: LetterFragment;
      try {
        fragment = decodeFragment(JSON.parse(line.toString('utf8')));
      } catch (error) {
        throw damaged(`the line of ${letter} in ${segment} is not a fragment: ${(error as Error).message}`);
      }
      if (fragment.letter !== letter)
        throw damaged(`${segment} holds ${fragment.letter} where its manifest expects ${letter}`);
      checkFragment(fragment, damaged);
      fragments.set(letter, {
        fragment: lettersOnly ? lettersPart(fragment) : fragment,
        ref: [segment, offset, length, sum],
      });
    }
  }
  return { shared: manifest.shared, fragments };
}

function lettersPart(fragment: LetterFragment): LetterFragment {
  const part = {
    letter: fragment.letter,
    nodes: fragment.nodes.filter((n) => n.id === fragment.letter && n.kind === 'Letter'),
    edges: [],
  };
  letterOnly.add(part);
  return part;
}

/** lettersPart of a letter whose Letter node is taken from the store's image. */
function letterPart(letter: string, node: GraphNode): LetterFragment {
  const part = { letter, nodes: node.id === letter && node.kind === 'Letter' ? [node] : [], edges: [] };
  letterOnly.add(part);
  return part;
}

function asStoreError(path: string, error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'this user may not read it; fix its permissions'
      : code === 'EISDIR'
        ? 'it is a folder; name the store’s file with --data FILE'
        : `the system refused (${(error as Error).message})`;
  return new StoreUnavailableError(`cannot read the embedded store ${path}: ${why}`, { cause: error });
}

/**
 * Writes `state` (whose changed fragments have ref null) and commits it. The
 * caller holds the write lock and read `state` with readStore (so the store
 * is whole). `beforeCommit` runs when everything but the manifest is on disk,
 * with the digest the new manifest will have (the store image is written
 * then, so that it is there as soon as the manifest names the new state).
 * Returns the state with every fragment placed. A disk that is full or
 * read-only is StoreNotWritableError, and the store stays as it was.
 */
export async function writeStore(
  path: string,
  state: DiskState,
  beforeCommit?: (digest: string) => Promise<void>,
): Promise<DiskState & { digest: string }> {
  const folder = segmentFolder(path);
  let manifestBytes: Buffer;
  let placed: DiskState;
  try {
    await mkdir(folder, { recursive: true });
    await removeLeftovers(path);
    // A first write commits an empty store before any segment, so that segments never stand without a manifest.
    if (!(await stat(path).catch(() => null))) await writeDurably(path, [encodeManifest([], [])]);
    placed = await writeSegment(folder, state);
    manifestBytes = encodeManifest(
      state.shared,
      [...placed.fragments].map(([letter, { ref }]) => [letter, ref!]),
    );
    await beforeCommit?.(manifestDigest(manifestBytes));
    await writeDurably(path, [manifestBytes]);
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).syscall) throw error;
    throw new StoreNotWritableError(path, `${whyNotWritable(error, dirname(path))}; the store is as it was`, {
      cause: error,
    });
  }
  // Committed: segments the manifest no longer names are garbage.
  const named = new Set([...placed.fragments.values()].map(({ ref }) => ref![0]));
  for (const file of await readdir(folder)) if (!named.has(file)) await rm(join(folder, file), { force: true });
  return { ...placed, digest: manifestDigest(manifestBytes) };
}

/** Puts the fragments that have no line yet (all of them when compacting) in one new segment. */
async function writeSegment(folder: string, state: DiskState): Promise<DiskState> {
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
  if (toWrite.length === 0) return placed;
  // Compacting: the lines of letters a commit did not cut again are copied as they are.
  const copied = compact ? await linesAsStored(folder, toWrite) : new Map<LetterFragment, Buffer>();
  const segment = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.jsonl`;
  const lines: Buffer[] = [];
  let offset = 0;
  for (const entry of toWrite) {
    let line = entry.line ?? copied.get(entry.fragment);
    // A Letter node alone in place of a letter's part would lose the rest of it: never written.
    if (!line && letterOnly.has(entry.fragment))
      throw new Error(`${entry.fragment.letter}: a part read with lettersOnly cannot be written`);
    line ??= fragmentLine(entry.fragment);
    placed.fragments.set(entry.fragment.letter, {
      fragment: entry.fragment,
      ref: [segment, offset, line.length, lineChecksum(line)],
    });
    lines.push(line, NEWLINE);
    offset += line.length + 1;
  }
  await writeDurably(join(folder, segment), lines);
  return placed;
}

const NEWLINE = Buffer.from('\n');

/**
 * The stored lines of the parts read with lettersOnly among `entries`, byte for byte from their segments (each
 * read once), checked against their CRCs: a compaction moves them without parsing or encoding them again.
 */
async function linesAsStored(
  folder: string,
  entries: Array<{ fragment: LetterFragment; ref: SegmentRef | null }>,
): Promise<Map<LetterFragment, Buffer>> {
  const bySegment = new Map<string, Array<{ fragment: LetterFragment; ref: SegmentRef }>>();
  for (const { fragment, ref } of entries)
    if (ref && letterOnly.has(fragment)) {
      const list = bySegment.get(ref[0]);
      if (list) list.push({ fragment, ref });
      else bySegment.set(ref[0], [{ fragment, ref }]);
    }
  const lines = new Map<LetterFragment, Buffer>();
  for (const [segment, wanted] of bySegment) {
    const bytes = await readFile(join(folder, segment));
    for (const { fragment, ref } of wanted) {
      const line = bytes.subarray(ref[1], ref[1] + ref[2]);
      if (line.length !== ref[2] || lineChecksum(line) !== ref[3])
        throw new Error(`the line of ${fragment.letter} in the segment ${segment} changed under the write lock`);
      lines.set(fragment, line);
    }
  }
  return lines;
}
