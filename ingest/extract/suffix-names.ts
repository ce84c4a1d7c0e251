import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';
import { SUFFIX_RULES, type SuffixRule } from '../rules/name-suffixes.ts';
import { isGenericName, stripQualifiers } from './generic.ts';
import { leftEdge } from './left-edge.ts';
import type { Mention } from './mention.ts';
import type { Token } from './tokens.ts';

/** Rejections per suffix: words that end like a name but are not one (格局 ends in 局, 全部 in 部). */
const NOT_A_NAME: Partial<Record<string, RegExp>> = {
  局: /(?:格|布|大|全|结|当|开|破|新)局$/,
  // 党委, 市委 (ambiguous), 管委, 村委 and 常委 are not the names of departments.
  委: /(?:党|市|省|县|区|管|村|居|常|编|贵)委$/,
  部: /(?:全|内|干|总|西|东|南|北|外|底|顶|中|本|各|局|头)部$/,
  港: /^香港$/,
  谷: /(?:低|峡|山|深|硅)谷$/,
  学院: /^(?:职业|高等|二级|独立)学院$/,
  大学: /^(?:高等|职业|本科)?大学$/,
  // 院 alone names a platform in a short name: 华中院 · 阿里巴巴达摩院. Not 医院, 法院, 学院, 科研院, 科学院 or long phrases.
  队: /(?:团|部|球|车|舰|梯|排|军|连)队$/,
  院: /^.{9,}$|(?:医|法|学|研|科|本|该|我|全|两|才|设计|剧|影|庭|工程|科学)院$/,
};
const MAX_NAME = 30;
const BY_SUFFIX = new Map(SUFFIX_RULES.map((rule) => [rule.suffix, rule]));
/** Every suffix of the table, longest first, in one pattern: one pass over a sentence finds every candidate end. */
const ANY_SUFFIX = new RegExp([...BY_SUFFIX.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[()（）]/g, '\\$&')).join('|'), 'g');

/**
 * Names found by their suffix (瓯江实验室, 正泰集团, 科技部), with the left
 * edge found by `leftEdge`. 《》 titles are skipped: a policy title is one
 * thing, not the labs it names.
 */
export function suffixNames(letter: ParsedLetter, sentence: Sentence, tokens: Token[], masked: (offset: number) => boolean): Mention[] {
  const text = letter.text;
  // Candidate ends, each with the longest suffix ending there; scanned right to left so a name found hides what it contains.
  const ends = new Map<number, SuffixRule>();
  for (let from = 0; from < sentence.text.length; from++) {
    ANY_SUFFIX.lastIndex = from;
    const match = ANY_SUFFIX.exec(sentence.text);
    if (!match) break;
    const end = sentence.start + match.index + match[0].length;
    const rule = BY_SUFFIX.get(match[0])!;
    const known = ends.get(end);
    if (!known || known.suffix.length < rule.suffix.length) ends.set(end, rule);
    from = match.index;
  }
  const mentions: Mention[] = [];
  let floor = Infinity;
  for (const end of [...ends.keys()].sort((a, b) => b - a)) {
    if (end > floor || masked(end - 1)) continue;
    const rule = ends.get(end)!;
    // A name ends at a word boundary: 研究院 in 研究院所 is not a name's end.
    const next = tokens.find((t) => t.start < end && end < t.end);
    if (next && !next.word.endsWith(rule.suffix)) continue;
    const mention = nameEndingAt(text, tokens, rule, end, sentence.start, masked);
    if (mention) {
      mentions.push(mention);
      floor = mention.start;
    }
  }
  return mentions;
}

function nameEndingAt(text: string, tokens: Token[], rule: SuffixRule, end: number, floor: number, masked: (o: number) => boolean): Mention | undefined {
  const suffixStart = end - rule.suffix.length;
  const start = leftEdge(text, tokens, suffixStart, floor);
  if (start === undefined || end - start > MAX_NAME) return undefined;
  for (let k = start; k < end; k++) if (masked(k)) return undefined;
  // 68家高能级科创平台: a measure word after a number is not the start of a name.
  if (/[\d０-９]$/.test(text.slice(floor, start))) return undefined;
  // 贵委会, 管委会: 委 followed by 会 ends no name here (委员会 has its own row).
  if (rule.suffix === '委' && text[end] === '会') return undefined;
  // 专项政策, 计划任务: the suffix word modifies what follows, so it does not end a name here.
  if (rule.kind === 'Programme' && /^(?:政策|资金|经费|办法|规划|项目|任务|方案|管理|申报)/.test(text.slice(end, end + 2))) return undefined;
  const raw = text.slice(start, end);
  const { name, stripped } = stripQualifiers(raw);
  if (name.length < rule.minLength || isGenericName(name) || NOT_A_NAME[rule.suffix]?.test(name)) return undefined;
  if (/^[^\u4e00-\u9fa5A-Za-z]/.test(name) || /[“”《》]/.test(name)) return undefined;
  return { kind: rule.kind, name, start: start + stripped, end, rule: `suffix:${rule.suffix}` };
}
