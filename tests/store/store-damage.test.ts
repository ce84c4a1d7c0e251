import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../domain/model.ts';
import { edgeKey } from '../../domain/model.ts';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { imageFiles } from '../../store/memory/image-file.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { runCli } from '../helpers/cli.ts';
import { seedPath, withTempDir } from '../helpers/seeds.ts';
import { copyStore, DAMAGES, damageStore, filesOf, type StoreFileKind } from '../helpers/store-damage.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/**
 * The damage matrix: every store file (manifest, segment, image) × every
 * kind of damage. A damaged store never answers a wrong graph and never
 * loses a letter: a read gives the stored graph exactly (the image is only
 * a cache; the fragments are the truth) or a STORE_DAMAGED error saying
 * what to do, and a write either completes with nothing lost or is refused
 * before it changes or deletes any file.
 */
const sorted = (graph: GraphDocument): GraphDocument => ({
  nodes: [...graph.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)),
  edges: [...graph.edges].sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1)),
});

/** Ingests letter files into the store at `path`, as `innograph ingest` does. */
async function writeLetters(path: string, files: string[]): Promise<void> {
  await ingestFiles(files, new MemoryStore({ path }), { workers: 0 });
}

type Outcome = { kind: 'same' | 'different' | 'coded' | 'uncoded'; code?: string; message?: string };

async function readOutcome(path: string, expected: GraphDocument): Promise<Outcome> {
  try {
    const graph = sorted(await wholeGraph(new MemoryStore({ path })));
    return { kind: JSON.stringify(graph) === JSON.stringify(expected) ? 'same' : 'different' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { kind: code ? 'coded' : 'uncoded', code, message: (error as Error).message };
  }
}

let root: string;
const base = () => join(root, 'base', 'store.json');
const other = () => join(root, 'other', 'store.json');
let before: GraphDocument;
let after: GraphDocument;
let added: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'innograph-damage-'));
  added = [seedPath('004')];
  await writeLetters(base(), ['000', '001', '002', '003'].map(seedPath));
  await writeLetters(other(), added);
  before = sorted(await wholeGraph(new MemoryStore({ path: base() })));
  const reference = join(root, 'reference', 'store.json');
  await copyStore(join(root, 'base'), join(root, 'reference'));
  await writeLetters(reference, added);
  after = sorted(await wholeGraph(new MemoryStore({ path: reference })));
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const CASES: Array<[StoreFileKind, string]> = (['manifest', 'segment', 'image'] as const).flatMap((kind) =>
  Object.keys(DAMAGES).map((damage): [StoreFileKind, string] => [kind, damage]),
);

describe('the damage matrix: manifest, segment and image × eight kinds of damage', () => {
  it.each(CASES)(
    '%s %s: never a wrong graph, never a lost letter',
    async (kind, damage) => {
      await withTempDir(async (dir) => {
        await copyStore(join(root, 'base'), dir);
        const path = join(dir, 'store.json');
        await damageStore(path, kind, damage, other());

        // Read as a server or `innograph stats` would.
        const read = await readOutcome(path, before);
        if (kind === 'image') expect(read).toEqual({ kind: 'same' });
        else if (kind === 'manifest') expect(read).toMatchObject({ kind: 'coded', code: 'STORE_DAMAGED' });
        else expect(read.kind === 'same' || read.code === 'STORE_DAMAGED', JSON.stringify(read)).toBe(true);
        if (read.kind === 'coded') expect(read.message).toMatch(/restore .* from a backup|ingest .* again/);

        // Without the image (the cache), what the fragments say: the damage to a segment shows.
        if (kind === 'segment') {
          for (const image of await imageFiles(path)) await rm(image);
          expect(await readOutcome(path, before)).toMatchObject({ kind: 'coded', code: 'STORE_DAMAGED' });
        }

        // A write: done with nothing lost, or refused before any file changed.
        const files = await filesOf(dir);
        const write = await writeLetters(path, added).then(
          () => null,
          (error: unknown) => error as { code?: string },
        );
        if (kind === 'image') {
          expect(write).toBeNull();
          expect(sorted(await wholeGraph(new MemoryStore({ path })))).toEqual(after);
        } else {
          expect(write?.code).toBe('STORE_DAMAGED');
          expect(await filesOf(dir)).toEqual(files);
        }
      });
    },
    60_000,
  );
});

describe('a store whose manifest is gone (the segments hold every letter)', () => {
  it('is reported, with exit code 2, and the next ingest deletes nothing', async () => {
    await withTempDir(async (dir) => {
      await copyStore(join(root, 'base'), dir);
      const path = join(dir, 'store.json');
      await rm(path);
      const files = await filesOf(dir);
      const stats = await runCli(['stats', '--data', path]);
      expect(stats.code).toBe(2);
      expect(stats.stderr).toMatch(
        /manifest is missing, yet 1 segment file\(s\) in .*store\.json\.segments\/ and 1 image\(s\) remain/,
      );
      expect(stats.stderr).not.toMatch(/ {4}at /);
      const ingest = await runCli(['ingest', '--quiet', '--data', path, seedPath('004')]);
      expect(ingest.code).toBe(2);
      expect(ingest.stderr).toMatch(/Nothing was changed or deleted\. Restore .* from a backup/);
      expect(await filesOf(dir)).toEqual(files);
    });
  }, 60_000);
});

describe('a store written before checksums (format 2)', () => {
  it('is read as it was, and the next write gives every letter its checksum', async () => {
    await withTempDir(async (dir) => {
      await copyStore(join(root, 'base'), dir);
      const path = join(dir, 'store.json');
      // The manifest as version 2 wrote it: places of three numbers, no checksum.
      const v3 = JSON.parse(await readFile(path, 'utf8'));
      const letters = Object.fromEntries(
        Object.entries(v3.letters as Record<string, number[]>).map(([id, ref]) => [id, ref.slice(0, 3)]),
      );
      await writeFile(path, JSON.stringify({ format: 'innograph-snapshot', version: 2, shared: v3.shared, letters }));
      for (const image of await imageFiles(path)) await rm(image);
      expect(sorted(await wholeGraph(new MemoryStore({ path })))).toEqual(before);
      await writeLetters(path, added);
      const written = JSON.parse(await readFile(path, 'utf8'));
      expect(written.version).toBe(3);
      expect(Object.values(written.letters as Record<string, unknown[]>).every((ref) => ref.length === 4)).toBe(true);
      expect(sorted(await wholeGraph(new MemoryStore({ path })))).toEqual(after);
      // Now an edited line of an old letter is caught too.
      await damageStore(path, 'segment', 'text edited', other());
      for (const image of await imageFiles(path)) await rm(image);
      await expect(new MemoryStore({ path }).stats()).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
    });
  }, 60_000);
});
