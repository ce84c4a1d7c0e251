import { readFile, rm } from 'node:fs/promises';
import { decodeImage, encodeImage, type ImageGraph } from './image.ts';
import type { ReadGraph } from './read-graph.ts';
import { manifestDigest, writeDurably } from './segments.ts';

/** Where a store keeps the image of its merged graph (see image.ts). */
export const imagePath = (path: string) => `${path}.image`;

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
  const bytes = await readFile(imagePath(path)).catch(() => null);
  if (!bytes) return null;
  try {
    return decodeImage(bytes, manifestDigest(manifest));
  } catch {
    return null;
  }
}

/**
 * Writes the image of `graph`, the merged graph of the manifest whose digest
 * is `digest`. The caller holds the write lock, and has committed that
 * manifest: a failure here leaves the store whole (readers fall back to the
 * fragments), so it is reported to the caller as a reason, not thrown.
 */
export async function writeImage(path: string, graph: ReadGraph, digest: string): Promise<string | null> {
  try {
    await writeDurably(imagePath(path), encodeImage(graph, digest));
    return null;
  } catch (error) {
    await rm(imagePath(path), { force: true }).catch(() => undefined);
    return `the store image ${imagePath(path)} was not written (${(error as Error).message}); the store is whole, and opens more slowly until the next change`;
  }
}
