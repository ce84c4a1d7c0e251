import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { withRepeatedNames } from '../../ingest/extract/repeats.ts';
import { letterText, parseText } from '../helpers/parse.ts';

/** Names one letter marks are looked for bare in the others of the batch; a body relative to its own place is not. */
const letter = (sentence: string, source: string) =>
  extractLetter(
    parseText(
      letterText({ body: `您所提的《关于加快建设西部科学城的建议》收悉。现答复如下：\n${sentence}\n感谢您的支持。` }),
      source,
    ),
  );
const names = (sentence: string, other: string) =>
  withRepeatedNames([letter(other, 'a.txt'), letter(sentence, 'b.txt')])[1]
    .mentions.filter((m) => m.rule === 'repeat')
    .map((m) => `${m.kind}:${m.name}`);

describe('names taught by one letter to the others', () => {
  it('a quoted scheme of one letter is found bare in another', () => {
    expect(names('推广星火燎原经验。', '实施“星火燎原”计划。')).toEqual(['Programme:星火燎原']);
  });

  it('must not find a taught name cut out of longer words (加强科技 · 科技贷款)', () => {
    expect(names('加强科技金融服务，为企业发放科技贷款5亿元。', '推广“科技贷”产品，坚持“强科技”导向。')).toEqual([]);
  });

  it('the government of one letter’s place is not looked for inside another’s (深圳市政府)', () => {
    expect(names('澄州市政府高度重视创新引领。', '经市政府同意后印发实施。')).toEqual([]);
  });

  it('must not find a taught name that qualifies the word after it (地位 · 规划 · 试点)', () => {
    expect(names('巩固星火燎原地位，编制星火燎原规划，入选星火燎原试点。', '实施“星火燎原”计划。')).toEqual([]);
  });
});
