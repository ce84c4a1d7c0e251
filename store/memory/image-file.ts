import { readFile, rm } from 'node:fs/promises';
import { encodeImage, type ImageSource } from './image-encode.ts';
import { decodeImage, type ImageGraph } from './image-graph.ts';
import { imageFiles, imagePath, manifestDigest, writeDurably } from './store-files.ts';

/**
 * The store image's file (image-format.ts): named by the state it shows
 * (store-files.ts `imagePath`), so that a writer can put the next state's
 * image in place before it commits, while readers still open the current one.
 */
export { imageFiles, imagePath } from './store-files.ts';

/**
 * The image of the store's current state, or null when there is none, it
 * shows another state of the manifest, or it cannot be read: the caller then
 * reads the fragments, which are the truth. (A stale image is never used: the
 * manifest's digest is checked, so a writer that stopped before writing its
 * image costs the next reader time, not correctness.)
 */
export async function readImage(path: string): Promise<ImageGraph | null> {
  return (await openImage(path)).image;
}

/**
 * readImage with the reason an image was passed over (null when it was used,
 * or when the store has no manifest): damage the user may want to hear of,
 * though the store answers rightly without it (from its fragments).
 */
export async function openImage(path: string): Promise<{ image: ImageGraph | null; problem: string | null }> {
  const manifest = await readFile(path).catch(() => null);
  if (!manifest) return { image: null, problem: null };
  const digest = manifestDigest(manifest);
  const file = imagePath(path, digest);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) {
    const why =
      bytes.code === 'ENOENT' ? 'there is none for its current state' : `${file} cannot be read (${bytes.code})`;
    return { image: null, problem: `the store image was not used: ${why}; the store was read from its fragments` };
  }
  let image: ImageGraph | null = null;
  let why = 'its header or CRC does not match';
  try {
    image = decodeImage(bytes, digest);
  } catch (error) {
    why = `it cannot be decoded: ${(error as Error).message}`;
  }
  return image
    ? { image, problem: null }
    : {
        image: null,
        problem: `the store image ${file} is damaged or made for another state (${why}); the store was read from its fragments, and the next change writes the image again`,
      };
}

/** Where the image of the store's current state is (or would be), from its manifest. */
export async function currentImagePath(path: string): Promise<string> {
  return imagePath(path, manifestDigest(await readFile(path)));
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
export async function writeImage(path: string, graph: ImageSource, digest: string): Promise<string | null> {
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
