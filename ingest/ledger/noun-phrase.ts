import { type Token, tokenize } from '../extract/tokens.ts';
import { LEDGER_WORDS as W } from './lexicon.ts';

/**
 * The counted noun phrase on either side of a figure's number. Words come from
 * jieba, so a lead word of the lexicon counts only where a word ends
 * (共建 is not 共 + 建); the words themselves are in ingest/lexicon/indicators.json.
 */
const QUOTES = /[“”"‘’'《》「」]/g;
const OPENERS = /^[（(、，,和及与]+|[（(、和及]+$/g;
const YEAR_IN = /(?:到|至)?(20\d\d)\s*年(?:度|底)?/g;
// jieba's tags for adverbs, time words, pronouns, prepositions, conjunctions and particles.
const STOP_TAGS = new Set(['d', 't', 'r', 'p', 'c', 'u']);

type NounBefore = { noun: string; scope: string; follows: boolean; endsWithVerb: boolean };
type NounAfter = { noun: string; scope: string; length: number };

/**
 * Both readings are functions of the words alone, and each segments its words with jieba again: the same words
 * (a clause's opening, a unit and its noun: 家|高新技术企业) recur across a letter's figures and across letters,
 * so each is kept, up to a bound, and given again frozen.
 */
const KEPT = 20_000;
const before = new Map<string, Readonly<NounBefore>>();
const after = new Map<string, Readonly<NounAfter>>();

function kept<T extends object>(map: Map<string, Readonly<T>>, text: string, read: (text: string) => T): Readonly<T> {
  let found = map.get(text);
  if (!found) {
    if (map.size >= KEPT) map.clear();
    map.set(text, (found = Object.freeze(read(text))));
  }
  return found;
}

/** The noun phrase before the number: after the last lead word, closing words and scope words taken off. */
export function nounBefore(text: string): Readonly<NounBefore> {
  return kept(before, text, readNounBefore);
}

/** The noun phrase after the number (培育40家|市级产教融合型企业): up to a lead word, a number, 的, 和 or the clause's end. */
export function nounAfter(text: string): Readonly<NounAfter> {
  return kept(after, text, readNounAfter);
}

function readNounBefore(text: string): NounBefore {
  let rest = text
    .replace(QUOTES, '')
    .replace(/\s/g, '')
    .replace(/（[^）]*$|\([^)]*$/, (m) => m.slice(1));
  rest = rest
    .replace(YEAR_IN, '')
    .replace(/\d+\s*[-—–~至]\s*\d+\s*月份?/g, '')
    .replace(OPENERS, '');
  // 1—|2个: the low end of a range; 第三批|9个, 首批: an ordinal, the noun follows.
  rest = rest.replace(/\d+(?:\.\d+)?[—\-–－~～至到]$/, '').replace(/(?:首批|第[一二三四五六七八九十\d]+批)$/, '');
  for (let trimmed = true; trimmed;) {
    trimmed = false;
    for (const word of W.closingWords) {
      if (rest.endsWith(word)) {
        rest = rest.slice(0, -word.length);
        trimmed = true;
        break;
      }
    }
  }
  rest = rest.replace(OPENERS, '');
  const tokens = tokenize(rest);
  const cut = lastLeadWordEnd(rest, tokens);
  const endsWithVerb = tokens.length > 0 && tokens[tokens.length - 1].tag === 'v';
  if (cut === rest.length || W.nounFollows.some((w) => rest.endsWith(w)))
    return { noun: '', scope: '', follows: rest.length > 0, endsWithVerb };
  // 兴齐眼药等科技企业: the examples before 等 are not what is counted.
  const phrase = rest.slice(cut).replace(/^.*等(?=[^等]{2,}$)/, '');
  return { ...takeScope(phrase.replace(OPENERS, '')), follows: false, endsWithVerb };
}

function readNounAfter(text: string): NounAfter {
  let rest = text;
  for (const word of W.trailingWords) if (rest.startsWith(word)) rest = rest.slice(word.length);
  const skipped = text.length - rest.length;
  const stop = firstLeadWordStart(rest.replace(QUOTES, (q) => ' '.repeat(q.length)));
  const phrase = rest.slice(0, stop);
  const end = /[的和及]|[^\u4e00-\u9fa5A-Za-z“”"]/.exec(phrase)?.index ?? phrase.length;
  // 7家企业贷款|到期正常还款, 68家高能级科创平台|自我造血功能不强: an adverb, time word or pronoun ends the noun.
  const stopAt = tokenize(phrase.slice(0, end)).find((token, i) => i > 0 && STOP_TAGS.has(token.tag[0]));
  const taken = phrase.slice(0, stopAt ? stopAt.start : end);
  return { ...takeScope(taken.replace(QUOTES, '').replace(OPENERS, '')), length: skipped + taken.length };
}

function takeScope(phrase: string): { noun: string; scope: string } {
  let noun = phrase;
  let scope = '';
  for (let found = true; found;) {
    found = false;
    for (const word of W.scopes) {
      if (noun.startsWith(word) && noun.length >= word.length) {
        scope = scope || (W.scopeLabel.get(word) ?? '');
        noun = noun.slice(word.length);
        found = true;
        break;
      }
    }
  }
  return { noun, scope };
}

/** Offsets at which jieba's words begin or end: a lead word counts only on such boundaries (共建 is not 共 + 建). */
function boundaries(text: string, tokens = tokenize(text)): Set<number> {
  const set = new Set<number>([0, text.length]);
  for (const token of tokens) {
    set.add(token.start);
    set.add(token.end);
  }
  return set;
}

function lastLeadWordEnd(text: string, tokens: Token[]): number {
  const bounds = boundaries(text, tokens);
  let best = 0;
  for (const word of W.leadWords) {
    for (let at = text.lastIndexOf(word); at >= 0; at = at === 0 ? -1 : text.lastIndexOf(word, at - 1)) {
      if ((word.length > 1 || bounds.has(at)) && bounds.has(at + word.length)) {
        best = Math.max(best, at + word.length);
        break;
      }
    }
  }
  return best;
}

function firstLeadWordStart(text: string): number {
  const bounds = boundaries(text);
  let best = text.length;
  for (const word of W.leadWords) {
    for (let at = text.indexOf(word); at >= 0 && at < best; at = text.indexOf(word, at + 1)) {
      if (at > 0 && bounds.has(at) && (word.length > 1 || bounds.has(at + word.length))) {
        best = at;
        break;
      }
    }
  }
  return best;
}
