import { describe, expect, it } from 'vitest';
import { variantsIn } from '../../ingest/resolve/variants.ts';
import { graphOfTexts } from '../helpers/extract.ts';
import { letterText } from '../helpers/parse.ts';

describe('variants of one name within a place', () => {
  it.each([
    [
      'a bracket and a place before it',
      ['南江市校（院）科技成果转化联合办公室', '校科技成果转化联合办公室'],
      'bracket',
    ],
    [
      'one character more',
      ['南江市校（院）地科技成果转化联合办公室', '校（院）科技成果转化联合办公室'],
      'one-character',
    ],
    ['the end of one longer name', ['南江市科技成果转化联合办公室', '成果转化联合办公室'], 'prefix'],
  ] as const)('%s', (_case, names, rule) => {
    expect(variantsIn('Platform', [...names]).map((v) => v.rule)).toEqual([rule]);
  });

  it.each([
    ['a different word inside', ['南江市科技创新中心', '南江市科技金融创新中心']],
    [
      'the end of two different longer names',
      ['南江市汽车零部件检测中心', '北岭县汽车零部件检测中心', '汽车零部件检测中心'],
    ],
    ['a category', ['南江市工程技术研究中心', '工程技术研究中心']],
    ['short names', ['东湖实验室', '西湖实验室']],
  ] as const)('must not join: %s', (_case, names) => {
    expect(variantsIn('Platform', [...names])).toEqual([]);
  });

  it("joins the variants of one city's letters into one node that says what it merged, and not another city's", () => {
    const letterOf = (city: string, office: string, n: number) =>
      letterText({
        docNumber: '',
        printed: '',
        title: `关于市政协八届二次会议第${n}号提案的答复函`,
        salutation: '王一委员：',
        body: `您所提的《关于促进成果转化的提案》收悉。现答复如下：\n一、工作进展\n加强${office}建设，推动成果转化。\n感谢您的支持。`,
        signature: `${city}科学技术局\n2023年5月10日`,
      });
    const graph = graphOfTexts({
      'a.txt': letterOf('南江市', '南江市校（院）地科技成果转化联合办公室', 1),
      'b.txt': letterOf('南江市', '校（院）科技成果转化联合办公室', 2),
      'c.txt': letterOf('北岭市', '校（院）科技成果转化联合办公室', 3),
    });
    const offices = graph.nodes.filter((n) => n.name.endsWith('联合办公室'));
    expect(offices).toHaveLength(2);
    const joined = offices.find((n) => n.name.startsWith('南江市'))!;
    expect(joined.aliases).toContain('校（院）科技成果转化联合办公室');
    expect(new Set(joined.mentions.map((m) => m.letter))).toEqual(new Set(['Letter:a.txt', 'Letter:b.txt']));
    expect(String(joined.props.mergedFrom)).toMatch(/one-character variant .*b\.txt/);
  });
});
