import { describe, expect, it } from 'vitest';
import { extractSentence } from '../helpers/extract.ts';

/**
 * Sites named with no suffix the table knows (issue 20, names without a known ending): the letter marks them by
 * the verb that builds or hosts them and by the place they open with, or by a named platform they are listed after.
 * Sentences written for this test; the places are real (the division list must know them), the sites invented.
 */
const found = (sentence: string) => extractSentence(sentence).mentions.map((m) => `${m.kind}:${m.name}`);

describe('a site named by its place and its own words', () => {
  it.each([
    ['an island of a field, built by a city', '支持建德市建设建德新安数字岛，引进企业。', ['Platform:建德新安数字岛']],
    [
      'a zone after 规划建设, a zone after 在 and before the next verb',
      '规划建设建德数据要素先导区，在澄江台商投资区布局中试基地。',
      ['Platform:建德数据要素先导区', 'Platform:澄江台商投资区'],
    ],
    [
      'a belt listed after a named park, under the same verb',
      '依托澄江高新技术产业园区和澄湖南路软件产业带，集聚企业。',
      ['Platform:澄江高新技术产业园区', 'Platform:澄湖南路软件产业带'],
    ],
  ])('%s', (_why, sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });

  it.each([
    ['a kind of site with no place', '规划建设数据要素先导区，开展试点。'],
    ['a district itself, where a thing is built', '在杭州市西湖区建设数据要素平台。'],
    ['an area of a city', '在建德市新安片区布局企业。'],
    ['a kind of site listed after a named park', '依托澄江高新技术产业园区和软件产业带，集聚企业。'],
  ])('must not find a site: %s', (_why, sentence) => {
    expect(found(sentence).filter((n) => !/^Platform:澄江高新技术产业园区$/.test(n))).toEqual([]);
  });
});
