import type { Sentence } from '../parse/parse-letter.ts';
import { placesAt, placesOpening } from '../place/place-names.ts';
import { LEFT_STOPS } from '../rules/left-stops.ts';
import { SITE_CUE, SITE_HEAD } from '../rules/name-cues.ts';
import { cleanWords } from './cued-names.ts';
import { isGenericName } from './generic.ts';
import type { Mention } from './mention.ts';
import { type Token, tokenAt } from './tokens.ts';

/**
 * Sites a letter names by their place, their own words and the kind of ground they are (区 · 带 · 岛 · 湾 · 港 · 廊 ·
 * 坊 · 谷 · 城 · 社区), with no suffix the table knows: 在金普新区规划建设大连数据要素先导区 · 支持弥勒市建设弥勒甸溪数字岛 ·
 * 在漳州台商投资区布局…. The letter marks them as names twice over: a verb that builds or hosts a site takes them
 * (rules/name-cues.ts SITE_CUE), and they open with a place the division list knows (ingest/place), which a kind of
 * site never does (产业集聚区 · 城区 · 核心区). A site listed right after a platform the letter named, under the same
 * verb, is one too, its sibling vouching for it where no place opens it (依托大连高新技术产业园区和旅顺南路软件产业带).
 */
const CLAUSE_BREAK = /[\p{P}\p{S}\s\d０-９]/u;
const MIN_NAME = 5;
const MAX_NAME = 14;
const STOPS = LEFT_STOPS.filter((w) => w.length >= 2);
// 大连市中心城区 · 温州市区: a place's own parts (a level word right after the place) are places, not sites.
const PLACE_PART = /^[省市县区州旗镇乡]/;
// 蒙自市南湖片区 · 老城区 · 辖区: a part of a place or an area of it is where things are, not a site built.
const PART_OF_PLACE = /(?:片区|城区|市区|辖区|景区|小区|老区|山区|库区|矿区|地区|街区)$/;
// What may follow a site's name: the clause's end, 的/内, a joiner, or the verb of the next clause (布局 · 引进).
const AFTER_NAME = /^(?:[\p{P}\p{S}\s]|$|的|内|和|与|及|、)/u;
// 依托A（以下简称“B”）和C: a sibling platform, with its declared short name, before the joiner.
const SHORT_NAME_BRACKET = /[（(][^（）()]{0,16}[）)]$/;

export function sitedNames(
  sentence: Sentence,
  tokens: Token[],
  found: Mention[],
  masked: (o: number) => boolean,
): Mention[] {
  const mentions: Mention[] = [];
  const taken = (from: number, to: number) =>
    masked(sentence.start + from) || found.some((m) => m.start < sentence.start + to && sentence.start + from < m.end);
  const s = sentence.text;
  for (const cue of s.matchAll(SITE_CUE)) {
    const from = cue.index! + cue[0].length;
    const site = siteAt(s, from, tokens, sentence.start);
    if (!site) continue;
    const name = s.slice(from, site);
    const place = placesOpening(name, true)[0];
    if (!place || place.start !== 0) continue;
    const rest = name.slice(place.end);
    // (弥勒市建设…: the division itself, or a part of it, is where a site is, not a site.)
    if (rest.length < 3 || PLACE_PART.test(rest) || isGenericName(rest) || isDivision(name) || taken(from, site))
      continue;
    mentions.push(mentionOf(sentence, from, site, name));
  }
  for (const joiner of s.matchAll(/[和、及]/g)) {
    const before = s.slice(0, joiner.index!).replace(SHORT_NAME_BRACKET, '');
    const sibling = found.find(
      (m) => m.kind === 'Platform' && m.end === sentence.start + before.length && m.start >= sentence.start,
    );
    if (!sibling) continue;
    const from = joiner.index! + 1;
    const site = siteAt(s, from, tokens, sentence.start);
    if (!site) continue;
    const name = s.slice(from, site);
    // (…和软件产业带: a kind of site after a named one is still a kind; a name holds a proper noun, 旅顺/nz 南路/ns.)
    if (
      isGenericName(name) ||
      isDivision(name) ||
      taken(from, site) ||
      !holdsProperNoun(tokens, sentence.start, from, site)
    )
      continue;
    mentions.push(mentionOf(sentence, from, site, name));
  }
  return mentions;
}

function mentionOf(sentence: Sentence, from: number, to: number, name: string): Mention {
  return { kind: 'Platform', name, start: sentence.start + from, end: sentence.start + to, rule: 'cue:site' };
}

/** Where a site's name that opens at `from` ends (after its head word, at a word's end, before what may follow), or 0. */
function siteAt(s: string, from: number, tokens: Token[], offset: number): number {
  for (let end = from + MIN_NAME; end <= Math.min(s.length, from + MAX_NAME); end++) {
    // (Every character of the shortest name too: 在张店区、周村区建成… holds a list's mark in its first five.)
    if (end === from + MIN_NAME ? CLAUSE_BREAK.test(s.slice(from, end)) : CLAUSE_BREAK.test(s[end - 1])) return 0;
    if (!SITE_HEAD.test(s.slice(from, end)) || PART_OF_PLACE.test(s.slice(from, end))) continue;
    const next = tokens[tokenAt(tokens, offset + end)];
    const wordEnds = !next || next.start === offset + end;
    const after = s.slice(end);
    if (!wordEnds || !(AFTER_NAME.test(after) || STOPS.some((w) => after.startsWith(w)) || next?.tag === 'v')) continue;
    // No verb that opens a name inside it (打造…建设…区 is a clause), and only words a name holds.
    const inside = s.slice(from, end);
    if (STOPS.some((w) => inside.includes(w)) || !cleanWords(tokens, offset + from, offset + end)) return 0;
    return end;
  }
  return 0;
}

/** 金州区 · 南湖区 · 禹会区和怀远县: a division's own name (or two joined) is a place, whatever the verb before it. */
export function isDivision(name: string): boolean {
  return name.split(/[和与及]/).every((part) => part !== '' && placesAt(part, 0, true).at(-1)?.end === part.length);
}

/** Whether a word the segmenter takes for a proper noun (a place, a person, an organisation, another) stands inside. */
function holdsProperNoun(tokens: Token[], offset: number, from: number, to: number): boolean {
  for (let i = Math.max(0, tokenAt(tokens, offset + from)); i < tokens.length && tokens[i].start < offset + to; i++)
    if (/^(?:ns|nz|nr|nt)$/.test(tokens[i].tag) && tokens[i].start >= offset + from) return true;
  return false;
}
