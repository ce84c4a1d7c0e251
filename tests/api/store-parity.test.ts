import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { exampleQueries } from '../../api/examples.ts';
import { openStore } from '../../store/open-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { LETTERS_DIR, REPO_ROOT } from '../helpers/seeds.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * The API answers the same from either store: every example query of
 * api/examples/ and every literal query of the API tests (tests/api/*.test.ts),
 * sent to one server on the embedded store and one on Neo4j, both holding the
 * seed letters. Only the order of a subgraph's edges is not part of the
 * answer (it is a set); everything else must be equal, errors included.
 */
const neo4j = inject('neo4j');

/** String literals of the API tests that are whole GraphQL queries without variables to fill in. */
function apiTestQueries(): Array<[string, string]> {
  const dir = join(REPO_ROOT, 'tests/api');
  const found = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'store-parity.test.ts')) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/`((?:[^`\\]|\\.)*)`|'((?:[^'\\\n]|\\.)*)'/g)) {
      const text = (match[1] ?? match[2]).trim();
      if (!/^(\{|query\b)/.test(text) || text.includes('${') || found.has(text)) continue;
      try {
        const document = parse(text);
        const required = document.definitions.some(
          (d) =>
            d.kind === 'OperationDefinition' &&
            (d.variableDefinitions ?? []).some((v) => v.type.kind === 'NonNullType' && !v.defaultValue),
        );
        if (!required) found.set(text, `${file}: ${text.replace(/\s+/g, ' ').slice(0, 70)}`);
      } catch {
        // Not GraphQL (or a deliberately malformed query, which never reaches a store).
      }
    }
  }
  return [...found].map(([query, name]) => [name, query]);
}

/** Sorts the edge lists (arrays of objects with source and target), so that their order does not count. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const edges =
      items.length > 0 && items.every((x) => x !== null && typeof x === 'object' && 'source' in x && 'target' in x);
    return edges ? items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : items;
  }
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

if ('uri' in neo4j) {
  describe('the API answers the same on the embedded store and on Neo4j', () => {
    let embedded: Awaited<ReturnType<typeof startServer>>;
    let graphDb: Awaited<ReturnType<typeof startServer>>;
    let store: GraphStore;

    beforeAll(async () => {
      embedded = await startServer(await seededStore());
      store = await openStore({ adapter: 'neo4j', ...neo4j });
      await store.clear();
      await ingestFiles([LETTERS_DIR], store);
      graphDb = await startServer(store);
    }, 180_000);
    afterAll(async () => {
      await embedded?.close();
      await graphDb?.close();
      await store?.close();
    });

    const queries: Array<[string, string]> = [
      ...exampleQueries().map((e): [string, string] => [`example ${e.name}`, e.query]),
      ...apiTestQueries(),
    ];

    it('there are example queries and API test queries to compare', () => {
      expect(exampleQueries().length).toBeGreaterThanOrEqual(9);
      expect(apiTestQueries().length).toBeGreaterThanOrEqual(5);
    });

    it.each(queries)('%s', async (_name, query) => {
      const [a, b] = await Promise.all([embedded.gql(query), graphDb.gql(query)]);
      expect(b.body.errors?.map((e) => e.extensions?.code)).toEqual(a.body.errors?.map((e) => e.extensions?.code));
      expect(canonical(b.body)).toEqual(canonical(a.body));
      expect(b.status).toBe(a.status);
    });
  });
} else {
  describe.skip(`the API on Neo4j (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
