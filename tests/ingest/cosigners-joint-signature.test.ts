import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../domain/model.ts';
import { graphOfTexts } from '../helpers/extract.ts';

/**
 * Who seconded a proposal, and who signed beside the issuer. The annotation
 * guide takes proposers from the salutation; 附议代表 listed in a page's
 * labelled block are people the letter names, not proposers. A joint
 * signature's second body is named by the letter, but did not issue it.
 * Letters in this project's own wording, with invented names.
 */
const letterOf = (graph: GraphDocument) => graph.nodes.find((n) => n.kind === 'Letter')!;
const targets = (graph: GraphDocument, type: string, source: string) =>
  graph.edges
    .filter((e) => e.type === type && e.source === source)
    .map((e) => graph.nodes.find((n) => n.id === e.target)!.name)
    .sort();
const mentioned = (graph: GraphDocument, kind: string) => {
  const letter = letterOf(graph).id;
  return graph.nodes
    .filter((n) => n.kind === kind && n.mentions.some((m) => m.letter === letter))
    .map((n) => n.name)
    .sort();
};
const proposersOf = (graph: GraphDocument) =>
  targets(
    graph,
    'PROPOSED_BY',
    targets(graph, 'ANSWERS', letterOf(graph).id).length ? graph.edges.find((e) => e.type === 'ANSWERS')!.target : '',
  );

const COSIGNED = `建议编号:20240311
建议题目:关于支持青年科技人才安居的建议
领衔代表:邵文清
附议代表:潘思远、韦一帆
承办单位:澜城市科学技术局
您提出的关于支持青年科技人才安居的建议收悉。现答复如下:
我局会同市住建局研究，将青年科技人才纳入人才公寓保障范围。
澜城市科学技术局
2024年7月2日`;

describe('co-signers of a proposal', () => {
  it('are people the letter names, and not its proposers', () => {
    const graph = graphOfTexts({ 'cosigned.txt': COSIGNED });
    expect(proposersOf(graph)).toEqual(['邵文清']);
    expect(mentioned(graph, 'Person')).toEqual(['潘思远', '邵文清', '韦一帆']);
  });

  it('a salutation that names them too keeps them proposers, once', () => {
    const graph = graphOfTexts({
      'cosigned.txt': COSIGNED.replace('您提出的', '邵文清、潘思远、韦一帆代表:\n您们提出的'),
    });
    expect(proposersOf(graph)).toEqual(['潘思远', '邵文清', '韦一帆']);
    expect(mentioned(graph, 'Person')).toEqual(['潘思远', '邵文清', '韦一帆']);
  });

  it.each([
    ['等3位代表', '邵文清等3位代表:'],
    ['等代表, no count', '邵文清等代表:'],
    ['等三名代表, the count in words', '邵文清等三名代表:'],
  ])('a salutation naming the lead "and others" (%s) answers the seconders too: they are proposers', (_form, line) => {
    const graph = graphOfTexts({ 'cosigned.txt': COSIGNED.replace('您提出的', `${line}\n您领衔提出的`) });
    expect(proposersOf(graph)).toEqual(['潘思远', '邵文清', '韦一帆']);
  });

  it.each([
    ['a count that is not the lead and the seconders', '邵文清等5位代表:'],
    ['a first name that is not the lead', '潘思远等3位代表:'],
  ])('%s: the seconders stay people the letter names', (_why, line) => {
    const graph = graphOfTexts({ 'cosigned.txt': COSIGNED.replace('您提出的', `${line}\n您领衔提出的`) });
    expect(proposersOf(graph)).not.toContain('韦一帆');
    expect(mentioned(graph, 'Person')).toContain('韦一帆');
  });

  describe('seconders named in the body (该建议由…代表领衔，…代表附议)', () => {
    const inBody = (salutation: string) => `关于区十九届人大四次会议第0087号建议办理情况的答复
${salutation}
你们提出的《关于以科技赋能特色农业的建议》收悉。该建议由邵文清代表领衔，潘思远、韦一帆代表附议。现答复如下:
我委会同区科技局研究，将示范基地纳入规划。
澄江市澄川区农业农村委员会
2024年6月28日`;

    it('are proposers when the salutation names the lead "and others" and its count is theirs', () => {
      const graph = graphOfTexts({ 'seconded.txt': inBody('邵文清等3位代表:') });
      expect(proposersOf(graph)).toEqual(['潘思远', '邵文清', '韦一帆']);
    });

    it.each([
      ['a count that is not the lead and the seconders', '邵文清等5位代表:'],
      ['a salutation naming the lead alone', '邵文清代表:'],
    ])('must not make them proposers: %s (they stay people the letter names)', (_why, line) => {
      const graph = graphOfTexts({ 'seconded.txt': inBody(line) });
      expect(proposersOf(graph)).toEqual(['邵文清']);
      expect(mentioned(graph, 'Person')).toContain('韦一帆');
    });
  });

  describe('those who signed it jointly (联名人 in a table, …委员联名提出的 in the body)', () => {
    const table = (salutation: string) =>
      COSIGNED.replace('领衔代表:邵文清\n附议代表:潘思远、韦一帆', '领 衔 人:邵文清\n联 名 人:潘思远、韦一帆').replace(
        '您提出的',
        `${salutation}\n您领衔提出的`,
      );
    const sector = (salutation: string, members: string) => `澜城市数据局关于市政协十四届三次会议第0321号提案的答复
${salutation}
${members}联名提出的《关于培育数据要素市场的提案》收悉。现答复如下:
我局会同市发展改革委研究，将数据要素市场纳入规划。
澜城市数据局
2024年6月27日`;

    it('are proposers under a salutation naming their lead alone: the letter answers the lead and the co-signers', () => {
      expect(proposersOf(graphOfTexts({ 'joint.txt': table('邵文清代表:') }))).toEqual(['潘思远', '邵文清', '韦一帆']);
    });

    it('are proposers beside the sector they belong to (贵界别…委员联名提出的)', () => {
      const graph = graphOfTexts({ 'sector.txt': sector('市政协经济界别:', '贵界别潘思远、韦一帆委员') });
      expect(proposersOf(graph)).toEqual(['市政协经济界别', '潘思远', '韦一帆']);
    });

    it.each([
      ['a salutation naming someone other than the lead', () => table('潘国强代表:')],
      ['a salutation naming a member who is not among them', () => sector('王立委员:', '潘思远、韦一帆委员')],
    ])('must not make them proposers: %s (they stay people the letter names)', (_why, text) => {
      const graph = graphOfTexts({ 'joint.txt': text() });
      expect(proposersOf(graph)).not.toContain('韦一帆');
      expect(mentioned(graph, 'Person')).toContain('韦一帆');
    });
  });

  it('without a 附议 line, no one else is named', () => {
    const graph = graphOfTexts({ 'cosigned.txt': COSIGNED.replace(/附议代表:.*\n/, '') });
    expect(mentioned(graph, 'Person')).toEqual(['邵文清']);
  });
});

const JOINT = (signature: string) => `澜科提〔2024〕33号
关于市政协十二届三次会议第71号提案的答复
贺明轩委员:
您提出的《关于设立概念验证资金的提案》收悉,经与市财政局共同研究,现答复如下:
我局与市财政局联合出台扶持办法，对概念验证项目给予资助。
${signature}
2024年6月20日
联系人:石 磊  电话:0571-87001234`;

describe('a joint signature', () => {
  it.each([
    ['on one line', '澜城市科学技术局    澜城市财政局'],
    ['on one line, with seals', '澜城市科学技术局（印）  澜城市财政局（印）'],
    ['one body above the other', '澜城市科学技术局\n澜城市财政局'],
  ])('%s: the first body issued the letter, the second is named by it', (_layout, signature) => {
    const graph = graphOfTexts({ 'joint.txt': JOINT(signature) });
    expect(targets(graph, 'ISSUED_BY', letterOf(graph).id)).toEqual(['澜城市科学技术局']);
    expect(mentioned(graph, 'Organization')).toEqual(expect.arrayContaining(['澜城市科学技术局', '澜城市财政局']));
    // The body's 市财政局 is the co-signer written short, one node with it.
    const finance = graph.nodes.find((n) => n.name === '澜城市财政局')!;
    expect(finance.aliases).toContain('市财政局');
    expect(graph.nodes.filter((n) => n.kind === 'Organization' && n.name === '市财政局')).toEqual([]);
  });

  it.each([
    ['a single signature', '澜城市科学技术局'],
    ['a signature after a closing sentence', '特此函复。\n澜城市科学技术局'],
  ])('must not misfire: %s', (_layout, signature) => {
    const graph = graphOfTexts({ 'joint.txt': JOINT(signature) });
    expect(targets(graph, 'ISSUED_BY', letterOf(graph).id)).toEqual(['澜城市科学技术局']);
    expect(mentioned(graph, 'Organization')).not.toContain('澜城市财政局');
  });
});
