import { describe, expect, it } from 'vitest';
import { isRelativeName, placeOf } from '../../ingest/resolve/scope.ts';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';

/** A letter of a bureau of `city`, citing its own 《管理办法》 and naming itself 市科技局. */
const letterOf = (city: string, number: number) =>
  letterText({
    docNumber: '',
    printed: '',
    cc: '抄送：市政府办公室',
    title: `关于市政协八届二次会议第${number}号提案的答复函`,
    salutation: '王一委员：',
    body: `您所提的《关于完善科技金融服务的提案》收悉。现答复如下：\n一、工作进展\n市科技局会同市财政局修订了《管理办法》，市委、市政府高度重视。\n感谢您的支持。`,
    signature: `${city}科学技术局\n2023年5月10日`,
  });

describe('short names resolve within their own place', () => {
  it('市科技局, 市政府办公室, 市委 and 《管理办法》 of two cities are two of each; the full names stay apart too', () => {
    const graph = graphOfTexts({ 'a.txt': letterOf('东川市', 1), 'b.txt': letterOf('西林市', 2) });
    const named = (kind: string, name: string) =>
      graph.nodes.filter((n) => n.kind === kind && (n.name === name || n.aliases.includes(name)));
    expect(named('Organization', '市科技局')).toHaveLength(2);
    expect(named('Organization', '市政府办公室')).toHaveLength(2);
    expect(named('Organization', '市委')).toHaveLength(2);
    expect(named('Policy', '管理办法')).toHaveLength(2);
    // Each city's 市科技局 is an alias of that city's bureau, never of the other's.
    for (const city of ['东川市', '西林市']) {
      const bureau = graph.nodes.find((n) => n.name === `${city}科学技术局`)!;
      expect(bureau.aliases).toContain('市科技局');
      const other = city === '东川市' ? 'b.txt' : 'a.txt';
      expect(bureau.mentions.some((m) => m.letter === `Letter:${other}`)).toBe(false);
    }
  });

  it('two letters of one city share their 市科技局, 市委 and 《管理办法》', () => {
    const graph = graphOfTexts({ 'a.txt': letterOf('东川市', 1), 'b.txt': letterOf('东川市', 2) });
    for (const [kind, name] of [
      ['Organization', '市委'],
      ['Policy', '管理办法'],
      ['Organization', '市政府办公室'],
    ]) {
      const nodes = graph.nodes.filter((n) => n.kind === kind && (n.name === name || n.aliases.includes(name)));
      expect(nodes, name).toHaveLength(1);
      expect(new Set(nodes[0].mentions.map((m) => m.letter))).toEqual(new Set(['Letter:a.txt', 'Letter:b.txt']));
    }
  });

  it("a letter's level-only name is its own city's body, not another city's of the same name beside it", () => {
    // A letter of 东川市 names 西林市's bureau of the same name; its own 市工业和信息化局 is its issuer.
    const text = letterText({
      docNumber: '',
      printed: '',
      cc: '',
      title: '关于市政协八届二次会议第7号提案的答复函',
      salutation: '王一委员：',
      body: '您所提的《关于发展数字经济的提案》收悉。现答复如下：\n一、工作进展\n市工业和信息化局积极对接西林市工业和信息化局，组织企业赴西林考察。\n二、下一步工作\n我局将加强与西林市工业和信息化局的合作。\n感谢您的支持。',
      signature: '东川市工业和信息化局\n2024年6月10日',
    });
    const graph = graphOfTexts({ 'a.txt': text });
    const own = graph.nodes.find((n) => n.name === '东川市工业和信息化局');
    const other = graph.nodes.find((n) => n.name === '西林市工业和信息化局');
    expect(own, 'the issuer keeps a node of its own').toBeDefined();
    expect(other).toBeDefined();
    expect(own!.id).not.toBe(other!.id);
    expect(own!.aliases).toContain('市工业和信息化局');
    expect(other!.aliases).not.toContain('市工业和信息化局');
    expect(other!.aliases).not.toContain('东川市工业和信息化局');
  });

  it.each([
    ['Organization', '市科技局', true],
    ['Organization', '县政府', true],
    ['Organization', '政协', true],
    ['Policy', '管理办法', true],
    ['Policy', '关于加快科技创新的若干意见', true],
    ['Organization', '石家庄市科学技术局', false],
    ['Organization', '科技部', false],
    ['Policy', '中华人民共和国科学技术进步法', false],
    ['Policy', '温州市科技创新条例', false],
    ['Person', '市长', false],
  ] as const)('%s %s is relative to its place: %s', (kind, name, relative) => {
    expect(isRelativeName(kind, name)).toBe(relative);
  });

  it.each([
    [['石家庄市科学技术局'], '石家庄市'],
    [[null, '政协子洲县第十届委员会'], '子洲县'],
    [['云南省工业和信息化委'], '云南省'],
    [['市政府政务服务中心', null], null],
    [['绥阳县政协'], '绥阳县'],
  ] as const)('the place of %j is %s', (names, place) => {
    expect(placeOf([...names])).toBe(place);
  });
});
