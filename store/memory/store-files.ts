import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The files of one embedded store, by name, and how each is written. Beside
 * the manifest `<path>`: `<path>.segments/*.jsonl` (letters' fragments),
 * `<path>.<16 hex>.image` (the merged graph of one state), `<path>.lock`;
 * a writer's temp files end in `.<pid>.tmp`.
 */
export const segmentFolder = (path: string) => `${path}.segments`;

/** Where a store keeps the image of the state whose manifest has `digest` (named by the state: see image-file.ts). */
export const imagePath = (path: string, digest: string) => `${path}.${digest.slice(0, 16)}.image`;

/** The image files of a store, whatever state they show. */
export async function imageFiles(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`;
  // Exactly <store>.<16 hex digits>.image: another store named store.json.old.json beside it keeps its images.
  return (await readdir(dirname(path)).catch(() => [] as string[]))
    .filter((file) => file.startsWith(prefix) && /^[0-9a-f]{16}\.image$/.test(file.slice(prefix.length)))
    .map((file) => join(dirname(path), file));
}

/** The segment files in the store's folder (a killed writer's `.tmp` files are not segments). */
export async function segmentFiles(path: string): Promise<string[]> {
  return (await readdir(segmentFolder(path)).catch(() => [] as string[])).filter((file) => file.endsWith('.jsonl'));
}

/** What names one committed state of the store: the digest of its manifest (a store image says which state it shows). */
export function manifestDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Temp file, fsync, rename, fsync of the folder: the file appears whole or
 * not at all. A failed write (a full disk) removes its temp file, so that it
 * does not hold the space the user is asked to free.
 */
export async function writeDurably(
  target: string,
  chunks: Buffer[],
  options: { sync: boolean } = { sync: true },
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
      if (options.sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  if (!options.sync) return;
  const dir = openSync(dirname(target), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** `*.tmp` files a killed writer left beside the manifest and among the segments (the caller holds the lock). */
export async function removeLeftovers(path: string): Promise<void> {
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
