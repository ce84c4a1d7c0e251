import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../cli/eval-command.ts';
import { f1 } from '../../ingest/eval/score.ts';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';
import { GOLD_DIR, LETTERS_DIR } from '../helpers/seeds.ts';

const node = (graph: GraphDocument, id: string) => graph.nodes.find((n) => n.id === id);
const edges = (graph: GraphDocument, type: string, source?: string) =>
  graph.edges.filter((e) => e.type === type && (!source || e.source === source));

function letterWith(next: string, headingOfNext = '（一）加强平台建设'): string {
  return letterText({
    body: `您所提的《关于加快建设西部科学城的建议》收悉。现答复如下：\n一、工作进展\n近年来成效明显。\n二、下一步工作计划\n${headingOfNext}\n${next}\n感谢您的支持。`,
  });
}

describe('the graph of the seeds', async () => {
  const { letters } = await readLetters([LETTERS_DIR]);
  const graph = graphOfLetters(letters);

  it('has the header relations of each letter', () => {
    const letter = 'Letter:001_04a38ffad57288c3.txt';
    const answers = edges(graph, 'ANSWERS', letter);
    expect(answers).toHaveLength(1);
    expect(node(graph, answers[0].target)?.props).toMatchObject({ body: '市政协', number: 582, kind: '提案' });
    expect(edges(graph, 'PROPOSED_BY', answers[0].target).map((e) => node(graph, e.target)?.name)).toEqual(['叶剑淼']);
    expect(edges(graph, 'ISSUED_BY', letter).map((e) => e.target)).toEqual(['Organization:温州市科学技术局']);
    expect(edges(graph, 'CONTACT', letter).map((e) => [node(graph, e.target)?.name, e.props.phone])).toEqual([
      ['李贤', '88962022'],
    ]);
    expect(
      edges(graph, 'CC', letter)
        .map((e) => node(graph, e.target)?.name)
        .sort(),
    ).toEqual(['市府办', '市政协提案委']);
  });

  it('one node per real thing: 瓯江实验室 is one node mentioned by three letters', () => {
    const lab = node(graph, 'Platform:瓯江实验室')!;
    expect(new Set(lab.mentions.map((m) => m.letter)).size).toBe(3);
    expect(graph.nodes.filter((n) => n.name === '瓯江实验室')).toHaveLength(1);
  });

  it('aliases from the lexicon merge: 大孵化集群 is 大孵化器集群', () => {
    const programme = node(graph, 'Programme:大孵化器集群')!;
    expect(programme.aliases).toContain('大孵化集群');
    expect(node(graph, 'Programme:大孵化集群')).toBeUndefined();
  });

  it('the issuer named short (市科技局) is the issuer', () => {
    const bureau = node(graph, 'Organization:温州市科学技术局')!;
    expect(bureau.aliases).toContain('市科技局');
  });

  it('a short title 《条例》 resolves to the full title used in the letter', () => {
    const law = node(graph, 'Policy:温州市民营企业科技创新促进条例')!;
    expect(law.aliases).toContain('条例');
    expect(node(graph, 'Policy:条例')).toBeUndefined();
  });

  it('every evidence span lies inside its letter', () => {
    const texts = new Map(graph.nodes.filter((n) => n.kind === 'Letter').map((n) => [n.id, String(n.props.text)]));
    for (const item of [...graph.nodes.flatMap((n) => n.mentions), ...graph.edges.flatMap((e) => e.evidence)]) {
      const text = texts.get(item.letter)!;
      expect(item.start).toBeGreaterThanOrEqual(0);
      expect(item.end).toBeLessThanOrEqual(text.length);
      expect(item.end).toBeGreaterThan(item.start);
    }
  });

  it('the commitment to 15 technology-transfer institutions is answered to proposal 582, with its year', () => {
    const commitment = graph.nodes.find(
      (n) =>
        n.kind === 'Commitment' &&
        n.props.value === 15 &&
        n.props.unit === '家' &&
        n.props.letter === 'Letter:001_04a38ffad57288c3.txt',
    );
    expect(commitment?.props).toMatchObject({ text: '全年招引落地技术转移转化机构15家', year: 2024 });
  });

  it('heading chains: a commitment under 强化产业链和人才链融合发展 advances both chains, the heading’s by heading', () => {
    const discipline = graph.nodes.find(
      (n) => n.kind === 'Commitment' && String(n.props.text).includes('市级一流学科'),
    )!;
    const chains = edges(graph, 'ADVANCES', discipline.id);
    expect(chains.map((e) => e.target).sort()).toEqual(['Chain:产业链', 'Chain:人才链']);
    expect(chains.find((e) => e.target === 'Chain:产业链')!.props.basis).toBe('heading');
  });

  it('PART_OF: 中国眼谷 is part of the 一港五谷 layout', () => {
    expect(
      graph.edges.some(
        (e) => e.type === 'PART_OF' && e.source === 'Platform:中国眼谷' && e.target === 'Programme:一港五谷',
      ),
    ).toBe(true);
  });

  it('the four chains are nodes even where nothing advances them', () => {
    expect(
      graph.nodes
        .filter((n) => n.kind === 'Chain')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['产业链', '人才链', '创新链', '资金链'].sort());
  });
});

describe('building graphs', () => {
  it('chains by the words of a commitment’s own clause, with the word as keyword', () => {
    const graph = graphOfTexts({ 'a.txt': letterWith('加大基金支持企业力度，力争引导基金规模达到50亿元。') });
    const commitment = graph.nodes.find((n) => n.kind === 'Commitment')!;
    const capital = edges(graph, 'ADVANCES', commitment.id).find((e) => e.target === 'Chain:资金链');
    expect(capital?.props).toMatchObject({ basis: 'name', keyword: '基金', rule: 'commitment-words' });
  });

  it('must not tie a sentence to a chain it has no word for', () => {
    const graph = graphOfTexts({ 'a.txt': letterWith('力争建成办公用房10万方。', '（一）优化空间布局') });
    const commitment = graph.nodes.find((n) => n.kind === 'Commitment')!;
    expect(edges(graph, 'ADVANCES', commitment.id)).toEqual([]);
  });

  it('merges a platform named in two letters and keeps both letters’ mentions', () => {
    const graph = graphOfTexts({
      'a.txt': letterWith('依托天府实验室开展攻关。'),
      'b.txt': letterWith('支持天府实验室建设中试基地。'),
    });
    const lab = node(graph, 'Platform:天府实验室')!;
    expect(lab.mentions.map((m) => m.letter).sort()).toEqual(['Letter:a.txt', 'Letter:b.txt']);
  });

  it('CONCERNS ties a commitment to the entities in its clause', () => {
    const graph = graphOfTexts({ 'a.txt': letterWith('支持天府实验室新增研发人员200人以上。') });
    const commitment = graph.nodes.find((n) => n.kind === 'Commitment')!;
    expect(edges(graph, 'CONCERNS', commitment.id).map((e) => e.target)).toEqual(['Platform:天府实验室']);
  });

  it('a letter processed twice gives an identical GraphDocument', async () => {
    const first = graphOfLetters((await readLetters([LETTERS_DIR])).letters);
    const second = graphOfLetters((await readLetters([LETTERS_DIR])).letters);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('ids do not depend on the order letters are read in', async () => {
    const { letters } = await readLetters([LETTERS_DIR]);
    const ids = graphOfLetters(letters).nodes.map((n) => n.id);
    const reversed = (await readLetters([LETTERS_DIR])).letters.reverse();
    expect(graphOfLetters(reversed).nodes.map((n) => n.id)).toEqual(ids);
  });
});

describe.skipIf(!existsSync(GOLD_DIR))('quality against the hand annotations in shared/gold', () => {
  it('overall F1 is at least 0.85 and no kind is below 0.6', async () => {
    const report = await evaluate(GOLD_DIR, [LETTERS_DIR]);
    expect(report.letters.length).toBeGreaterThanOrEqual(3);
    expect(f1(report.overall).f1).toBeGreaterThanOrEqual(0.85);
    for (const [kind, tally] of Object.entries(report.kinds)) {
      expect(f1(tally).f1, kind).toBeGreaterThanOrEqual(0.6);
    }
    expect(f1(report.commitments).f1).toBeGreaterThanOrEqual(0.6);
    expect(report.header.correct).toBe(report.header.fields);
  });
});
if (!existsSync(GOLD_DIR))
  console.warn(`skipping the gold evaluation: ${GOLD_DIR} does not exist (it is ../shared/gold beside the checkout)`);
