import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsOfSentence, type LedgerFigure } from '../../ingest/ledger/indicator-of-figure.ts';
import { compare, statusesOf } from '../../domain/ledger-status.ts';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import type { GraphDocument, GraphNode } from '../../domain/model.ts';
import { LETTERS_DIR } from '../helpers/seeds.ts';

/** Indicators and series straight from the GraphDocument: what ingest stores. */
const FIXTURES = fileURLToPath(new URL('../fixtures/ledger/', import.meta.url));

async function graphOf(paths: string[]): Promise<GraphDocument> {
  const { letters } = await readLetters(paths);
  return graphOfLetters(letters);
}

/** An indicator's figures: [letter file, role, value, year], oldest letter first. */
function seriesOf(graph: GraphDocument, indicator: GraphNode) {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges
    .filter((e) => e.type === 'MEASURES' && e.target === indicator.id)
    .map((e) => ({
      letter: e.evidence[0].letter.slice('Letter:'.length),
      date: String(nodes.get(e.evidence[0].letter)!.props.date),
      role: e.props.role,
      value: e.props.value,
      year: e.props.forYear,
      text: nodes.get(e.source)!.props.text,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || String(a.role).localeCompare(String(b.role)));
}

const indicators = (graph: GraphDocument) => graph.nodes.filter((n) => n.kind === 'Indicator');
const lettersOf = (node: GraphNode) => new Set(node.mentions.map((m) => m.letter)).size;

describe('indicators of the letters written for the ledger', () => {
  let graph: GraphDocument;
  beforeAll(async () => {
    graph = await graphOf([FIXTURES]);
  });

  it('puts a 2023 promise and the 2025 result for the same year under one indicator', () => {
    const high = indicators(graph).find((n) => n.props.noun === '高新技术企业')!;
    expect(high.props).toMatchObject({ measure: 'increment', scope: '', dimension: 'count' });
    expect(seriesOf(graph, high).map((p) => [p.letter, p.role, p.value, p.year])).toEqual([
      ['2023-a-commitments.txt', 'target', 500, 2024],
      ['2025-d-report.txt', 'result', 612, 2024],
    ]);
  });

  it('reads 省科技型中小企业 and 科技型中小企业 as one noun (a synonym of the lexicon), and 万元 and 亿元 in one unit', () => {
    const sme = indicators(graph).find((n) => n.props.noun === '科技型中小企业')!;
    expect(seriesOf(graph, sme).map((p) => p.value)).toEqual([1500, 1020]);
    const loans = indicators(graph).find((n) => n.props.noun === '科技信贷投放')!;
    expect(loans.props.unit).toBe('亿元');
    expect(seriesOf(graph, loans).map((p) => p.value)).toEqual([80, 85.6]);
  });

  it('gives every figure of these letters an indicator, and no two nouns one', () => {
    const measured = new Set(graph.edges.filter((e) => e.type === 'MEASURES').map((e) => e.source));
    const figures = graph.nodes.filter((n) => n.kind === 'Commitment' || n.kind === 'Achievement');
    expect(figures.filter((f) => !measured.has(f.id)).map((f) => f.props.text)).toEqual([]);
    expect(
      indicators(graph)
        .map((n) => n.props.noun)
        .sort(),
    ).toEqual(
      [
        '企业研发中心',
        '孵化面积',
        '新型研发机构',
        '重点实验室',
        '科技信贷投放',
        '科技型中小企业',
        '科技特派员',
        '高新技术企业',
      ].sort(),
    );
  });
});

describe('what a figure measures, clause by clause', () => {
  const one = (text: string, at: string, kind: LedgerFigure['kind'] = 'Achievement', unit = '家') =>
    figure(text, at, kind, unit);
  function figure(text: string, at: string, kind: LedgerFigure['kind'], unit: string): LedgerFigure {
    const numberStart = text.indexOf(at);
    const value = Number(/[\d.]+/.exec(at)![0]);
    let start = numberStart;
    while (start > 0 && !/[，、；。]/.test(text[start - 1])) start--;
    let end = numberStart + at.length;
    while (end < text.length && !/[，、；。]/.test(text[end])) end++;
    return {
      kind,
      value,
      unit,
      qualifier: null,
      year: null,
      start,
      end,
      numberStart,
      numberEnd: numberStart + at.length,
    };
  }
  const read = (text: string, ats: Array<[string, string?]>) =>
    indicatorsOfSentence(
      { start: 0, text },
      ats.map(([at, unit]) => one(text, at, 'Achievement', unit ?? '家')),
      2024,
    );

  it('takes the scope of 其中 from the sub-figure and the noun from the figure before', () => {
    const [all, provincial] = read('培育市级以上新型研发机构22家，其中省级11家。', [['22家'], ['11家']]);
    expect([all?.scope, all?.noun]).toEqual(['市级以上', '新型研发机构']);
    expect([provincial?.scope, provincial?.noun]).toEqual(['省级', '新型研发机构']);
    expect(all!.key).not.toBe(provincial!.key);
  });

  it('keeps 累计 and 新增 apart', () => {
    const [added, total] = read('2023年新增高新技术企业766家、累计4326家。', [['766家'], ['4326家']]);
    expect([added?.measure, total?.measure]).toEqual(['increment', 'cumulative']);
    expect(added?.noun).toBe(total?.noun);
    expect(added!.key).not.toBe(total!.key);
  });

  it('finds the noun after the number when a verb stands before it', () => {
    const [found] = read('培育40家市级产教融合型企业。', [['40家']]);
    expect([found?.rule, found?.scope, found?.noun]).toEqual(['noun-after', '市级', '产教融合型企业']);
    // …and stops it where an adverb or pronoun starts what is said of it.
    const [platforms] = read('68家高能级科创平台自我造血功能不强。', [['68家']]);
    expect(platforms?.noun).toBe('高能级科创平台');
  });

  it('names no indicator for a rank, a bare generic noun, or a unit it cannot compare', () => {
    expect(read('推动国家创新型城市排名全国第31位。', [['31位', '位']])).toEqual([null]);
    expect(read('6家企业入选国家智能制造示范工厂。', [['6家']])).toEqual([null]);
    expect(read('超历年总和2倍以上。', [['2倍', '倍']])).toEqual([null]);
  });

  it('takes a result’s year from its sentence, not from a span like 2024-2027年', () => {
    const [spanned] = read('印发《实施方案（2024-2027年）》，今年已盘点存量专利超6000件。', [['6000件', '件']]);
    expect(spanned?.forYear).toBe(2024);
    const [lastYear] = read('去年新增孵化面积18万平方米。', [['18万平方米', '平方米']]);
    expect(lastYear?.forYear).toBe(2023);
  });
});

describe('statuses as a function of a series', () => {
  const point = (
    figure: string,
    role: 'target' | 'result',
    value: number,
    date: string,
    qualifier: string | null = '以上',
  ) => ({
    figure,
    role,
    value,
    unit: '家',
    qualifier: role === 'target' ? qualifier : null,
    forYear: 2024,
    letter: `L${date}`,
    letterDate: date,
    measure: 'increment',
  });

  it('reads the qualifier: 以上 a floor, 不超过 a ceiling, 左右 about, 1-2 a range', () => {
    expect(compare({ value: 600, qualifier: '以上' }, 600)).toBe('met');
    expect(compare({ value: 600, qualifier: '以上' }, 299)).toBe('not met');
    expect(compare({ value: 10, qualifier: '不超过' }, 11)).toBe('not met');
    expect(compare({ value: 100, qualifier: '左右' }, 95)).toBe('met');
    expect(compare({ value: 2, qualifier: '1-2' }, 1)).toBe('met');
  });

  it('takes a promise restated without its qualifier (200万方 / 200万平方米以上) as one promise with two sources', () => {
    const statuses = statusesOf([
      point('a', 'target', 200, '2024-06-27', null),
      { ...point('b', 'target', 200, '2024-06-27'), letter: 'other' },
    ]);
    expect(statuses.get('a')?.sources).toEqual(['a', 'b']);
    expect(statuses.get('b')).toBe(statuses.get('a'));
  });

  it('does not count a later promise for another year as a report on this one', () => {
    const statuses = statusesOf([
      point('t', 'target', 500, '2024-06-26'),
      { ...point('u', 'target', 500, '2024-06-27'), forYear: null },
    ]);
    expect(statuses.get('t')?.status).toBe('no later report');
    const reported = statusesOf([
      point('t', 'target', 500, '2024-06-26'),
      { ...point('r', 'result', 520, '2025-06-01'), forYear: 2023 },
    ]);
    expect(reported.get('t')).toMatchObject({ status: 'no comparable report', compared: ['t'] });
  });

  it('judges only against later letters: a result in an earlier letter says nothing of the promise', () => {
    const statuses = statusesOf([point('r', 'result', 900, '2023-01-01'), point('t', 'target', 600, '2023-06-01')]);
    expect(statuses.get('t')?.status).toBe('no later report');
  });
});

describe('indicators of the seed letters', () => {
  let graph: GraphDocument;
  beforeAll(async () => {
    graph = await graphOf([LETTERS_DIR]);
  });

  it('joins the 2024 targets for 高新技术企业 and 科技型中小企业 that two replies state, with 2023’s result', () => {
    for (const [noun, target] of [
      ['高新技术企业', 600],
      ['科技型中小企业', 1800],
    ] as const) {
      const node = indicators(graph).find((n) => n.props.noun === noun && n.props.measure === 'increment')!;
      expect(lettersOf(node), noun).toBeGreaterThanOrEqual(2);
      const targets = seriesOf(graph, node).filter((p) => p.role === 'target');
      expect(targets.length).toBeGreaterThanOrEqual(2);
      expect(new Set(targets.map((p) => p.letter)).size).toBe(targets.length);
      expect(targets.every((p) => p.value === target && p.year === 2024)).toBe(true);
      expect(seriesOf(graph, node).some((p) => p.role === 'result' && p.year === 2023)).toBe(true);
    }
  });

  it('has 新型研发机构 figures in several letters, kept apart by scope and measure', () => {
    const institutes = indicators(graph).filter((n) => n.props.noun === '新型研发机构');
    expect(new Set(institutes.flatMap((n) => n.mentions.map((m) => m.letter))).size).toBeGreaterThanOrEqual(2);
    expect(new Set(institutes.map((n) => `${n.props.scope}|${n.props.measure}`)).size).toBe(institutes.length);
  });

  it('has indicators that recur across letters, each with figures of one unit kind', () => {
    const recurring = indicators(graph).filter((n) => lettersOf(n) >= 2);
    expect(recurring.length).toBeGreaterThanOrEqual(5);
    for (const node of recurring) {
      const units = new Set(
        graph.edges.filter((e) => e.type === 'MEASURES' && e.target === node.id).map((e) => e.props.unit),
      );
      expect(units.size, node.name).toBe(1);
    }
  });
});
