import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { random } from '../../bench/random.ts';
import { ingestTexts, removeSources } from '../../ingest/ingest-files.ts';
import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { ReadingCache } from '../../ingest/reading-cache.ts';
import { currentImagePath } from '../../store/memory/image-file.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { seedTexts, syntheticTexts } from '../helpers/corpus.ts';
import { lines } from '../helpers/graph-lines.ts';
import { txtLetter } from '../helpers/parse.ts';
import { LETTERS_DIR, withTempDir } from '../helpers/seeds.ts';

/**
 * Issue 23: a one-letter change into a store on disk commits only the letters whose part changed, found by
 * comparing the new graph with the store's image (store/memory/image-diff.ts), and keeps every other
 * letter's line as it was. What a user checks: after each one-letter ingest, removal or changed letter, the
 * store — opened from its image, and from its letters' parts alone — is the store a fresh batch ingest of the
 * same letters gives.
 */
const IN_THIS_THREAD = { workers: 0 } as const;

async function batchLines(letters: LetterText[]): Promise<string[]> {
  const store = new MemoryStore({ path: null });
  await ingestTexts(letters, store, IN_THIS_THREAD);
  return lines(await wholeGraph(store));
}

/** The store as its letters' parts hold it: its image moved away for the read, then put back. */
async function fromParts(path: string): Promise<string[]> {
  const image = await currentImagePath(path);
  const bytes = await readFile(image);
  await rm(image);
  const store = new MemoryStore({ path });
  const graph = lines(await wholeGraph(store));
  expect(store.imageLoads).toBe(0);
  await writeFile(image, bytes);
  return graph;
}

describe('a one-letter change into a store on disk', () => {
  it('ingest, remove, change one letter at a time (our letters and a synthetic corpus): each state is the batch of its letters', async () => {
    await withTempDir(async (dir) => {
      const pool = [...seedTexts(), ...(await syntheticTexts(30, 7, 'syn-'))];
      const rand = random(23);
      const shuffled = pool
        .map((l) => ({ l, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .map(({ l }) => l);
      const path = join(dir, 'store.json');
      const cache = new ReadingCache(join(dir, 'readings'));
      const held = new Map(shuffled.slice(0, pool.length - 4).map((l) => [l.source, l]));
      await ingestTexts([...held.values()], new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
      const waiting = shuffled.slice(pool.length - 4);
      // One step at a time, each in a fresh store object (as separate `innograph` runs are).
      const steps: Array<() => Promise<unknown>> = [
        ...waiting.map((letter) => async () => {
          await ingestTexts([letter], new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
          held.set(letter.source, letter);
        }),
        ...[0, 1, 2].map(() => async () => {
          const gone = [...held.keys()][Math.floor(rand() * held.size)];
          await removeSources([gone], new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
          held.delete(gone);
        }),
        async () => {
          // A stored letter comes back changed: its quoted names lose their quotes.
          const [source, letter] = [...held].find(([, l]) => /[“”]/.test(l.text))!;
          const changed = txtLetter(source, letter.text.replace(/[“”]/g, ''));
          await ingestTexts([changed], new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
          held.set(source, changed);
        },
      ];
      for (const step of steps) {
        await step();
        const expected = await batchLines([...held.values()]);
        const opened = new MemoryStore({ path });
        expect(lines(await wholeGraph(opened))).toEqual(expected);
        expect(opened.imageLoads).toBe(1);
        expect(await fromParts(path)).toEqual(expected);
      }
    });
  }, 300_000);

  it('a change that leaves most segment bytes dead compacts the store, moving the unchanged letters’ lines as they are', async () => {
    await withTempDir(async (dir) => {
      const corpusDir = join(dir, 'corpus');
      await generateCorpus({ letters: 60, out: corpusDir, seed: 9, seedDir: LETTERS_DIR });
      const letters = await Promise.all(
        (await readdir(corpusDir)).sort().map(async (f) => txtLetter(f, await readFile(join(corpusDir, f), 'utf8'))),
      );
      const path = join(dir, 'store.json');
      await ingestTexts(letters, new MemoryStore({ path }), IN_THIS_THREAD);
      // Two letters in three come back with a line added: their parts change, the others' do not.
      const changed = letters.map((l, i) => (i % 3 === 0 ? l : txtLetter(l.source, `${l.text}\n此复。`)));
      await ingestTexts(
        changed.filter((_, i) => i % 3 !== 0),
        new MemoryStore({ path }),
        IN_THIS_THREAD,
      );
      // Compacted: every letter's line in one segment, the unchanged ones moved byte for byte.
      expect(await readdir(`${path}.segments`)).toHaveLength(1);
      const expected = await batchLines(changed);
      expect(lines(await wholeGraph(new MemoryStore({ path })))).toEqual(expected);
      expect(await fromParts(path)).toEqual(expected);
    });
  }, 300_000);
});
