import type { Sentence } from '../parse/parse-letter.ts';
import { NOT_PERSON_NAMES, PERSON_TITLES, TITLES_BEFORE_NAME } from '../rules/roles.ts';
import type { Mention } from './mention.ts';
import type { Token } from './tokens.ts';

const TITLES = new Set(PERSON_TITLES);

// nr is jieba's person-name tag; a name its dictionary lacks comes from its HMM tagged x (王浩).
const namePart = (t: Token) => t.tag.startsWith('nr') || (t.tag === 'x' && /^[\u4e00-\u9fa5]{2,3}$/.test(t.word));

/**
 * People named in running text by name and title, in either order:
 * 按照王浩省长关于… → 王浩 (省长) · 习近平总书记 · 市委书记李国胜调研 → 李国胜 (市委书记).
 */
export function peopleIn(sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  tokens.forEach((token, index) => {
    if (!TITLES.has(token.word) || token.start < sentence.start || token.end > sentence.end) return;
    // 王建军副市长: the segmenter splits 副 off the title; the name stands before it.
    const deputy = index > 0 && /^(?:常务)?副$/.test(tokens[index - 1].word) ? 1 : 0;
    const at = index - deputy;
    let from = at;
    while (from > 0 && namePart(tokens[from - 1]) && at - from < 3) from--;
    // 吴/nr 海波/n 教授: a one-character surname the segmenter tagged as a name, and a given name it took for a word.
    const surname = tokens[at - 2];
    const given = tokens[at - 1];
    if (
      from === at &&
      surname &&
      given &&
      surname.tag === 'nr' &&
      surname.word.length === 1 &&
      given.word.length <= 2 &&
      /^[\u4e00-\u9fa5]+$/.test(given.word) &&
      !TITLES.has(given.word)
    )
      from = at - 2;
    if (from === at) {
      const after = titleThenName(tokens, index, sentence.end);
      if (after) mentions.push(after);
      return;
    }
    const name = tokens
      .slice(from, at)
      .map((t) => t.word)
      .join('');
    if (name.length < 2 || name.length > 4 || NOT_PERSON_NAMES.test(name) || !/^[\u4e00-\u9fa5]+$/.test(name)) return;
    const role = deputy ? `${tokens[index - 1].word}${token.word}` : token.word;
    mentions.push({
      kind: 'Person',
      name,
      start: tokens[from].start,
      end: tokens[at - 1].end,
      rule: 'person:title',
      props: { role },
    });
  });
  return mentions;
}

/** 市委书记李国胜 · 副市长张伟强: a title before one name-shaped word (2–3 characters) and then no more of a name. */
function titleThenName(tokens: Token[], index: number, sentenceEnd: number): Mention | null {
  const title = tokens[index];
  const next = tokens[index + 1];
  if (!TITLES_BEFORE_NAME.has(title.word) || !next || next.end > sentenceEnd) return null;
  // 李国胜到: the segmenter may glue the next word's 到/在 to the name.
  const name =
    next.tag === 'x' && next.word.length === 4 && /[到在赴来去和与]$/.test(next.word)
      ? next.word.slice(0, 3)
      : next.word;
  if (!namePart({ ...next, word: name }) || !/^[\u4e00-\u9fa5]{2,3}$/.test(name) || NOT_PERSON_NAMES.test(name))
    return null;
  // 副市长 is written 副 + 市长 (常务副 + 市长, 高级 + 农艺师) by the segmenter: the role keeps its first word.
  const role = /^(?:(?:常务)?副|高级)$/.test(tokens[index - 1]?.word ?? '')
    ? `${tokens[index - 1].word}${title.word}`
    : title.word;
  return {
    kind: 'Person',
    name,
    start: next.start,
    end: next.start + name.length,
    rule: 'person:title-before',
    props: { role },
  };
}
