import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageFiles } from '../../store/memory/image-file.ts';
import { segmentFolder } from '../../store/memory/segments.ts';

/**
 * Ways a store file gets damaged by bad luck (a full disk, a copy cut short,
 * a sync tool, a hand edit), for the damage matrix: each takes the file's
 * bytes and gives the damaged bytes, or null to delete the file.
 */
export type StoreFileKind = 'manifest' | 'segment' | 'image';

export const DAMAGES: Record<string, (bytes: Buffer, other: Buffer) => Buffer | null> = {
  missing: () => null,
  emptied: () => Buffer.alloc(0),
  'cut in half': (bytes) => bytes.subarray(0, bytes.length >> 1),
  // A segment's last byte is its line end: 16 bytes reach into the last letter's line.
  'end cut off': (bytes) => bytes.subarray(0, bytes.length - 16),
  'one byte flipped': (bytes) => {
    const copy = Buffer.from(bytes);
    copy[copy.length >> 1] ^= 0x20;
    return copy;
  },
  // The nasty one: still valid JSON of the right shape, one character of a name or a text changed.
  'text edited': (bytes) => editedText(bytes),
  garbage: (bytes) => Buffer.from(Array.from({ length: bytes.length }, (_, i) => (i * 7919 + 13) & 0xff)),
  'another store’s file': (_bytes, other) => other,
};

/**
 * Changes one character that stands inside a JSON string, so the file still
 * parses: in the manifest an English chain name, in a segment or an image a
 * Chinese character of a letter's text (科 → 料, same length in UTF-8).
 */
function editedText(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const target = ['科', 'chain'].map((s) => Buffer.from(s)).find((needle) => copy.indexOf(needle) >= 0);
  if (!target) throw new Error('no text to edit in this file');
  const at = copy.lastIndexOf(target);
  Buffer.from(target.toString() === '科' ? '料' : 'chair').copy(copy, at);
  return copy;
}

/** The file of that kind in a store (the first segment when there are several). */
export async function storeFile(path: string, kind: StoreFileKind): Promise<string> {
  if (kind === 'manifest') return path;
  if (kind === 'image') {
    const [image] = await imageFiles(path);
    if (!image) throw new Error(`${path} has no image`);
    return image;
  }
  const [segment] = (await readdir(segmentFolder(path))).sort();
  return join(segmentFolder(path), segment);
}

/** Applies `damage` to the store's file of `kind`; `otherStore` gives the file another store has in its place. */
export async function damageStore(
  path: string,
  kind: StoreFileKind,
  damage: string,
  otherStore: string,
): Promise<void> {
  const file = await storeFile(path, kind);
  const damaged = DAMAGES[damage](await readFile(file), await readFile(await storeFile(otherStore, kind)));
  if (damaged === null) await rm(file);
  else await writeFile(file, damaged);
}

/** Every file of the store's folder (segments included) with a digest of its bytes: what a refused write must leave as it was. */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    out[file.slice(dir.length)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

export async function copyStore(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
}
