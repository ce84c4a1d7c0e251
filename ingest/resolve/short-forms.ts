import type { Mention } from '../extract/mention.ts';
import { placesOpening } from '../place/place-names.ts';
import { SUFFIX_RULES } from '../rules/name-suffixes.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { isRelativeName } from './scope.ts';

/**
 * A short form a letter uses, undeclared, for a firm, a body or a site it named in full earlier in the letter
 * (the genre names a thing in full once, then short): 上海澜舟微电子有限公司 … 澜舟微电子 (the place and the
 * legal form dropped), 中关村科学城管理委员会 … 科学城管委会 (the qualifier dropped, the kind word written short).
 * A shape, not a list of names: the short form is the full name's own words, from a word of it on, in the
 * genre's ways of cutting them —
 *   - whole: a run of the full name that ends it or stands right before a firm's legal form
 *     (…有限公司, with at most one trade word between: 北京知行智源科技有限公司 → 知行智源);
 *   - with its kind word written short: the run of the full name before its kind word, and that kind word's
 *     short form (管理委员会 → 管委会, the short forms in KIND_SHORT).
 *   - a firm's coined head and its trade word: the place, the words between and the legal form dropped
 *     (广东星驰汽车电子股份有限公司 → 星驰电子 · 吉林金达莱生物药业股份有限公司 → 金达莱药业; the full name opens with
 *     a place and ends in a legal form, so 中国银行 is not 中国建设银行's).
 * The full name comes first (a firm's head and trade word excepted); a short form that several names could be is
 * joined to none.
 */

/** A kind word and how the genre writes it short (only kind words: a name's own words are never listed here). */
const KIND_SHORT: Array<[full: string, short: string]> = [
  ['管理委员会', '管委会'],
  ['经济技术开发区', '经开区'],
  ['高新技术产业开发区', '高新区'],
  ['股份有限公司', '股份'],
  ['集团有限公司', '集团'],
  ['有限公司', '公司'],
];
// 有限公司 · 股份有限公司 · 有限责任公司 · 集团有限公司: a firm's legal form, which a short name drops.
const LEGAL_FORM = /(?:[\u4e00-\u9fa5]{2})?(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司)$/;
const KINDS = new Set(['Organization', 'Enterprise', 'Platform']);
// The legal form alone (LEGAL_FORM also takes the trade word before it).
const LEGAL_FORM_ONLY = /(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司)$/;
// A firm's trade word (药业 · 电子 · 泵业): what a short name keeps after its coined head.
const TRADE_WORDS = new Set(SUFFIX_RULES.filter((r) => r.kind === 'Enterprise' && r.strict).map((r) => r.suffix));
// Words a short name drops between its head and its trade word (汽车 · 生物), at most so many characters.
const MAX_DROPPED = 4;
const MIN_SHORT = 3;
const MAX_SHORT = 8;

/** For each later mention that is an undeclared short form of one earlier full name: the pair to join. */
export function shortFormsInLetter(mentions: Mention[]): Array<{ kind: Mention['kind']; full: string; short: string }> {
  const joins: Array<{ kind: Mention['kind']; full: string; short: string }> = [];
  const seen = new Set<string>();
  for (const short of mentions) {
    if (!KINDS.has(short.kind)) continue;
    const s = normaliseName(short.name);
    // 市科技局 after 瑞安市科技局 is the writer's own city's bureau (scope.ts): a level word opens no short form.
    if (isRelativeName(short.kind, s)) continue;
    if (s.length < MIN_SHORT || s.length > MAX_SHORT || seen.has(`${short.kind}|${s}`)) continue;
    const fulls = new Set<string>();
    for (const full of mentions) {
      if (full.kind !== short.kind || full.start === short.start) continue;
      const f = normaliseName(full.name);
      if (f.length < s.length + 2) continue;
      // (A firm's head and trade word say whose they are wherever the full name stands: 星驰电子 … 广东星驰汽车电子
      // 股份有限公司 later in the letter.)
      if (full.start < short.start ? isShortFormOf(s, f) : short.kind === 'Enterprise' && headAndTrade(s, f))
        fulls.add(full.name);
    }
    // 北京知行智源科技有限公司 and 知行智源（北京）信息技术有限公司 both before 知行智源: which one is not said.
    if (fulls.size !== 1) continue;
    seen.add(`${short.kind}|${s}`);
    joins.push({ kind: short.kind, full: [...fulls][0], short: short.name });
  }
  return joins;
}

/** Whether `short` is `full` cut in one of the genre's ways (see the module comment). */
export function isShortFormOf(short: string, full: string): boolean {
  for (let at = full.indexOf(short.slice(0, 2)); at >= 0; at = full.indexOf(short.slice(0, 2), at + 1)) {
    const rest = full.slice(at);
    // Whole: 中关村科学城 → 科学城 (ends the name) · 上海澜舟微电子有限公司 → 澜舟微电子 (before its legal form).
    if (rest.startsWith(short)) {
      const after = rest.slice(short.length);
      if (after === '' || after.replace(LEGAL_FORM, '') === '') return true;
    }
    // The kind word short: 中关村科学城管理委员会 → 科学城管委会.
    for (const [kindFull, kindShort] of KIND_SHORT) {
      if (!rest.endsWith(kindFull) || !short.endsWith(kindShort)) continue;
      const core = short.slice(0, short.length - kindShort.length);
      if (core.length >= 2 && rest === core + kindFull) return true;
    }
  }
  return headAndTrade(short, full);
}

/** Whether `short` is a firm's coined head and trade word, as `full` (place, head, words, trade word, legal form) has them. */
function headAndTrade(short: string, full: string): boolean {
  const bare = full.replace(LEGAL_FORM_ONLY, '');
  const place = placesOpening(bare, true)[0];
  if (bare === full || !place || place.start !== 0) return false;
  const rest = bare.slice(place.end);
  for (let head = 2; head <= short.length - 2; head++) {
    const trade = short.slice(head);
    const dropped = rest.length - short.length;
    if (
      TRADE_WORDS.has(trade) &&
      dropped >= 1 &&
      dropped <= MAX_DROPPED &&
      rest.startsWith(short.slice(0, head)) &&
      rest.endsWith(trade)
    )
      return true;
  }
  return false;
}
