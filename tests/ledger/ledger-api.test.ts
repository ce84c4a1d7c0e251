import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { startServer } from '../helpers/server.ts';

/**
 * The ledger through the API, over four letters of a made-up city written for
 * it: a 2023 reply promising 2024 targets (A), a second 2023 reply restating
 * one of them (B), a 2024 reply setting a new 2024 target for 科技特派员 (C),
 * and a 2025 reply reporting 2024's results, one of them in 万元 where the
 * promise was in 亿元 (D).
 */
const DIR = fileURLToPath(new URL('../fixtures/ledger/', import.meta.url));
const A = 'Letter:2023-a-commitments.txt';

async function serverOf(files: string[]) {
  const store = new MemoryStore({ path: null });
  await ingestFiles(
    files.map((f) => `${DIR}${f}`),
    store,
  );
  return startServer(store);
}

const ENTRY = `{ year status { status label reason restated sources { text letter { id } } supersededBy { text }
  compared { role value unit year text letter { id date } sentence { text } } } commitment { text value unit } indicator { id name unit } }`;

let server: Awaited<ReturnType<typeof serverOf>>;
beforeAll(async () => {
  server = await serverOf([
    '2023-a-commitments.txt',
    '2023-b-restated.txt',
    '2024-c-superseding.txt',
    '2025-d-report.txt',
  ]);
});
afterAll(() => server.close());

async function ledger(filter = '{}') {
  const { body } = await server.gql(`{ ledger(filter: ${filter}, first: 100) { totalCount nodes ${ENTRY} } }`);
  expect(body.errors).toBeUndefined();
  return body.data!.ledger as { totalCount: number; nodes: any[] };
}

const byText = (nodes: any[], part: string) => {
  const found = nodes.filter((n) => n.commitment.text.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0];
};

describe('the promise ledger over letters across years', () => {
  it('compares each 2024 promise with the 2025 letter’s figure for 2024, naming both', async () => {
    const { nodes } = await ledger();
    const high = byText(nodes, '高新技术企业500家');
    expect(high.status.status).toBe('MET');
    expect(high.status.compared.map((p: any) => [p.role, p.value, p.year, p.letter.date])).toEqual([
      ['TARGET', 500, 2024, '2023-07-10'],
      ['RESULT', 612, 2024, '2025-06-20'],
    ]);
    expect(high.status.compared[1].sentence.text).toContain('全市新增高新技术企业612家');
    expect(byText(nodes, '省科技型中小企业1500家').status.status).toBe('PARTLY');
    expect(byText(nodes, '企业研发中心100家').status.status).toBe('NOT_MET');
  });

  it('makes 亿元 and 万元 comparable: 856000万元 is 85.6亿元, above the 80亿元 promised', async () => {
    const loan = byText((await ledger()).nodes, '科技信贷投放80亿元');
    expect(loan.indicator.unit).toBe('亿元');
    expect(loan.status.compared.map((p: any) => [p.value, p.unit])).toEqual([
      [80, '亿元'],
      [85.6, '亿元'],
    ]);
    expect(loan.status.status).toBe('MET');
  });

  it('shows a target restated in two letters as one promise with two sources', async () => {
    const { nodes } = await ledger();
    const institutes = byText(nodes, '新型研发机构10家');
    expect(institutes.status.restated).toBe(true);
    expect(institutes.status.sources.map((s: any) => s.letter.id).sort()).toEqual([A, 'Letter:2023-b-restated.txt']);
    expect(institutes.status.status).toBe('MET');
  });

  it('marks a target replaced by a later letter’s target as superseded, and judges the new one', async () => {
    const { nodes } = await ledger();
    const old = byText(nodes, '科技特派员200人');
    expect(old.status.status).toBe('SUPERSEDED');
    expect(old.status.supersededBy.text).toContain('科技特派员300人');
    expect(byText(nodes, '科技特派员300人').status.status).toBe('PARTLY');
  });

  it('says “no comparable report” when later figures are for another year, and “no later report” when there are none', async () => {
    const { nodes } = await ledger();
    const area = byText(nodes, '孵化面积20万平方米');
    expect(area.status.status).toBe('NO_COMPARABLE_REPORT');
    expect(area.status.compared).toHaveLength(1);
    expect(byText(nodes, '省级重点实验室3家').status.status).toBe('NO_LATER_REPORT');
  });

  it('filters by status, year and letter', async () => {
    const met = await ledger('{ status: MET }');
    expect(met.nodes.map((n) => n.status.status)).toEqual(met.nodes.map(() => 'MET'));
    expect(met.totalCount).toBe(3);
    expect((await ledger('{ year: 2023 }')).totalCount).toBe(0);
    const ofC = await ledger('{ letter: "Letter:2024-c-superseding.txt" }');
    expect(ofC.nodes.map((n) => n.commitment.text)).toEqual(['2024年新增科技特派员300人以上']);
  });

  it('gives an indicator its series and commitments, and a commitment its status', async () => {
    const { body } = await server.gql(
      `{ indicators(recurring: true, first: 50) { totalCount nodes { id name noun series { role value year } commitments { status { status } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const high = body.data!.indicators.nodes.find((n: any) => n.noun === '高新技术企业');
    expect(high.series).toEqual([
      { role: 'TARGET', value: 500, year: 2024 },
      { role: 'RESULT', value: 612, year: 2024 },
    ]);
    expect(high.commitments.map((c: any) => c.status.status)).toEqual(['MET']);
    const one = await server.gql(`query($id: ID!) { indicator(id: $id) { name } node(id: $id) { kind } }`, {
      id: high.id,
    });
    expect(one.body.data).toEqual({ indicator: { name: high.name }, node: { kind: 'Indicator' } });
    const { body: letter } = await server.gql(
      `{ letter(source: "2023-a-commitments.txt") { commitments { text indicator { noun } status { label } } } }`,
    );
    expect(letter.errors).toBeUndefined();
    const sme = letter.data!.letter.commitments.find((c: any) => c.text.includes('科技型中小企业'));
    expect(sme).toEqual({
      text: '2024年新增省科技型中小企业1500家以上',
      indicator: { noun: '科技型中小企业' },
      status: { label: 'partly' },
    });
  });
});

describe('the ledger must not claim what the letters do not say', () => {
  it('with only the promising letter, every promise has no later report', async () => {
    const alone = await serverOf(['2023-a-commitments.txt']);
    try {
      const { body } = await alone.gql(
        `{ ledger(first: 100) { totalCount nodes { status { status compared { role } } } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.ledger.totalCount).toBe(8);
      for (const node of body.data!.ledger.nodes)
        expect(node.status).toEqual({ status: 'NO_LATER_REPORT', compared: [{ role: 'TARGET' }] });
    } finally {
      await alone.close();
    }
  });
});

describe('letters ingested at different times meet on the same indicators', () => {
  it('a 2025 reply ingested after the 2023 one settles the 2023 promise', async () => {
    const store = new MemoryStore({ path: null });
    for (const file of ['2023-a-commitments.txt', '2025-d-report.txt']) {
      await ingestFiles([`${DIR}${file}`], store);
    }
    const later = await startServer(store);
    try {
      const { body } = await later.gql(
        `{ ledger(filter: { status: MET }, first: 20) { nodes { commitment { text } status { compared { letter { id } } } } } }`,
      );
      expect(body.errors).toBeUndefined();
      const high = body.data!.ledger.nodes.find((n: any) => n.commitment.text.includes('高新技术企业'));
      expect(high.status.compared.map((p: any) => p.letter.id)).toEqual([A, 'Letter:2025-d-report.txt']);
    } finally {
      await later.close();
    }
  });
});
