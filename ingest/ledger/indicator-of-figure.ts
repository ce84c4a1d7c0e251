import type { Figure } from '../extract/figures.ts';
import { LEDGER_WORDS as W, canonicalNoun, dimensionOf, isKnownNoun } from './lexicon.ts';
import { nounAfter, nounBefore } from './noun-phrase.ts';

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
export type LedgerFigure = Pick<
  Figure,
  'kind' | 'value' | 'unit' | 'qualifier' | 'year' | 'start' | 'end' | 'numberStart' | 'numberEnd'
>;

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

const RESULT_YEAR = /(?<![-—–－~\d])(?<year>20\d\d)\s*年(?!\s*[-—–－])|(?<last>去年|上年)|今年|本年|年内|当年/g;

/** The indicators of one sentence's figures (sorted by position), null where none can be named with confidence. */
export function indicatorsOfSentence(
  sentence: { start: number; text: string },
  figures: LedgerFigure[],
  letterYear: number | null,
  carriedYear: number | null = null,
): Array<FigureIndicator | null> {
  let previous: Context | null = null;
  return figures.map((figure) => {
    const found = nounOf(sentence.text, figure, sentence.start, previous);
    const dimension = dimensionOf(figure.unit);
    if (
      !found ||
      !dimension ||
      (found.rule === 'noun-inherited' &&
        previous!.clauseStart === found.clauseStart &&
        previous!.dimension !== dimension.name)
    ) {
      previous = null;
      return null;
    }
    const noun = canonicalNoun(found.noun);
    const wholeBefore = sentence.text.slice(found.clauseStart, figure.numberStart - sentence.start);
    let measure = measureOf(wholeBefore, noun, figure.unit);
    const inherits = found.enumerated || found.rule === 'noun-inherited';
    if (
      measure === 'unspecified' &&
      previous &&
      inherits &&
      (previous.measure === 'increment' || previous.measure === 'cumulative')
    )
      measure = previous.measure;
    const forYear =
      forYearOf(figure, sentence.text.slice(0, figure.numberStart - sentence.start), wholeBefore, letterYear) ??
      (figure.kind === 'Achievement' ? carriedYear : null);
    // A promise, or a result for a named year, with no word for a running total counts what is added.
    if (measure === 'unspecified' && (figure.kind === 'Commitment' || forYear !== null)) measure = 'increment';
    if (!(
      isKnownNoun(noun) ||
      (noun.length >= W.minNameLength && !W.generic.has(noun) && /[\u4e00-\u9fa5]{2}/.test(noun))
    )) {
      previous = null;
      return null;
    }
    previous = {
      noun,
      scope: found.scope,
      measure,
      clauseStart: found.clauseStart,
      consumedUntil: found.consumedUntil,
      dimension: dimension.name,
    };
    const unit = dimension.base || figure.unit;
    const value = Math.round(figure.value * dimension.factor * 1e6) / 1e6;
    const label = (measure === 'increment' ? '新增' : measure === 'cumulative' ? '累计' : '') + found.scope + noun;
    return {
      key: `${found.scope}${noun}|${measure}|${dimension.name}`,
      name: `${label}（${unit}）`,
      noun,
      scope: found.scope,
      measure,
      dimension: dimension.name,
      unit,
      value,
      forYear,
      rule: found.rule,
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
  if (useAfter)
    return {
      ...base,
      noun: after.noun,
      scope: after.scope,
      rule: 'noun-after',
      consumedUntil: numberEnd + after.length,
    };
  if (own.noun) return { ...base, noun: own.noun, scope: own.scope, rule: 'noun-before' };
  const continues =
    sameClause || own.scope !== '' || /其中/.test(before) || enumerated || W.cumulative.some((w) => before.includes(w));
  if (previous && continues && !own.follows)
    return {
      ...base,
      noun: previous.noun,
      scope: own.scope || (sameClause ? previous.scope : ''),
      rule: 'noun-inherited',
    };
  return null;
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
function forYearOf(
  figure: LedgerFigure,
  sentenceBefore: string,
  clauseBefore: string,
  letterYear: number | null,
): number | null {
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
    year = m.groups!.year
      ? Number(m.groups!.year)
      : letterYear === null
        ? null
        : m.groups!.last
          ? letterYear - 1
          : letterYear;
  }
  return year;
}
