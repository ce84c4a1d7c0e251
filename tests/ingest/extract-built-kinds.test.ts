import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Issue 20, written on rounds 6, 9 and 10 (g, j, k; in-sample now), each row in this project's own wording: what a
 * verb of building makes is a kind of site when it is field words and a generic head, and a name when it has a part
 * of its own (a place, a level, a coined word, a quote) or when the letter says it is built already.
 */
const names = (sentence: string) =>
  extractSentence(sentence, { part: 'done' }).mentions.map((m) => `${m.kind}:${m.name}`);

describe('a kind of site after a verb of building', () => {
  it.each([
    [
      'field words and 平台 after 建设',
      '我委将支持各园区建设储能电池检测公共服务平台，服务中小企业。',
      'Platform:储能电池检测公共服务平台',
    ],
    ['field words and 中试平台 after 布局', '在青岭经济技术开发区布局稀土永磁中试平台。', 'Platform:稀土永磁中试平台'],
    ['field words and 基地 after a count', '全县新建3个牦牛良种繁育基地。', 'Platform:牦牛良种繁育基地'],
    [
      'field words and 驿站 after 布设, repeated after 建成',
      '（三）布设质量服务驿站。今年已建成质量服务驿站两个。',
      'Platform:质量服务驿站',
    ],
  ])('is not a name: %s', (_rule, sentence, wrong) => {
    expect(names(sentence)).not.toContain(wrong);
  });

  it.each([
    ['a place opens it', '支持青岭市建设青岭市储能电池中试平台。', 'Platform:青岭市储能电池中试平台'],
    ['a coined word opens it', '在北渡片区建设瓷韵数字经济园区。', 'Platform:瓷韵数字经济园区'],
    [
      'built already (建成), not a kind to build',
      '我局建成交通运行监测调度平台，实时监测全市路网。',
      'Platform:交通运行监测调度平台',
    ],
  ])('is a name: %s', (_rule, sentence, name) => {
    expect(names(sentence)).toContain(name);
  });
});

describe('where a name without a place-word suffix starts', () => {
  it.each([
    [
      '协同创新 (collaborative innovation) is a word of the name',
      '依托澜江生物医药协同创新走廊，共建联合实验室6个。',
      'Platform:澜江生物医药协同创新走廊',
    ],
    [
      'a word the segmenter tags as a number without a numeral (良种/m)',
      '澜江区牦牛良种繁育基地向农牧民供种600头。',
      'Platform:澜江区牦牛良种繁育基地',
    ],
  ])('is found whole: %s', (_rule, sentence, name) => {
    expect(names(sentence)).toContain(name);
  });

  it.each([
    ['协同 before other words is the verb', '推动高校协同产业创新走廊建设。', 'Platform:高校协同产业创新走廊'],
    ['a number still opens no name', '全县已建成3个澜江良种繁育基地。', 'Platform:3个澜江良种繁育基地'],
  ])('must not misfire: %s', (_rule, sentence, wrong) => {
    expect(names(sentence)).not.toContain(wrong);
  });
});

describe('a zone serving as a platform', () => {
  it('is named by the zone, without the word 平台 after its head', () => {
    const found = names('依托澜江承接产业转移示范区平台，引进配套项目17个。');
    expect(found).toContain('Platform:澜江承接产业转移示范区');
    expect(found).not.toContain('Platform:澜江承接产业转移示范区平台');
  });

  it('a platform named after other words keeps its 平台', () => {
    expect(names('依托澜江科技大市场服务平台，发布需求120项。')).toContain('Platform:澜江科技大市场服务平台');
  });
});

describe('a heading that asks about building a kind (关于…建设)', () => {
  it('names the kind, not a thing', () => {
    expect(names('（五）关于药材种植示范基地建设。该事项主要由市农业农村局负责。')).not.toContain(
      'Platform:药材种植示范基地',
    );
  });

  it('a place opening the object names the thing', () => {
    expect(names('（五）关于南阳市艾草种植示范基地建设。该事项由市农业农村局负责。')).toContain(
      'Platform:南阳市艾草种植示范基地',
    );
  });
});

describe('a number split off a place’s own word', () => {
  it('opens the name when a one-character bound word follows it (十里/m 湾/zg)', () => {
    expect(names('其中十里湾人才驿站去年接待求职大学生3100人次。')).toContain('Platform:十里湾人才驿站');
  });

  it('a count before a kind still opens no name', () => {
    expect(names('全县新建三处人才驿站，已有一半人才驿站投入运营。')).not.toContain('Platform:三处人才驿站');
    expect(names('已有一半人才驿站投入运营。')).not.toContain('Platform:一半人才驿站');
  });
});
