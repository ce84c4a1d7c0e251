/**
 * The place stage: which province, city or county a letter speaks for, read
 * from its own words (design.md, "Where, when, what kind"). Pure and per
 * letter: the parsed header and text (and the user's --place) in, one place
 * with its source and how sure it is out — or unknown with the reason. A place
 * is never guessed from one ambiguous character or an ambiguous name.
 */
import { type Clue, cluesOf, levelWordOf, PLACE_SOURCES, type PlaceInput, type PlaceSource } from './clues.ts';
import { type Division, divisions, type PlaceLevel } from './divisions.ts';
import { fitsLevelWord } from './doc-prefix.ts';

export type { PlaceInput, PlaceSource } from './clues.ts';
export type Confidence = 'high' | 'medium' | 'low';

export interface PlaceFound {
  known: true;
  code: string;
  name: string;
  level: PlaceLevel;
  /** Outermost first: 浙江省 › 台州市 › 温岭市. */
  path: Array<{ code: string; name: string; level: PlaceLevel }>;
  source: PlaceSource;
  confidence: Confidence;
  /** The words it was read from, and where they stand in the letter's text. */
  words: string;
  start: number;
  end: number;
  /** How the words name it: in full (温州市), by a short name (重庆高新区), a doc number's abbreviation, a body mention. */
  form: Clue['form'];
  /** Other sources that name the same place (or one inside or around it). */
  agreeing: PlaceSource[];
  /** Sources that name another place (kept so a reader can judge). */
  disagreeing: Array<{ source: PlaceSource; words: string }>;
}

export interface PlaceUnknown {
  known: false;
  reason: string;
}

export type LetterPlace = PlaceFound | PlaceUnknown;

const STRONG: PlaceSource[] = ['given', 'issuer', 'metadata', 'proposal body', 'title', 'contact unit'];
const rank = (source: PlaceSource) => PLACE_SOURCES.indexOf(source);

/** The letter's place; `given` is the user's own (--place), which no clue overrides. */
export function findPlace(letter: PlaceInput, given?: Division | null): LetterPlace {
  const all = divisions();
  const clues = cluesOf(letter);
  if (given) clues.unshift({ source: 'given', candidates: [given], words: given.name, start: 0, end: 0, form: 'full' });
  const related = (a: Division, b: Division) => all.within(a.code, b.code) || all.within(b.code, a.code);
  // An ambiguous name (朝阳区) is narrowed by what other clues name: the one inside or around another clue's place.
  const narrowed = clues.map((clue) => {
    if (clue.candidates.length <= 1) return clue;
    const others = clues.filter((o) => o !== clue && o.candidates.length === 1);
    const kept = clue.candidates.filter((c) => others.some((o) => related(c, o.candidates[0])));
    return kept.length === 1 ? { ...clue, candidates: kept } : clue;
  });
  const plain = narrowed
    .filter((c) => STRONG.includes(c.source) && c.candidates.length === 1)
    .sort((a, b) => rank(a.source) - rank(b.source));

  if (plain.length > 0) {
    const anchor = plain[0];
    // A deeper place the letter's own names give (郑州市 in the metadata, 郑州市上街区 in the contact line) is more precise.
    const deeper =
      anchor.source === 'given'
        ? anchor
        : plain
            .filter((c) => all.within(c.candidates[0].code, anchor.candidates[0].code))
            .sort((a, b) => all.path(b.candidates[0].code).length - all.path(a.candidates[0].code).length)[0];
    return found(deeper, narrowed, anchor.form === 'full' || deeper.form === 'full' ? 'high' : 'medium');
  }

  const ambiguous = narrowed.find((c) => STRONG.includes(c.source) && c.candidates.length > 1);
  const doc = narrowed.find((c) => c.source === 'doc number');
  const bodyClues = narrowed.filter((c) => c.source === 'body');
  if (doc) {
    const kept =
      doc.candidates.length === 1
        ? doc.candidates
        : doc.candidates.filter((c) => bodyClues.some((b) => b.candidates.some((d) => related(c, d))));
    if (kept.length === 1) return found({ ...doc, candidates: kept }, narrowed, 'medium');
  }
  if (ambiguous)
    return unknown(
      `${ambiguous.words} (${ambiguous.source}) names ${ambiguous.candidates.length} places (${ambiguous.candidates
        .map((d) => pathName(d))
        .join(', ')}) and nothing else in the letter says which`,
    );
  const fromBody = bodyPlace(letter, bodyClues);
  const former = formerPlace(letter);
  if (!fromBody.known && former)
    return unknown(`${former} is not among today's divisions (renamed or merged); ${fromBody.reason}`);
  if (fromBody.known) return fromBody;
  if (doc)
    return unknown(
      `the doc number's ${doc.words[0]} could be ${doc.candidates.length} places (${doc.candidates
        .slice(0, 4)
        .map((d) => d.name)
        .join(', ')}${doc.candidates.length > 4 ? ' …' : ''}); ${fromBody.reason}`,
    );
  return fromBody;
}

/** The body's places, lifted to the level the letter speaks for (我省 … 宜宾市 → 四川省); one clear leader or none. */
function bodyPlace(letter: PlaceInput, bodyClues: Clue[]): LetterPlace {
  const all = divisions();
  const level = levelWordOf(letter);
  const counts = new Map<string, { clue: Clue; count: number }>();
  for (const clue of bodyClues) {
    if (clue.candidates.length !== 1) continue;
    let place = clue.candidates[0];
    if (level === '省' && place.level !== 'province') place = all.path(place.code)[0];
    else if (level && !fitsLevelWord(place, level)) continue;
    const entry = counts.get(place.code) ?? { clue: { ...clue, candidates: [place] }, count: 0 };
    entry.count++;
    counts.set(place.code, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  if (ranked.length === 0)
    return unknown(
      'no issuer, title, proposal body, contact unit or doc number names a place, and the body names none in full',
    );
  if (ranked.length > 1 && ranked[0].count === ranked[1].count)
    return unknown(
      `the body names ${ranked
        .slice(0, 3)
        .map((r) => r.clue.candidates[0].name)
        .join(' and ')} equally and nothing else names a place`,
    );
  return found(ranked[0].clue, bodyClues, 'low');
}

function found(clue: Clue, clues: Clue[], base: Confidence): PlaceFound {
  const all = divisions();
  const place = clue.candidates[0];
  const agreeing = new Set<PlaceSource>();
  const disagreeing: PlaceFound['disagreeing'] = [];
  for (const other of clues) {
    if (other.source === clue.source) continue;
    const related = other.candidates.some((c) => all.within(c.code, place.code) || all.within(place.code, c.code));
    if (related) agreeing.add(other.source);
    else if (other.candidates.length === 1 && other.source !== 'body')
      disagreeing.push({ source: other.source, words: other.words });
  }
  // Two sources that agree make a medium reading sure, and a body mention probable.
  const confidence: Confidence =
    base === 'high' || (base === 'medium' && agreeing.size > 0)
      ? 'high'
      : base === 'low' && agreeing.size > 0
        ? 'medium'
        : base;
  return {
    known: true,
    code: place.code,
    name: place.name,
    level: place.level,
    path: all.path(place.code).map((d) => ({ code: d.code, name: d.name, level: d.level })),
    source: clue.source,
    confidence: disagreeing.length > 0 && confidence === 'high' ? 'medium' : confidence,
    words: clue.words,
    form: clue.form,
    start: clue.start,
    end: clue.end,
    agreeing: [...agreeing].sort((a, b) => rank(a) - rank(b)),
    disagreeing,
  };
}

// 绍兴县人事局: a place's name with its level word that no current division bears (绍兴县 became 柯桥区 in 2013).
const FORMER = /^(?<name>[\u4e00-\u9fa5]{2,4}?(?:县|市|区))(?=[\u4e00-\u9fa5]{2,}?(?:局|委|办|政府|中心))/;

function formerPlace(letter: PlaceInput): string | null {
  const name = FORMER.exec(letter.issuer?.name ?? letter.contactUnit?.text ?? '')?.groups?.name;
  if (!name || /^(?:[省市县区]|我|全|本)/.test(name)) return null;
  const all = divisions();
  const stem = name.slice(0, -1);
  return all.named(name).length === 0 && all.shortNamed(stem).length > 0 ? name : null;
}

function unknown(reason: string): PlaceUnknown {
  return { known: false, reason };
}

function pathName(division: Division): string {
  return divisions()
    .path(division.code)
    .map((d) => d.name)
    .join('');
}
