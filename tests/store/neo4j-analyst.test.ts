import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { findConnections } from '../../api/resolvers/connections.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphNode } from '../../domain/model.ts';
import { openStore } from '../../store/open-store.ts';
import type { GraphStore, RecurringOptions } from '../../store/port.ts';
import { LETTERS_DIR } from '../helpers/seeds.ts';

/**
 * The analyst's questions (what recurs, what connects two things) answered by
 * a real Neo4j and by the embedded store on the same seeds must agree: the
 * recurring query is Cypher of its own (cypher/recurring.cypher), the
 * connections search runs on either store's edgesOf.
 */
const neo4j = inject('neo4j');

if ('uri' in neo4j) {
  describe('analyst queries: Neo4j answers as the embedded store does', () => {
    let memory: GraphStore;
    let graphDb: GraphStore;

    beforeAll(async () => {
      memory = new MemoryStore({ path: null });
      await ingestFiles([LETTERS_DIR], memory);
      graphDb = await openStore({ adapter: 'neo4j', ...neo4j });
      await graphDb.clear();
      await ingestFiles([LETTERS_DIR], graphDb);
    });
    afterAll(async () => {
      await graphDb?.close();
    });

    const recurring = async (store: GraphStore, options: RecurringOptions) => {
      const rows: Array<{ id: string; letters: string[] }> = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page = await store.recurring(options, { first: 7, after });
        rows.push(...page.items.map((r) => ({ id: r.node.id, letters: r.letters })));
        if (!page.hasNextPage) return { rows, total: page.totalCount };
        after = page.endCursor;
      }
      throw new Error('paging did not end');
    };

    it.each([
      ['platforms in two letters or more', { kinds: ['Platform'], minLetters: 2 }],
      ['every kind but letters and chains, in three letters or more', { minLetters: 3 }],
      ['programmes and policies in any letter', { kinds: ['Programme', 'Policy'], minLetters: 1 }],
    ] as Array<[string, RecurringOptions]>)(
      'recurring: %s, page by page, in the same order',
      async (_name, options) => {
        const expected = await recurring(memory, options);
        expect(expected.rows.length).toBeGreaterThan(0);
        expect(await recurring(graphDb, options)).toEqual(expected);
      },
    );

    it('connections: the same ranked paths between 瓯江实验室 and proposal 582, with and without hubs', async () => {
      for (const includeHubs of [false, true]) {
        const ends = async (store: GraphStore) =>
          (await store.getNodes(['Platform:瓯江实验室', 'Proposal:市政协十二届三次会议582号提案'])) as GraphNode[];
        const answer = async (store: GraphStore) => {
          const [from, to] = await ends(store);
          const found = await findConnections(store, from, to, { maxHops: 4, first: 10, includeHubs });
          return found.paths.map((p) => ({
            cost: p.cost,
            nodes: p.nodes.map((n) => n.id),
            edges: p.edges.map((e) => `${e.type}|${e.source}|${e.target}`),
          }));
        };
        const expected = await answer(memory);
        expect(expected.length).toBeGreaterThan(0);
        expect(await answer(graphDb)).toEqual(expected);
      }
    });
  });
} else {
  describe.skip(`analyst queries on Neo4j (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
