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
  const ties = (predicate: (id: string) => boolean) => graph.edges.filter((e) => e.type === 'ADVANCES' && predicate(e.source));

  it('a heading of two sentences ties what stands under it to the chains its second sentence names', () => {
    const fund = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 50)!;
    const chains = ties((id) => id === fund.id).filter((e) => e.props.basis === 'heading').map((e) => e.target).sort();
    expect(chains).toEqual(['Chain:产业链', 'Chain:资金链']);
    const programme = graph.nodes.find((n) => n.name === '科创贷')!;
    expect(ties((id) => id === programme.id).filter((e) => e.props.basis === 'heading').map((e) => e.target).sort()).toEqual(['Chain:产业链', 'Chain:资金链']);
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
      for (const e of edge.evidence) expect(text.slice(e.start, e.end), `${edge.source} → ${edge.target}`).toContain(word);
    }
  });
});
