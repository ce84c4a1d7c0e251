/**
 * The clues a letter gives about its place, one per source, each with the
 * divisions it can mean. Pure: the parsed header and text in, clues out.
 */
import type { Division } from './divisions.ts';
import { type LevelWord, readDocPrefix } from './doc-prefix.ts';
import { type NamedPlace, placesIn, placesOpening } from './place-names.ts';

interface At {
  text: string;
  start: number;
  end: number;
}

/** What the place stage reads: a parsed letter's header and text (ParsedLetter fits it). */
export interface PlaceInput {
  text: string;
  body: { start: number; end: number };
  issuer: { name: string; span: At; source: string } | null;
  docNumber: At | null;
  titleBlock: At | null;
  proposal: { body: string | null; bodyWritten: At | null } | null;
  contactUnit: At | null;
  printed: { org: At } | null;
  addresseeUnit: At | null;
}

/** Where a place was read, strongest first (the order breaks disagreements). */
export const PLACE_SOURCES = [
  'given',
  'issuer',
  'metadata',
  'proposal body',
  'title',
  'contact unit',
  'doc number',
  'body',
] as const;
export type PlaceSource = (typeof PLACE_SOURCES)[number];

export interface Clue {
  source: PlaceSource;
  /** The divisions the words can mean (one when they are plain). */
  candidates: Division[];
  words: string;
  start: number;
  end: number;
  /** full: a place's whole name · short: its short name · abbreviation: a doc number's character · mention: named in the body. */
  form: 'full' | 'short' | 'abbreviation' | 'mention';
}

// 市科技局 · 县委 · 区人大 · 省政府 · 我市 · 全县: a level word with no place before it.
const RELATIVE = /^(?:我|全|本)?(省|市|县|区)/;
// 我市 · 我县 · 全区 · 我省: the letter speaking of its own place.
const OWN_PLACE = /(?:我|全|本)(省|市|县|区)/g;

/** The level the letter speaks for: its issuer or proposal body written relative (市科技局, 县政协), else its most frequent 我市/全县. */
export function levelWordOf(letter: PlaceInput): LevelWord | null {
  for (const name of [letter.issuer?.name, letter.proposal?.body, letter.contactUnit?.text, letter.printed?.org.text]) {
    const word = name ? RELATIVE.exec(name)?.[1] : undefined;
    if (word) return word as LevelWord;
  }
  const counts = new Map<string, number>();
  for (const match of letter.text.slice(letter.body.start, letter.body.end).matchAll(OWN_PLACE))
    counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? (ranked[0][0] as LevelWord) : null;
}

export function cluesOf(letter: PlaceInput): Clue[] {
  const clues: Clue[] = [];
  const named = (source: PlaceSource, span: At | null | undefined, shortAllowed: boolean) => {
    if (!span) return;
    const chain = placesOpening(span.text.replace(/\s/g, ''), shortAllowed);
    const last = chain.at(-1);
    if (last) clues.push(clueOf(source, last, span.start));
    else for (const found of placesIn(span.text)) clues.push(clueOf(source, found.at(-1)!, span.start));
  };
  if (letter.issuer) {
    const source: PlaceSource =
      letter.issuer.source === 'metadata'
        ? 'metadata'
        : letter.issuer.source === '联系单位'
          ? 'contact unit'
          : 'issuer';
    named(source, { ...letter.issuer.span, text: letter.issuer.name }, true);
  }
  named('proposal body', letter.proposal?.bodyWritten, false);
  if (letter.titleBlock)
    for (const chain of placesIn(letter.titleBlock.text))
      clues.push(clueOf('title', chain.at(-1)!, letter.titleBlock.start));
  named('contact unit', letter.contactUnit, true);
  named('issuer', letter.printed?.org, true);
  const level = levelWordOf(letter);
  if (letter.docNumber) {
    const prefix = readDocPrefix(letter.docNumber.text, level);
    if (prefix && prefix.candidates.length > 0)
      clues.push({
        source: 'doc number',
        candidates: prefix.candidates,
        words: prefix.prefix,
        start: letter.docNumber.start,
        end: letter.docNumber.start + prefix.prefix.length,
        form: 'abbreviation',
      });
  }
  const bodyText = letter.text.slice(letter.body.start, letter.body.end);
  for (const chain of placesIn(bodyText)) {
    const last = chain.at(-1)!;
    clues.push({ ...clueOf('body', last, letter.body.start), form: 'mention' });
  }
  return clues;
}

function clueOf(source: PlaceSource, place: NamedPlace, offset: number): Clue {
  return {
    source,
    candidates: place.candidates,
    words: place.words,
    start: offset + place.start,
    end: offset + place.end,
    form: place.form,
  };
}
