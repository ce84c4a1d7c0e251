import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { wholeGraph } from '../store/whole-graph.ts';
import { commitGraph } from '../store/commit-graph.ts';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { currentImagePath, imagePath, writeImage } from '../store/memory/image-file.ts';
import { MergedGraph } from '../store/memory/memory-graph.ts';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { readStore, segmentFolder } from '../store/memory/segments.ts';

/**
 * The embedded store's file formats side by side, for one stored graph: the
 * segmented store (version 2, what innograph writes) opened from its image
 * and from its fragments alone, and the single JSON snapshot it replaced
 * (version 1, still read). Load is a fresh store's first stats (files →
 * graph → counts); open is its first health check; a one-letter change is
 * one letter replaced in an open store (version 1 rewrote the whole file for
 * it), image included.
 */
export interface FormatFigures {
  segmentedBytes: number;
  imageBytes: number;
  /** Opened from the image: first answer (health), and first stats. */
  imageOpenSeconds: number;
  imageLoadSeconds: number;
  /** The image written from the merged graph. */
  imageWriteSeconds: number;
  /** Opened from the fragments alone (no image, or a stale one). */
  segmentedLoadSeconds: number;
  segmentedOneLetterSeconds: number;
  /** Null when the graph does not fit in one JSON string (singleFileProblem says so). */
  singleFileBytes: number | null;
  singleFileWriteSeconds: number | null;
  singleFileLoadSeconds: number | null;
  singleFileProblem: string | null;
}

export async function measureFormats(storePath: string): Promise<FormatFigures> {
  let t = performance.now();
  const opened = new MemoryStore({ path: storePath });
  await opened.health();
  const imageOpenSeconds = (performance.now() - t) / 1000;
  await opened.stats();
  const imageLoadSeconds = (performance.now() - t) / 1000;
  if (opened.imageLoads !== 1) throw new Error(`${storePath} has no current image to measure`);
  const image = await currentImagePath(storePath);
  const imageBytes = (await stat(image)).size;

  await rename(image, `${image}.aside`);
  t = performance.now();
  const store = new MemoryStore({ path: storePath });
  await store.stats();
  const segmentedLoadSeconds = (performance.now() - t) / 1000;
  await rename(`${image}.aside`, image);

  const disk = await readStore(storePath);
  const merged = MergedGraph.of(
    disk.shared,
    [...disk.fragments.values()].map((f) => f.fragment),
  );
  t = performance.now();
  const problem = await writeImage(`${storePath}.bench`, merged.graph, 'bench');
  const imageWriteSeconds = (performance.now() - t) / 1000;
  await rm(imagePath(`${storePath}.bench`, 'bench'), { force: true });
  if (problem) throw new Error(problem);
  // One letter's part changed (a prop on its Letter node): the commit writes that letter and the image.
  const whole = await wholeGraph(store);
  const letter = whole.nodes.find((n) => n.kind === 'Letter')!;
  letter.props = { ...letter.props, benchTouched: Date.now() };
  t = performance.now();
  await commitGraph(store, whole);
  const segmentedOneLetterSeconds = (performance.now() - t) / 1000;

  const singleFile = await measureSingleFile(storePath, disk);
  return {
    segmentedBytes: await storeBytes(storePath),
    imageBytes,
    imageOpenSeconds,
    imageLoadSeconds,
    imageWriteSeconds,
    segmentedLoadSeconds,
    segmentedOneLetterSeconds,
    ...singleFile,
  };
}

/**
 * The single JSON snapshot (version 1) of the same graph: written, then loaded. Past about 500 MB the
 * snapshot does not fit in one JavaScript string (V8's limit; about 30,000 letters), the very reason the
 * format was replaced: its figures are then null, with the reason, and the rest of the run goes on.
 */
async function measureSingleFile(
  storePath: string,
  disk: Awaited<ReturnType<typeof readStore>>,
): Promise<
  Pick<FormatFigures, 'singleFileBytes' | 'singleFileWriteSeconds' | 'singleFileLoadSeconds' | 'singleFileProblem'>
> {
  const single = `${storePath}.v1.json`;
  const t = performance.now();
  let text: string;
  try {
    text = JSON.stringify({
      format: 'innograph-snapshot',
      version: 1,
      shared: disk.shared,
      fragments: [...disk.fragments.values()].map((f) => f.fragment),
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      singleFileBytes: null,
      singleFileWriteSeconds: null,
      singleFileLoadSeconds: null,
      singleFileProblem: `the graph does not fit in one JSON string (${error.message})`,
    };
  }
  const fd = openSync(single, 'w');
  writeSync(fd, text);
  fsyncSync(fd);
  closeSync(fd);
  const singleFileWriteSeconds = (performance.now() - t) / 1000;
  const loaded = performance.now();
  await new MemoryStore({ path: single }).stats();
  const singleFileLoadSeconds = (performance.now() - loaded) / 1000;
  const singleFileBytes = (await stat(single)).size;
  await rm(single, { force: true });
  return { singleFileBytes, singleFileWriteSeconds, singleFileLoadSeconds, singleFileProblem: null };
}

/** The manifest and its segments. */
export async function storeBytes(storePath: string): Promise<number> {
  let bytes = (await stat(storePath)).size;
  for (const file of await readdir(segmentFolder(storePath)).catch(() => []))
    bytes += (await stat(join(segmentFolder(storePath), file))).size;
  return bytes;
}
