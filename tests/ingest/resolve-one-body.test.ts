import { describe, expect, it } from 'vitest';
import { graphOfTexts } from '../helpers/extract.ts';

/**
 * One body or document named two ways in one letter is one node (issue 20, family 7): a zone's committee
 * and its zone's short name, a title with and without its place, a notice and the document it issues, an
 * abbreviation of a bureau's or a commission's name. Letters written for this test; names invented, or
 * real places in invented sentences.
 */
const letter = (issuer: string, body: string) => `关于市政协十二届三次会议第15号提案的答复
叶明委员：
您提出的《关于加快科技成果转化的提案》收悉，现答复如下：
${body}
${issuer}
2024年6月27日`;

const nodes = (text: string, kind: string) =>
  graphOfTexts({ 'a.txt': text })
    .nodes.filter((n) => n.kind === kind)
    .map((n) => [n.name, ...n.aliases].sort().join('|'))
    .sort();

describe('one body under two forms in one letter', () => {
  it("a zone's committee is the zone written short, not a platform of its own", () => {
    const text = letter('珠海高新技术产业开发区管理委员会', '珠海高新区会同市科技局编制实施方案，推动成果转化。');
    expect(nodes(text, 'Organization')).toContain('珠海高新区|珠海高新技术产业开发区管理委员会');
    expect(nodes(text, 'Platform')).toEqual([]);
  });

  it("the zone's short name opening a longer name is that name's, and the committee's where it stands alone", () => {
    const text = letter(
      '澜城高新技术产业开发区管理委员会',
      '澜城高新区会同市科技局规划建设澜城高新区新型储能产业园，设立澜城高新区新能源汽车产业基金。',
    );
    expect(nodes(text, 'Organization')).toContain('澜城高新区|澜城高新技术产业开发区管理委员会');
    expect(nodes(text, 'Platform')).toContain('澜城高新区新型储能产业园');
    expect(nodes(text, 'Programme')).toContain('澜城高新区新能源汽车产业基金');
  });

  it('a title with and without its place', () => {
    const text = letter(
      '珠海市科学技术局',
      '本提案提出制定《珠海未来产业发展计划》。关于设立珠海《未来产业发展计划》，我局正在研究。',
    );
    expect(nodes(text, 'Policy')).toEqual(['未来产业发展计划|珠海未来产业发展计划']);
  });

  it('a notice and the document it issues, cited short', () => {
    const text = letter(
      '珠海市科学技术局',
      '科技部印发了《科技部关于印发建设创新型城市工作指引的通知》，我局将结合《指引》要求推进。',
    );
    expect(nodes(text, 'Policy')).toEqual(['指引|科技部关于印发建设创新型城市工作指引的通知']);
  });

  it.each([
    ['市发改委', '市发展和改革委员会'],
    ['市场监管局', '市场监督管理局'],
  ])('%s is %s', (short, full) => {
    const text = letter('澜城市科学技术局', `我局会同${full}研究，由${short}牵头推进。`);
    expect(nodes(text, 'Organization')).toContain([full, short].sort().join('|'));
  });

  it('a body named with its place (协办单位, 抄送) and with its level word alone (the body) is one body', () => {
    const text = letter('珠海市科学技术局', '我局会同市财政局研究。\n抄送：珠海市财政局');
    expect(nodes(text, 'Organization')).toContain('市财政局|珠海市财政局');
  });

  it('must not join a body written with its level word alone to another city’s named in full', () => {
    const text = letter('珠海市科学技术局', '我局会同市财政局研究，学习深圳市财政局的做法。');
    expect(nodes(text, 'Organization')).toContain('市财政局');
  });

  it('must not join bodies of two levels: 省发改委 and 市发展和改革委员会', () => {
    const text = letter('澜城市科学技术局', '我局会同市发展和改革委员会研究，并报省发改委。');
    const found = nodes(text, 'Organization');
    expect(found).toContain('市发展和改革委员会');
    expect(found).toContain('省发改委');
  });
  it("must not join the province's bureau to the city's own whose place's level hides behind 市场 (淄博市市场监督管理局)", () => {
    const text = letter('澜城市市场监督管理局', '我局已推荐申报，省市场监管局已出具推荐意见。');
    const found = nodes(text, 'Organization');
    expect(found).toContain('澜城市市场监督管理局');
    expect(found).toContain('省市场监管局');
  });

  it('a short name the letter declares for a firm, quoted or not, is the firm’s, though it keeps other characters', () => {
    const text = letter(
      '澄江市科学技术局',
      '支持澄江北渡石油装备股份有限公司(以下简称北渡装备)牵头攻关，青岭雪域牦牛乳业有限公司（以下简称"雪域乳业"）建成研发中心。北渡装备、庆新钻采等企业承担项目9项，雪域乳业被认定为高新技术企业。',
    );
    expect(nodes(text, 'Enterprise')).toEqual(
      expect.arrayContaining(['北渡装备|澄江北渡石油装备股份有限公司', '雪域乳业|青岭雪域牦牛乳业有限公司']),
    );
  });

  it.each(['下称', '以下称', '简称'])('a short name declared with %s is the firm’s, as with 以下简称', (word) => {
    const text = letter(
      '澄江市科学技术局',
      `青岭雪蕊青稞生物科技有限公司（${word}“雪蕊公司”）建成提取生产线，雪蕊公司与园内企业联合开展研发。`,
    );
    expect(nodes(text, 'Enterprise')).toEqual(['雪蕊公司|青岭雪蕊青稞生物科技有限公司']);
  });

  it('must not take the name of a firm’s brand in brackets (商标名称“雪蕊”) for its declared short name', () => {
    const text = letter(
      '澄江市科学技术局',
      '青岭雪蕊青稞生物科技有限公司（商标名称“雪蕊”）带动农户增收，雪蕊产品远销各地。',
    );
    expect(nodes(text, 'Enterprise')).toEqual(['青岭雪蕊青稞生物科技有限公司']);
  });

  describe('a short form the letter does not declare, of a name given in full before it', () => {
    it.each([
      [
        'the place and the legal form dropped',
        '上海星舟微电子有限公司在园内建成中试线，星舟微电子与高校联合研发的芯片已批量供货。',
        'Enterprise',
        '上海星舟微电子有限公司|星舟微电子',
      ],
      [
        'a trade word dropped with the legal form',
        '支持北京知衡智源科技有限公司开展示范应用，知衡智源、星瀚数科等企业已入驻。',
        'Enterprise',
        '北京知衡智源科技有限公司|知衡智源',
      ],
      [
        'a qualifier dropped and the kind word written short',
        '我局会同临湖科学城管理委员会研究。科学城管委会认定概念验证平台11家。',
        'Organization',
        '临湖科学城管理委员会|科学城管委会',
      ],
      [
        "a firm's coined head and trade word, the place and the words between dropped",
        '广东星舟汽车电子股份有限公司获评专精特新企业，星舟电子牵头制定行业标准。',
        'Enterprise',
        '广东星舟汽车电子股份有限公司|星舟电子',
      ],
      [
        "a firm's head and trade word written before its full name",
        '星舟电子牵头制定行业标准。广东星舟汽车电子股份有限公司获评专精特新企业。',
        'Enterprise',
        '广东星舟汽车电子股份有限公司|星舟电子',
      ],
    ])('%s', (_, body, kind, joined) => {
      expect(nodes(letter('澜城市科学技术局', body), kind)).toContain(joined);
    });

    it("must not join a firm's head and trade word to a full name opening with no place, or to one of two", () => {
      const text = letter(
        '澜城市科学技术局',
        '星舟汽车电子股份有限公司、广东星舟光学电子有限公司与吉林星舟车载电子有限公司签约，星舟电子牵头制定行业标准。',
      );
      expect(nodes(text, 'Enterprise')).toContain('星舟电子');
    });

    it('must not join a short form two earlier names could be', () => {
      const text = letter(
        '澜城市科学技术局',
        '北京知衡智源科技有限公司与上海知衡智源科技有限公司签约合作，知衡智源、星瀚数科等企业已入驻。',
      );
      expect(nodes(text, 'Enterprise')).toContain('知衡智源');
    });

    it('must not join a run from inside an earlier name: 澜城市委 (the party committee) is not 九三学社澜城市委员会', () => {
      const text = letter(
        '澜城市科学技术局',
        '九三学社澜城市委员会提出的建议很有价值。澜城市委、市政府出台了实施意见。',
      );
      const found = nodes(text, 'Organization');
      expect(found).toContain('澜城市委');
      expect(found).toContain('九三学社澜城市委员会');
    });

    it('must not join a name that skips the middle of an earlier one (北京大学 is not 北京邮电大学)', () => {
      const text = letter('澜城市科学技术局', '我局支持北京邮电大学、北京大学在澜城设立研究院。');
      const found = nodes(text, 'Organization');
      expect(found).toContain('北京大学');
      expect(found).toContain('北京邮电大学');
    });
  });
});
