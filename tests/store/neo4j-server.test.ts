import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { loadCypher } from '../../store/neo4j/cypher-files.ts';
import { openStore } from '../../store/open-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { LETTERS_DIR } from '../helpers/seeds.ts';

/**
 * What only a Neo4j server can show: how values are typed in the database,
 * how failures are reported, and which plans Neo4j picks for the path queries.
 * Reads the database with the real driver, beside the adapter.
 */
const server = inject('neo4j');

if ('uri' in server) {
  describe('the Neo4j adapter on a real server', () => {
    let store: GraphStore;
    let driver: Driver;
    const operators = (plan: { operatorType: string; children: unknown[] }): string[] => [
      plan.operatorType,
      ...plan.children.flatMap((c) => operators(c as typeof plan)),
    ];
    const query = async (text: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(text, params, { database: server.database })).records.map((r) => r.toObject());

    beforeAll(async () => {
      store = await openStore({ adapter: 'neo4j', ...server });
      await store.clear();
      await ingestFiles([LETTERS_DIR], store);
      driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
    }, 120_000);
    afterAll(async () => {
      await driver?.close();
      await store?.close();
    });

    it('stores whole numbers as integers: spans, years, values and letter counts', async () => {
      expect(
        await query('MATCH (n:Entity) WHERE size(n.mStarts) > 0 RETURN DISTINCT valueType(n.mStarts) AS type'),
      ).toEqual([{ type: 'LIST<INTEGER NOT NULL> NOT NULL' }]);
      expect(await query('MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT valueType(r.eEnds) AS type')).toEqual([
        { type: 'LIST<INTEGER NOT NULL> NOT NULL' },
      ]);
      expect(
        await query('MATCH (n:Commitment) WHERE n.year IS NOT NULL RETURN DISTINCT valueType(n.year) AS type'),
      ).toEqual([{ type: 'INTEGER NOT NULL' }]);
      expect(await query('MATCH (n:Entity) RETURN DISTINCT valueType(n.letterCount) AS type')).toEqual([
        { type: 'INTEGER NOT NULL' },
      ]);
      const [fifteen] = await query(
        "MATCH (n:Commitment) WHERE n.value = 15 AND n.unit = '家' RETURN valueType(n.value) AS type LIMIT 1",
      );
      expect(fifteen).toEqual({ type: 'INTEGER NOT NULL' });
    });

    it('a failing Cypher statement or procedure is a query failure, not an unavailable store', async () => {
      await query('DROP INDEX entity_grams IF EXISTS');
      try {
        const error = await store.search('瓯江', { first: 5 }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'STORE_QUERY_FAILED' });
        expect((error as Error).message).toMatch(/entity_grams/);
      } finally {
        // Opening the store applies the schema again.
        await (await openStore({ adapter: 'neo4j', ...server })).close();
      }
      expect((await store.search('瓯江', { first: 5 }))[0].node.id).toBe('Platform:瓯江实验室');
    });

    it('a server out of reach is an unavailable store, with where and what to check', async () => {
      const error = await openStore({ adapter: 'neo4j', uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/bolt:\/\/127\.0\.0\.1:1.*cannot be reached/);
    });

    it('shortest paths run as SHORTEST (a bidirectional search with the type test inside), never an exhaustive var-length expansion', async () => {
      const params = {
        from: 'Platform:瓯江实验室',
        to: 'Platform:中国眼谷',
        types: ['MENTIONS'],
      };
      for (const statement of loadCypher('shortest-path').statements) {
        const used = { ...Object.fromEntries(Object.entries(params).filter(([k]) => statement.includes(`$${k}`))) };
        const { summary } = await driver.executeQuery(`EXPLAIN ${statement}`, used, { database: server.database });
        const ops = operators(summary.plan as never);
        expect(
          ops.some((op) => op.startsWith('StatefulShortestPath')),
          ops.join(' '),
        ).toBe(true);
        expect(
          ops.some((op) => /VarLengthExpand|^ShortestPath|AntiConditionalApply/.test(op)),
          ops.join(' '),
        ).toBe(false);
      }
    });

    it('every lookup by id, part or letter starts from an index, never a scan of every node or label', async () => {
      const scans = /AllNodesScan|NodeByLabelScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan/;
      const lookups = [
        'get-nodes',
        'path-neighbours',
        'neighbours',
        'edges-of',
        'induced-edges',
        'node-state',
        'edge-state',
        'node-parts-of',
        'edge-parts-of',
        'letter-parts',
        'set-letter-parts',
        'delete-letter-parts',
        'upsert-nodes',
        'create-edges',
        'update-edges',
        'delete-edges',
        'find-nodes-of-letter',
        'recurring',
        'recurring-all-mentions',
      ];
      for (const name of lookups) {
        const file = loadCypher(name);
        const { summary } = await driver.executeQuery(`EXPLAIN ${file.statements[0]}`, file.params, {
          database: server.database,
        });
        const ops = operators(summary.plan as never);
        expect(ops.join(' '), name).not.toMatch(scans);
        expect(
          ops.some((op) => /IndexSeek|IndexScan/.test(op)),
          `${name}: ${ops.join(' ')}`,
        ).toBe(true);
      }
    });

    it('commitments of a year or of a letter start from that column’s index, not from every commitment', async () => {
      const file = loadCypher('commitments');
      for (const [i, column] of [
        [1, 'year'],
        [2, 'letter'],
      ] as const) {
        const { summary } = await driver.executeQuery(`EXPLAIN ${file.statements[i]}`, file.params, {
          database: server.database,
        });
        const ops = operators(summary.plan as never).join(' ');
        expect(ops, column).not.toMatch(/NodeByLabelScan|AllNodesScan/);
        expect(ops, column).toMatch(/NodeIndexSeek/);
        expect(JSON.stringify(summary.plan), column).toContain(`Commitment(${column})`);
      }
    });

    it('refuses a database holding an older layout, saying how to clear it', async () => {
      const [{ version }] = await query("MATCH (m:InnographMeta {id: 'layout'}) RETURN m.version AS version");
      await query("MATCH (m:InnographMeta {id: 'layout'}) SET m.version = 1");
      try {
        await expect(openStore({ adapter: 'neo4j', ...server })).rejects.toThrow(/older layout.*ingest again/);
      } finally {
        await query("MATCH (m:InnographMeta {id: 'layout'}) SET m.version = $version", { version });
      }
    });
  });
} else {
  describe.skip(`the Neo4j adapter on a real server (skipped: ${server.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
