/**
 * Where a text names a division: 郑州市上街区城市管理局 names 郑州市 then its
 * 上街区; 政协子洲县第十届委员会 names 子洲县; 重庆高新技术产业开发区 names 重庆 by
 * its short name. A name shared by several places (朝阳区) stays ambiguous
 * unless a place before it (北京市朝阳区) says which.
 */
import { type Division, type Divisions, divisions } from './divisions.ts';
import { WordTrie } from '../lexicon/word-trie.ts';

export interface NamedPlace {
  /** Every division the words can mean, once narrowed by the places named before them. */
  candidates: Division[];
  /** The words as written and where they stand in the text given. */
  words: string;
  start: number;
  end: number;
  /** full: 温州市 · short: 温州 (a short name written alone). */
  form: 'full' | 'short';
}

// Words that open a body's name before its place: 政协子洲县… · 中共温州市委 · 中国人民银行重庆市分行.
const BODY_OPENING = /^(?:中国共产党|中共|政协|中国人民政治协商会议|中国人民银行)/;
// A county-level name standing for a place (not 新城区建设 or a district's 城区): an organ of the place follows.
const ORGAN_AFTER =
  /^(?:人民政府|人民代表大会|人大|政协|政府|党委|委员会|[\u4e00-\u9fa5]{0,8}?(?:局|委|办|厅|中心|管委会))/;

// The level words that end a place's full name.
const LEVEL_CHAR = /[省市县区州旗盟]/;

let index: WordTrie | null = null;

/** Every name and short name, so a scan finds 石家庄市 and 石家庄 at one position, and tries the longer first. */
function names(all: Divisions): WordTrie {
  index ??= new WordTrie(all.allNames());
  return index;
}

/**
 * The chain of places at `at` (浙江省温州市鹿城区 → three), each narrowed by the one before.
 * `shortAllowed`: whether a short name alone (重庆高新区) counts; full names always do.
 */
export function placesAt(text: string, at: number, shortAllowed: boolean, all = divisions()): NamedPlace[] {
  const chain: NamedPlace[] = [];
  let i = at;
  for (;;) {
    const parent = chain.at(-1)?.candidates;
    const found = longestAt(text, i, all, parent ?? null, shortAllowed || parent !== undefined);
    if (!found) break;
    chain.push(found);
    i = found.end;
  }
  return chain;
}

function longestAt(
  text: string,
  at: number,
  all: Divisions,
  parents: Division[] | null,
  shortAllowed: boolean,
): NamedPlace | null {
  for (const length of names(all).lengthsAt(text, at)) {
    const name = text.slice(at, at + length);
    const full = all.named(name);
    const short = shortAllowed ? all.shortNamed(name).filter((d) => !full.includes(d)) : [];
    let candidates = [...full, ...short];
    if (parents) candidates = candidates.filter((d) => parents.some((p) => d.parent === p.code));
    if (candidates.length === 0) continue;
    // 绍兴县 (merged into 柯桥区 in 2013) is not 绍兴市: a short name followed by another level word names another place.
    if (full.length === 0 && LEVEL_CHAR.test(text[at + name.length] ?? '')) continue;
    return { candidates, words: name, start: at, end: at + name.length, form: full.length > 0 ? 'full' : 'short' };
  }
  return null;
}

/** The places a body's name opens with (after 政协, 中共 …): 石家庄市科学技术局 → [石家庄市]. */
export function placesOpening(name: string, shortAllowed: boolean): NamedPlace[] {
  const opening = BODY_OPENING.exec(name)?.[0].length ?? 0;
  return placesAt(name, opening, shortAllowed);
}

/**
 * Places written in full anywhere in a text, outside 《》 and “” (a proposal's title
 * names what it asks about, not where the letter is from). A two-character name
 * (沙县, 城区) or a county-level one standing alone counts only with an organ after it.
 */
export function placesIn(text: string): NamedPlace[][] {
  const found: NamedPlace[][] = [];
  const quoted = new Uint8Array(text.length);
  for (const [s, e] of quotedRanges(text)) quoted.fill(1, s, e);
  const starts = names(divisions());
  for (let i = 0; i < text.length; i++) {
    if (quoted[i] || !starts.opens(text.charCodeAt(i))) continue;
    // A short name counts in free text only as a city's or province's, before an organ (重庆金融监管局), never 中山大学.
    let chain = placesAt(text, i, false);
    if (chain.length === 0) {
      chain = placesAt(text, i, true).slice(0, 1);
      const short = chain[0];
      if (
        !short ||
        short.candidates.some((d) => d.level === 'county') ||
        !ORGAN_AFTER.test(text.slice(short.end, short.end + 12))
      )
        continue;
    }
    const last = chain.at(-1)!;
    // 兴县 inside 绍兴县人事局: a two-character name counts only where a word can start.
    if (chain[0].form === 'full' && chain[0].words.length < 3 && i > 0 && /[\u4e00-\u9fa5]/.test(text[i - 1])) continue;
    const countyAlone = chain.length === 1 && last.candidates.every((d) => d.level === 'county');
    if ((countyAlone || last.words.length < 3) && !ORGAN_AFTER.test(text.slice(last.end, last.end + 12))) continue;
    found.push(chain);
    i = last.end - 1;
  }
  return found;
}

function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/《[^《》]*》|“[^“”]*”|"[^"\n]*"/g))
    ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
