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
const BEFORE_QUALIFIER =
  /(提升至|提高到|提高至|提升到|增加到|增长到|达到|达|超过|超|突破|不少于|不低于|不超过|控制在|至少)\s*$/;
const INTENT =
  /(力争|争取|确保|(?<!科技|研发|专项)计划(?!项目|体系|$|\s*[\d一二三四五六七八九十两])|拟|预计|目标|每年|努力)/;
// Words that make a clause forward-looking outside the next-steps part (今年 alone does not: 今年全市重组…1家 is done).
// 争取 is "to strive for" before a verb (争取实现…) but "to obtain" before a noun: 争取科研经费超1.1亿元 was done.
// (科技计划项目 · 研发计划 name a kind of project: 计划 there is a noun, not "plan to"; so is 计划 right before the
// count of what it took in: 入选省级以上人才计划42人次.)
const FUTURE =
  /力争|争取(?=到|在|于|实现|达到|达|突破|新增|完成|建成|培育|引进|年内|全年|20\d\d)|(?<!科技|研发|专项)计划(?!项目|体系|$|\s*[\d一二三四五六七八九十两])|将|拟|预计|目标|确保|到20\d\d年|年底前/;
// A target year opening the sentence or the plan: 到2025年，… · 计划到2025年… · 力争到2026年… — the figures after it are targets, 累计 or not.
const TARGET_YEAR = /(?:计划|力争|争取|预计|目标是?)?(?:到|至)(20\d\d)年(?:底|末)?/;
// 百亿级的工业园区 · 千亿级产业集群: a scale of size (value 100, unit 亿).
const LEVEL_FIGURE = /(?<number>\d+|[一二三四五六七八九十百千两]+)(?<scale>亿|万)级/g;
// 《实施方案》明确将…推进33项具体工作任务: what a plan or rule the letter cites sets is a target, though told among
// the work done; so is a standing yearly quota (各区每年重点推广…产品3-5个), not a yearly count told roughly
// (每年举办活动30余场 reports what is done).
const SET_BY_DOCUMENT = /》(?:中|还|进一步)?(?:明确|提出|要求|规定)/;
// (《办法》规定对认定的企业给予最高50万元奖励: what a rule grants is support, not a target.)
const GRANT = /给予|奖励|补助|资助|补贴|最高/;
const YEARLY_QUOTA = /每年/;
const PAST = /已|累计|截至|截止|共计|先后|近年来|去年|上年|现有|目前|已有/;
// 近年来，我局支持企业承担项目20余项: a sentence that opens on the past reports what was done, in whatever part it
// stands (a next-steps paragraph often recalls the past first). Enumerators before it are skipped (一是…).
const PAST_OPENING =
  /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])?\s*(?:近年来|近年|近几年|近[两三四五]年来?|多年来|过去|此前|以往|前期|截至目前|截至\d{4}年|截止目前|去年|上年|上一年|自?\d{4}年以来)/;
// 去年以来已…新增孵化面积5万平方米，下一步将继续布局…，再新增孵化面积8万平方米: a sentence's past opening reaches
// its clauses up to one that turns to what comes next; the figures after that turn are told as plans.
const TURN_TO_NEXT =
  /[，,；;]\s*(?:下一步|今后|接下来|下阶段|未来[一二三四五两\d]*年?|(?:我们|我局|我委|我厅)?(?:将|拟|计划|力争|争取))/;
// 支持了20余个项目 · 完成了3项: a verb with 了 tells what is done.
const DONE_VERB = /[\u4e00-\u9fa5]了/;
const EXPLICIT_YEAR = /(20\d\d)\s*年/;
const EXPLICIT_YEARS = new RegExp(EXPLICIT_YEAR.source, 'g');
// 由2023年的680亿元提升至: a change from a baseline, right before the figure it changes to.
const BASELINE_BEFORE = /由[^，,；;]*?(?:提升|提高|增长|增加|扩大|上升|下降|降低|减少|压减|缩短)(?:至|到)\s*$/;
// Clauses end at ，、；： and at 和/及 between two figures is left to the number itself.
const CLAUSE_END = /[，,、；;：:。！？]/;
const YEAR_WORD =
  /(?:(?<![-—–－~\d])(?<year>20\d\d)\s*年(?!\s*[-—–－]|\s*\d)(?:度)?|(?<rel>今年|全年|年内|本年度|当年))/;

export function extractFigures(letter: ParsedLetter): Figure[] {
  const letterYear = letter.date ? Number(letter.date.value.slice(0, 4)) : null;
  const inBody = letter.sentences.filter((s) => s.start >= letter.body.start && s.end <= letter.body.end);
  const figures: Figure[] = [];
  for (const sentence of inBody) figures.push(...figuresIn(letter.text, sentence, letterYear));
  // The next-steps part that speaks of one year (今年… · 2024年，我们将…) gives it to its targets that name none.
  const partYear = yearOfPart(
    inBody.filter((s) => s.part === 'next'),
    letterYear,
  );
  if (partYear !== null)
    for (const f of figures)
      if (f.kind === 'Commitment' && f.year === null && letter.sentences[f.sentence].part === 'next') f.year = partYear;
  return figures;
}

/** The one year a part's sentences name (今年 is the letter's year), or null when they name none or several. */
function yearOfPart(sentences: Sentence[], letterYear: number | null): number | null {
  const years = new Set<number>();
  for (const sentence of sentences) {
    for (const y of sentence.text.matchAll(new RegExp(YEAR_WORD, 'g'))) {
      const year = y.groups!.year ? Number(y.groups!.year) : letterYear;
      if (year !== null && (letterYear === null || year >= letterYear)) years.add(year);
    }
  }
  return years.size === 1 ? [...years][0] : null;
}

function figuresIn(text: string, sentence: Sentence, letterYear: number | null): Figure[] {
  const figures: Figure[] = [];
  let yearInForce: number | null = null;
  let yearSeenAt = -1;
  const body = sentence.text;
  const target = TARGET_YEAR.exec(body);
  const targetYear =
    target && (letterYear === null || Number(target[1]) >= letterYear)
      ? { at: target.index, year: Number(target[1]) }
      : null;
  for (const match of levelFigures(body)) figures.push(figureOf(sentence, match, body, targetYear, letterYear));
  const levels = figures.length;
  for (const match of body.matchAll(FIGURE)) {
    const g = match.groups!;
    const at = match.index!;
    const numberAt = at + (g.low?.length ?? 0);
    if (!acceptable(body, at, match[0], g)) continue;
    const clause = clauseAround(body, at, at + match[0].length, CLAUSE_END);
    // A year named in the sentence holds for its clause and the clauses after it.
    for (const y of body.slice(yearSeenAt + 1, clause.end).matchAll(new RegExp(YEAR_WORD, 'g'))) {
      if (y.index! + yearSeenAt + 1 > clause.end) break;
      // (由2023年的680亿元 · （2023年为186家）: a baseline's year, not the one the targets are for.)
      const yAt = y.index! + yearSeenAt + 1;
      if (/^的/.test(body.slice(yAt + y[0].length)) || /[由（(]$/.test(body.slice(0, yAt))) continue;
      yearInForce = y.groups!.year ? Number(y.groups!.year) : letterYear;
    }
    yearSeenAt = Math.max(yearSeenAt, clause.end - 1);
    const scale = g.scale === '万' ? 1e4 : g.scale === '亿' ? 1e8 : g.scale === '千' ? 1e3 : 1;
    let unit = g.unit.replace('％', '%');
    let value = toNumber(g.number);
    if (value === undefined) continue;
    if (unit === '万元') {
      unit = '元';
      value *= 1e4;
    }
    if (unit === '万方') {
      unit = '方';
      value *= 1e4;
    }
    if (g.scale === '亿' && unit === '元') unit = '亿元';
    else value *= scale;
    value = Math.round(value * 1e6) / 1e6;
    const clauseText = body.slice(clause.start, clause.end);
    // （2023年为186家）: a figure in a bracket is told by the bracket's words, not by the clause it glosses.
    const clauseBefore = body.slice(clause.start, at);
    const open = Math.max(clauseBefore.lastIndexOf('（'), clauseBefore.lastIndexOf('('));
    const before =
      open > Math.max(clauseBefore.lastIndexOf('）'), clauseBefore.lastIndexOf(')'))
        ? clauseBefore.slice(open + 1)
        : clauseBefore;
    const qualifier =
      g.after ??
      g.more ??
      (g.low ? `${g.low.replace(/\s/g, '').replace(/[—\-–－~～至到]$/, '')}-${g.number}` : null) ??
      BEFORE_QUALIFIER.exec(before)?.[1] ??
      INTENT.exec(before)?.[1] ??
      null;
    // 2023年新增…766家 is done, 2024年新增…600家 (in a letter of 2024) is a target. The year nearest the figure is
    // its own (力争到2027年…突破300家（2023年为186家）: 186 is 2023's), but not a baseline's: 由2023年的680亿元提升至
    // 1000亿元 names the year the change starts from.
    const baseline = BASELINE_BEFORE.exec(before);
    const year = [...(baseline ? before.slice(0, baseline.index) : before).matchAll(EXPLICIT_YEARS)].at(-1)?.[1];
    const pastYear = year !== undefined && letterYear !== null && Number(year) < letterYear;
    // Outside the next-steps part, a future word counts from the last comma on: 拟在北京、上海、杭州等地开展…79场次.
    const phrase = body.slice(Math.max(...[...'，,；;：:'].map((c) => body.lastIndexOf(c, at - 1) + 1)), at);
    const underTarget = targetYear !== null && targetYear.at < at;
    const told =
      !FUTURE.test(before) &&
      ((PAST_OPENING.test(body) && !TURN_TO_NEXT.test(body.slice(0, at))) || DONE_VERB.test(before));
    const future =
      !pastYear &&
      (underTarget ||
        (!told &&
          (sentence.part === 'next'
            ? !PAST.test(before) || FUTURE.test(before)
            : (FUTURE.test(phrase) ||
                // 市交通局将推动…改革，2024年完成…200座: the sentence's 将 reaches a clause naming this year or a later one.
                (year !== undefined &&
                  letterYear !== null &&
                  Number(year) >= letterYear &&
                  FUTURE.test(body.slice(0, at))) ||
                (YEARLY_QUOTA.test(phrase) && !g.more && g.after !== '余') ||
                (SET_BY_DOCUMENT.test(body.slice(0, at)) && !GRANT.test(clauseText))) &&
              !PAST.test(clauseText))));
    if (underTarget && yearInForce === null) yearInForce = targetYear.year;
    figures.push({
      kind: future ? 'Commitment' : 'Achievement',
      text: clauseText,
      value,
      unit,
      qualifier,
      year: future ? yearInForce : null,
      start: sentence.start + clause.start,
      end: sentence.start + clause.end,
      numberStart: sentence.start + numberAt,
      numberEnd: sentence.start + at + match[0].length,
      sentence: sentence.index,
    });
  }
  // 打造千亿级新型储能产业集群，力争到2027年…营业收入突破1000亿元: a size class the sentence then states as its figure is
  // that figure said twice, not a second target.
  return figures.filter(
    (f, i) => i >= levels || !figures.some((g, j) => j >= levels && g.value === f.value && g.unit.startsWith(f.unit)),
  );
}

/** 百亿级 · 千亿级 · 50亿级: not a quantity of things but a size class, read as value and scale (100 亿). */
function levelFigures(body: string): RegExpMatchArray[] {
  return [...body.matchAll(LEVEL_FIGURE)].filter((m) => toNumber(m.groups!.number) !== undefined);
}

function figureOf(
  sentence: Sentence,
  match: RegExpMatchArray,
  body: string,
  targetYear: { at: number; year: number } | null,
  letterYear: number | null,
): Figure {
  const at = match.index!;
  const clause = clauseAround(body, at, at + match[0].length, /[，,；;。！？]/);
  const before = body.slice(clause.start, at);
  const underTarget = targetYear !== null && targetYear.at < at;
  const future = underTarget || sentence.part === 'next' || FUTURE.test(before);
  const year = underTarget ? targetYear.year : EXPLICIT_YEAR.exec(body.slice(0, at))?.[1];
  return {
    kind: future ? 'Commitment' : 'Achievement',
    text: body.slice(clause.start, clause.end),
    value: toNumber(match.groups!.number)!,
    unit: match.groups!.scale,
    qualifier: INTENT.exec(before)?.[1] ?? null,
    year: future && year !== undefined ? Number(year) : future && /今年|年内|全年/.test(before) ? letterYear : null,
    start: sentence.start + clause.start,
    end: sentence.start + clause.end,
    numberStart: sentence.start + at,
    numberEnd: sentence.start + at + match[0].length,
    sentence: sentence.index,
  };
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
    if (/[“《]/.test(body.slice(Math.max(0, at - 6), at)) && !/[”》]/.test(body.slice(Math.max(0, at - 6), at)))
      return false;
  }
  // 不超过1年 is a target; 5年时间, 三年行动 are not.
  if (g.unit === '年' && /(?:不超过|不少于|超过|控制在)$/.test(body.slice(Math.max(0, at - 3), at))) return true;
  // 200万元以上的单个项目, 100万元以上科研成果: a threshold that qualifies a noun, not a figure of its own.
  if (/^的/.test(after) || (/元$/.test(g.unit ?? '') && /^[\u4e00-\u9fa5]/.test(after) && !/^[，。；、]/.test(after)))
    return false;
  if (
    g.unit === '年' ||
    g.unit === '届' ||
    g.unit === '期' ||
    // 部 counts machines and films (加装电梯300部) but not bodies (三部委): only after digits, before no body's word.
    (g.unit === '部' && (!/^\d/.test(g.number ?? '') || /^[委门分署]/.test(after))) ||
    g.unit === '类' ||
    g.unit === '种' ||
    g.unit === '门'
  )
    return false;
  if (g.unit === '次' && /^[会议]/.test(after)) return false;
  // 新增智能算力2000P: P alone is petaflops; inside a Latin word (2000PB · A100P) it is not.
  if (g.unit === 'P' && (/^[A-Za-z]/.test(after) || /[A-Za-z]$/.test(before))) return false;
  // 王立新等5名代表提出的 · 等3位委员: how many proposed, not a figure of the work.
  if (
    /^(?:名|位|人)$/.test(g.unit ?? '') &&
    /^(?:代表|委员)/.test(after) &&
    /等$/.test(body.slice(Math.max(0, at - 1), at))
  )
    return false;
  if (g.unit === '个' && /^(?:月|工作日)/.test(after)) return false;
  if (/^[级]/.test(after)) return false;
  return true;
}
