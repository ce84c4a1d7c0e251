import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * What one request may take of the server (api/plugins/use-request-guard.ts):
 * its cost counting list sizes, its time, the size of its answer, its turn
 * among large requests and its body. Each limit is met by a request a client
 * could send, and each answers with a code, no partial data, and no work
 * done that the limit was there to spare.
 */
const OVERVIEW = (limit: number, i = 0) =>
  `o${i}: overview(limit: ${limit}) { nodes { id kind name aliases letterCount } edges { id type source target } capped }`;

/** The store the server reads, with a count of the reads a request made and an optional delay (a slow disk or database). */
function watched(store: GraphStore, delayMs = 0) {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, property: keyof GraphStore) {
      const value = target[property];
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        if (delayMs > 0 && property === 'overview') await new Promise((r) => setTimeout(r, delayMs));
        const own = (value as (...a: unknown[]) => unknown).apply(target, args);
        // A pinned view is the store a request reads: it is watched too.
        return property === 'pinned' ? watched((await own) as GraphStore, delayMs).store : own;
      };
    },
  });
  return { store: proxy, calls };
}

let seeded: MemoryStore;
beforeAll(async () => {
  seeded = await seededStore();
});

describe('the cost of a query counts the sizes it asks for', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let calls: Record<string, number>;
  beforeAll(async () => {
    const w = watched(seeded);
    calls = w.calls;
    server = await startServer(w.store);
  });
  afterAll(() => server.close());

  it('twenty aliases of overview(limit: 10000) are refused before the store is asked anything', async () => {
    for (const key of Object.keys(calls)) delete calls[key];
    const answer = await server.gql(`{ ${Array.from({ length: 20 }, (_, i) => OVERVIEW(10000, i)).join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(answer.body.errors![0].message).toMatch(/would cost 2,400,020 .* the limit is 64,000/);
    expect(calls.overview ?? 0).toBe(0);
  });

  const overviewOf =
    'query($n: Int) { overview(limit: $n) { nodes { id kind name aliases letterCount } edges { id type source target } } }';
  it.each([
    ['the explorer’s whole graph (5,000 things)', `{ ${OVERVIEW(5000)} }`, {}, true],
    ['a whole graph of 10,000 things', `{ ${OVERVIEW(10000)} }`, {}, false],
    ['five aliases of 500 things', `{ ${[1, 2, 3, 4, 5].map((i) => OVERVIEW(500, i)).join(' ')} }`, {}, true],
    ['five aliases of 2,500 things', `{ ${[1, 2, 3, 4, 5].map((i) => OVERVIEW(2500, i)).join(' ')} }`, {}, false],
    ['a limit of 10,000 given as a variable', overviewOf, { n: 10000 }, false],
    ['a limit of 100 given as a variable', overviewOf, { n: 100 }, true],
  ])('%s: answered or refused by its sizes', async (_name, query, variables, answered) => {
    const answer = await server.gql(query, variables);
    if (answered) expect(answer.body.errors).toBeUndefined();
    else {
      expect(answer.body.errors![0].extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(answer.body.errors![0].message).toMatch(/counting the sizes it asks for/);
    }
  });
});

describe('a request’s answer and time are bounded while it runs', () => {
  it('an answer past its budget stops with ANSWER_TOO_LARGE and no partial data', async () => {
    const server = await startServer(seeded, { limits: { maxAnswerValues: 300 } });
    try {
      const small = await server.gql('{ entities(first: 20) { nodes { id name } } }');
      expect(small.body.errors).toBeUndefined();
      // The lists under a thing have no size argument: only counting them as they come can stop this one.
      const answer = await server.gql('{ entities(first: 200) { nodes { id letterIds aliases } } }');
      expect(answer.status).toBe(400);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0].extensions?.code).toBe('ANSWER_TOO_LARGE');
      expect(answer.body.errors![0].message).toMatch(/more than 300 values; ask for fewer/);
    } finally {
      await server.close();
    }
  });

  it('a request running past its time stops with QUERY_TIMEOUT; the next one is answered', async () => {
    const server = await startServer(watched(seeded, 300).store, { limits: { timeoutMs: 100 } });
    try {
      const started = performance.now();
      const answer = await server.gql(`{ ${OVERVIEW(100)} }`);
      expect(answer.body.errors![0].extensions?.code).toBe('QUERY_TIMEOUT');
      expect(answer.body.data ?? null).toBeNull();
      expect(performance.now() - started).toBeLessThan(3000);
      expect((await server.gql('{ stats { letters } }')).body.data?.stats.letters).toBe(5);
    } finally {
      await server.close();
    }
  });

  it('large requests take turns; one that cannot get a turn in time is SERVER_BUSY, light ones never wait', async () => {
    const server = await startServer(watched(seeded, 400).store, { limits: { queueMs: 100 } });
    try {
      const [first, second, light] = await Promise.all([
        server.gql(`{ ${OVERVIEW(4000)} }`),
        new Promise((r) => setTimeout(r, 20)).then(() => server.gql(`{ ${OVERVIEW(4000)} }`)),
        new Promise((r) => setTimeout(r, 40)).then(() => server.gql('{ search(text: "实验室") { node { id } } }')),
      ]);
      expect(first.body.errors).toBeUndefined();
      expect(second.status).toBe(503);
      expect(second.body.errors![0].extensions?.code).toBe('SERVER_BUSY');
      expect(light.body.errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('request bodies and refusals a client meets', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(seeded);
  });
  afterAll(() => server.close());

  it('a body past 1 MiB is refused while it streams in, told or not told its length', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(2 ** 16));
    for (const sized of [true, false]) {
      let sent = 0;
      const body = sized
        ? `{"query":"${'a'.repeat(3 * 2 ** 20)}"}`
        : new ReadableStream({
            pull(controller) {
              // 3 MiB in chunks, as a client uploading slowly would send it (no Content-Length).
              if ((sent += chunk.length) > 3 * 2 ** 20) controller.close();
              else controller.enqueue(chunk);
            },
          });
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    }
  });

  it.each([
    ['a GET without the CSRF header', 'GET', undefined, 403, 'CSRF_HEADER_MISSING'],
    [
      'a variable of the wrong type',
      'POST',
      { query: 'query($n: Int) { entities(first: $n) { totalCount } }', variables: { n: 'many' } },
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a required variable left out',
      'POST',
      { query: 'query($n: Int!) { entities(first: $n) { totalCount } }' },
      400,
      'BAD_USER_INPUT',
    ],
  ])('%s carries a code', async (_name, method, body, status, code) => {
    const response = await fetch(
      method === 'GET'
        ? `${server.url}/graphql?query=${encodeURIComponent('{ stats { letters } }')}`
        : `${server.url}/graphql`,
      {
        method,
        // A GET as a browser's link or image would send it: no JSON content type (which alone passes the CSRF check).
        headers: method === 'GET' ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      },
    );
    expect(response.status).toBe(status);
    const error = (await response.json()).errors[0];
    expect(error.extensions.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('a body that is not JSON is told so in our words, not the JSON parser’s', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    const error = (await response.json()).errors[0];
    expect(error).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(error.message).toContain('not valid JSON');
    expect(JSON.stringify(error)).not.toMatch(/SyntaxError|Unexpected end/);
  });
});
