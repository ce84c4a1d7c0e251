import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../ingest/parse/sentences.ts';
import { letterText, parseSeed, parseText } from '../helpers/parse.ts';
import { SEED_FILES } from '../helpers/seeds.ts';

const outline = (letter: Awaited<ReturnType<typeof parseSeed>>) =>
  letter.sections
    .filter((s) => s.markerType !== 'item')
    .map((s) => `${'  '.repeat(s.level - 1)}${s.marker}${s.title.text} [${s.part}]`);

describe('sections', () => {
  it('000: two top headings, the second the next-steps part, each with numbered sub-headings and 一是 items', async () => {
    const letter = await parseSeed('000');
    expect(outline(letter)).toEqual([
      '一、创新型城市建设基本情况 [done]',
      '  （一）推动平台量质提升，赋能产业发展 [done]',
      '  （二）强化企业创新能力，提升硬核实力 [done]',
      '  （三）开展大孵化器集群建设，筑巢引育人才 [done]',
      '  （四）构建最优科创生态，打响创新品牌 [done]',
      '二、下一步工作计划 [next]',
      '  （一）以贯彻落实科技立法为核心，突出企业创新主体地位，深化产业链和创新链有机联动 [next]',
      '  （二）以大孵化集群战略为牵引，完善科教融汇机制，推动创新链和产业链精准对接 [next]',
      '  （三）以建设公共平台为依托，优化科技创新公共服务，建立创新链和产业链共享机制 [next]',
      '  （四）以教科人一体推进为抓手，推动产教深度融合，强化产业链和人才链融合发展 [next]',
      '  （五）以科技金融融合发展为核心 [next]',
    ]);
    const items = letter.sections.filter((s) => s.markerType === 'item' && s.parent === 6);
    expect(items.map((s) => s.title.text)).toEqual([
      '推进科技条例落地落实',
      '提升企业技术创新能力',
      '发展特色优势产业集群',
    ]);
  });

  it('001: a slipped marker （2） after （一） is read as its sibling', async () => {
    const letter = await parseSeed('001');
    const second = letter.sections.find((s) => s.marker === '（2）')!;
    expect(second.level).toBe(2);
    expect(letter.sections[second.parent!].marker).toBe('一、');
  });

  it('004: "1、" followed by "二、" are siblings at the top', async () => {
    expect(outline(await parseSeed('004')).slice(0, 3)).toEqual([
      '1、我市推进科创平台建设的工作举措及成效 [done]',
      '二、下一步工作计划 [next]',
      '  （一）关于“对我市创新平台进行集中调研分析”的建议 [next]',
    ]);
  });

  it('003: each topic has its own work-done and next-steps sub-sections', async () => {
    const parts = outline(await parseSeed('003')).filter((l) => l.startsWith('  （'));
    expect(parts).toEqual([
      '  （一）工作进展 [done]',
      '  （二）下一步工作计划 [next]',
      '  （一）工作进展 [done]',
      '  （二）下一步工作计划 [next]',
      '  （一）工作进展 [done]',
      '  （二）下一步工作计划 [next]',
    ]);
  });

  it('002: a 下步 line with no heading makes what follows the next-steps part', async () => {
    const letter = await parseSeed('002');
    const before = letter.sentences.find((s) => s.text.startsWith('四是强化护航民营企业'))!;
    const after = letter.sentences.find((s) => s.text.startsWith('一、确保助企政策落地实施'))!;
    expect(before.part).toBe('done');
    expect(after.part).toBe('next');
  });

  it('every section span lies in the body and starts at its marker', async () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const letter = await parseSeed(prefix);
      for (const s of letter.sections) {
        expect(letter.text.slice(s.start).startsWith(s.marker)).toBe(true);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(letter.body.end);
      }
    }
  });

  it.each([
    ['1.56万家 is not a heading', '1.56万家企业参与。'],
    ['1-5月份 is not a heading', '1-5月份全市技术转移转化机构推介成果1281项。'],
    ['a year in brackets is not a heading', '（2023-2025年）行动方案发布。'],
  ])('%s', (_name, line) => {
    const letter = parseText(
      letterText({ body: `您所提的《关于某事的建议》收悉。现答复如下：\n${line}\n感谢您的支持。` }),
    );
    expect(letter.sections).toEqual([]);
  });
});

describe('sentences', () => {
  it.each(SEED_FILES.map((f) => f.slice(0, 3)))('%s: every sentence is the text at its offsets', async (prefix) => {
    const letter = await parseSeed(prefix);
    expect(letter.sentences.length).toBeGreaterThan(20);
    for (const s of letter.sentences) expect(letter.text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ['splits on 。；！？', '甲。乙；丙！丁？', ['甲。', '乙；', '丙！', '丁？']],
    ['splits at line ends', '一、标题\n正文。', ['一、标题', '正文。']],
    ['does not split inside 《》', '印发《关于A。B的意见》。再一句。', ['印发《关于A。B的意见》。', '再一句。']],
    ['does not split inside “”', '推动“征集一批；路演一批”工作。完', ['推动“征集一批；路演一批”工作。', '完']],
    ['keeps a stray closing quote after the stop', '达到标准。”然后。', ['达到标准。”', '然后。']],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });
});
