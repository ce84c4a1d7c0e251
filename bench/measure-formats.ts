import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { readStore, segmentFolder } from '../store/memory/segments.ts';

/**
 * The embedded store's two file formats side by side, for one stored graph:
 * the segmented store (version 2, what innograph writes) and the single JSON
 * snapshot it replaced (version 1, still read). Load is a fresh process-level
 * store's first read (files → merged graph); a one-letter change is one
 * letter replaced in an open store (version 1 rewrote the whole file for it).
 */
export interface FormatFigures {
  segmentedBytes: number;
  segmentedLoadSeconds: number;
  segmentedOneLetterSeconds: number;
  singleFileBytes: number;
  singleFileWriteSeconds: number;
  singleFileLoadSeconds: number;
}

export async function measureFormats(storePath: string): Promise<FormatFigures> {
  let t = performance.now();
  const store = new MemoryStore({ path: storePath });
  await store.stats();
  const segmentedLoadSeconds = (performance.now() - t) / 1000;

  const disk = await readStore(storePath);
  const [letter] = [...disk.fragments.keys()];
  const fragment = disk.fragments.get(letter)!.fragment;
  t = performance.now();
  await store.replaceLetters({ nodes: fragment.nodes, edges: fragment.edges }, [letter]);
  const segmentedOneLetterSeconds = (performance.now() - t) / 1000;

  const single = `${storePath}.v1.json`;
  t = performance.now();
  const fd = openSync(single, 'w');
  writeSync(fd, JSON.stringify({ format: 'innograph-snapshot', version: 1, shared: disk.shared, fragments: [...disk.fragments.values()].map((f) => f.fragment) }));
  fsyncSync(fd);
  closeSync(fd);
  const singleFileWriteSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await new MemoryStore({ path: single }).stats();
  const singleFileLoadSeconds = (performance.now() - t) / 1000;
  const singleFileBytes = (await stat(single)).size;
  await rm(single, { force: true });
  return { segmentedBytes: await storeBytes(storePath), segmentedLoadSeconds, segmentedOneLetterSeconds, singleFileBytes, singleFileWriteSeconds, singleFileLoadSeconds };
}

/** The manifest and its segments. */
export async function storeBytes(storePath: string): Promise<number> {
  let bytes = (await stat(storePath)).size;
  for (const file of await readdir(segmentFolder(storePath)).catch(() => [])) bytes += (await stat(join(segmentFolder(storePath), file))).size;
  return bytes;
}
