import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles, removeSources } from '../../ingest/ingest-files.ts';
import { currentImagePath, imageFiles, writeImage } from '../../store/memory/image-file.ts';
import { MergedGraph } from '../../store/memory/memory-graph.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { edgeKey } from '../../domain/model.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { LETTERS_DIR, seedPath, withTempDir } from '../helpers/seeds.ts';

async function ingestInto(path: string, paths: string[]): Promise<MemoryStore> {
  const store = new MemoryStore({ path });
  await ingestFiles(paths, store, { workers: 0 });
  return store;
}

/** The graphology graph of a document, as a store merges it. */
function graphOf(graph: GraphDocument) {
  return MergedGraph.of([], [{ letter: 'all', nodes: graph.nodes, edges: graph.edges }]).graph;
}

/** A graph in one order, whatever order a store iterates in. */
function sorted(graph: GraphDocument): GraphDocument {
  return {
    nodes: [...graph.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: [...graph.edges].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1)),
  };
}

/** The store as read from its fragments alone (the truth the image caches). */
async function fromFragments(path: string): Promise<{ store: MemoryStore; graph: GraphDocument }> {
  const image = await currentImagePath(path);
  const bytes = await readFile(image).catch(() => null);
  await rm(image, { force: true });
  const store = new MemoryStore({ path });
  const graph = sorted(await wholeGraph(store));
  if (bytes) await writeFile(image, bytes);
  expect(store.imageLoads).toBe(0);
  return { store, graph };
}

describe('the embedded store’s image (the merged graph, for a fast open)', () => {
  it('a store opened from its image holds exactly what its fragments hold, and answers the same', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [LETTERS_DIR]);
      const opened = new MemoryStore({ path });
      const graph = sorted(await wholeGraph(opened));
      expect(opened.imageLoads).toBe(1);
      const truth = await fromFragments(path);
      expect(graph.nodes.length).toBeGreaterThan(100);
      expect(graph).toEqual(truth.graph);
      // The reads that walk the graph, not only the node pages.
      expect(await opened.stats()).toEqual(await truth.store.stats());
      expect(await opened.neighbourhood(['Platform:瓯江实验室'], { depth: 2, limit: 200 })).toEqual(
        await truth.store.neighbourhood(['Platform:瓯江实验室'], { depth: 2, limit: 200 }),
      );
      expect(await opened.chainMatrix()).toEqual(await truth.store.chainMatrix());
      expect(await opened.search('实验室', { first: 10 })).toEqual(await truth.store.search('实验室', { first: 10 }));
      const letter = graph.nodes.find((n) => n.kind === 'Letter')!.id;
      expect(await opened.edgesOf([letter])).toEqual(await truth.store.edgesOf([letter]));
      const proposal = graph.edges.find((e) => e.type === 'ANSWERS' && e.source === letter)!.target;
      expect(await opened.shortestPath(letter, 'Chain:人才链', 4)).toEqual(
        await truth.store.shortestPath(letter, 'Chain:人才链', 4),
      );
      expect(await opened.overview({ limit: 50 })).toEqual(await truth.store.overview({ limit: 50 }));
      expect(proposal).toMatch(/^Proposal:/);
    });
  });

  it('an image of an earlier state is not used: the store opens from its fragments with the change', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [seedPath('000'), seedPath('001')]);
      const earlier = await readFile(await currentImagePath(path));
      await ingestInto(path, [seedPath('002')]);
      // The image of the earlier state where the current state's image should be (as if copied over it by hand).
      await writeFile(await currentImagePath(path), earlier);
      const store = new MemoryStore({ path });
      expect((await store.stats()).letters).toBe(3);
      expect(store.imageLoads).toBe(0);
    });
  });

  it('a damaged image is passed over, and the next write replaces it', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [seedPath('000'), seedPath('001')]);
      const truth = await fromFragments(path);
      const image = await currentImagePath(path);
      const bytes = await readFile(image);
      for (const damaged of [
        bytes.subarray(0, bytes.length >> 1),
        Buffer.from('INNOIMG1garbage'),
        Buffer.alloc(0),
        Buffer.from(bytes).fill(7, 200, 600),
      ]) {
        await writeFile(image, damaged);
        const store = new MemoryStore({ path });
        expect(sorted(await wholeGraph(store))).toEqual(truth.graph);
        expect(store.imageLoads).toBe(0);
      }
      await ingestInto(path, [seedPath('002')]);
      const store = new MemoryStore({ path });
      expect((await store.stats()).letters).toBe(3);
      expect(store.imageLoads).toBe(1);
    });
  });

  it('an image that cannot be written is a reason, not a failure: the store stays whole and opens from its fragments', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const writer = await ingestInto(path, [seedPath('000')]);
      expect(writer.imageProblem).toBeNull();
      const image = await currentImagePath(path);
      await rm(image);
      // Something in the way of the image file: the rename onto a folder that is not empty fails.
      await mkdir(join(image, 'in-the-way'), { recursive: true });
      const merged = new MemoryStore({ path });
      const graph = await wholeGraph(merged);
      const problem = await writeImage(
        path,
        graphOf(graph),
        (await import('../../store/memory/segments.ts')).manifestDigest(await readFile(path)),
      );
      expect(problem).toMatch(/store image .* was not written .*opens more slowly/);
      await rm(image, { recursive: true });
      const store = new MemoryStore({ path });
      expect((await store.stats()).letters).toBe(1);
      expect(store.imageLoads).toBe(0);
    });
  });

  it('a change leaves one image, that of the state it committed, and leaves another store’s images beside it alone', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const beside = join(dir, 'store.json.old.json');
      await ingestInto(beside, [seedPath('002')]);
      const besideImages = await imageFiles(beside);
      expect(besideImages).toHaveLength(1);
      await ingestInto(path, [seedPath('000')]);
      await ingestInto(path, [seedPath('001')]);
      await removeSources(['000_c3f10cc589d1c01a.txt'], new MemoryStore({ path }), { workers: 0 });
      expect(await imageFiles(path)).toEqual([await currentImagePath(path)]);
      expect(await imageFiles(beside)).toEqual(besideImages);
      await expect(new MemoryStore({ path: beside }).stats()).resolves.toMatchObject({ letters: 1 });
    });
  });
});
