import { copyFile, writeFile } from 'node:fs/promises';
import { removeSources } from '../../ingest/ingest-files.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resilientStore } from '../../api/resilient-store.ts';
import { StoreUnavailableError } from '../../domain/errors.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { seededStore, startServer } from '../helpers/server.ts';
import { withTempDir } from '../helpers/seeds.ts';

describe('a store that is down', () => {
  it('gives a coded GraphQL error and an unhealthy /health; the server recovers when the store is back', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await seededStore(path);
      await copyFile(path, join(dir, 'good.json'));
      const server = await startServer(new MemoryStore({ path }));
      try {
        expect((await server.gql('{ stats { letters } }')).body.data!.stats.letters).toBe(5);
        await writeFile(path, 'this is no snapshot');
        const down = await server.gql('{ stats { letters } }');
        // A damaged file is a store that will not come back by waiting: it has its own code.
        expect(down.body.errors![0].extensions!.code).toBe('STORE_DAMAGED');
        expect(down.body.errors![0].message).toMatch(/not valid JSON/);
        const health = await fetch(`${server.url}/health`);
        expect(health.status).toBe(503);
        expect(await health.json()).toMatchObject({ status: 'unavailable', store: { ok: false } });
        await copyFile(join(dir, 'good.json'), path);
        expect((await server.gql('{ stats { letters } }')).body.data!.stats.letters).toBe(5);
      } finally {
        await server.close();
      }
    });
  });

  it('a store that cannot be opened at start is retried; the server answers meanwhile', async () => {
    const seeded = await seededStore();
    let attempts = 0;
    const store = resilientStore(
      async (): Promise<GraphStore> => {
        attempts++;
        if (attempts < 2)
          throw new StoreUnavailableError(
            'Neo4j at neo4j://db:7687 cannot be reached; is the server running and NEO4J_URI right?',
          );
        return seeded;
      },
      'Neo4j at neo4j://db:7687',
      50,
    );
    const server = await startServer(store);
    try {
      const first = await server.gql('{ stats { letters } }');
      expect(first.body.errors![0]).toMatchObject({ extensions: { code: 'STORE_UNAVAILABLE' } });
      expect(first.body.errors![0].message).toContain('neo4j://db:7687');
      await new Promise((r) => setTimeout(r, 80));
      expect((await server.gql('{ stats { letters } }')).body.data!.stats.letters).toBe(5);
    } finally {
      await server.close();
    }
  });
});

describe('CORS', () => {
  it('allows the configured origins only', async () => {
    const server = await startServer(await seededStore(), { corsOrigins: ['https://research.example.org'] });
    try {
      const preflight = (origin: string) =>
        fetch(`${server.url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      expect((await preflight('https://research.example.org')).headers.get('access-control-allow-origin')).toBe(
        'https://research.example.org',
      );
      expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).not.toBe(
        'https://evil.example.com',
      );
    } finally {
      await server.close();
    }
  });
});

describe('a running server', () => {
  it('answers from the store as it is now: a letter removed is gone from the next answer', async () => {
    const store = await seededStore();
    const server = await startServer(store);
    try {
      const ask = async () => (await server.gql('{ stats { letters } }')).body.data!.stats.letters;
      expect(await ask()).toBe(5);
      await removeSources(['003_8026abd5319cce3e.txt'], store, { workers: 0 });
      expect(await ask()).toBe(4);
    } finally {
      await server.close();
    }
  });
});
