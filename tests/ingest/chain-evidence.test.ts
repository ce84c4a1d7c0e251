import { describe, expect, it } from 'vitest';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';

/** A reply whose heading runs over two sentences and names two chains in the second. */
const body = [
  '您所提的《关于深化科技金融的建议》收悉。现答复如下：',
  '一、下一步工作',
  '（一）以科技金融融合发展为核心。加强金融赋能科技企业，驱动产业链和资金链协同创新。',
  '设立东川科创母基金，规模力争达到50亿元。',
  '推广“科创贷”产品，支持科技型企业融资。',
  '（二）加强人才引育。',
  '引进高层次人才团队20个以上。',
  '“科创贷”贷款向人才企业倾斜。',
  '感谢您对科技工作的支持。',
].join('\n');

describe('chain ties and their evidence', () => {
  const graph = graphOfTexts({ 'a.txt': letterText({ body }) });
  const letter = graph.nodes.find((n) => n.kind === 'Letter')!;
  const text = String(letter.props.text);
  const ties = (predicate: (id: string) => boolean) =>
    graph.edges.filter((e) => e.type === 'ADVANCES' && predicate(e.source));

  it('a heading of two sentences ties what stands under it to the chains its second sentence names', () => {
    const fund = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 50)!;
    const chains = ties((id) => id === fund.id)
      .filter((e) => e.props.basis === 'heading')
      .map((e) => e.target)
      .sort();
    expect(chains).toEqual(['Chain:产业链', 'Chain:资金链']);
    const programme = graph.nodes.find((n) => n.name === '科创贷')!;
    expect(
      ties((id) => id === programme.id)
        .filter((e) => e.props.basis === 'heading')
        .map((e) => e.target)
        .sort(),
    ).toEqual(['Chain:产业链', 'Chain:资金链']);
  });

  it('the next heading ends the tie: what stands under （二） is not tied to 产业链 by heading', () => {
    const talent = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 20)!;
    expect(ties((id) => id === talent.id).filter((e) => e.props.basis === 'heading')).toEqual([]);
  });

  it('every piece of evidence shows the tie: the chain named in it, or the keyword for a vocabulary tie', () => {
    const all = ties(() => true);
    expect(all.length).toBeGreaterThan(0);
    for (const edge of all) {
      const word = edge.props.basis === 'vocabulary' ? String(edge.props.keyword) : edge.target.slice('Chain:'.length);
      for (const e of edge.evidence)
        expect(text.slice(e.start, e.end), `${edge.source} → ${edge.target}`).toContain(word);
    }
  });
});

describe('what a figure is about', () => {
  const text = [
    '您所提的《关于加强创新平台建设的建议》收悉。现答复如下：',
    '一、下一步工作',
    '（一）推进东川实验室建设。',
    '今年力争新增合作单位5家以上。',
    '（二）设立东川市科技创新投资基金，规模力争达到50亿元。',
    '（三）加强服务。',
    '全年举办对接活动10场以上。',
    '感谢您的支持。',
  ].join('\n');
  const graph = graphOfTexts({ 'a.txt': letterText({ body: text }) });
  const about = (value: number) => {
    const figure = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === value)!;
    return graph.edges
      .filter((e) => e.type === 'CONCERNS' && e.source === figure.id)
      .map((e) => [graph.nodes.find((n) => n.id === e.target)!.name, e.props.rule]);
  };

  it('a figure whose clause names nothing is about what its heading names', () => {
    expect(about(5)).toEqual([['东川实验室', 'heading']]);
  });

  it('a figure after the thing it measures in its sentence is about that thing', () => {
    expect(about(50)).toEqual([['东川市科技创新投资基金', 'sentence']]);
  });

  it('a figure with nothing named around it is about nothing, rather than a guess', () => {
    expect(about(10)).toEqual([]);
  });
});
