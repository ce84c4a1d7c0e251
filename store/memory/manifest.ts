import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import type { GraphNode } from '../../domain/model.ts';
import { checkShared } from './fragment-codec.ts';

/**
 * The embedded store's manifest: which segment line holds each letter's
 * fragment, and the nodes no letter owns (the four chains). Format versions:
 * - 3 (written now): each letter's place is [segment, offset, length, crc]
 *   where crc is the CRC-32 of its line, and the file ends with
 *   `,"checksum":N}`, the CRC-32 of the file as it would read without that
 *   field. Any change to the manifest or to a letter's line is detected.
 * - 2: the same without checksums (read; the next write adds them).
 * - 1: one JSON file holding every fragment (read; the next write migrates it).
 * A newer innograph's manifest (version 4 …) is refused, not guessed at.
 */
export type SegmentRef = [segment: string, offset: number, length: number, crc: number];

export const MANIFEST_VERSION = 3;

export type ParsedManifest =
  | { version: 1; shared: GraphNode[]; fragments: unknown[] }
  | {
      version: 2 | 3;
      shared: GraphNode[];
      /** v2 places have no crc yet (undefined): the reader computes it from the line it reads. */
      letters: Array<[letter: string, ref: [string, number, number, number | undefined]]>;
    };

type Damaged = (why: string) => Error;

/** The manifest's bytes for a state: JSON, with its own checksum as the last field. */
export function encodeManifest(shared: GraphNode[], letters: Iterable<[string, SegmentRef]>): Buffer {
  const body = JSON.stringify({
    format: 'innograph-snapshot',
    version: MANIFEST_VERSION,
    shared,
    letters: Object.fromEntries(letters),
  });
  return Buffer.from(`${body.slice(0, -1)},"checksum":${crc32(body)}}`, 'utf8');
}

// The checksum field as encodeManifest writes it, at the very end of the file: ,"checksum":3735928559}
const CHECKSUM_TAIL = /,"checksum":(\d{1,10})\}\s*$/;

/** Parses and checks a manifest; every kind of damage is reported through `damaged`, never read as another state. */
export function parseManifest(text: string, damaged: Damaged, notOurs: (why: string) => Error): ParsedManifest {
  let parsed: { format?: unknown; version?: unknown; shared?: unknown; fragments?: unknown; letters?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw damaged(
      text.length === 0 ? 'its manifest is empty' : 'its manifest is not valid JSON (cut short or overwritten?)',
    );
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.format !== 'innograph-snapshot')
    throw notOurs(`it is not an innograph store (format ${String((parsed as { format?: unknown })?.format)})`);
  if (parsed.version !== 1 && parsed.version !== 2 && parsed.version !== MANIFEST_VERSION) {
    throw notOurs(
      `its format version ${String(parsed.version)} is not one this innograph reads (1 to ${MANIFEST_VERSION}); a newer innograph wrote it?`,
    );
  }
  if (parsed.version === MANIFEST_VERSION) {
    const tail = CHECKSUM_TAIL.exec(text);
    const body = tail ? `${text.slice(0, tail.index)}}` : '';
    if (!tail || crc32(body) !== Number(tail[1]))
      throw damaged('its manifest does not match its checksum (edited by hand, or damaged on disk)');
  }
  const shared = checkShared(parsed.shared, damaged);
  if (parsed.version === 1) {
    if (!Array.isArray(parsed.fragments)) throw damaged('no list of fragments');
    return { version: 1, shared, fragments: parsed.fragments };
  }
  const table = parsed.letters;
  if (table === null || typeof table !== 'object' || Array.isArray(table)) throw damaged('no table of letters');
  const letters: Array<[string, [string, number, number, number | undefined]]> = [];
  const places = parsed.version === MANIFEST_VERSION ? 4 : 3;
  for (const [letter, ref] of Object.entries(table as Record<string, unknown>)) {
    if (
      !Array.isArray(ref) ||
      ref.length !== places ||
      typeof ref[0] !== 'string' ||
      ref[0] !== basename(ref[0]) ||
      !ref.slice(1).every((n) => Number.isInteger(n) && n >= 0)
    ) {
      throw damaged(`a bad place for ${letter} in its manifest`);
    }
    letters.push([letter, [ref[0], ref[1], ref[2], ref[3]]]);
  }
  return { version: parsed.version, shared, letters };
}

/** The CRC-32 of a segment line, as its manifest place records it. */
export const lineChecksum = (line: Uint8Array): number => crc32(line);
