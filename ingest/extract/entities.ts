import type { ParsedLetter } from '../parse/parse-letter.ts';
import { ALIAS_GROUPS } from '../lexicon/aliases.ts';
import { isGenericName, opensWithGrade } from './generic.ts';
import { headerMentions, issuerShortForms } from './header-mentions.ts';
import { leftEdge } from './left-edge.ts';
import type { Mention } from './mention.ts';
import { fieldListItems, governmentBodies, listSiblings } from './list-names.ts';
import { peopleIn } from './people.ts';
import { bookTitles, policyMentions, quotedMentions } from './quoted-names.ts';
import { cuedNames } from './cued-names.ts';
import { sitedNames } from './sited-names.ts';
import { CATEGORY_HEAD } from '../rules/name-cues.ts';
import { isOneCommonWord, suffixNames } from './suffix-names.ts';
import { withoutRequestedKinds } from './requested-kinds.ts';
import { withoutBuiltKinds } from './built-kinds.ts';
import { type Token, tokenize } from './tokens.ts';

/**
 * Every entity mention of a letter. Rules run from the most explicit (the
 * header's fields, 《》 titles, “” quotes) to the least (suffixes in running
 * text); where two mentions overlap the more explicit one wins, and between
 * equals the longer one.
 */
const PRIORITY = [
  'header',
  'book-title',
  'quote',
  'issuer-short',
  'lexicon',
  'suffix',
  'person',
  'government',
  'enumeration',
  'list',
  'cue',
];

// 中国眼谷集聚兴齐眼药等科技企业250家 — "X等 <category>" names X as one of the category.
const ENUMERATION = /等(?:[\u4e00-\u9fa5]{0,4}?)(企业|公司|高校院所|高校|大学|平台)(?![库名])/g;
const ENUMERATION_KIND = {
  企业: 'Enterprise',
  公司: 'Enterprise',
  高校院所: 'Organization',
  高校: 'Organization',
  大学: 'Organization',
  平台: 'Platform',
} as const;

// 新立项天地环保等国省配套项目7项 · 海拓环境等省尖兵领雁项目1项: the one named before 等 holds projects of a graded
// programme (国省 · 省 · 市) the clause counts, so it is a firm (a university or institute is named by its suffix,
// which outranks this). Not a field (支持人工智能等方向项目8项 · 新能源汽车等项目: no grade after 等), nor a run with a
// verb: 成果转让等合作项目119项 counts transfers, not their holders.
const OWNER_WORD = /^(?:我|本|全|各|该)/;
const PROJECT_HOLDER = /等(?:国家|国省|省|市|区|县)(?:[\u4e00-\u9fa5]{0,6}?)项目(?:\d+|[一二三四五六七八九十百]+)项/g;

export function extractEntities(letter: ParsedLetter): Mention[] {
  const titles = bookTitles(letter.text);
  const insideTitle = (offset: number) => titles.some((t) => t.start <= offset && offset < t.end);
  const found: Mention[] = [
    ...headerMentions(letter),
    ...policyMentions(letter),
    ...quotedMentions(letter, insideTitle),
  ];
  for (const sentence of letter.sentences) {
    if (sentence.start < letter.body.start || sentence.end > letter.body.end) continue;
    const words = tokenize(sentence.text, sentence.start);
    found.push(...suffixNames(letter, sentence, words, insideTitle));
    found.push(...peopleIn(sentence, words));
    found.push(...enumerated(letter.text, sentence.start, sentence.end, words, insideTitle));
    found.push(...governmentBodies(letter.text, sentence.start, sentence.end));
    // (After the cued names: 实施重点产业研发计划、市科技重大专项 — a launched scheme vouches for its list's next item.)
    found.push(...cuedNames(letter.text, sentence, words, insideTitle));
    found.push(...sitedNames(sentence, words, found, insideTitle));
    found.push(...listSiblings(letter.text, sentence.start, sentence.end, words, found, insideTitle));
    dropFieldItems(found, fieldListItems(letter.text, sentence.start, sentence.end));
  }
  // 规划建设肇庆高新区新型储能产业园 · 设立肇庆高新区新能源汽车产业基金: the issuer's short form opening a longer name
  // is that name's first words, not the issuer (a name found by its own suffix from the same character on).
  const issuerShort = issuerShortForms(letter).filter(
    (s) => !found.some((m) => m.start === s.start && m.end > s.end && m.rule.startsWith('suffix')),
  );
  found.push(...lexiconNames(letter, insideTitle), ...issuerShort);
  const kept = withoutRequestedKinds(letter.text, resolveOverlaps(withoutSchemeWords(found)));
  return withoutBuiltKinds(letter.text, kept).map((m) => withDeclaredShortName(letter.text, m));
}

// 大庆龙创石油装备股份有限公司(以下简称龙创装备) · 青海雪域牦牛乳业有限公司（以下简称“雪域乳业”） · 西藏雪蕊青稞生物科技
// 有限公司（下称“雪蕊公司”）: the short name the letter declares right after a name is that thing's, whether quoted or
// not, whatever characters it keeps and whichever of 以下简称 · 简称 · 下称 · 以下称 declares it.
const DECLARED_SHORT =
  /^\s*[（(]\s*(?:以下简称|简称|以?下称)[：:]?\s*[“"]?([\u4e00-\u9fa5A-Za-z0-9]{2,12})[”"]?\s*[）)]/;

function withDeclaredShortName(text: string, mention: Mention): Mention {
  if (mention.kind === 'Policy' || mention.kind === 'Person') return mention;
  const short = DECLARED_SHORT.exec(text.slice(mention.end, mention.end + 24))?.[1];
  if (!short || short === mention.name) return mention;
  return { ...mention, props: { ...mention.props, declaredShortName: short } };
}

function enumerated(
  text: string,
  from: number,
  to: number,
  tokens: Token[],
  masked: (o: number) => boolean,
): Mention[] {
  const mentions: Mention[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(ENUMERATION)) {
    const at = from + match.index!;
    if (at === from || masked(at - 1)) continue;
    const start = leftEdge(text, tokens, at - 1, from);
    if (start === undefined) continue;
    const name = text.slice(start, at);
    if (
      name.length < 2 ||
      name.length > 12 ||
      isGenericName(name) ||
      opensWithGrade(name) ||
      !/^[\u4e00-\u9fa5A-Za-z]/.test(name) ||
      /[库录单]$/.test(name) ||
      // 储能电池、正负极材料、电解液等规模以上企业: one dictionary word before 等 is a field the firms work in.
      isOneCommonWord(tokens, start, at)
    )
      continue;
    mentions.push({
      kind: ENUMERATION_KIND[match[1] as keyof typeof ENUMERATION_KIND],
      name,
      start,
      end: at,
      rule: 'enumeration',
    });
  }
  for (const match of slice.matchAll(PROJECT_HOLDER)) {
    const at = from + match.index!;
    if (at === from || masked(at - 1)) continue;
    // The holder's name is the run of nouns right before 等 (立项/b · 、 · 新/a end it on the left).
    const words: Token[] = [];
    for (let i = tokens.findIndex((t) => t.end === at); i >= 0 && tokens[i].start >= from; i--) {
      if (!/^(?:n|nz|nt|ns|nr|j|x|vn)/.test(tokens[i].tag) || !/^[\u4e00-\u9fa5]+$/.test(tokens[i].word)) break;
      words.unshift(tokens[i]);
    }
    if (words.length === 0) continue;
    const start = words[0].start;
    const name = text.slice(start, at);
    if (
      name.length < 4 ||
      name.length > 8 ||
      isGenericName(name) ||
      CATEGORY_HEAD.test(name) ||
      !/^[\u4e00-\u9fa5]+$/.test(name) ||
      OWNER_WORD.test(name) ||
      // One dictionary word alone is a field (人工智能等省级项目); a coined one (x, nz, j) can be a firm's short name.
      (words.length === 1 && !/^(?:x|nz|j|nt)/.test(words[0].tag))
    )
      continue;
    mentions.push({ kind: 'Enterprise', name, start, end: at, rule: 'enumeration:project-holder' });
  }
  return mentions;
}

/**
 * A firm read in running text (by its trade word, 等…企业 or a list's siblings) that is an item of a list of fields
 * is a field: it is taken out of `found`. Names the header, a title or a quote gives, and names of other kinds, stay.
 */
function dropFieldItems(found: Mention[], items: Array<{ start: number; end: number }>): void {
  if (items.length === 0) return;
  for (let i = found.length - 1; i >= 0; i--) {
    const m = found[i];
    if (m.kind !== 'Enterprise' || !/^(?:suffix|enumeration|list)/.test(m.rule)) continue;
    if (items.some((item) => m.end === item.end && m.start >= item.start)) found.splice(i, 1);
  }
}

/** Names of the alias lexicon, wherever they stand outside 《》. */
function lexiconNames(letter: ParsedLetter, masked: (o: number) => boolean): Mention[] {
  const mentions: Mention[] = [];
  for (const group of ALIAS_GROUPS) {
    for (const name of group.names) {
      let at = letter.text.indexOf(name);
      while (at !== -1) {
        if (!masked(at) && at >= letter.body.start)
          mentions.push({ kind: group.kind, name, start: at, end: at + name.length, rule: 'lexicon' });
        at = letter.text.indexOf(name, at + name.length);
      }
    }
  }
  return mentions;
}

/** Header, 《》, “” and the issuer's own short name are explicit and win; the rest are equals, and the longer mention wins. */
function rank(mention: Mention): number {
  const index = PRIORITY.findIndex((p) => mention.rule === p || mention.rule.startsWith(`${p}:`));
  return Math.min(index === -1 ? PRIORITY.length : index, 4);
}

function resolveOverlaps(mentions: Mention[]): Mention[] {
  const ordered = [...mentions].sort(
    (a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Mention[] = [];
  for (const mention of ordered) {
    // 《省人大代表建议、批评和意见办理情况反馈意见表》 holds the proposal's body the header read from it: both stand.
    const clash = kept.some(
      (k) =>
        k.start < mention.end &&
        mention.start < k.end &&
        !(
          k.rule.startsWith('header') &&
          mention.rule === 'book-title' &&
          mention.start <= k.start &&
          k.end <= mention.end
        ),
    );
    if (!clash) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * “仲景方药”传承创新工程: the scheme's words after its quoted name are the quote's alias (quoted-names.ts alsoNamed),
 * not a second programme found by its suffix right after the closing quote.
 */
function withoutSchemeWords(found: Mention[]): Mention[] {
  const heads = new Set(
    found
      .filter((m) => m.rule === 'quote:scheme-head' && m.props?.alsoNamed)
      .map((m) => `${m.end}|${m.props!.alsoNamed!.slice(m.name.length)}`),
  );
  if (heads.size === 0) return found;
  return found.filter(
    (m) =>
      !m.rule.startsWith('suffix') || !(heads.has(`${m.start - 1}|${m.name}`) || heads.has(`${m.start}|${m.name}`)),
  );
}
