import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { openStore } from '../../store/open-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { placeTexts } from '../helpers/place-letters.ts';
import { startServer } from '../helpers/server.ts';

/**
 * Places, scopes and compare answer the same on both stores: the letters of
 * two cities of one province, a district and a county under one of them, the
 * province, both 朝阳区, a letter placed by its doc number only, one with no
 * place and a 协办意见 (tests/helpers/place-letters.ts), held by the embedded
 * store and by a real Neo4j, asked the same questions through the API. Each
 * answer is also checked to say something (no two empty answers agreeing).
 */
const neo4j = inject('neo4j');

/** Sorts lists of edges (objects with source and target), whose order is not part of an answer. */
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

const QUERIES: Array<[string, string]> = [
  [
    'the places tree with counts, and the letters of no known place',
    '{ places { place { code name fullName level } letters sure children { place { code name } letters children { place { code name } letters } } } unknownPlace }',
  ],
  [
    "each letter's place, its source, kind, lead unit and year",
    '{ letters(first: 50) { nodes { source place { code fullName } placeSource placeConfidence placeUnknown letterKind leadUnit year yearSource } } }',
  ],
  [
    'letters of a province, of a city and a district at once, of a kind, of a year keeping the undated',
    `{ zj: letters(first: 50, scope: { places: ["浙江省"] }) { totalCount nodes { source } }
       two: letters(first: 50, scope: { places: ["330100", "北京市朝阳区"] }) { nodes { source } }
       xieban: letters(first: 50, scope: { kinds: [assisting_opinion] }) { nodes { source } }
       y2023: letters(first: 50, scope: { from: "2023", to: "2023" }) { nodes { source } }
       dated: letters(first: 50, scope: { from: "2023", to: "2023", includeUndated: false }) { nodes { source } } }`,
  ],
  [
    'commitments, recurring and search narrowed to places',
    `{ commitments(first: 50, scope: { places: ["宁波市"] }) { totalCount nodes { id text } }
       recurring(minLetters: 2, first: 50, scope: { places: ["浙江省"] }) { nodes { node { id } letters { letter { id } } } }
       search(text: "区科技局", first: 20, scope: { places: ["吉林省"] }) { node { id name } } }`,
  ],
  [
    'the chain matrix of one city and of the province',
    `{ nb: chainMatrix(scope: { places: ["宁波市"] }) { a { name } b { name } count letters nodes { node { id } } }
       zj: chainMatrix(scope: { places: ["浙江省"] }) { a { name } b { name } count letters } }`,
  ],
  [
    'compare two cities and the two 朝阳区',
    `{ cities: compare(places: ["杭州市", "宁波市"]) {
         places { place { code } letters { source } chainMatrix { a { name } b { name } count }
           commitments { indicator { id } year commitments { id text } } }
         shared { node { id } places { code } } }
       chaoyang: compare(places: ["北京市朝阳区", "长春市朝阳区"]) { places { place { fullName } letters { source } } shared { node { id } } } }`,
  ],
  [
    'the facet: what letters of a place and of a year name, the years, the ledger of a city',
    `{ inScope(scope: { places: ["浙江省"], from: "2024", to: "2024" }, kinds: [Organization, Platform, Programme]) { id undated }
       letterYears { year letters } undatedLetters
       ledger(first: 50, scope: { places: ["杭州市"] }) { totalCount nodes { commitment { id } year status { status } } } }`,
  ],
  [
    'the first view drawn from every place, and of one province',
    `{ all: overview(limit: 15, kinds: [Organization, Platform, Programme]) { nodes { id } edges { source target type } capped }
       zj: overview(limit: 15, kinds: [Organization, Platform, Programme], scope: { places: ["浙江省"] }) { nodes { id } capped } }`,
  ],
  ['a place no letter is from', '{ letters(first: 5, scope: { places: ["拉萨市"] }) { nodes { source } } }'],
];

if ('uri' in neo4j) {
  describe('places, scopes and compare: Neo4j answers as the embedded store does', () => {
    let embedded: Awaited<ReturnType<typeof startServer>>;
    let graphDb: Awaited<ReturnType<typeof startServer>>;
    let store: GraphStore;

    beforeAll(async () => {
      const memory = new MemoryStore({ path: null });
      await ingestTexts(placeTexts(), memory, { workers: 0 });
      embedded = await startServer(memory);
      store = await openStore({ adapter: 'neo4j', ...neo4j });
      await store.clear();
      await ingestTexts(placeTexts(), store, { workers: 0 });
      graphDb = await startServer(store);
    }, 180_000);
    afterAll(async () => {
      await embedded?.close();
      await graphDb?.close();
      await store?.close();
    });

    it.each(QUERIES)('%s', async (_name, query) => {
      const [a, b] = await Promise.all([embedded.gql(query), graphDb.gql(query)]);
      expect(JSON.stringify(a.body.data ?? a.body.errors)).toMatch(
        /[\u4e00-\u9fa5]|\d{6}|NOT_FOUND|"id"|"source":"[^"]+"/,
      );
      expect(b.body.errors?.map((e) => e.extensions?.code)).toEqual(a.body.errors?.map((e) => e.extensions?.code));
      expect(canonical(b.body)).toEqual(canonical(a.body));
    });

    it('the places read are right on Neo4j too: 杭州市 holds its district and county, the two 朝阳区 stay apart', async () => {
      const { body } = await graphDb.gql(
        '{ compare(places: ["杭州市", "北京市朝阳区"]) { places { place { fullName } letters { source } } } }',
      );
      const [hz, cy] = body.data!.compare.places;
      expect(hz.letters.map((l: { source: string }) => l.source).sort()).toEqual([
        'chunan-2024.txt',
        'hz-2023.txt',
        'hz-binjiang-2024.txt',
      ]);
      expect(cy).toEqual({ place: { fullName: '北京市朝阳区' }, letters: [{ source: 'cy-beijing-2023.txt' }] });
    });
  });
} else {
  describe.skip(`places on Neo4j (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
