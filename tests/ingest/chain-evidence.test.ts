import { describe, expect, it } from 'vitest';
import { tiesOf } from '../../domain/chain-ties.ts';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';
import { LETTERS_DIR } from '../helpers/seeds.ts';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import type { GraphDocument } from '../../domain/model.ts';

/** A reply whose heading runs over two sentences and names two chains in the second. */
const body = [
  '您所提的《关于深化科技金融的建议》收悉。现答复如下：',
  '一、下一步工作',
  '（一）以科技金融融合发展为核心。加强金融赋能科技企业，驱动产业链和资金链协同创新。',
  '设立东川科创母基金，规模力争达到50亿元。',
  '组织召开专题座谈会2场以上。',
  '推广“科创贷”产品，支持科技型企业融资。',
  '（二）加强人才引育。',
  '引进高层次人才团队20个以上。',
  '“科创贷”贷款向人才企业倾斜。',
  '感谢您对科技工作的支持。',
].join('\n');

/**
 * Every tie keeps its reason beside its evidence: the ADVANCES edge's `ties`
 * prop holds one note per piece of evidence, with the rule and the words it
 * read, and where the thing stands — in the seeds as in a made-up letter.
 */
function expectEveryTieExplained(graph: GraphDocument): void {
  const text = new Map(graph.nodes.filter((n) => n.kind === 'Letter').map((l) => [l.id, String(l.props.text)]));
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const advances = graph.edges.filter((e) => e.type === 'ADVANCES');
  expect(advances.length).toBeGreaterThan(0);
  for (const edge of advances) {
    const notes = tiesOf(edge.props);
    const where = `${edge.source} → ${edge.target}`;
    expect(typeof edge.props.reason, where).toBe('string');
    for (const e of edge.evidence) {
      const note = notes.find((n) => n.letter === e.letter && n.start === e.start && n.end === e.end);
      expect(note, `${where}: no reason for evidence ${e.letter} ${e.start}`).toBeDefined();
      expect(note!.words.length, where).toBeGreaterThan(0);
      const letter = text.get(e.letter)!;
      // The words the rule read stand in the evidence, where the thing itself stands or in its name.
      const node = nodes.get(edge.source)!;
      const seen = [letter.slice(e.start, e.end), sentenceOf(letter, note!.at), node.name, ...node.aliases].join('|');
      expect(
        note!.words.some((w) => seen.includes(w) || edge.target === `Chain:${w}`),
        `${where}: ${note!.words.join('·')}`,
      ).toBe(true);
      expect(note!.at.end, where).toBeGreaterThan(note!.at.start);
    }
  }
}

/** The sentence around a span: from the stop before it to the stop after it. */
function sentenceOf(text: string, at: { start: number; end: number }): string {
  const from = Math.max(text.lastIndexOf('。', at.start - 1), text.lastIndexOf('\n', at.start - 1)) + 1;
  const stops = ['。', '\n'].map((c) => text.indexOf(c, at.end)).filter((i) => i >= 0);
  return text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length);
}

describe('chain ties and their evidence', () => {
  const graph = graphOfTexts({ 'a.txt': letterText({ body }) });
  const ties = (predicate: (id: string) => boolean) =>
    graph.edges.filter((e) => e.type === 'ADVANCES' && predicate(e.source));

  it('a heading of two sentences ties a thing whose own sentence does its work to the chain its second sentence names', () => {
    const loan = graph.nodes.find((n) => n.name === '科创贷')!;
    const byHeading = ties((id) => id === loan.id).filter((e) => e.props.basis === 'heading');
    expect(byHeading.map((e) => e.target)).toEqual(['Chain:产业链']);
    expect(tiesOf(byHeading[0].props)[0].rule).toBe('heading-work');
    // 资金链 it carries in its own name (贷).
    expect(ties((id) => id === loan.id).find((e) => e.target === 'Chain:资金链')!.props.basis).toBe('name');
  });

  it('a thing that only sits under the heading inherits nothing from it', () => {
    const meetings = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 2)!;
    expect(ties((id) => id === meetings.id)).toEqual([]);
  });

  it('a fund’s target is on capital by what it measures, and does the heading’s work of finance serving firms', () => {
    const fund = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 50)!;
    const rules = ties((id) => id === fund.id).map((e) => [e.target, tiesOf(e.props)[0].rule]);
    expect(rules.sort()).toEqual([
      ['Chain:产业链', 'heading-work'],
      ['Chain:资金链', 'subject-name'],
    ]);
  });

  it('the next heading ends the tie: what stands under （二） is not tied to 产业链 by heading', () => {
    const talent = graph.nodes.find((n) => n.kind === 'Commitment' && n.props.value === 20)!;
    expect(ties((id) => id === talent.id).filter((e) => e.props.basis === 'heading')).toEqual([]);
  });

  it('no tie lacks its reason: every piece of evidence has a note with the rule and the words it read', () => {
    expectEveryTieExplained(graph);
  });

  it('no tie of the seed letters lacks its reason', async () => {
    expectEveryTieExplained(graphOfLetters((await readLetters([LETTERS_DIR])).letters));
  });
});
