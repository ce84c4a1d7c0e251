import unitFile from '../lexicon/units.json' with { type: 'json' };
import { parseChineseNumber } from '../parse/cn-numbers.ts';
import { clauseAround } from '../parse/lines.ts';
import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';

/**
 * Numeric figures: a number with a unit inside a clause. A figure in the
 * next-steps part, or in a sentence that speaks of the future (力争, 计划 …),
 * is a Commitment; one in the work-done part is an Achievement.
 *   全年招引创新型项目3000个以上、青年创新创业人才2万人以上 → two commitments
 *   (3000 个 以上 2024) and (20000 人 以上 2024).
 */
export interface Figure {
  kind: 'Commitment' | 'Achievement';
  text: string;
  value: number;
  unit: string;
  qualifier: string | null;
  year: number | null;
  /** The clause's offsets; the number's own offsets are numberStart/numberEnd. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  sentence: number;
}

const UNITS = [...unitFile.units, ...unitFile.durationUnits].sort((a, b) => b.length - a.length);
const unitPattern = UNITS.map((u) => u.replace(/[%％]/g, '\\$&')).join('|');
// 1.56万家 · 2万人以上 · 1—2个 · 941.22亿元 · 15个左右 · 二十个 · 80%以上 · 超6000件
const FIGURE = new RegExp(
  `(?<low>\\d+(?:\\.\\d+)?\\s*[—\\-–－~～至到]\\s*)?(?<number>\\d+(?:\\.\\d+)?|[一二三四五六七八九十百千两]*[十百千][一二三四五六七八九]?)\\s*(?<scale>万|亿|千)?\\s*(?<more>余|多)?\\s*(?<unit>${unitPattern})(?<after>以上|左右|以内|以下|内|余|多)?`,
  'g',
);
const BEFORE_QUALIFIER = /(提升至|提高到|提高至|提升到|增加到|增长到|达到|达|超过|超|突破|不少于|不低于|不超过|控制在|至少)\s*$/;
const INTENT = /(力争|争取|确保|计划|拟|预计|目标|每年)/;
// Words that make a clause forward-looking outside the next-steps part (今年 alone does not: 今年全市重组…1家 is done).
const FUTURE = /力争|争取|计划|将|拟|预计|目标|确保|到20\d\d年|年底前/;
const PAST = /已|累计|截至|截止|共计|先后|近年来|去年|上年|现有|目前|已有/;
const EXPLICIT_YEAR = /(20\d\d)\s*年/;
// Clauses end at ，、；： and at 和/及 between two figures is left to the number itself.
const CLAUSE_END = /[，,、；;：:。！？]/;
const YEAR_WORD = /(?:(?<![-—–－~\d])(?<year>20\d\d)\s*年(?!\s*[-—–－]|\s*\d)(?:度)?|(?<rel>今年|全年|年内|本年度|当年))/;

export function extractFigures(letter: ParsedLetter): Figure[] {
  const letterYear = letter.date ? Number(letter.date.value.slice(0, 4)) : null;
  const figures: Figure[] = [];
  for (const sentence of letter.sentences) {
    if (sentence.start < letter.body.start || sentence.end > letter.body.end) continue;
    figures.push(...figuresIn(letter.text, sentence, letterYear));
  }
  return figures;
}

function figuresIn(text: string, sentence: Sentence, letterYear: number | null): Figure[] {
  const figures: Figure[] = [];
  let yearInForce: number | null = null;
  let yearSeenAt = -1;
  const body = sentence.text;
  for (const match of body.matchAll(FIGURE)) {
    const g = match.groups!;
    const at = match.index!;
    const numberAt = at + (g.low?.length ?? 0);
    if (!acceptable(body, at, match[0], g)) continue;
    const clause = clauseAround(body, at, at + match[0].length, CLAUSE_END);
    // A year named in the sentence holds for its clause and the clauses after it.
    for (const y of body.slice(yearSeenAt + 1, clause.end).matchAll(new RegExp(YEAR_WORD, 'g'))) {
      if (y.index! + yearSeenAt + 1 > clause.end) break;
      yearInForce = y.groups!.year ? Number(y.groups!.year) : letterYear;
    }
    yearSeenAt = Math.max(yearSeenAt, clause.end - 1);
    const scale = g.scale === '万' ? 1e4 : g.scale === '亿' ? 1e8 : g.scale === '千' ? 1e3 : 1;
    let unit = g.unit.replace('％', '%');
    let value = toNumber(g.number);
    if (value === undefined) continue;
    if (unit === '万元') { unit = '元'; value *= 1e4; }
    if (unit === '万方') { unit = '方'; value *= 1e4; }
    if (g.scale === '亿' && unit === '元') unit = '亿元';
    else value *= scale;
    value = Math.round(value * 1e6) / 1e6;
    const clauseText = body.slice(clause.start, clause.end);
    const before = body.slice(clause.start, at);
    const qualifier = g.after ?? g.more ?? (g.low ? `${g.low.replace(/\s/g, '').replace(/[—\-–－~～至到]$/, '')}-${g.number}` : null)
      ?? BEFORE_QUALIFIER.exec(before)?.[1] ?? INTENT.exec(before)?.[1] ?? null;
    // 2023年新增…766家 is done, 2024年新增…600家 (in a letter of 2024) is a target.
    const year = EXPLICIT_YEAR.exec(before)?.[1];
    const pastYear = year !== undefined && letterYear !== null && Number(year) < letterYear;
    // Outside the next-steps part, a future word counts from the last comma on: 拟在北京、上海、杭州等地开展…79场次.
    const phrase = body.slice(0, at).split(/[，,；;：:]/).pop() ?? '';
    const future = !pastYear && (sentence.part === 'next'
      ? !PAST.test(before) || FUTURE.test(before)
      : FUTURE.test(phrase) && !PAST.test(clauseText));
    figures.push({
      kind: future ? 'Commitment' : 'Achievement', text: clauseText, value, unit, qualifier,
      year: future ? yearInForce : null,
      start: sentence.start + clause.start, end: sentence.start + clause.end,
      numberStart: sentence.start + numberAt, numberEnd: sentence.start + at + match[0].length, sentence: sentence.index,
    });
  }
  return figures;
}

function toNumber(digits: string): number | undefined {
  return /^\d/.test(digits) ? Number(digits) : parseChineseNumber(digits);
}

/** Filters what looks like a figure and is not: years, dates, versions, document numbers, parts of names. */
function acceptable(body: string, at: number, whole: string, g: Record<string, string | undefined>): boolean {
  const before = body.slice(Math.max(0, at - 2), at);
  const after = body.slice(at + whole.length, at + whole.length + 2);
  if (/[\d.]$/.test(before) || /^[\d.]/.test(after)) return false;
  if (/第$/.test(before)) return g.unit === '位' || g.unit === '名';
  if (/[+＋]$/.test(before) || /^[+＋]/.test(after)) return false;
  if (!/^\d/.test(g.number ?? '')) {
    // Chinese numerals count only as real quantities (十五个, 二十家), not in names (三张清单, 十件实事).
    if ((g.number ?? '').length < 2) return false;
    if (/[“《]/.test(body.slice(Math.max(0, at - 6), at)) && !/[”》]/.test(body.slice(Math.max(0, at - 6), at))) return false;
  }
  // 不超过1年 is a target; 5年时间, 三年行动 are not.
  if (g.unit === '年' && /(?:不超过|不少于|超过|控制在)$/.test(body.slice(Math.max(0, at - 3), at))) return true;
  // 200万元以上的单个项目, 100万元以上科研成果: a threshold that qualifies a noun, not a figure of its own.
  if (/^的/.test(after) || (/元$/.test(g.unit ?? '') && /^[\u4e00-\u9fa5]/.test(after) && !/^[，。；、]/.test(after))) return false;
  if (g.unit === '年' || g.unit === '届' || g.unit === '期' || g.unit === '部' || g.unit === '类' || g.unit === '种' || g.unit === '门') return false;
  if (g.unit === '次' && /^[会议]/.test(after)) return false;
  if (g.unit === '个' && /^(?:月|工作日)/.test(after)) return false;
  if (/^[级]/.test(after)) return false;
  return true;
}
