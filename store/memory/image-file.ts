import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeImage } from './image-encode.ts';
import { decodeImage, type ImageGraph } from './image-graph.ts';
import type { ReadGraph } from './read-graph.ts';
import { manifestDigest, writeDurably } from './segments.ts';

/**
 * Where a store keeps the image of the state whose manifest has `digest`
 * (see image.ts). Named by the state, so that a writer can put the next
 * state's image in place before it commits, while readers still open the
 * current one.
 */
export const imagePath = (path: string, digest: string) => `${path}.${digest.slice(0, 16)}.image`;

/**
 * The image of the store's current state, or null when there is none, it
 * shows another state of the manifest, or it cannot be read: the caller then
 * reads the fragments, which are the truth. (A stale image is never used: the
 * manifest's digest is checked, so a writer that stopped before writing its
 * image costs the next reader time, not correctness.)
 */
export async function readImage(path: string): Promise<ImageGraph | null> {
  const manifest = await readFile(path).catch(() => null);
  if (!manifest) return null;
  const digest = manifestDigest(manifest);
  const bytes = await readFile(imagePath(path, digest)).catch(() => null);
  if (!bytes) return null;
  try {
    return decodeImage(bytes, digest);
  } catch {
    return null;
  }
}

/** Where the image of the store's current state is (or would be), from its manifest. */
export async function currentImagePath(path: string): Promise<string> {
  return imagePath(path, manifestDigest(await readFile(path)));
}

/** The image files of a store, whatever state they show. */
export async function imageFiles(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`;
  // Exactly <store>.<16 hex digits>.image: another store named store.json.old.json beside it keeps its images.
  return (await readdir(dirname(path)).catch(() => [] as string[]))
    .filter((file) => file.startsWith(prefix) && /^[0-9a-f]{16}\.image$/.test(file.slice(prefix.length)))
    .map((file) => join(dirname(path), file));
}

/** After a commit (under the lock): the images of earlier states are garbage. */
export async function removeOtherImages(path: string, digest: string): Promise<void> {
  const keep = imagePath(path, digest);
  for (const file of await imageFiles(path)) if (file !== keep) await rm(file, { force: true });
}

/**
 * Writes the image of `graph`, the merged graph of the manifest whose digest
 * is `digest`. The caller holds the write lock, and has committed that
 * manifest: a failure here leaves the store whole (readers fall back to the
 * fragments), so it is reported to the caller as a reason, not thrown.
 */
export async function writeImage(path: string, graph: ReadGraph, digest: string): Promise<string | null> {
  const target = imagePath(path, digest);
  try {
    // Not synced: a cache torn by a crash fails its CRC and is passed over, and the sync of ~90 MB at 10,000 letters costs seconds.
    await writeDurably(target, encodeImage(graph, digest), { sync: false });
    return null;
  } catch (error) {
    await rm(target, { force: true }).catch(() => undefined);
    return `the store image ${target} was not written (${(error as Error).message}); the store is whole, and opens more slowly until the next change`;
  }
}
