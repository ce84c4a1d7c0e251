import type { ParsedLetter } from '../parse/parse-letter.ts';
import { LEFT_STOPS } from '../rules/left-stops.ts';
import { DESIGNATION, FIRM_TIER } from '../rules/name-cues.ts';
import {
  GOAL_AFTER,
  PLATFORM_CONTEXT_AFTER,
  PROGRAMME_CONTEXT_AFTER,
  PROGRAMME_CONTEXT_BEFORE,
  SLOGAN,
  SUFFIX_RULES,
} from '../rules/name-suffixes.ts';
import type { Mention } from './mention.ts';

/**
 * Names the letter itself marks: every 《…》 title is a Policy (but the
 * proposal's own title), with the document number that follows it in （）;
 * a “…” quote is a Programme or a Platform when its shape or its context says
 * so (see ingest/rules/name-suffixes.ts).
 */

// 《关于…的若干政策意见》（温政发〔2023〕6号）
const DOC_NUMBER_AFTER = /^[（(]\s*([\u4e00-\u9fa5]{1,10}\s*[〔[［【]\s*\d{4}\s*[〕\]］】]\s*\d{1,5}\s*号)\s*[）)]/;
// 《…》（简称“三年行动方案”） · （下称“三年行动方案”）: the short name the letter uses from then on.
const SHORT_NAME_AFTER = /^[（(]\s*(?:以下简称|简称|以?下称)\s*[“"]([^”"]{2,30})[”"]\s*[）)]/;
// A title written 《…（2023-2025年》 loses its closing bracket; the year range still belongs to it.
const YEAR_RANGE = /[（(]\s*\d{4}\s*[-—–－~]\s*\d{4}\s*年?\s*[）)]?$/;

export interface Title {
  name: string;
  start: number;
  end: number;
}

/** Every balanced 《…》 in the letter, outermost only. */
export function bookTitles(text: string): Title[] {
  const titles: Title[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') depth = 0;
    else if (text[i] === '《') {
      if (depth++ === 0) open = i + 1;
    } else if (text[i] === '》' && depth > 0 && --depth === 0) {
      titles.push({ name: text.slice(open, i), start: open, end: i });
    }
  }
  return titles;
}

// 《关于…的建议》 · 《…的提案》: a proposal's title, this letter's or another's, is not a policy.
const PROPOSAL_TITLE = /(?:提案|建议|议案)\s*$/;

export function policyMentions(letter: ParsedLetter): Mention[] {
  const own = letter.proposal?.titleSpan?.start;
  return bookTitles(letter.text)
    .filter((title) => title.start !== own && title.name.trim().length >= 2 && !PROPOSAL_TITLE.test(title.name))
    .map((title) => {
      const docNumber =
        DOC_NUMBER_AFTER.exec(letter.text.slice(title.end + 1, title.end + 40))?.[1]?.replace(/\s/g, '') ?? null;
      const name = title.name.trim();
      const declared = SHORT_NAME_AFTER.exec(letter.text.slice(title.end + 1, title.end + 40))?.[1] ?? null;
      return {
        kind: 'Policy' as const,
        name,
        start: title.start,
        end: title.end,
        rule: 'book-title',
        props: {
          docNumber,
          shortName: YEAR_RANGE.test(name) ? name.replace(YEAR_RANGE, '').trim() : null,
          declaredShortName: declared,
        },
      };
    });
}

/** Every “…” outside 《》, with the runs of adjacent quotes (“温州拍”“好成果”对接会) grouped. */
export function quotedMentions(letter: ParsedLetter, insideTitle: (offset: number) => boolean): Mention[] {
  const text = letter.text;
  // ‘以认促建’ inside a quoted clause a policy says is a quote of its own.
  // A page typed with straight quotes ("庆科贷") pairs them in order along a line, as “” are.
  const quotes = [
    ...text.matchAll(/“([^“”\n]{1,40})”/g),
    ...text.matchAll(/‘([^‘’“”\n]{2,20})’/g),
    ...text.matchAll(/"([^"“”\n]{1,40})"/g),
  ]
    .sort((a, b) => a.index! - b.index!)
    // （简称“三年行动方案”） names the policy before it, not a programme (see policyMentions).
    .filter((m) => !insideTitle(m.index!) && !/(?:简称|下称)\s*$/.test(text.slice(Math.max(0, m.index! - 4), m.index!)))
    .map((m) => ({ name: m[1], start: m.index! + 1, end: m.index! + 1 + m[1].length }));
  // “双倍增”“双迈进”行动 … “双倍增、双迈进”: a list's parts that stand as quotes of their own are named one by one.
  const alone = new Set(quotes.map((q) => q.name.trim()));
  const standsAlone = (part: string) => alone.has(part);
  const mentions: Mention[] = [];
  let run: typeof quotes = [];
  const flush = () => {
    if (run.length === 0) return;
    const before = text.slice(Math.max(0, run[0].start - 9), run[0].start - 1);
    const after = text.slice(run[run.length - 1].end + 1, run[run.length - 1].end + 12);
    const programmeContext = PROGRAMME_CONTEXT_AFTER.test(after) || PROGRAMME_CONTEXT_BEFORE.test(before);
    for (const quote of run)
      mentions.push(...classify(quote, before, after, programmeContext, run.length > 1, standsAlone));
    run = [];
  };
  for (const quote of quotes) {
    const last = run[run.length - 1];
    // (A quote inside the last one is no neighbour of it.)
    if (last && (quote.start < last.end || !/^[、和与及]?$/.test(text.slice(last.end + 1, quote.start - 1)))) flush();
    run.push(quote);
  }
  flush();
  return mentions;
}

const PLATFORM_SUFFIXES = SUFFIX_RULES.filter((r) => r.kind === 'Platform')
  .map((r) => r.suffix)
  .concat(['村', '在线', '通']);
const ENTERPRISE_SUFFIXES = SUFFIX_RULES.filter((r) => r.kind === 'Enterprise').map((r) => r.suffix);
const PROGRAMME_SUFFIXES = [
  ...SUFFIX_RULES.filter((r) => r.kind === 'Programme').map((r) => r.suffix),
  '资金',
  '基金',
  '项目',
  '机制',
  '改革',
  // Financial products are schemes in the gold (“科企梯度贷” · “科技型企业保证保险贷款”).
  '贷款',
  '贷',
];

const DESIGNATION_END = new RegExp(`(?:${DESIGNATION.source})$`);
// 新城智谷 · 临港科技园 · 云栖小镇: a name with words of its own before a platform's word.
const NAMED_PLATFORM_AFTER =
  /^[\u4e00-\u9fa5]{2,6}?(?:智谷|谷|科技园|产业园|科创园|小镇|科学城|科技城|科创城|中心|基地)/;
const SERVICE_PLATFORM_AFTER = /^(?:[\u4e00-\u9fa5]{0,4}?服务|线上|网上|数字化?|信息化?|大数据|综合)平台/;
const SCHEME_HEAD_AFTER = /^(?:引导基金|产业基金|投资基金|基金|专项资金|资金|行动计划|计划|工程|专项行动|行动)/;
// 多个 · 一批 · 若干 · 各类 · 一些 right before a quote: it qualifies things counted (rules out a name).
const COUNT_BEFORE = /(?:多个|多家|一批|一些|若干|各类|众多|诸多|一大批)$/;
const KIND_AFTER = /^(?:平台|载体|基地|中心|企业|项目|品牌|园区|机构|团队|产品)/;
// “仲景方药”传承创新工程 · “模立方”伙伴计划: up to four characters of the scheme's own words, then its word.
const WORDS_AND_SCHEME_HEAD =
  /^(?!的)[\u4e00-\u9fa5]{1,4}?(?:行动计划|计划|工程|专项行动|行动)(?![\u4e00-\u9fa5]{0,2}(?:项目|资金|任务))/;
// “十四五” · “十三五”: a plan period, not a programme.
const PLAN_PERIOD = /^十?[一二三四五六七八九十]五$/;
// A quote that opens with a verb (“加快建设先进制造业基地”) says what to do: it is no place's or firm's name.
const OPENING_VERBS = LEFT_STOPS.filter((w) => w.length >= 2);
// 一城两园多点 · 一核五区 · 一园两区多基地: a layout that counts its places and parts (SLOGAN's shape, with 多 for "many").
const COUNTED_LAYOUT = /^一[\u4e00-\u9fa5][一二三四五六七八九十两多][\u4e00-\u9fa5]{1,8}$/;
// 系列水稻品种 · 系列产品: what a quote before 系列 names is a product line.
const PRODUCT_SERIES_AFTER = /^系列[\u4e00-\u9fa5]{0,6}?(?:品种|产品)/;
// “企业出题、政府立题、协同破题”的揭榜挂帅机制: the scheme the quote spells out, named a few characters on.
// (…种植在基地”的布局: a layout the quote spells out, as “一园两区多基地”布局 counts one.)
const SCHEME_AFTER = /^的?[\u4e00-\u9fa5]{0,6}?(?:机制|模式|体系|格局|布局|改革|行动|工程|计划)/;

function classify(
  quote: { name: string; start: number; end: number },
  before: string,
  after: string,
  programmeContext: boolean,
  inRun: boolean,
  standsAlone: (part: string) => boolean,
): Mention[] {
  const name = quote.name.trim();
  if (name.length < 2 || /[。？！]/.test(name)) return [];
  const base = { name, start: quote.start, end: quote.end };
  if (ENTERPRISE_SUFFIXES.some((s) => name.endsWith(s)))
    return [{ ...base, kind: 'Enterprise', rule: 'quote:enterprise-suffix' }];
  // “一城两园多点”思路: a goal's or a principle's word after the quote says it is no name, unless the quote counts
  // places or parts as a layout scheme does (SLOGAN: “一园两区多基地”布局).
  if ((GOAL_AFTER.test(after) && !COUNTED_LAYOUT.test(name)) || FIRM_TIER.test(name)) return [];
  // 多个“国字号”平台 · 一批“硬核”载体: a quote between a count of things and their kind says what sort they are.
  if (COUNT_BEFORE.test(before) && KIND_AFTER.test(after)) return [];
  // “1210”保税进口: a number alone is a code (customs, a standard), not a scheme's name (“5+5” adds parts).
  if (/^\d+$/.test(name)) return [];
  // “双师型”教师 · “科技型”企业: a quote ending in 型 says what type a person or a firm is, a kind of them.
  if (name.endsWith('型')) return [];
  // “永优”系列水稻品种: a series of products or varieties, not a programme.
  if (PRODUCT_SERIES_AFTER.test(after)) return [];
  // “科大硅谷”引导基金 · “双倍增”行动: a scheme's word right after the quote names a programme, whatever the quote
  // ends in; the quote is its name, the quote with the word an alias.
  // (“仲景方药”传承创新工程 · “模立方”伙伴计划: a few words of the scheme's before its word are the alias's too; not a
  // plan period's “十四五”重点研发计划.)
  // (“荆楚光谷”建设行动: a quote that ends like a site is the site the scheme builds, not the scheme's name.)
  const endsLikeSite = PLATFORM_SUFFIXES.some((x) => name.endsWith(x) && name.length > x.length);
  const words = PLAN_PERIOD.test(name) || endsLikeSite ? null : WORDS_AND_SCHEME_HEAD.exec(after);
  const head = (SCHEME_HEAD_AFTER.exec(after) ?? words)?.[0];
  if (head && name.length <= 10 && !name.includes('、'))
    return [{ ...base, kind: 'Programme', rule: 'quote:scheme-head', props: { alsoNamed: name + head } }];
  // “国家创新型城市”尽快获批: a title a place earns (name-cues.ts DESIGNATION) is a programme.
  if (DESIGNATION_END.test(name)) return [{ ...base, kind: 'Programme', rule: 'quote:designation' }];
  // “工业上楼”新城智谷: a quote before a platform's own name names the scheme the platform is built under.
  if (NAMED_PLATFORM_AFTER.test(after) && !PLATFORM_CONTEXT_AFTER.test(after) && name.length <= 8)
    return [{ ...base, kind: 'Programme', rule: 'quote:before-platform' }];
  const opensWithVerb = OPENING_VERBS.some((v) => name.startsWith(v) && name.length > v.length + 1);
  // “十四五”: a plan period, not a programme.
  if (PLAN_PERIOD.test(name)) return [];
  // “育苗工程” · “石家庄市科技成果转化风险补偿专项资金”: a programme's own suffix says what it is.
  if (PROGRAMME_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length))
    return [{ ...base, kind: 'Programme', rule: 'quote:programme-suffix' }];
  // A slogan that counts places (“一港五谷”) or adds parts (“头部企业+研究院”) is a programme, whatever it ends in.
  const slogan = SLOGAN.test(name);
  // “澄科云”服务平台 · “长江渝融通”线上服务平台: a service platform named by the quote (not a slogan's “一港五谷”创新平台).
  if (!slogan && !opensWithVerb && SERVICE_PLATFORM_AFTER.test(after))
    return [{ ...base, kind: 'Platform', rule: 'quote:platform' }];
  if (PLATFORM_CONTEXT_AFTER.test(after) && !opensWithVerb)
    return [{ ...base, kind: 'Platform', rule: 'quote:platform' }];
  // “科教人贯通”模式 is a programme though it ends like a platform (…通); “研发在高新、转化在园区、种植在基地” is a list
  // of parts, not one platform's name, though its last part ends like one.
  if (
    !slogan &&
    !name.includes('、') &&
    !opensWithVerb &&
    !PROGRAMME_CONTEXT_AFTER.test(after) &&
    PLATFORM_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length)
  ) {
    return [{ ...base, kind: 'Platform', rule: 'quote:platform' }];
  }
  // “双倍增、双迈进” where each also stands quoted alone: several programmes. A list of slogans whose parts
  // stand only here is one scheme in two halves: “一城引领、五区协同” · “基金+基地、投资+孵化”.
  const parts = name.split('、');
  if (parts.length > 1 && parts.every((p) => SLOGAN.test(p) && p.length <= 8) && !parts.every(standsAlone))
    return [{ ...base, kind: 'Programme', rule: 'quote:slogan-halves' }];
  if (parts.length > 1 && parts.every((p) => SLOGAN.test(p) && p.length <= 8)) {
    let at = quote.start;
    return parts.map((part) => {
      const start = at;
      at += part.length + 1;
      return { kind: 'Programme' as const, name: part, start, end: start + part.length, rule: 'quote:slogan-list' };
    });
  }
  // A list of verb phrases (“该不该、行不行、好不好”) is a saying, not a name, unless its context names it.
  if (parts.length > 1 && SCHEME_AFTER.test(after) && name.length <= 24)
    return [{ ...base, kind: 'Programme', rule: 'quote:scheme-after' }];
  if (parts.length > 1 && !PROGRAMME_CONTEXT_AFTER.test(after)) return [];
  if (slogan && name.length <= 40) return [{ ...base, kind: 'Programme', rule: 'quote:slogan' }];
  if (programmeContext && name.length <= 20)
    return [{ ...base, kind: 'Programme', rule: inRun ? 'quote:run-context' : 'quote:context' }];
  // “揭榜挂帅”人才评价改革: a scheme word a few characters on names the quote a programme too.
  if (name.length <= 12 && /^[\u4e00-\u9fa5]{1,6}?(?:改革|机制|行动|工程|计划|模式)/.test(after))
    return [{ ...base, kind: 'Programme', rule: 'quote:near-context' }];
  // “先用后转”“先投后股”: a run of quoted four-character terms names a set of schemes.
  if (inRun && name.length >= 4 && name.length <= 8) return [{ ...base, kind: 'Programme', rule: 'quote:run' }];
  return [];
}
