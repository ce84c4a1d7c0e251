import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../../api/examples.ts';
import type { GraphStore } from '../../store/port.ts';
import { seededStore, startServer } from '../helpers/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let calls: Record<string, number>;

beforeAll(async () => {
  const store = await seededStore();
  calls = {};
  // Counts the store's reads, to see that resolvers batch them.
  const counting = new Proxy(store, {
    get(target, property: keyof GraphStore) {
      const value = target[property];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  server = await startServer(counting);
});
afterAll(() => server.close());

describe('the GraphQL API on the seeds', () => {
  it.each(exampleQueries().map((e) => [e.name, e.query]))('example %s runs and answers', async (_name, query) => {
    const { status, body } = await server.gql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data).length).toBeGreaterThan(50);
  });

  it('the letter answering 政协提案582号 names 叶剑淼 as proposer and commits to 15 technology-transfer institutions', async () => {
    const { body } =
      await server.gql(`{ proposals(first: 20) { nodes { number proposalKind proposers { role entity { name } }
      answeredBy { docNumber commitments { text value unit year } } } } }`);
    const proposal = body.data!.proposals.nodes.find((p: any) => p.number === 582 && p.proposalKind === '提案');
    expect(proposal.proposers).toEqual([{ role: '委员', entity: { name: '叶剑淼' } }]);
    const commitments = proposal.answeredBy[0].commitments;
    expect(commitments).toContainEqual({ text: '全年招引落地技术转移转化机构15家', value: 15, unit: '家', year: 2024 });
  });

  it('a node shows each mention with its letter and sentence', async () => {
    const { body } = await server.gql(
      `{ node(id: "Platform:瓯江实验室") { name letterCount mentions { text letter { source } sentence { text start end } } } }`,
    );
    const node = body.data!.node;
    expect(node.letterCount).toBe(3);
    for (const m of node.mentions) {
      expect(m.text).toBe('瓯江实验室');
      expect(m.sentence.text).toContain('瓯江实验室');
    }
  });

  it('every mention says which rule found it, as innograph explain does; a link’s evidence has none', async () => {
    const { body } = await server.gql(`{
      lab: node(id: "Platform:瓯江实验室") { mentions(first: 500) { rule letter { id } start } }
      proposer: node(id: "Person:叶剑淼") { mentions { rule } }
      neighbourhood(ids: ["Person:叶剑淼"], depth: 1, edgeTypes: [PROPOSED_BY]) { edges { evidence { rule text } } }
    }`);
    expect(body.errors).toBeUndefined();
    const { lab, proposer } = body.data!;
    expect(lab.mentions.length).toBeGreaterThan(0);
    for (const m of lab.mentions) expect(m.rule).toMatch(/^(suffix|quote|repeat|lexicon|book-title|cue|list)/);
    expect(proposer.mentions.map((m: any) => m.rule)).toContain('header:proposer');
    const evidence = body.data!.neighbourhood.edges.flatMap((e: any) => e.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e: any) => e.rule === null)).toBe(true);
  });

  it('pages through entities with cursors and a total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const { body } = await server.gql(
        `query($after: String) { entities(kind: Platform, first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        { after },
      );
      const page = body.data!.entities;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges.at(-1).cursor).toBe(page.pageInfo.endCursor);
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('path returns a connected subgraph between two platforms', async () => {
    const { body } = await server.gql(
      `{ path(from: "Platform:瓯江实验室", to: "Platform:中国眼谷", maxHops: 6, edgeTypes: [MENTIONS]) { nodes { id } edges { source target } } }`,
    );
    const { nodes, edges } = body.data!.path;
    expect(nodes[0].id).toBe('Platform:瓯江实验室');
    expect(nodes.at(-1).id).toBe('Platform:中国眼谷');
    edges.forEach((e: any, i: number) =>
      expect([e.source, e.target].sort()).toEqual([nodes[i].id, nodes[i + 1].id].sort()),
    );
  });

  it('filters commitments by chain in English or Chinese alike', async () => {
    const en = await server.gql('{ commitments(filter: { chain: "talent" }, first: 100) { totalCount } }');
    const zh = await server.gql('{ commitments(filter: { chain: "人才链" }, first: 100) { totalCount } }');
    expect(en.body.data!.commitments.totalCount).toBeGreaterThan(0);
    expect(en.body.data!.commitments.totalCount).toBe(zh.body.data!.commitments.totalCount);
    const bad = await server.gql('{ commitments(filter: { chain: "water" }) { totalCount } }');
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(bad.body.errors![0].message).toContain('unknown chain "water"');
  });

  it('batches store reads: nested fields over all letters cost a handful of calls, not one per letter', async () => {
    for (const key of Object.keys(calls)) delete calls[key];
    const { body } = await server.gql(
      `{ letters(first: 50) { nodes { issuer { name } proposal { proposers { entity { name } } } contacts { person { name } } cc { name } commitments { concerns { name } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect((calls.getNodes ?? 0) + (calls.edgesOf ?? 0)).toBeLessThanOrEqual(10);
  });
});

describe('limits and bad queries', () => {
  const deep = `{ node(id: "Platform:瓯江实验室") { ${'neighbours { node { '.repeat(8)}id${' } }'.repeat(8)} } }`;
  it.each([
    ['too deep', deep, 'QUERY_TOO_DEEP'],
    [
      'too many aliases',
      `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: stats { letters }`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    ['too many tokens', `{ stats { ${'letters '.repeat(4100)} } }`, 'TOO_MANY_TOKENS'],
    [
      'too costly',
      `{ ${Array.from({ length: 18 }, (_, i) => `a${i}: letters(first: 50) { nodes { commitments { concerns { letters { proposal { proposers { entity { name } } } } } } } }`).join(' ')} }`,
      'QUERY_TOO_COSTLY',
    ],
    ['a page too large', '{ entities(first: 1000) { totalCount } }', 'BAD_REQUEST'],
    ['a neighbourhood too deep', '{ neighbourhood(ids: ["Platform:瓯江实验室"], depth: 5) { capped } }', 'BAD_REQUEST'],
    [
      'too many ids',
      `{ nodes(ids: [${Array.from({ length: 201 }, (_, i) => `"x${i}"`).join(',')}]) { id } }`,
      'LIST_TOO_LONG',
    ],
    ['a malformed query', '{ stats { letters ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ stats { planets } }', 'GRAPHQL_VALIDATION_FAILED'],
    // The graph is read-only: the one mutations are the explorer's named views (tests/api/map-and-views.test.ts).
    ['a mutation of the graph', 'mutation { deleteEverything }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('rejects %s with a clear coded error', async (_name, query, code) => {
    const { body } = await server.gql(query);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message.length).toBeGreaterThan(10);
  });

  it('a GET without a CSRF header is refused; with one it is served', async () => {
    const query = encodeURIComponent('{ stats { letters } }');
    const bare = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(403);
    const marked = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect((await marked.json()).data.stats.letters).toBe(5);
  });

  it('serves GraphiQL with the example queries to a browser', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('innograph GraphQL');
    expect(html).toContain('WhoProposedWhat');
  });

  it('reports the store’s state at /health', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: { ok: true, adapter: 'memory' } });
  });
});
