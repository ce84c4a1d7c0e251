import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { extractSentence } from '../helpers/extract.ts';
import { letterText, parseText } from '../helpers/parse.ts';

/** Sentences of the genre in this project's own wording: each row a rule, with rows where it must not fire. */
const names = (sentence: string, part: 'done' | 'next' = 'done') =>
  extractSentence(sentence, { part }).mentions.map((m) => `${m.kind}:${m.name}`);

describe('names in running text, as letters of many places write them', () => {
  it.each([
    [
      'bare names listed beside names of a known kind',
      '以青山泵业、富阳集团、南河控股集团等为龙头，发展装备制造业。',
      ['Enterprise:青山泵业', 'Enterprise:富阳集团', 'Enterprise:南河控股集团'],
    ],
    [
      'a list whose 等N家企业 tail says what each item is',
      '支持东岭泵业、西坪股份、北渡机电等3家企业开展技术攻关。',
      ['Enterprise:东岭泵业', 'Enterprise:西坪股份', 'Enterprise:北渡机电'],
    ],
    [
      "the bodies of the letter's own place",
      '县委、县政府高度重视科技工作，根据市委市政府部署推进。',
      ['Organization:县委', 'Organization:县政府', 'Organization:市委', 'Organization:市政府'],
    ],
    ['a division named after its department', '加强与市司法局立法处的沟通。', ['Organization:市司法局立法处']],
    ['stop words glued to a name by the segmenter', '已向市人大常委会报告进展。', ['Organization:市人大常委会']],
    ['a verb before 与 is not part of the name', '持续保持与市人大法工委的沟通。', ['Organization:市人大法工委']],
    [
      "a working group and a park without the seeds' suffixes",
      '提交县人才住房工作协调小组讨论，支持东坡承接产业转移园区建设。',
      ['Organization:县人才住房工作协调小组', 'Platform:东坡承接产业转移园区'],
    ],
    ['a person before a title', '按照习近平总书记的重要指示精神。', ['Person:习近平']],
    [
      'a title before a person',
      '市委书记李国胜到东川科技城调研，副市长张伟强主持会议。',
      ['Person:李国胜', 'Person:张伟强', 'Platform:东川科技城'],
    ],
    [
      'short firm names and a university joined by 与',
      '推动康宁药业与澜城医科大学共建联合实验室。',
      ['Enterprise:康宁药业', 'Organization:澜城医科大学'],
    ],
    ['a ministry after 经商', '经商财政部同意，设立专项。', ['Organization:财政部']],
    ['a quoted programme by its own suffix', '实施科技型中小企业“育苗工程”。', ['Programme:育苗工程']],
    [
      'a zone and a park named after their place',
      '支持白沙经济开发区争创省级高新区，依托云泽科创园建设孵化载体。',
      ['Platform:白沙经济开发区', 'Platform:云泽科创园'],
    ],
    [
      'a common-worded item ending like its listed sibling',
      '推进东坡科技园、科技大市场等机构增强服务能力。',
      ['Platform:东坡科技园', 'Platform:科技大市场'],
    ],
    [
      'a fund in quotes',
      '加快推进“南河市科技成果转化风险补偿专项资金”的使用。',
      ['Programme:南河市科技成果转化风险补偿专项资金'],
    ],
  ])('%s', (_rule, sentence, expected) => {
    expect(names(sentence)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['a list of activities', '加强基础研究、应用研究等工作。', []],
    ['a list of cities', '赴北京、上海、深圳等城市招引人才。', []],
    ['a city government named in full is not 市政府', '石家庄市政府出台了扶持政策。', ['Organization:市政府']],
    ['a committee word inside another', '贵市委会的建议很有价值。', ['Organization:市委']],
    [
      'a counted category',
      '新增省级工程技术研究中心5家。',
      ['Platform:省级工程技术研究中心', 'Platform:工程技术研究中心'],
    ],
    [
      'a clause ending in 园区',
      '省政府十分重视园区建设，专门批示安排园区经费。',
      ['Platform:省政府十分重视园区', 'Platform:专门批示安排园区'],
    ],
    ['an adjective before a category', '这是一项复杂的巨系统工程。', ['Programme:巨系统工程']],
    ['an industry after a firm-like word', '乐清电气产业集群通过评审。', ['Enterprise:乐清电气']],
    ['a plan period in quotes', '列入县“十四五”规划。', ['Programme:十四五']],
    [
      "a proposal's title in 《》 is no policy",
      '您提出的《关于支持科创飞地建设的建议》已研究。',
      ['Policy:关于支持科创飞地建设的建议'],
    ],
    ['a title before a meeting', '经局长办公会议研究，院士工作站运行良好。', ['Person:办公会议']],
  ])('must not misfire: %s', (_rule, sentence, wrong) => {
    const found = names(sentence);
    for (const name of wrong) expect(found).not.toContain(name);
    // Nothing but the bodies a sentence names outright is taken for a name.
    expect(found.filter((n) => !/^Organization:(?:省政府|市政府)$/.test(n) && !n.startsWith('Person'))).toEqual([]);
  });
});

const figures = (sentence: string, part: 'done' | 'next') =>
  extractSentence(sentence, { part }).figures.map((f) => [f.kind, f.value, f.unit, f.year]);

describe('targets and results', () => {
  it.each([
    [
      '到YYYY年, before the comma, makes a target',
      '到2025年，全市技术合同成交额突破100亿元。',
      'done',
      [['Commitment', 100, '亿元', 2025]],
    ],
    [
      '计划到YYYY年 makes a target even with 累计',
      '计划到2025年，全市累计建成新型研发机构50家以上。',
      'done',
      [['Commitment', 50, '家', 2025]],
    ],
    [
      '争取 before a noun reports what was obtained',
      '今年以来争取科研经费超1.1亿元。',
      'done',
      [['Achievement', 1.1, '亿元', null]],
    ],
    ['争取 before a verb is a target', '争取实现高新技术企业1000家。', 'done', [['Commitment', 1000, '家', null]]],
    ['a size class', '到2020年，努力将园区打造成为百亿级的工业园区。', 'next', [['Commitment', 100, '亿', 2020]]],
  ] as const)('%s', (_rule, sentence, part, expected) => {
    expect(figures(sentence, part)).toEqual(expected);
  });

  it('targets of a next-steps part take the one year the part speaks of', () => {
    const body =
      '您所提的《关于加快科技企业培育的建议》收悉。现答复如下：\n一、工作进展\n2022年新增科技型中小企业300家。\n二、下一步工作\n今年我们将重点做好以下工作。\n（一）新增科技型中小企业400家以上。\n（二）新建省级孵化器2家。\n感谢您的支持。';
    const { figures: found } = extractLetter(parseText(letterText({ body })));
    expect(found.map((f) => [f.kind, f.value, f.year])).toEqual([
      ['Achievement', 300, null],
      ['Commitment', 400, 2023],
      ['Commitment', 2, 2023],
    ]);
  });

  it('a part that names two years leaves the targets without one to themselves', () => {
    const body =
      '您所提的《关于加快科技企业培育的建议》收悉。现答复如下：\n一、下一步工作\n今年新增科技型中小企业400家以上，2025年达到5000家。\n（一）新建省级孵化器2家。\n感谢您的支持。';
    const { figures: found } = extractLetter(parseText(letterText({ body })));
    expect(found.map((f) => [f.value, f.year])).toEqual([
      [400, 2023],
      [5000, 2025],
      [2, null],
    ]);
  });
});
