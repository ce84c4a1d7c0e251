import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphDocument } from '../../domain/model.ts';
import { ingestTexts, removeSources } from '../../ingest/ingest-files.ts';
import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { commitGraph } from '../../store/commit-graph.ts';
import { lettersOf } from '../../store/letter-fragments.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { openStore } from '../../store/open-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { seedTexts, syntheticTexts } from '../helpers/corpus.ts';
import { lines } from '../helpers/graph-lines.ts';

/**
 * The first load into a Neo4j holding no letter (store/neo4j/bulk-load.ts: every node and edge created
 * once, the indexes built after) on the real Neo4j (tests/store/neo4j-setup.ts): it stores the graph the
 * letter-by-letter path stores and the embedded store holds, later changes on top of it too; a load cut
 * short counts no letter, and the next ingest loads again.
 */
const neo4j = inject('neo4j');
const IN_THIS_THREAD = { workers: 0 } as const;

if ('uri' in neo4j) {
  describe('Neo4j: a first load', () => {
    let store: GraphStore;
    let letters: LetterText[] = [];
    /** The graph of every letter, and of the first one alone, as the embedded store holds them. */
    let all: GraphDocument;
    let first: GraphDocument;

    async function graphOf(texts: LetterText[]): Promise<GraphDocument> {
      const memory = new MemoryStore({ path: null });
      await ingestTexts(texts, memory, IN_THIS_THREAD);
      return wholeGraph(memory);
    }

    beforeAll(async () => {
      store = await openStore({ adapter: 'neo4j', ...neo4j });
      // The seeds and synthetic letters of several cities that share names (bench/corpus.ts).
      letters = [...seedTexts(), ...(await syntheticTexts(12, 7, 'synthetic-'))];
      all = await graphOf(letters);
      first = await graphOf(letters.slice(0, 1));
    }, 240_000);
    afterAll(async () => {
      await store?.clear();
      await store?.close();
    });

    it('stores the graph the letter-by-letter path stores, and later changes go on from it', async () => {
      const expected = lines(all);
      expect(lettersOf(all).length).toBe(letters.length);

      await store.clear();
      await commitGraph(store, all);
      const loaded = lines(await wholeGraph(store));
      expect(loaded).toEqual(expected);

      // One letter first (a first load of one), then the others by the path that merges into stored nodes.
      await store.clear();
      await commitGraph(store, first);
      await commitGraph(store, all);
      expect(lines(await wholeGraph(store))).toEqual(expected);
      expect((await store.stats()).letters).toBe(letters.length);

      // What a first load stored (each letter's parts) is what a later change reads: a removal leaves the
      // graph of the other letters, as on the embedded store.
      await store.clear();
      await ingestTexts(letters, store, IN_THIS_THREAD);
      expect(lines(await wholeGraph(store))).toEqual(expected);
      const gone = letters.slice(0, 3).map((l) => l.source);
      await removeSources(gone, store, IN_THIS_THREAD);
      const memory = new MemoryStore({ path: null });
      await ingestTexts(letters, memory, IN_THIS_THREAD);
      await removeSources(gone, memory, IN_THIS_THREAD);
      expect(lines(await wholeGraph(store))).toEqual(lines(await wholeGraph(memory)));
      // Search answers from the full-text index the load filled.
      const [hit] = await store.search(all.nodes.find((n) => n.kind === 'Organization')!.name, { first: 1 });
      expect(hit?.node.kind).toBe('Organization');
    }, 240_000);

    it('cut short, it counts no letter, and the next ingest loads again only its own letters', async () => {
      await store.clear();
      let calls = 0;
      const cut = commitGraph(store, all, {
        // The writer stops (an exception, as a crash would) after its parts and nodes are committed.
        onProgress: (done, total) => {
          if (done > 0 && done < total && ++calls === 3) throw new Error('cut short');
        },
      });
      await expect(cut).rejects.toThrow('cut short');
      // Part of the graph is in the database, but none of its letters counts as stored.
      expect((await wholeGraph(store)).nodes.length).toBeGreaterThan(0);
      const write = await store.beginWrite();
      try {
        expect(await write.letters()).toEqual([]);
      } finally {
        await write.release();
      }

      // The next ingest (fewer letters) stores its letters alone, as in one batch.
      const some = letters.slice(0, 5);
      await ingestTexts(some, store, IN_THIS_THREAD);
      expect(lines(await wholeGraph(store))).toEqual(lines(await graphOf(some)));
      expect((await store.stats()).letters).toBe(some.length);
      // Search finds what the second load wrote, not what the cut one left.
      const name = (await graphOf(some)).nodes.find((n) => n.kind === 'Organization')!.name;
      expect((await store.search(name, { first: 1 }))[0]?.node.name).toBe(name);
    }, 240_000);
  });
} else {
  describe.skip(`Neo4j first load (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
