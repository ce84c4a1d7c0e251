import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * `recurring` lists what the letters discuss again and again. Every seed
 * letter is copied to 市府办 and signed by the bureau's office: names on the
 * 抄送 copy line or in the signature say nothing of content, so by default a
 * letter counts only where it names a thing in its body; includeHeaderAndFooter
 * brings them back. The literal queries here also run on Neo4j (store-parity).
 */
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(await seededStore());
});
afterAll(() => server.close());

type Row = {
  letterCount: number;
  node: { name: string; kind: string };
  letters: Array<{ letter: { source: string }; sentences: Array<{ sentence: { text: string } }> }>;
};

async function rows(query: string): Promise<Row[]> {
  const { body } = await server.gql(query);
  expect(body.errors).toBeUndefined();
  return body.data!.recurring.nodes;
}

const BODY_ONLY = `{ recurring(minLetters: 2, first: 100) { totalCount nodes { letterCount node { name kind } letters { letter { source } sentences { sentence { text } } } } } }`;
const WITH_HEADERS = `{ recurring(minLetters: 2, includeHeaderAndFooter: true, first: 100) { totalCount nodes { letterCount node { name kind } letters { letter { source } sentences { sentence { text } } } } } }`;

describe('what recurs across letters, without the copy line and the signature', () => {
  it('by default 市府办 (on every 抄送 line) and the signing office are not listed; the programmes four letters share lead', async () => {
    const list = await rows(BODY_ONLY);
    const names = list.map((r) => r.node.name);
    expect(names).not.toContain('市府办');
    expect(names).not.toContain('温州市科学技术局办公室');
    expect(names).toEqual(expect.arrayContaining(['揭榜挂帅', '科技副总', '科技轻骑队', '瓯江实验室']));
    expect(list.map((r) => r.letterCount)).toEqual([...list.map((r) => r.letterCount)].sort((a, b) => b - a));
  });

  it('includeHeaderAndFooter: true lists 市府办 first, named by all five letters on their 抄送 line', async () => {
    const list = await rows(WITH_HEADERS);
    const office = list.find((r) => r.node.name === '市府办');
    expect(office?.letterCount).toBe(5);
    expect(list[0].letterCount).toBe(5);
    for (const letter of office!.letters)
      expect(letter.sentences.map((s) => s.sentence.text).join(' ')).toContain('抄送');
  });

  it('a thing the letters name in their body counts the same either way (must not misfire)', async () => {
    const [bodyOnly, withHeaders] = [await rows(BODY_ONLY), await rows(WITH_HEADERS)];
    const count = (list: Row[], name: string) => list.find((r) => r.node.name === name)?.letterCount;
    for (const name of ['瓯江实验室', '揭榜挂帅', '科技副总', '一港五谷'])
      expect(count(bodyOnly, name)).toBe(count(withHeaders, name));
    // Nothing counts more letters for leaving the header and footer out.
    for (const row of bodyOnly) expect(row.letterCount).toBeLessThanOrEqual(count(withHeaders, row.node.name) ?? 0);
  });
});
