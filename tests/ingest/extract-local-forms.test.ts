import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Rules written on rounds 9 and 10 (j, k) of the written-blind letters, each row in this project's own wording:
 * a name found by the rule, and beside it the sentence where the rule's guard keeps it from firing.
 */
const names = (sentence: string) =>
  extractSentence(sentence, { part: 'done' }).mentions.map((m) => `${m.kind}:${m.name}`);

describe('fields of industry are not firms', () => {
  it.each([
    [
      'items of a list closed by 等 and a word of fields',
      '重点支持工程机械、烟草机械、新材料等领域，已形成动力电池、电机电控、汽车电子、轻量化材料等较为完整的产业集群。',
      ['Enterprise:烟草机械', 'Enterprise:汽车电子', 'Enterprise:工程机械'],
    ],
    [
      'items of a list of fields whose firms are counted (等领域企业)',
      '功能陶瓷、高分子材料、氟硅材料等领域企业众多。',
      ['Enterprise:功能陶瓷', 'Enterprise:高分子材料', 'Enterprise:氟硅材料'],
    ],
    [
      'one dictionary word before 等…企业',
      '已集聚储能电池、正负极材料、电解液等规模以上企业83家。',
      ['Enterprise:电解液'],
    ],
    [
      'one dictionary word ending in a trade word',
      '支持澜城职业技术学院开设生物制药中试专业。',
      ['Enterprise:生物制药'],
    ],
  ])('%s', (_rule, sentence, wrong) => {
    const found = names(sentence);
    for (const name of wrong) expect(found).not.toContain(name);
  });

  it.each([
    [
      'firms listed before 等 and the firms’ word, then a field',
      '支持青山泵业、北渡电子等龙头企业带动产业集群发展。',
      ['Enterprise:青山泵业', 'Enterprise:北渡电子'],
    ],
    [
      "a firm's short name whose head the dictionary tags a common noun",
      '推动新界泵业、星驰电子等规模以上企业建设数字化车间。',
      ['Enterprise:新界泵业', 'Enterprise:星驰电子'],
    ],
  ])('must not misfire: %s', (_rule, sentence, expected) => {
    expect(names(sentence)).toEqual(expect.arrayContaining(expected));
  });
});

describe('names found by the structure round them', () => {
  it.each([
    [
      "a banner's and a prefecture's own party committee and government",
      '近年来，旗委、旗政府立足资源禀赋，州委、州政府将特色产业列为重点。',
      ['Organization:旗委', 'Organization:旗政府', 'Organization:州委', 'Organization:州政府'],
    ],
    [
      'a short name declared with 以下简称 starts after the word',
      '青岭高新技术产业开发区（以下简称青岭高新区）已集聚储能企业12家。',
      ['Platform:青岭高新区'],
    ],
    [
      'a clause verb before a firm, a college and a lab (指导, 开设, 增设, 处于)',
      '指导北渡陶瓷、南河氟材料有限公司等企业构建专利组合，澜城职业技术学院开设生物制药专业。',
      ['Enterprise:北渡陶瓷', 'Organization:澜城职业技术学院'],
    ],
    [
      "a body's last character glued to the preposition after it (局向)",
      '我局已会同市科学技术局向市场监管总局申报筹建。',
      ['Organization:市场监管总局'],
    ],
    [
      'a word the segmenter made of stop words alone (并商) before a body',
      '经认真研究，并商县委人才办、县经济和信息化局，现答复如下。',
      ['Organization:县委人才办'],
    ],
    ['a fund of a region named as such', '设立自治区科技成果转化引导基金。', ['Programme:自治区科技成果转化引导基金']],
    ['a studio named by its craft', '在珠山区设立澜城陶瓷技能大师工作室。', ['Platform:澜城陶瓷技能大师工作室']],
    [
      '指导 right before the kind word is the name’s own',
      '澜城职业教育教学指导委员会审定了课程。',
      ['Organization:澜城职业教育教学指导委员会'],
    ],
  ])('%s', (_rule, sentence, expected) => {
    expect(names(sentence)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    // The level word must open the name: 州 closing a city's name is not a prefecture's level.
    [
      "a city's government named with its place",
      '苏州政府高度重视，郑州委组织部牵头。',
      ['Organization:州政府', 'Organization:州委'],
    ],
    [
      'a verb or a declaring word taken into a name',
      '青岭高新技术产业开发区（以下简称青岭高新区）指导北渡陶瓷发展，支持在上海增设飞地，技术仍处于实验室阶段。',
      ['Platform:以下简称青岭高新区', 'Enterprise:指导北渡陶瓷', 'Platform:上海增设飞地', 'Platform:处于实验室'],
    ],
    [
      'divisions where sites stand, listed (、) after a building verb or joined (和) after a zone',
      '在历下区、槐荫区建成泉城质量服务驿站，产业主要集聚在合肥高新区、蜀山区和肥西县。',
      ['Platform:历下区、槐荫区', 'Platform:蜀山区和肥西县'],
    ],
    [
      'a class of funds opened by a level and 以上',
      '力争争取自治区以上预算内投资和专项债券资金3亿元以上，省以上专项资金1亿元。',
      ['Programme:自治区以上预算内投资和专项债券资金', 'Programme:省以上专项资金'],
    ],
    ['a verb glued to a body by the segmenter', '经认真研究，并商县委人才办研究。', ['Organization:商县委人才办']],
    [
      'studios of a grade, counted',
      '全市已有省级技能大师工作室12个、市级技能大师工作室30个。',
      ['Platform:省级技能大师工作室', 'Platform:技能大师工作室', 'Platform:市级技能大师工作室'],
    ],
    [
      'two bodies joined by a glued preposition',
      '我局已会同市科学技术局向市场监管总局申报筹建。',
      ['Organization:市科学技术局向市场监管总局'],
    ],
  ])('must not misfire: %s', (_rule, sentence, wrong) => {
    const found = names(sentence);
    for (const name of wrong) expect(found).not.toContain(name);
  });
});
