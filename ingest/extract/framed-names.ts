import type { Sentence } from '../parse/parse-letter.ts';
import { placesAt } from '../place/place-names.ts';
import { isGenericName } from './generic.ts';
import type { Mention } from './mention.ts';
import { type Token, tokenAt } from './tokens.ts';

/**
 * Schemes named by a coined word the genre writes bare, in a frame that says what it is: a quality word before a
 * place (数字重庆建设), or a four-character motto before the kind of scheme it names (的揭榜挂帅机制 · 省尖兵领雁项目).
 */
export function framedSchemes(sentence: Sentence, tokens: Token[]): Mention[] {
  return [...coinedPlaceSchemes(sentence), ...mottoSchemes(sentence, tokens)];
}

/**
 * 融入数字重庆建设 · 打造智慧澄江: a quality word and a place coin a scheme's name (数字中国, 健康浙江), named as
 * something built, launched or joined. The place must be one the division list knows (ingest/place).
 */
const COINED_SCHEME =
  /(?<quality>数字|智慧|平安|法治|美丽|健康|幸福|文明|绿色|人文|创新)(?<place>[\u4e00-\u9fa5]{2,4}?)(?=建设|行动|战略|品牌|改革)/g;
function coinedPlaceSchemes(sentence: Sentence): Mention[] {
  const mentions: Mention[] = [];
  for (const match of sentence.text.matchAll(COINED_SCHEME)) {
    const { quality, place } = match.groups!;
    const named = placesAt(place, 0, true).some((p) => p.end === place.length);
    if (!named) continue;
    const start = sentence.start + match.index!;
    const name = quality + place;
    mentions.push({ kind: 'Programme', name, start, end: start + name.length, rule: 'cue:coined-place' });
  }
  return mentions;
}

/**
 * “企业出题、政府立题、协同破题”的揭榜挂帅机制 · 省尖兵领雁项目: a motto of two two-character words (揭榜+挂帅,
 * 尖兵+领雁) names the scheme where a quote spells it out before 的, or where a level word grades it as a programme
 * of projects; the kind word is not part of its name. Not a bare 的…机制 (完善的银企对接机制 · 的风险补偿机制 are
 * kinds of mechanism), nor a motto of the lexicon's common words (市重大科技项目).
 */
const MOTTO_SCHEME =
  /(?:(?<=[”"]的)(?<spelled>[\u4e00-\u9fa5]{4})(?=机制|模式)|(?<=省|市|国家)(?<graded>[\u4e00-\u9fa5]{4})(?=项目))/g;
const NOT_IN_MOTTO = /^(?:r|p|c|u|uj|ul|uz|ug|ud|uv|y|m|q|t|f|e|o|d|a|ad)$/;
function mottoSchemes(sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  for (const match of sentence.text.matchAll(MOTTO_SCHEME)) {
    const motto = match.groups!.spelled ?? match.groups!.graded;
    const start = sentence.start + match.index!;
    const first = tokenAt(tokens, start);
    const words = [tokens[first], tokens[first + 1]];
    // Exactly two words of two characters each, the first starting where the motto does.
    if (first === -1 || words.some((w) => !w || w.word.length !== 2) || words[0].start !== start) continue;
    if (words.some((w) => NOT_IN_MOTTO.test(w.tag)) || isGenericName(motto)) continue;
    mentions.push({ kind: 'Programme', name: motto, start, end: start + 4, rule: 'cue:motto' });
  }
  return mentions;
}
