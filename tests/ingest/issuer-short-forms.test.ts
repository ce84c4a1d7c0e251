import { describe, expect, it } from 'vitest';
import { graphOfTexts } from '../helpers/extract.ts';

/**
 * A bureau writes itself short in its own letter (市科技局, 科技厅); another
 * place's bureau written the same way after its place's name (瑞安市科技局)
 * is another body. Letters in this project's own wording, invented names.
 */
const letter = (issuer: string, body: string) => `澜科提复〔2024〕10号
关于市政协十二届三次会议第15号提案的答复
叶明委员：
您提出的《关于加快科技成果转化的提案》收悉，现答复如下：
${body}
${issuer}
2024年6月27日`;

const organizations = (text: string) =>
  graphOfTexts({ 'a.txt': text })
    .nodes.filter((n) => n.kind === 'Organization')
    .map((n) => [n.name, ...n.aliases].join('|'))
    .sort();

describe('the issuer written short', () => {
  it("another county's bureau is its own node, the issuer's short form an alias", () => {
    const found = organizations(letter('澜城市科学技术局', '我局会同瑞安市科技局推进成果转化，由市科技局统筹协调。'));
    expect(found).toContain('瑞安市科技局');
    expect(found).toContain('澜城市科学技术局|市科技局');
  });

  it('an autonomous prefecture’s bureau writes itself with its level word 州', () => {
    const found = organizations(letter('延边朝鲜族自治州科学技术局', '近年来，州科技局深入实施创新驱动发展战略。'));
    expect(found).toContain('延边朝鲜族自治州科学技术局|州科技局');
  });

  it('a city whose name holds 州 keeps 市 as its level word (苏州市 → 市科技局), and another body’s 州科技局 apart', () => {
    const found = organizations(letter('苏州市科学技术局', '近年来，市科技局会同州科技局推进成果转化。'));
    expect(found).toContain('苏州市科学技术局|市科技局');
    expect(found.find((n) => n.includes('州科技局') && n.includes('苏州市科学技术局'))).toBeUndefined();
  });

  it('a provincial department writes itself without its level', () => {
    const found = organizations(
      letter('岷江省科学技术厅', '请岷州市科技局会同市发展改革委函送至科技厅，省科技厅将组织评议。'),
    );
    expect(found).toContain('岷州市科技局');
    expect(
      found
        .find((n) => n.startsWith('岷江省科学技术厅'))
        ?.split('|')
        .sort(),
    ).toEqual(['岷江省科学技术厅', '科技厅', '省科技厅'].sort());
  });
});
