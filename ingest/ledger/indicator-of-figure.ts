import { type Token, tokenize } from '../extract/tokens.ts';
import { LEDGER_WORDS as W, canonicalNoun, dimensionOf, isKnownNoun } from './lexicon.ts';

/**
 * What a figure measures, read from its own clause:
 *   2024年新增|高新技术企业|600家以上 → 高新技术企业, increment, count (家)
 *   省科技型中小企业|累计|1.56万家   → 科技型中小企业, cumulative
 *   培育|40家|市级产教融合型企业       → the noun after the number
 *   其中|省级|11家                     → the noun of the figure before, scope 省级
 * The noun phrase starts after the last lead word (a verb or marker of the
 * lexicon) on a jieba word boundary; scope words in front of it become the
 * scope; synonyms map it to one canonical noun. A noun too short or too
 * generic (企业, 项目) gives no indicator: better no match than a wrong one.
 */
export type Measure = 'increment' | 'cumulative' | 'rate' | 'unspecified';

/** The parts of an extracted figure the ledger reads (offsets into the letter's text). */
export interface LedgerFigure {
  kind: 'Commitment' | 'Achievement';
  value: number;
  unit: string;
  qualifier: string | null;
  year: number | null;
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
}

export interface FigureIndicator {
  /** Same key, same indicator, across letters and years. */
  key: string;
  name: string;
  noun: string;
  scope: string;
  measure: Measure;
  dimension: string;
  /** The unit `value` is in: the dimension's base, or the figure's own unit for counts. */
  unit: string;
  value: number;
  /** The year the figure is for (a target's year, a result's year), null when the letter does not say. */
  forYear: number | null;
  /** How the noun was found: before the number, after it, or from the figure before (其中…, 累计…). */
  rule: 'noun-before' | 'noun-after' | 'noun-inherited';
}

interface Context {
  noun: string;
  scope: string;
  measure: Measure;
  dimension: string;
  /** Where the previous figure's clause starts and where its noun ends, relative to the sentence. */
  clauseStart: number;
  consumedUntil: number;
}

const QUOTES = /[“”"‘’'《》「」]/g;
const OPENERS = /^[（(、，,和及与]+|[（(、和及]+$/g;
const YEAR_IN = /(?:到|至)?(20\d\d)\s*年(?:度|底)?/g;
const RESULT_YEAR = /(?<![-—–－~\d])(?<year>20\d\d)\s*年(?!\s*[-—–－])|(?<last>去年|上年)|今年|本年|年内|当年/g;

/** The indicators of one sentence's figures (sorted by position), null where none can be named with confidence. */
export function indicatorsOfSentence(sentence: { start: number; text: string }, figures: LedgerFigure[], letterYear: number | null, carriedYear: number | null = null): Array<FigureIndicator | null> {
  let previous: Context | null = null;
  return figures.map((figure) => {
    const found = nounOf(sentence.text, figure, sentence.start, previous);
    const dimension = dimensionOf(figure.unit);
    if (!found || !dimension || (found.rule === 'noun-inherited' && previous!.clauseStart === found.clauseStart && previous!.dimension !== dimension.name)) {
      previous = null;
      return null;
    }
    const noun = canonicalNoun(found.noun);
    const wholeBefore = sentence.text.slice(found.clauseStart, figure.numberStart - sentence.start);
    let measure = measureOf(wholeBefore, noun, figure.unit);
    const inherits = found.enumerated || found.rule === 'noun-inherited';
    if (measure === 'unspecified' && previous && inherits && (previous.measure === 'increment' || previous.measure === 'cumulative')) measure = previous.measure;
    const forYear = forYearOf(figure, sentence.text.slice(0, figure.numberStart - sentence.start), wholeBefore, letterYear) ?? (figure.kind === 'Achievement' ? carriedYear : null);
    // A promise, or a result for a named year, with no word for a running total counts what is added.
    if (measure === 'unspecified' && (figure.kind === 'Commitment' || forYear !== null)) measure = 'increment';
    if (!(isKnownNoun(noun) || (noun.length >= W.minNameLength && !W.generic.has(noun) && /[\u4e00-\u9fa5]{2}/.test(noun)))) {
      previous = null;
      return null;
    }
    previous = { noun, scope: found.scope, measure, clauseStart: found.clauseStart, consumedUntil: found.consumedUntil, dimension: dimension.name };
    const unit = dimension.base || figure.unit;
    const value = Math.round(figure.value * dimension.factor * 1e6) / 1e6;
    const label = (measure === 'increment' ? '新增' : measure === 'cumulative' ? '累计' : '') + found.scope + noun;
    return {
      key: `${found.scope}${noun}|${measure}|${dimension.name}`, name: `${label}（${unit}）`, noun, scope: found.scope, measure,
      dimension: dimension.name, unit, value, forYear, rule: found.rule,
    };
  });
}

interface FoundNoun {
  noun: string;
  scope: string;
  rule: FigureIndicator['rule'];
  clauseStart: number;
  consumedUntil: number;
  /** The figure's clause follows a 、: it shares the measure of the one before. */
  enumerated: boolean;
}

/** The counted noun of a figure: before the number, else after it, else the noun of the figure before (其中省级…, 累计达…). */
function nounOf(text: string, figure: LedgerFigure, offset: number, previous: Context | null): FoundNoun | null {
  const clauseStart = figure.start - offset;
  const numberAt = figure.numberStart - offset;
  const numberEnd = figure.numberEnd - offset;
  const sameClause = previous !== null && previous.clauseStart === clauseStart;
  const from = sameClause ? Math.max(clauseStart, previous!.consumedUntil) : clauseStart;
  const before = text.slice(from, numberAt);
  const enumerated = text[clauseStart - 1] === '、';
  const base = { clauseStart, consumedUntil: numberEnd, enumerated };
  // 第31位, 排名第…: a rank, not a count.
  if (/第\s*$/.test(before)) return null;
  const own = nounBefore(before);
  const after = own.scope && !own.noun ? null : nounAfter(text.slice(numberEnd, figure.end - offset));
  // 推动新型研发机构实施|10项|标志性产业化项目: a verb just before the number takes the noun after it, when there is one.
  const useAfter = after?.noun && (!own.noun || own.endsWithVerb);
  if (useAfter) return { ...base, noun: after.noun, scope: after.scope, rule: 'noun-after', consumedUntil: numberEnd + after.length };
  if (own.noun) return { ...base, noun: own.noun, scope: own.scope, rule: 'noun-before' };
  const continues = sameClause || own.scope !== '' || /其中/.test(before) || enumerated || W.cumulative.some((w) => before.includes(w));
  if (previous && continues && !own.follows) return { ...base, noun: previous.noun, scope: own.scope || (sameClause ? previous.scope : ''), rule: 'noun-inherited' };
  return null;
}

/** The noun phrase before the number: after the last lead word, closing words and scope words taken off. */
function nounBefore(text: string): { noun: string; scope: string; follows: boolean; endsWithVerb: boolean } {
  let rest = text.replace(QUOTES, '').replace(/\s/g, '').replace(/（[^）]*$|\([^)]*$/, (m) => m.slice(1));
  rest = rest.replace(YEAR_IN, '').replace(/\d+\s*[-—–~至]\s*\d+\s*月份?/g, '').replace(OPENERS, '');
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
  if (cut === rest.length || W.nounFollows.some((w) => rest.endsWith(w))) return { noun: '', scope: '', follows: rest.length > 0, endsWithVerb };
  // 兴齐眼药等科技企业: the examples before 等 are not what is counted.
  const phrase = rest.slice(cut).replace(/^.*等(?=[^等]{2,}$)/, '');
  return { ...takeScope(phrase.replace(OPENERS, '')), follows: false, endsWithVerb };
}

/** The noun phrase after the number (培育40家|市级产教融合型企业): up to a lead word, a number, 的, 和 or the clause's end. */
function nounAfter(text: string): { noun: string; scope: string; length: number } {
  let rest = text;
  for (const word of W.trailingWords) if (rest.startsWith(word)) rest = rest.slice(word.length);
  const skipped = text.length - rest.length;
  const stop = firstLeadWordStart(rest.replace(QUOTES, (q) => ' '.repeat(q.length)));
  const phrase = rest.slice(0, stop);
  const end = /[的和及]|[^\u4e00-\u9fa5A-Za-z“”"]/.exec(phrase)?.index ?? phrase.length;
  const taken = phrase.slice(0, end);
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

function measureOf(before: string, noun: string, unit: string): Measure {
  if (W.cumulative.some((w) => before.includes(w) || noun.includes(w))) return 'cumulative';
  if (unit === '%' || unit === '％' || W.rate.some((w) => noun.includes(w))) return 'rate';
  if (W.increment.some((w) => before.includes(w))) return 'increment';
  return 'unspecified';
}

/**
 * A target's year is the extractor's, or 到2025年 in its clause. A result's is
 * the nearest year its sentence names before it (今年 → the letter's year,
 * 去年 → the year before; 2024-2027年 is a span, not a year); null when none.
 */
function forYearOf(figure: LedgerFigure, sentenceBefore: string, clauseBefore: string, letterYear: number | null): number | null {
  const by = /(?:到|至)(20\d\d)\s*年/.exec(clauseBefore);
  if (figure.kind === 'Commitment') return figure.year ?? (by ? Number(by[1]) : null);
  return yearNamedIn(sentenceBefore, letterYear);
}

/** The last year a text names (2024年, 今年, 去年), or null: 2024年，全市新增…；新认定… carries 2024 over the ；. */
export function yearNamedIn(text: string, letterYear: number | null): number | null {
  let year: number | null = null;
  let at = -1;
  for (const m of text.matchAll(RESULT_YEAR)) {
    if (m.index! < at) continue;
    at = m.index!;
    year = m.groups!.year ? Number(m.groups!.year) : letterYear === null ? null : m.groups!.last ? letterYear - 1 : letterYear;
  }
  return year;
}
