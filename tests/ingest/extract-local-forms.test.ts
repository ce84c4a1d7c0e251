import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Rules written on rounds 9 and 10 (j, k) of the written-blind letters, each row in this project's own wording:
 * a name found by the rule, and beside it the sentence where the rule's guard keeps it from firing.
 */
const names = (sentence: string) =>
  extractSentence(sentence, { part: 'done' }).mentions.map((m) => `${m.kind}:${m.name}`);

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
      'two bodies joined by a glued preposition',
      '我局已会同市科学技术局向市场监管总局申报筹建。',
      ['Organization:市科学技术局向市场监管总局'],
    ],
  ])('must not misfire: %s', (_rule, sentence, wrong) => {
    const found = names(sentence);
    for (const name of wrong) expect(found).not.toContain(name);
  });
});
