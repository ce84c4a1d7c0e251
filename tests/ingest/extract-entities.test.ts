import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

const found = (sentence: string) => extractSentence(sentence).mentions.map((m) => `${m.kind}:${m.name}`);

describe('entities in running text', () => {
  it.each([
    [
      'the left edge after a verb',
      '累计引进香港理工大学温州研究院等高能级科创平台68家。',
      ['Platform:香港理工大学温州研究院'],
    ],
    [
      'two names joined by 和, and a slogan',
      '瓯江实验室和激光智能装备技术创新中心列入全省“双十”布局。',
      ['Platform:瓯江实验室', 'Platform:激光智能装备技术创新中心', 'Programme:双十'],
    ],
    [
      '和 inside a name, and 省部共建',
      '建成省部共建眼视光学和视觉科学国家重点实验室。',
      ['Platform:省部共建眼视光学和视觉科学国家重点实验室'],
    ],
    [
      '与 inside a name',
      '充分发挥大分子药物与规模化制备全国重点实验室的引领作用。',
      ['Platform:大分子药物与规模化制备全国重点实验室'],
    ],
    ['a person by title', '按照王浩省长关于科创平台的指示要求推进。', ['Person:王浩']],
    [
      'a list of slogans in one quote whose parts also stand quoted alone',
      '深化科技企业“双倍增”“双迈进”行动。深入实施“双倍增、双迈进”行动。',
      ['Programme:双倍增', 'Programme:双迈进', 'Programme:双倍增', 'Programme:双迈进'],
    ],
    [
      'a list of slogans in one quote, its parts nowhere else: one scheme in two halves',
      '构建“一城引领、五区协同”的发展格局。',
      ['Programme:一城引领、五区协同'],
    ],
    [
      'an enterprise named as one of a category',
      '中国眼谷集聚兴齐眼药等科技企业250家。',
      ['Platform:中国眼谷', 'Enterprise:兴齐眼药'],
    ],
    ['an enterprise by suffix', '正泰集团荣获浙江知识产权大奖。', ['Enterprise:正泰集团']],
    ['a programme with a bracket', '深入实施首台（套）提升工程。', ['Programme:首台（套）提升工程']],
    ['a platform with a bracket', '发布中国（温州）新光谷规划。', ['Platform:中国（温州）新光谷']],
    ['a quoted platform by context', '强化“浙江知识产权在线”平台功能。', ['Platform:浙江知识产权在线']],
    ['a quoted programme by context', '以企业真实需求为牵引开展“揭榜挂帅”技术攻关。', ['Programme:揭榜挂帅']],
    [
      'organisations of another city',
      '成都市科学技术局联合四川大学共建天府实验室。',
      ['Organization:成都市科学技术局', 'Organization:四川大学', 'Platform:天府实验室'],
    ],
    ['a government body by suffix', '入选科技部国家自创区改革创新典型案例。', ['Organization:科技部']],
    [
      'a leading 省 that is not part of the name is dropped',
      '用好省激光智能装备技术创新中心。',
      ['Platform:激光智能装备技术创新中心'],
    ],
    [
      'an institute with a company’s name, and 中国科学院',
      '引进阿里巴巴达摩院、中国科学院等单位。',
      ['Platform:阿里巴巴达摩院', 'Organization:中国科学院'],
    ],
    [
      'a corridor and a department of another province',
      '推动杭州城西科创大走廊建设，会同省发展改革委推进。',
      ['Platform:杭州城西科创大走廊', 'Organization:省发展改革委'],
    ],
  ])('%s', (_name, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    ['categories of enterprise', '培育高新技术企业和龙头企业，壮大科技型中小企业。'],
    ['categories of platform', '争创省实验室，推动新型研发机构和高能级科创平台建设。'],
    ['generic centres', '推进概念验证中心、小试中试基地等公共服务平台建设。'],
    ['a counted category', '培育技术转移转化中心56家。'],
    ['a saying in quotes', '按照“该不该、行不行、好不好”的指示要求推进。'],
    ['a quoted word that names nothing', '攻克一批“卡脖子”技术。'],
    ['格局 is not an office', '形成全域孵化格局。'],
    ['年内 opens no name', '力争年内新增科技企业孵化器5家。'],
    ['a polite 贵委会 is not a department', '感谢贵委会对科技工作的关心和支持。'],
    ['a verb phrase before a suffix', '大力发展中试平台和技术经纪人队伍。'],
  ])('must not find: %s', (_name, sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it('a policy title with its document number, and a short back-reference', () => {
    const { mentions } = extractSentence(
      '继续执行《关于进一步加快现代服务业高质量发展的若干政策意见》（温政发〔2023〕6号）文件。',
    );
    expect(mentions).toMatchObject([
      {
        kind: 'Policy',
        name: '关于进一步加快现代服务业高质量发展的若干政策意见',
        props: { docNumber: '温政发〔2023〕6号' },
      },
    ]);
  });

  it('every mention is the text at its offsets', () => {
    const sentence = '累计引进香港理工大学温州研究院等高能级科创平台68家，中国眼谷集聚兴齐眼药等科技企业250家。';
    const { mentions } = extractSentence(sentence);
    expect(mentions.length).toBe(3);
    for (const m of mentions) expect(sentence).toContain(m.name);
  });
});
