import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';
import type { NameGroups } from './name-groups.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { scopeOfLetter } from './scope.ts';
import { placesOpening } from '../place/place-names.ts';
import { shortFormsInLetter } from './short-forms.ts';

/**
 * Names a letter uses for something it named in full elsewhere:
 * - 《条例》 after 《温州市民营企业科技创新促进条例》 (a short title that ends a full one);
 * - a title with its year range and the same title without it;
 * - the issuer's short forms (市科技局 for 温州市科学技术局);
 * - an abbreviation of a longer name of the same kind in the same letter,
 *   same first and last character, its characters in order (华中院 for 华中科技大学温州先进制造技术研究院).
 */
export function joinBackReferences(extraction: LetterExtraction, groups: NameGroups): void {
  const { mentions } = extraction;
  const scope = scopeOfLetter(extraction.letter);
  const policies = mentions.filter((m) => m.kind === 'Policy');
  for (const policy of policies) {
    const short = policy.props?.shortName;
    if (short) groups.join('Policy', policy.name, short, scope, 'short title');
    const declared = policy.props?.declaredShortName;
    if (declared) groups.join('Policy', policy.name, declared, scope, 'declared short title (以下简称)');
    const name = normaliseName(policy.name);
    // 深圳《未来产业创新网络计划》 · 《深圳未来产业创新网络计划》: one title with and without its place.
    const placed = policies.find((p) => p !== policy && placeBefore(normaliseName(p.name), name));
    if (placed) groups.join('Policy', placed.name, policy.name, scope, 'the title with its place');
    if (name.length > 8) continue;
    // 《指引》 after 《科技部关于印发建设创新型省份工作指引的通知》: the short title ends the document the notice issues.
    const full = policies.find(
      (p) =>
        p !== policy &&
        normaliseName(p.name).length > name.length &&
        documentsOf(normaliseName(p.name)).some((d) => d.endsWith(name)),
    );
    if (full) groups.join('Policy', full.name, policy.name, scope, 'end of a full title');
  }
  for (const mention of mentions) {
    // X公司（以下简称“Y”）: the short name the letter declares for a firm, a platform or a body.
    const declaredShort = mention.kind === 'Policy' ? null : mention.props?.declaredShortName;
    if (declaredShort) groups.join(mention.kind, mention.name, declaredShort, scope, 'declared short name (以下简称)');
    const aliasOf = mention.props?.aliasOf;
    if (aliasOf) groups.join(mention.kind, aliasOf, mention.name, scope, `alias (${mention.rule})`);
    // “科大硅谷”引导基金: the quote is the name, the quote with its scheme's word another.
    const alsoNamed = mention.props?.alsoNamed;
    if (alsoNamed) {
      groups.join(mention.kind, mention.name, alsoNamed, scope, 'the quoted name with its scheme’s word');
      groups.prefer(mention.kind, mention.name, scope);
    }
    // The proposal's body: 市人大 is the node, 石家庄市第十四届人民代表大会 what the letter wrote.
    const writtenAs = mention.props?.writtenAs;
    if (writtenAs) {
      groups.join(mention.kind, mention.name, writtenAs, scope, 'written form of a body');
      groups.prefer(mention.kind, mention.name, scope);
    }
  }
  // Full names by kind and the first and last character of their core (what an abbreviation keeps), so each
  // short name looks at a few.
  const byEnds = new Map<string, Mention[]>();
  const keyOf = (kind: string, core: string) => `${kind}|${core[0]}|${core[core.length - 1]}`;
  const coreOf = (name: string) => coreOfName(name, extraction.letter.place);
  for (const m of mentions) {
    const key = keyOf(m.kind, coreOf(m.name).core);
    const list = byEnds.get(key);
    if (!list) byEnds.set(key, [m]);
    else if (!list.some((x) => x.name === m.name)) list.push(m);
  }
  for (const short of mentions) {
    if (short.kind === 'Policy' || short.kind === 'Person') continue;
    const s = coreOf(short.name);
    if (s.core.length < 3 || s.core.length > 6) continue;
    const full = (byEnds.get(keyOf(short.kind, s.core)) ?? []).find((m) => {
      const f = coreOf(m.name);
      return (
        (!s.level || !f.level || s.level === f.level) &&
        f.core.length >= s.core.length + 2 &&
        abbreviates(s.core, f.core)
      );
    });
    if (full) groups.join(short.kind, full.name, short.name, scope, 'abbreviation');
  }
  // 衡阳市科学技术局 (协办单位, 抄送) · 市科学技术局 (the body): a body named with the letter's own place and with its
  // level word alone is one body, where the letter names one such body only (瑞安市科技局 in a letter of 澜城市 is
  // another city's, and 市科技局 there the issuer's).
  const ownPlace = extraction.letter.place;
  for (const short of mentions) {
    if (!ownPlace || short.kind !== 'Organization' || !/^[省市县区州]/.test(short.name)) continue;
    const level = short.name[0];
    const rest = short.name.slice(1);
    const fulls = new Set(
      mentions
        .filter((m) => m.kind === 'Organization' && m.name.length > short.name.length && m.name.endsWith(short.name))
        .map((m) => m.name)
        .filter((name) => {
          const place = name.slice(0, name.length - rest.length);
          return place === ownPlace && place.endsWith(level);
        }),
    );
    if (fulls.size === 1) groups.join(short.kind, [...fulls][0], short.name, scope, 'the body with its place');
  }
  // 上海澜舟微电子有限公司 … 澜舟微电子 · 中关村科学城管理委员会 … 科学城管委会: named in full, then short.
  for (const { kind, full, short } of shortFormsInLetter(mentions))
    groups.join(kind, full, short, scope, 'short form of a name given in full before');
}

/**
 * A name's core for abbreviations: without the letter's own place and its level word, 委员会 read as 委 —
 * 市发改委 and 市发展和改革委员会 are 市 + 发改委 and 市 + 发展和改革委; 株洲市市场监督管理局 and 保定市场监管局 are
 * 市场监督管理局 and 市场监管局 (市 before 场 is the word 市场's, not a level).
 */
function coreOfName(name: string, place: string | null): { level: string; core: string } {
  let core = name.replace(/委员会$/, '委');
  const short = place?.replace(/[省市县区]$/, '') ?? '';
  // 淄博市市场监督管理局 and 保定市场监管局 are bodies of the city's level, though 市 before 场 is 市场's: the place
  // gives the level (省市场监管局 beside them is the province's bureau, not their abbreviation).
  const placeLevel = place && core.startsWith(place) ? (/[省市县区]$/.exec(place)?.[0] ?? '') : '';
  if (place && core.startsWith(place) && core[place.length] !== '场') core = core.slice(place.length);
  else if (short.length >= 2 && core.startsWith(short)) core = core.slice(short.length);
  const level = /^[省市县区](?!场)/.exec(core)?.[0] ?? '';
  return { level: level || placeLevel, core: core.slice(level.length) };
}

// 关于印发…的通知 · 关于转发…的通知: a notice that issues a document; 《…》 may later name the document itself.
const ISSUING_NOTICE = /(?:关于)?(?:印发|转发|颁布|发布)(?<document>.{4,}?)的(?:通知|决定)$/;

/** The documents a title names: itself (less a trailing bracket), and the one it issues. */
function documentsOf(title: string): string[] {
  const bare = title.replace(/[（(][^）)]*[）)]?$/, '');
  const issued = ISSUING_NOTICE.exec(bare)?.groups?.document;
  return issued ? [bare, issued.replace(/[《》]/g, '')] : [bare];
}

/** Whether `full` is `short` with a place before it: 深圳 + 未来产业创新网络计划 (the place two to four characters). */
function placeBefore(full: string, short: string): boolean {
  if (short.length < 6 || !full.endsWith(short)) return false;
  const place = full.slice(0, full.length - short.length);
  return place.length >= 2 && place.length <= 4 && placesOpening(place, true).some((p) => p.end === place.length);
}

function abbreviates(short: string, full: string): boolean {
  if (short[0] !== full[0] || short[short.length - 1] !== full[full.length - 1] || full.includes(short)) return false;
  if (dropsOneMiddleRun(short, full)) return false;
  let at = 0;
  for (const c of short) {
    at = full.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/**
 * 北京大学 · 北京邮电大学, 中国科学院 · 中国农业科学院: whole words kept on both sides of one run of two characters
 * or more cut from the middle is another name of the same place and kind, not an abbreviation; an abbreviation
 * shortens words (发展和改革委 → 发改委, 市场监督管理局 → 市场监管局) or keeps a head and one kind character (华中院).
 */
function dropsOneMiddleRun(short: string, full: string): boolean {
  const cut = full.length - short.length;
  if (cut < 2) return false;
  for (let head = 2; head <= short.length - 2; head++)
    if (full.startsWith(short.slice(0, head)) && full.endsWith(short.slice(head))) return true;
  return false;
}
