import { LEFT_STOPS } from '../rules/left-stops.ts';
import { SUFFIX_RULES } from '../rules/name-suffixes.ts';
import { placesOpening } from '../place/place-names.ts';
import { type Token, tokenAt } from './tokens.ts';
import { WordEnds } from './word-ends.ts';

/**
 * Finds where a name starts, walking left from its suffix over the sentence's
 * words. It stops at punctuation, at a verb or function word that opens a
 * name (ingest/rules LEFT_STOPS: 引进, 依托, 等, 的 …), at numbers and
 * measure words, and at 和/与/及 when what stands left of them is itself a
 * complete name (瓯江实验室和激光…中心 is two names; 眼视光学和视觉科学国家重点实验室 is one).
 * A short bracket inside a name is kept: 温州市校（院）地…联合办公室 · 首台（套）提升工程.
 */
const STOP_WORDS = new Set(LEFT_STOPS);
// Words of two or more characters also stop where jieba glued them to a neighbour (充分发挥 ends in 发挥).
const LONG_STOPS = new WordEnds(LEFT_STOPS.filter((w) => w.length > 1));
// Numbers, measure words, punctuation, 的/了/等, pronouns, modal particles. Adverbs (d) and 地 (uv)
// are not here: jieba gives those tags to characters inside names (正泰集团 正/d, 校（院）地 地/uv).
// jieba tags both punctuation and words its HMM discovered (市融担, 正泰) as x: only the punctuation stops.
const STOP_TAGS = new Set(['m', 'q', 'uj', 'ul', 'u', 'r', 'y', 'e', 'o', 'w', 'p', 'c']);
// A word tagged as a number holds a numeral (12 · 三个 · 首批 · 多家); 良种/m (a breed) holds none and is a word of the
// name: 堆龙德庆区牦牛良种繁育基地.
const NUMERAL = /[\d０-９零〇一二两三四五六七八九十百千万亿几多余半第首]/;
const stopsByTag = (token: Token) => STOP_TAGS.has(token.tag) && (token.tag !== 'm' || NUMERAL.test(token.word));
// 八角/m 湾/zg: a number the segmenter split off before a one-character bound word (湾 · 岛 · 洲) is a place's own word
// (八角湾人才驿站), not a count (3个 · 两大 are followed by a measure word or a word of their own).
export const numeralOfPlace = (token: Token, next: Token | undefined) =>
  token.tag === 'm' && next !== undefined && next.tag === 'zg' && next.word.length === 1 && next.start === token.end;
// Terms that open a name though they end in a stop word: 省部共建眼视光学和视觉科学国家重点实验室.
const NAME_OPENERS = new WordEnds(['省部共建', '部省共建', '部市共建', '省市共建', '厅市共建', '院地共建', '校地共建']);
const PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;
// (深圳) · （温州）: a campus's or branch's place in brackets after a name.
export const PLACE_BRACKET_END = /[（(][\u4e00-\u9fa5]{2,4}[）)]$/;
const JOINERS = new Set(['和', '与', '及']);
const CATEGORY_BEFORE_JOINER = /^(?:企业|高校|院所|单位|机构|部门|园区|主体|团队|政府|我局|我们)$/;
const NAME_SIGNS = /^[×＋+]$/;
// The word that ends a government body's name: 局 · 委 · 委员会 · 厅 · 政府 · 办 (see `enterprise` in leftEdge).
const BODY_END = /(?:局|委|委员会|厅|政府|办)$/;
const GLUED_PREPOSITION = /^[向在对从将把与由为给被]$/;
const LOCATIVE = /[内中里间外]$/;
const ORDINAL = /^第[一二三四五六七八九十]{1,2}$/;
// After 和 inside a bureau's name, the rest is a short domain and the bureau's word: 和水利局 · 和改革委员会 · 和信息化局.
const BUREAU_AFTER_JOINER = /^[\u4e00-\u9fa5]{1,4}(?:局|委员会|委|厅|部)/;
// 建盏文化创意园和… · …产业城和…: a head word of a site or a body ends a whole name before a joiner, whether or not
// the suffix table knows the name (眼视光学和视觉科学… ends in no such word and goes on).
const HEAD_BEFORE_JOINER = /[园城谷港馆站区局委厅司]$/;
const SUFFIXES = new WordEnds(SUFFIX_RULES.map((rule) => rule.suffix));
const SUFFIX_WORDS = new Set(SUFFIX_RULES.map((rule) => rule.suffix));
// A firm's trade word (药业, 机械) ends a name before 和/与 only as a word of its own (康宁/药业与…): inside a
// common word (精密机械与物理研究所, one institute) it is the word's.
const TRADE_SUFFIXES = new Set(SUFFIX_RULES.filter((r) => r.kind === 'Enterprise' && r.strict).map((r) => r.suffix));

/**
 * `firm`: the name ends in a company's word (有限公司, 集团), whose name may hold verbal nouns between nouns
 * (洛阳市城市建设投资集团有限公司: 建设/vn 投资/vn are its words, not verbs opening it). `enterprise`: the name is a
 * firm's, whatever its last word (锡源新材 · 正泰集团).
 */
export function leftEdge(
  text: string,
  tokens: Token[],
  suffixStart: number,
  floor: number,
  firm = false,
  enterprise = firm,
): number | undefined {
  // Start at the token holding the suffix's first character (科技局 holds 局).
  let index = tokenAt(tokens, suffixStart);
  if (index === -1) return undefined;
  let start = tokens[index].start;
  let insideBureau = false;
  // 城市/ns 建设/vn 投资/vn 集团: in a firm's name a verbal noun between nouns is a word of the name.
  const nominalInFirm = (token: Token, at: number) =>
    firm && token.tag === 'vn' && /^(?:n|ns|nt|vn)/.test(tokens[at - 2]?.tag ?? '') && tokens[at - 2].start >= floor;
  while (index > 0) {
    const token = tokens[index - 1];
    if (token.start < floor) break;
    // 我局会同州工业和信息化局指导锡源新材牵头: a firm's name never holds a government body's; the word after the
    // body's name (指导, tagged n) is the verb between the two names.
    // 区交通运输局协调/v 民航华东地区管理局: nor does a body's name hold another's with a verb between them.
    if ((enterprise || token.tag === 'v') && BODY_END.test(text.slice(Math.max(floor, token.start - 4), token.start)))
      break;
    // Only the words just left of the name matter (a stop word is at most a few characters).
    const before = text.slice(Math.max(floor, start - 8), start);
    const opener = NAME_OPENERS.endOf(before);
    if (opener) {
      start -= opener.length;
      while (index > 0 && tokens[index - 1].start >= start) index--;
      continue;
    }
    // 合成生物联合实验室 · 温州联合研究院: 联合 right before the bare suffix word is the name's own word, not a verb
    // opening it (成都市科学技术局联合四川大学: 联合 before the word 四川大学 is the verb); so is 指导 before it
    // (教学指导委员会, but 指导博瑞陶瓷…: the verb).
    const ownVerb = /(?:联合|指导)$/.exec(before)?.[0];
    if (start === suffixStart && ownVerb && !/^[\p{P}\s]/u.test(text.slice(start - 3, start - 2))) {
      start -= 2;
      while (index > 0 && tokens[index - 1].start >= start) index--;
      continue;
    }
    // 宁泰生物医药协同创新走廊 · 长三角协同创新中心: 协同 before 创新 is the name's word (collaborative innovation), not
    // the verb 协同 (协同推进) opening it.
    if (
      /协同$/.test(before) &&
      text.startsWith('创新', start) &&
      !/^[\p{P}\s]/u.test(text.slice(start - 3, start - 2))
    ) {
      start -= 2;
      while (index > 0 && tokens[index - 1].start >= start) index--;
      continue;
    }
    // (住房城乡建设和水利局: past a joiner inside a bureau's name, a word ending like a verb is the name's.)
    if (!insideBureau && LONG_STOPS.endOf(before) !== undefined && !nominalInFirm(token, index)) break;
    if (token.word === '）' || token.word === ')') {
      const open = findOpenBracket(tokens, index - 1);
      if (open === -1 || open === 0) break;
      // The bracket qualifies the word before it (首台（套）, 中国（温州）): take that word too.
      const qualified = tokens[open - 1];
      if (qualified.start < floor || PUNCTUATION.test(qualified.word) || STOP_WORDS.has(qualified.word)) break;
      index = open - 1;
      start = qualified.start;
      continue;
    }
    // 数据要素×行动 · 人工智能+行动: a sign between two words of a scheme's name is part of it.
    if (NAME_SIGNS.test(token.word) && /[\u4e00-\u9fa5]/.test(text[token.start - 1] ?? '') && index > 1) {
      index--;
      start = token.start;
      continue;
    }
    // 教育科技创新大会暨人才工作会议: 暨 joins two events held as one.
    if (
      token.word === '暨' &&
      /(?:大会|会议|论坛|峰会|活动)$/.test(text.slice(Math.max(floor, token.start - 4), token.start))
    ) {
      index--;
      start = token.start;
      continue;
    }
    // 三峡大学第一临床医学院 · 宜昌市第一人民医院: an ordinal after a name's words is part of the next name.
    if (
      ORDINAL.test(token.word) &&
      /^(?:n|ns|nt|nz)/.test(tokens[index - 2]?.tag ?? '') &&
      tokens[index - 2].start >= floor
    ) {
      index--;
      start = token.start;
      continue;
    }
    if (JOINERS.has(token.word)) {
      // 哈尔滨工业大学(深圳)与鹏城实验室: a name (with its place in brackets) ends left of the joiner.
      const leftText = text.slice(Math.max(floor, token.start - 12), token.start).replace(PLACE_BRACKET_END, '');
      insideBureau = BUREAU_AFTER_JOINER.test(text.slice(token.end, suffixStart + 3));
      const ending = SUFFIXES.endOf(leftText);
      const tradeInsideWord =
        ending !== undefined && TRADE_SUFFIXES.has(ending) && (tokens[index - 2]?.word.length ?? 0) > ending.length;
      if ((ending !== undefined && !tradeInsideWord) || HEAD_BEFORE_JOINER.test(leftText)) break;
      // 企业与新疆大学: what follows the joiner opens with a place, so it is a name of its own (a name's second half
      // after 和 is a field or a domain: 眼视光学和视觉科学… · 住房城乡建设和水利局).
      if (!insideBureau && placesOpening(text.slice(token.end, suffixStart), true).length > 0) break;
      const left = tokens[index - 2];
      // 鼓励企业与中国科学技术大学…: a kind of actor before the joiner is the clause's subject, not a name's first half.
      if (left && CATEGORY_BEFORE_JOINER.test(left.word)) break;
      // 持续保持与市人大法工委: a verb or a word opening with one (持续…) before 与 is not the first half of a name
      // (a verbal noun is: 市发展和改革委员会); …正与鹏城实验室 · 已与: after an adverb 与 is "with", not "and".
      if (
        !left ||
        STOP_WORDS.has(left.word) ||
        stopsByTag(left) ||
        PUNCTUATION.test(left.word) ||
        (left.tag.startsWith('v') && left.tag !== 'vn') ||
        left.tag === 'd' ||
        opensWithStop(left.word)
      )
        break;
    } else if (token.word === '所' && tokens[index - 2]?.tag.startsWith('n') && tokens[index - 2].start >= floor) {
      // 中国科学院宁波材料所临安分所: 所 after a noun is an institute's short name (材料所), though tagged c.
    } else if (nominalInFirm(token, index)) {
      // (a firm's own word, see above)
    } else if (
      STOP_WORDS.has(token.word) ||
      (stopsByTag(token) && !numeralOfPlace(token, tokens[index])) ||
      PUNCTUATION.test(token.word) ||
      (token.tag === 's' && LOCATIVE.test(token.word))
    ) {
      // (园内/s 星联科技 · 区内/s: where something is, said before its name.)
      break;
    } else {
      // 青山湖科技城和云栖小镇: jieba glued the first name's end, the joiner and the second name's start (城和云栖/x);
      // where what stands before the joiner ends like a name, the second name starts after the joiner.
      const joiner = token.tag === 'x' ? Math.max(...['和', '与', '及'].map((j) => token.word.lastIndexOf(j))) : -1;
      if (
        joiner > 0 &&
        SUFFIXES.endOf(text.slice(Math.max(floor, token.start + joiner - 12), token.start + joiner)) !== undefined
      ) {
        start = token.start + joiner + 1;
        break;
      }
      // 会同县农业农村局: jieba read the verb and the level word as a county's name (会同县/n); the name starts at the level word.
      const verb = LONG_STOPS.startOf(token.word);
      if (verb && /^[省市县区]$/.test(token.word.slice(verb.length))) {
        start = token.start + verb.length;
        break;
      }
      // 已向市人大常委会: jieba glued stop words to the name's first character (已向市/x); the name starts after them.
      // (Only words the segmenter's HMM made up, tagged x: 经济 is a word, not 经 + 济.)
      // 已向/d 东岭新材 read as 已/d 向东/nr 岭 …: a preposition glued to the name's first character, after an
      // adverb or a clause break, is not the name's.
      const before = tokens[index - 2];
      const prepositionGlued =
        /^(?:nr|ns|nz)$/.test(token.tag) &&
        token.word.length === 2 &&
        GLUED_PREPOSITION.test(token.word[0]) &&
        (!before || before.start < floor || before.tag === 'd' || PUNCTUATION.test(before.word));
      // 经认真研究，并商/x 县委人才办: a word the segmenter made of stop words alone (并 + 商) opens the name after it.
      if (token.tag === 'x' && allStops(token.word)) break;
      // (芜湖/ns 经开区/x 管委会: a word the suffix table knows whole is the name's, not 经 glued to 开区.)
      const glued =
        token.tag === 'x' && !SUFFIX_WORDS.has(token.word) ? gluedStops(token.word) : prepositionGlued ? 1 : 0;
      if (glued > 0) {
        start = token.start + glued;
        break;
      }
      // 李国胜到东川科技城: a stop word glued to the end of the word before the name (李国胜到/x) ends the walk.
      // 市科学技术局向市场监管总局: the segmenter glued a body's last character to the preposition after it (局向/x).
      if (
        token.tag === 'x' &&
        STOP_WORDS.has(token.word[token.word.length - 1]) &&
        (token.word.length >= 3 || (GLUED_PREPOSITION.test(token.word[1]) && BODY_END.test(token.word[0])))
      )
        break;
    }
    index--;
    start = token.start;
  }
  return start;
}

/** The index of the token opening a short bracket （院） that closes at `close`, or -1. */
function findOpenBracket(tokens: Token[], close: number): number {
  for (let k = close - 1; k >= Math.max(0, close - 4); k--) {
    if (tokens[k].word === '（' || tokens[k].word === '(') {
      const inner = tokens
        .slice(k + 1, close)
        .map((t) => t.word)
        .join('');
      return /^[\u4e00-\u9fa5]{1,4}$/.test(inner) ? k : -1;
    }
  }
  return -1;
}

/** How many leading characters of a word are stop words glued on (已向市 → 2), when something is left after them. */
function gluedStops(word: string): number {
  let at = 0;
  while (at < word.length - 1) {
    const stop = LONG_STOPS.startOf(word, at) ?? (STOP_WORDS.has(word[at]) ? word[at] : undefined);
    if (!stop) break;
    at += stop.length;
  }
  return at < word.length && at > 0 && word.length - at <= 2 ? at : 0;
}

/** Whether a word is stop words end to end (并商 → 并 + 商). */
function allStops(word: string): boolean {
  let at = 0;
  while (at < word.length) {
    const stop = LONG_STOPS.startOf(word, at) ?? (STOP_WORDS.has(word[at]) ? word[at] : undefined);
    if (!stop) return false;
    at += stop.length;
  }
  return word.length > 0;
}

function opensWithStop(word: string): boolean {
  // A stop word shorter than the word that opens it: one that opens the word less its last character.
  return LONG_STOPS.startOf(word.slice(0, -1)) !== undefined;
}
