import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { placeTexts } from '../helpers/place-letters.ts';
import { startServer } from '../helpers/server.ts';

/** What an analyst asks of letters of several places: where they are from, what kind, when, and side by side. */
describe('places, kinds and dates in the API', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(placeTexts(), store, { workers: 0 });
    server = await startServer(store);
  });
  afterAll(async () => server?.close());

  const gql = async (query: string) => {
    const { body } = await server.gql(query);
    expect(body.errors).toBeUndefined();
    return body.data as any;
  };

  it('the places tree counts the letters of each place and of the places inside it', async () => {
    const data = await gql(
      '{ places { place { name code level } letters children { place { name } letters children { place { name } letters } } } unknownPlace }',
    );
    const zhejiang = data.places.find((p: any) => p.place.name === '浙江省');
    expect(zhejiang).toMatchObject({ place: { code: '330000', level: 'province' }, letters: 6 });
    const hangzhou = zhejiang.children.find((c: any) => c.place.name === '杭州市');
    expect(hangzhou.letters).toBe(3);
    expect(hangzhou.children.map((c: any) => [c.place.name, c.letters]).sort()).toEqual([
      ['淳安县', 1],
      ['滨江区', 1],
    ]);
    // 朝阳区 alone and the letter with no place at all.
    expect(data.unknownPlace).toBe(2);
  });

  it('a letter says where it is from, how that was read, what kind it is and when', async () => {
    const data = await gql(`{
      a: letter(source: "doc-only-2022.txt") { place { name code } placeSource placeConfidence letterKind year yearSource }
      b: letter(source: "nb-xieban-2024.txt") { place { fullName } letterKind leadUnit year }
      c: letter(source: "no-place.txt") { place { name } placeUnknown year }
    }`);
    expect(data.a).toEqual({
      place: { name: '重庆市', code: '500000' },
      placeSource: 'doc number',
      placeConfidence: 'medium',
      letterKind: 'reply',
      year: 2022,
      yearSource: 'doc number',
    });
    expect(data.b).toEqual({
      place: { fullName: '浙江省宁波市' },
      letterKind: 'assisting_opinion',
      leadUnit: '市经信局',
      year: 2024,
    });
    expect(data.c.place).toBeNull();
    expect(data.c.placeUnknown).toMatch(/names a place/);
  });

  it('letters narrowed to a province, to two places at once, to a kind, and to a year that keeps the undated', async () => {
    const sources = async (scope: string) =>
      (await gql(`{ letters(first: 50, scope: ${scope}) { nodes { source } } }`)).letters.nodes
        .map((n: any) => n.source)
        .sort();
    expect(await sources('{ places: ["浙江省"] }')).toEqual(
      [
        'chunan-2024.txt',
        'hz-2023.txt',
        'hz-binjiang-2024.txt',
        'nb-2024.txt',
        'nb-xieban-2024.txt',
        'zj-2024.txt',
      ].sort(),
    );
    expect(await sources('{ places: ["330100", "北京市朝阳区"] }')).toEqual(
      ['chunan-2024.txt', 'cy-beijing-2023.txt', 'hz-2023.txt', 'hz-binjiang-2024.txt'].sort(),
    );
    expect(await sources('{ kinds: [assisting_opinion] }')).toEqual(['nb-xieban-2024.txt']);
    const in2023 = await sources('{ from: "2023", to: "2023" }');
    expect(in2023).toEqual(expect.arrayContaining(['hz-2023.txt', 'cy-beijing-2023.txt', 'no-place.txt']));
    expect(in2023).not.toContain('nb-2024.txt');
    expect(await sources('{ from: "2023", to: "2023", includeUndated: false }')).not.toContain('no-place.txt');
  });

  it('commitments, search and the chain matrix narrowed to a place', async () => {
    const data = await gql(`{
      commitments(first: 50, scope: { places: ["宁波市"] }) { nodes { text letter { source } } }
      search(text: "区科技局", scope: { places: ["吉林省"] }) { node { id name } }
    }`);
    expect(new Set(data.commitments.nodes.map((n: any) => n.letter.source))).toEqual(
      new Set(['nb-2024.txt', 'nb-xieban-2024.txt']),
    );
    expect(data.search.length).toBeGreaterThan(0);
    for (const hit of data.search) expect(hit.node.id).toMatch(/长春市朝阳区|吉林/);
  });

  it('the two 朝阳区 keep their own 区科技局, and the name shows which is which', async () => {
    const data = await gql('{ search(text: "区科技局", first: 20) { node { id name } } }');
    const ids = data.search.map((h: any) => h.node.id).filter((id: string) => id.includes('朝阳区'));
    expect(ids.some((id: string) => id.includes('北京市朝阳区'))).toBe(true);
    expect(ids.some((id: string) => id.includes('长春市朝阳区'))).toBe(true);
  });

  it('compare puts two cities side by side: letters, commitments by year, what they share', async () => {
    const data = await gql(`{ compare(places: ["杭州市", "宁波市"]) {
      places { place { name } letters { source } chainMatrix { count } commitments { year commitments { text } } }
      shared { node { name kind } places { name } }
    } }`);
    const [hz, nb] = data.compare.places;
    expect(hz.place.name).toBe('杭州市');
    expect(hz.letters.map((l: any) => l.source).sort()).toEqual([
      'chunan-2024.txt',
      'hz-2023.txt',
      'hz-binjiang-2024.txt',
    ]);
    expect(nb.letters.map((l: any) => l.source).sort()).toEqual(['nb-2024.txt', 'nb-xieban-2024.txt']);
    expect(hz.commitments.flatMap((g: any) => g.commitments.map((c: any) => c.text)).join('')).toContain(
      '新型研发机构10家',
    );
    expect(nb.commitments.map((g: any) => g.year)).toContain(2025);
    // Both cities' letters name 新型研发机构 … in their body; what they share lists both.
    for (const s of data.compare.shared) expect(s.places.map((p: any) => p.name).sort()).toEqual(['宁波市', '杭州市']);
  });

  it('the first view draws from every place: each province of the archive has things in it', async () => {
    const data = await gql(`{ overview(limit: 12, kinds: [Organization, Platform, Programme, Policy, Enterprise]) {
      nodes { id ... on Entity { letterIds } } capped }
      letters(first: 50) { nodes { id place { fullName } } } }`);
    const provinceOf = new Map(
      data.letters.nodes.map((l: any) => [l.id, l.place ? String(l.place.fullName).slice(0, 3) : 'unknown']),
    );
    const provinces = new Set(
      data.overview.nodes.flatMap((n: any) => n.letterIds.map((id: string) => provinceOf.get(id))),
    );
    // 浙江省 has most letters; 北京市, 吉林省, 重庆市 and the unknown place are in the first view all the same.
    for (const province of ['浙江省', '北京市', '吉林省', '重庆市', 'unknown']) expect(provinces).toContain(province);
    expect(data.overview.nodes.length).toBe(12);
    expect(data.overview.capped).toBe(true);
  });

  it('the first view of one city holds only what its letters name', async () => {
    const data =
      await gql(`{ overview(limit: 50, kinds: [Organization, Platform, Programme], scope: { places: ["宁波市"] }) {
      nodes { id ... on Entity { letterIds } } } }`);
    expect(data.overview.nodes.length).toBeGreaterThan(0);
    for (const node of data.overview.nodes)
      expect(node.letterIds.some((id: string) => /nb-2024|nb-xieban/.test(id))).toBe(true);
  });

  it('inScope keeps what a letter in scope names, and says which only undated letters name', async () => {
    const ids = [
      // 市委 of each letter's own place: the same short name kept apart by where the letter is from.
      'Organization:市委@北京市朝阳区',
      'Organization:市委@吉林省长春市朝阳区',
      'Organization:市委@letter:no-place.txt',
    ];
    const data = await gql(`{
      beijing: inScope(scope: { places: ["北京市"] }, ids: ${JSON.stringify(ids)}) { id undated }
      in2023: inScope(scope: { from: "2023", to: "2023" }, ids: ${JSON.stringify(ids)}) { id undated }
      letterYears { year letters } undatedLetters }`);
    expect(data.beijing).toEqual([{ id: ids[0], undated: false }]);
    // no-place.txt has no date: kept under a year, as undated; the two 朝阳区 letters are of 2023.
    expect(data.in2023).toEqual(
      expect.arrayContaining([
        { id: ids[0], undated: false },
        { id: ids[1], undated: false },
        { id: ids[2], undated: true },
      ]),
    );
    expect(data.letterYears).toEqual(
      expect.arrayContaining([
        { year: 2022, letters: 1 },
        { year: 2024, letters: expect.any(Number) },
      ]),
    );
    expect(data.undatedLetters).toBe(1);
  });

  it('the ledger narrowed to a place keeps the promises its letters state', async () => {
    const data = await gql(`{
      all: ledger(first: 50) { totalCount }
      ningbo: ledger(first: 50, scope: { places: ["宁波市"] }) { totalCount nodes { commitment { text letter { source } } } } }`);
    expect(data.ningbo.totalCount).toBeLessThan(data.all.totalCount);
    expect(new Set(data.ningbo.nodes.map((n: any) => n.commitment.letter.source))).toEqual(
      new Set(['nb-2024.txt', 'nb-xieban-2024.txt']),
    );
  });

  it('a place no letter is from is NOT_FOUND, and compare wants two to six', async () => {
    const { body } = await server.gql('{ letters(scope: { places: ["拉萨市"] }) { nodes { source } } }');
    expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const one = await server.gql('{ compare(places: ["杭州市"]) { shared { node { id } } } }');
    expect(one.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });
});
