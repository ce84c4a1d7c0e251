import { InnographError } from '../../domain/errors.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import { scopeOfPlace } from '../resolve/scope.ts';
import { type Division, divisions } from './divisions.ts';
import { findPlace } from './find-place.ts';

/**
 * The place a user gives on ingest (`innograph ingest --place 温岭市`, or a GB/T 2260 code such as
 * 331081): it joins the letter's own clues as the first source ('given'). A name that names two places
 * (朝阳区) must be given with its parent (北京市朝阳区) or by code; an unknown one is refused before any
 * work, never guessed.
 */
export function givenPlace(words: string): Division {
  const all = divisions();
  const wanted = words.trim();
  if (/^\d{6}$/.test(wanted)) {
    const byCode = all.get(wanted);
    if (byCode) return byCode;
    throw new InnographError('PLACE_UNKNOWN', `--place ${wanted}: no division has that code (GB/T 2260)`);
  }
  const named = all.named(wanted);
  if (named.length === 1) return named[0];
  // 浙江省温岭市 · 北京市朝阳区: the last place named, inside the ones before it.
  const within = all
    .allNames()
    .filter((name) => wanted.endsWith(name) && name.length < wanted.length)
    .flatMap((name) => all.named(name))
    .filter((d) => all.path(d.code).some((outer) => outer.code !== d.code && wanted.startsWith(outer.name)));
  if (within.length === 1) return within[0];
  if (named.length > 1 || within.length > 1)
    throw new InnographError(
      'PLACE_AMBIGUOUS',
      `--place ${wanted}: names ${named.length || within.length} places (${(named.length ? named : within)
        .map(
          (d) =>
            `${all
              .path(d.code)
              .map((p) => p.name)
              .join('')} ${d.code}`,
        )
        .join(', ')}); give its province or city before it, or its code`,
    );
  throw new InnographError(
    'PLACE_UNKNOWN',
    `--place ${wanted}: no province, city or county of that name (give the full name, e.g. 温岭市, or a GB/T 2260 code)`,
  );
}

/** The reading with the user's place as its first clue (the rest of the reading does not depend on the place). */
export function withGivenPlace(reading: LetterExtraction, place: Division): LetterExtraction {
  const { letter } = reading;
  const placeFound = findPlace(letter, place);
  return {
    ...reading,
    letter: { ...letter, placeFound, place: scopeOfPlace(placeFound) ?? letter.place, givenPlace: place.code },
  };
}
