/**
 * The place a document number's prefix abbreviates: 渝科局函〔2022〕242号 (重庆),
 * 石科建议字〔2021〕第6号 (石家庄 or 石嘴山?), 温科提复〔2024〕12号 (温州 or 温岭?).
 * One character is the usual abbreviation, and one character is ambiguous more
 * often than not: it gives a place only when a single division fits it at the
 * level the letter speaks for (市科技局, 我县 …), or inside a place another clue
 * gives. Otherwise it is no clue at all.
 */
import { type Division, divisions } from './divisions.ts';

// 渝科局函〔2022〕242号 · 石科建议字〔2021〕第6号 · 商科文[2022]7号 · 子交函(2023)34号: the letters before the year.
const PREFIX = /^(?<prefix>[\u4e00-\u9fa5]{2,10}?)\s*[:：]?\s*[〔［[（(【]\s*(?:19|20)\d{2}/;

/** What the letter calls itself by level: 市 (市科技局, 我市) · 县 · 区 · 省. */
export type LevelWord = '省' | '市' | '县' | '区';

export interface PrefixReading {
  prefix: string;
  character: string;
  candidates: Division[];
}

/** The divisions one level word can mean: 市 is a municipality, a prefecture city or a county-level city. */
export function fitsLevelWord(division: Division, word: LevelWord): boolean {
  const levels: Record<LevelWord, (d: Division) => boolean> = {
    省: (d) => d.level === 'province' && !d.name.endsWith('市'),
    市: (d) => d.name.endsWith('市'),
    县: (d) => d.level === 'county' && /(?:县|旗)$/.test(d.name),
    区: (d) => d.level === 'county' && d.name.endsWith('区'),
  };
  return levels[word](division);
}

/** The candidates of a doc number's first character, at the letter's level when it is known. */
export function readDocPrefix(docNumber: string, level: LevelWord | null): PrefixReading | null {
  const prefix = PREFIX.exec(docNumber.replace(/\s/g, ''))?.groups?.prefix;
  // 建议字〔2023〕8号: a prefix that opens with what every office writes names no place.
  if (!prefix || /^(?:建议|提案|政协|人大|办|函|复)/.test(prefix)) return null;
  const character = prefix[0];
  let candidates = [...divisionsOpeningWith(character)];
  // 渝 with 市: 重庆市 (a municipality's abbreviation speaks for it at 市 level), and no city or county is named 渝….
  if (level) candidates = candidates.filter((d) => fitsLevelWord(d, level));
  return { prefix, character, candidates };
}

/** Per character, once per process (every letter's number is read, and the divisions are thousands). */
const opening = new Map<string, Division[]>();

/** The divisions a character abbreviates, then those whose name or short name opens with it. */
function divisionsOpeningWith(character: string): Division[] {
  let found = opening.get(character);
  if (!found) {
    const all = divisions();
    const byAbbreviation = all.abbreviated(character);
    const byFirst = [...all.byCode.values()].filter((d) =>
      [d.name, ...d.shortNames].some((n) => n.startsWith(character) && n.length >= 2),
    );
    opening.set(character, (found = [...new Set([...byAbbreviation, ...byFirst])]));
  }
  return found;
}
