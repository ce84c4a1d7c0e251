import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers/parse.ts';

/**
 * Headers of portal systems the rules were not written on: metadata as label–value blocks, space-padded
 * tables, bare table cells, labels read into values, other brackets, the page's genre and title, the one
 * who answers for a reply beside the one to call. Letters written for this test; places and people invented.
 */
const BODY = '您提出的《关于加快建设澄江科学城的建议》收悉。现答复如下：\n我局将支持澄江技术转移中心开展专业化服务。';
const letter = (head: string, body = BODY, salutation = '周健代表：', closing = '') =>
  parseText(`${head}\n${salutation}\n${body}\n${closing}`);

describe('page metadata read as a table of labels', () => {
  it.each([
    {
      why: 'labels alone on their line, values on the next (a list copied as text)',
      head: '- 索引号:\n- 11330000MB1234567X/2024-00012\n- 文号:\n- 成文日期:\n- 2024-05-10\n- 发布单位:\n- 澄江市科学技术局',
      docNumber: null,
      date: '2024-05-10',
      issuer: '澄江市科学技术局',
    },
    {
      why: 'a table padded with spaces',
      head: '索引号    11330000MB1234567X/2024-00012    发布机构    澄江市科学技术局\n成文日期    2024-05-10    文号    澄科函〔2024〕12号',
      docNumber: '澄科函〔2024〕12号',
      date: '2024-05-10',
      issuer: '澄江市科学技术局',
    },
    {
      why: 'table cells without colons',
      head: '| 发文机关 | 澄江市科学技术局 | 成文日期 | 2024-05-10 |\n| 发文字号 | 澄科函﹝2024﹞12号 | 有效性 | 有效 |',
      docNumber: '澄科函﹝2024﹞12号',
      date: '2024-05-10',
      issuer: '澄江市科学技术局',
    },
    {
      why: "the next cell is not the number's: 文 号: | X | 所属主题: | …",
      head: '索引号: | 1141-00073 | 发布机构: | 澄江市科技局 |\n文 号: | 澄科文〔2022〕7号 | 所属主题: | 人大代表建议办理 |',
      docNumber: '澄科文〔2022〕7号',
      date: null,
      issuer: '澄江市科技局',
    },
    {
      why: 'a bracket lost in copying',
      head: '发文字号：澄科函2024〕12号\n发布日期：2024-05-12',
      docNumber: '澄科函2024〕12号',
      date: '2024-05-12',
      issuer: null,
    },
  ])('$why', ({ head, docNumber, date, issuer }) => {
    const parsed = letter(head);
    expect(parsed.docNumber?.text ?? null).toBe(docNumber);
    expect(parsed.date?.value ?? null).toBe(date);
    expect(parsed.issuer?.name ?? null).toBe(issuer);
    expect(parsed.proposers.map((p) => p.name)).toEqual(['周健']);
    // The metadata is the page's, not the letter's body.
    expect(parsed.text.slice(parsed.body.start, parsed.body.end)).not.toMatch(/索引号|成文日期|发文|文号/);
  });

  it.each([
    ['文号:澄科函〔2024〕10号', '澄科函〔2024〕10号'],
    ['发文字号：〔2023〕8号', '〔2023〕8号'],
    // A number's own prefix that ends in a colon stays: 建议字 is not a page label.
    ['建议字:〔2023〕8号', '建议字:〔2023〕8号'],
  ])('a label is not read into the number: %s', (line, number) => {
    expect(letter(line).docNumber?.text).toBe(number);
  });

  it('the letter is dated by its signature, not by when the page went up', () => {
    const parsed = letter('发布时间：2024-06-20', BODY, '周健代表：', '澄江市科学技术局\n2024年6月18日');
    expect(parsed.date).toMatchObject({ value: '2024-06-18', source: 'signature' });
  });

  it('must not misfire: a body list written with dashes stays in the body', () => {
    const parsed = letter('', `${BODY}\n- 加强平台建设\n- 完善人才政策`);
    expect(parsed.text.slice(parsed.body.start, parsed.body.end)).toContain('加强平台建设');
  });
});

describe('the proposal as the page files it', () => {
  it.each([
    ['体裁分类: 政协提案办理', '提案'],
    ['所属主题: | 政协委员提案办理 |', '提案'],
    ['建议类型: | 大会期间建议 |', '建议'],
    // A category without a kind word says nothing: the title's last word decides.
    ['主题分类: 科技、教育', '建议'],
  ])('%s → %s (a CPPCC proposal is often titled 关于…的建议)', (line, kind) => {
    expect(letter(line, BODY, '致公党市委会：').proposal?.kind).toBe(kind);
  });

  it("建议标题 gives the whole title where the letter's copy lost its end", () => {
    const parsed = letter(
      '建议标题: | 关于支持澄江市申报“国家创新型试点城市”的建议 |',
      '您提出的《关于支持澄江市申报“国家创新型试点城市》收悉。现答复如下：\n我局将积极支持。',
    );
    expect(parsed.proposal?.title).toBe('关于支持澄江市申报“国家创新型试点城市”的建议');
  });

  it('标题 gives the title block a letter does not repeat', () => {
    const parsed = letter('标题：澄江市科学技术局关于市六届人大三次会议第0218号建议的答复\n发布日期：2024-05-12');
    expect(parsed.proposal).toMatchObject({ number: 218, kind: '建议', body: '市人大' });
    expect(parsed.issuer).toMatchObject({ name: '澄江市科学技术局', source: 'title' });
  });

  it.each([
    ['您提出的关于“加快建设澄江科学城”的提案收悉。', '关于“加快建设澄江科学城”的提案'],
    ['你们提出的关于要求“建设人才公寓”的第15号建议收悉。', '建设人才公寓'],
    ['您提出的“关于加快建设澄江科学城的提案”的提案收悉。', '关于加快建设澄江科学城的提案'],
  ])('a quote inside an unmarked title: %s', (opening, title) => {
    expect(letter('', `${opening}现答复如下：\n我局将积极支持。`).proposal?.title).toBe(title);
  });
});

describe('an issuer named only above the letter or by the site', () => {
  it.each([
    [
      'a masthead line above the title',
      '澄江市科学技术局\n关于市政协十二届三次会议第15号提案的答复',
      '',
      '澄江市科学技术局',
      'masthead',
    ],
    [
      'a file masthead',
      '澄江市科学技术局文件\n关于市政协十二届三次会议第15号提案的答复',
      '',
      '澄江市科学技术局',
      'masthead',
    ],
    [
      "the site's owner, when the letter speaks as 我局",
      '关于市政协十二届三次会议第15号提案的答复',
      '澄江市科学技术局网站 版权所有 ICP备12345678号',
      '澄江市科学技术局',
      'site',
    ],
  ])('%s', (_why, head, footer, issuer, source) => {
    const body =
      '您提出的《关于加快建设澄江科学城的提案》收悉。我局高度重视，现答复如下：\n我局将支持澄江技术转移中心开展专业化服务。';
    expect(letter(head, body, '周健委员：', footer).issuer).toMatchObject({ name: issuer, source });
  });

  it("must not take the site's owner for a body the letter does not speak as", () => {
    const body = '您提出的《关于加快建设澄江科学城的提案》收悉。我局高度重视，现答复如下：\n我局将支持成果转化。';
    expect(letter('', body, '周健委员：', '澄江市人民政府网站 版权所有 ICP备12345678号').issuer).toBeNull();
  });
});

describe('who signs, who answers, whom to call', () => {
  it('承办负责人 answers for the reply; the contact is the 承办人', () => {
    const parsed = letter(
      '',
      BODY,
      '周健代表：',
      '澄江市科学技术局\n2024年6月18日\n承办负责人:李青山\n承办人及联系电话:王小芳 13900000000',
    );
    expect(parsed.contacts.map((c) => [c.name, c.phone])).toEqual([['王小芳', '13900000000']]);
    expect(parsed.signers.map((s) => [s.name, s.role])).toEqual([['李青山', '承办负责人']]);
  });

  it.each([
    ['经济界、城东街道委员联络组：', [['经济界、城东街道委员联络组', 'Organization']]],
    [
      '李明、王芳委员：',
      [
        ['李明', 'Person'],
        ['王芳', 'Person'],
      ],
    ],
    [
      '民盟市委会、九三学社市委会：',
      [
        ['民盟市委会', 'Organization'],
        ['九三学社市委会', 'Organization'],
      ],
    ],
  ])('a salutation: %s', (salutation, proposers) => {
    expect(letter('', BODY, salutation).proposers.map((p) => [p.name, p.kind])).toEqual(proposers);
  });
});
