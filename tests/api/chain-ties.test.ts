import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * Four-chain ties through the API, as a researcher checks them: every tie of
 * every thing has its reason and the sentence that makes it; the matrix counts
 * things, says how many letters each cell rests on, and lists each bridge with
 * the sentence that ties each side. The literal queries here also run on Neo4j
 * (tests/api/store-parity.test.ts reads them), so both stores must agree.
 */
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(await seededStore());
});
afterAll(() => server.close());

interface Place {
  text: string;
  start: number;
  end: number;
  sentence: { text: string };
}
interface Tie {
  chain: { name: string };
  basis: string;
  rule: string;
  words: string[];
  reason: string;
  letter: { source: string };
  evidence: Place;
  thing: Place;
}

const TIE = `chain { name } basis rule words reason letter { source } evidence { text start end sentence { text } } thing { text start end sentence { text } }`;
const EVERY_TIE = `{ chainMatrix { a { name } b { name } nodes { node { id name } ties { ${TIE} } } } }`;
const FUND = `{ node(name: "温州市科技创新创业投资基金") { name chains { chain { name } basis reason ties { ${TIE} } } } }`;
const MATRIX = `{ chainMatrix { a { name } b { name } count letters byLetter { letter { source } count } nodes { node { id } } } }`;
const BY_NAME = `{ chainMatrix(bases: [NAME]) { a { name } b { name } count } all: chainMatrix { a { name } b { name } count } }`;

async function data<T>(query: string): Promise<T> {
  const { body } = await server.gql(query);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

describe('every tie says why', () => {
  it('no tie lacks a reason, its words, the sentence that ties it or where the thing stands', async () => {
    const { chainMatrix } = await data<{
      chainMatrix: Array<{
        a: { name: string };
        b: { name: string };
        nodes: Array<{ node: { name: string }; ties: Tie[] }>;
      }>;
    }>(EVERY_TIE);
    const ties = chainMatrix
      .filter((p) => p.a.name === p.b.name)
      .flatMap((p) => p.nodes.flatMap((n) => n.ties.map((t) => ({ ...t, thingName: n.node.name }))));
    expect(ties.length).toBeGreaterThan(100);
    for (const tie of ties) {
      const where = `${tie.thingName} → ${tie.chain.name} (${tie.letter.source})`;
      expect(tie.reason.length, where).toBeGreaterThan(8);
      expect(tie.words.length, where).toBeGreaterThan(0);
      expect(tie.reason, where).toContain(tie.words.at(-1));
      expect(tie.evidence.sentence.text.length, where).toBeGreaterThan(0);
      expect(tie.thing.sentence.text, where).toContain(tie.thing.text);
      expect(tie.thing.end, where).toBeGreaterThan(tie.thing.start);
    }
  });

  it('a fund is tied to capital by its own name, and to industry because its sentence supports firms under a heading naming that chain', async () => {
    const { node } = await data<{
      node: { chains: Array<{ chain: { name: string }; basis: string; reason: string; ties: Tie[] }> };
    }>(FUND);
    const capital = node.chains.find((c) => c.chain.name === '资金链')!;
    expect(capital.basis).toBe('NAME');
    expect(capital.ties[0]).toMatchObject({ rule: 'name-word', letter: { source: expect.stringMatching(/^000_/) } });
    expect(capital.ties[0].thing.text).toBe('温州市科技创新创业投资基金');
    const industry = node.chains.find((c) => c.chain.name === '产业链')!;
    expect(industry.ties[0].rule).toBe('heading-work');
    // A heading tie shows the heading (which names the chain) and the fund's own sentence under it.
    expect(industry.ties[0].evidence.text).toContain('产业链和资金链');
    expect(industry.ties[0].thing.sentence.text).toContain('支持天使轮、种子期、初创期、成长期科技企业发展');
  });
});

describe('the matrix counts things and says what it rests on', () => {
  it('each cell counts each thing once, and says how many letters it rests on and how many of its things each ties', async () => {
    const { chainMatrix } = await data<{
      chainMatrix: Array<{
        a: { name: string };
        b: { name: string };
        count: number;
        letters: number;
        byLetter: Array<{ letter: { source: string }; count: number }>;
        nodes: Array<{ node: { id: string } }>;
      }>;
    }>(MATRIX);
    expect(chainMatrix).toHaveLength(10);
    for (const cell of chainMatrix) {
      expect(new Set(cell.nodes.map((n) => n.node.id)).size).toBe(cell.count);
      expect(cell.byLetter).toHaveLength(cell.letters);
      expect(cell.letters).toBeLessThanOrEqual(5);
      for (const share of cell.byLetter) expect(share.count).toBeLessThanOrEqual(cell.count);
      expect(cell.byLetter.map((s) => s.count)).toEqual([...cell.byLetter.map((s) => s.count)].sort((x, y) => y - x));
    }
    const innovationIndustry = chainMatrix.find((p) => p.a.name === '创新链' && p.b.name === '产业链')!;
    expect(innovationIndustry.letters).toBeGreaterThan(1);
  });

  it('a cell on one basis counts no more than on all of them', async () => {
    const { chainMatrix, all } =
      await data<Record<'chainMatrix' | 'all', Array<{ a: { name: string }; b: { name: string }; count: number }>>>(
        BY_NAME,
      );
    for (const cell of chainMatrix) {
      const whole = all.find((p) => p.a.name === cell.a.name && p.b.name === cell.b.name)!;
      expect(cell.count).toBeLessThanOrEqual(whole.count);
    }
    expect(chainMatrix.find((p) => p.a.name === '资金链' && p.b.name === '资金链')!.count).toBeGreaterThan(0);
  });
});
