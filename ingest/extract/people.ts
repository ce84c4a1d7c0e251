import type { Sentence } from '../parse/parse-letter.ts';
import { NOT_PERSON_NAMES, PERSON_TITLES } from '../rules/roles.ts';
import type { Mention } from './mention.ts';
import type { Token } from './tokens.ts';

const TITLES = new Set(PERSON_TITLES);

/** People named in running text by name and title: 按照王浩省长关于… → 王浩 (省长). */
export function peopleIn(sentence: Sentence, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  tokens.forEach((token, index) => {
    if (!TITLES.has(token.word) || token.start < sentence.start || token.end > sentence.end) return;
    let from = index;
    // nr is jieba's person-name tag; a name its dictionary lacks comes from its HMM tagged x (王浩).
    const namePart = (t: Token) => t.tag.startsWith('nr') || (t.tag === 'x' && /^[\u4e00-\u9fa5]{2,3}$/.test(t.word));
    while (from > 0 && namePart(tokens[from - 1]) && index - from < 3) from--;
    if (from === index) return;
    const name = tokens.slice(from, index).map((t) => t.word).join('');
    if (name.length < 2 || name.length > 4 || NOT_PERSON_NAMES.test(name) || !/^[\u4e00-\u9fa5]+$/.test(name)) return;
    mentions.push({ kind: 'Person', name, start: tokens[from].start, end: token.start, rule: 'person:title', props: { role: token.word } });
  });
  return mentions;
}
