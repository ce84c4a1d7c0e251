import type { ParsedLetter } from '../parse/parse-letter.ts';
import { extractEntities } from './entities.ts';
import { extractFigures, type Figure } from './figures.ts';
import type { Mention } from './mention.ts';

/** Everything found in one letter, before names are resolved across letters. */
export interface LetterExtraction {
  letter: ParsedLetter;
  mentions: Mention[];
  figures: Figure[];
}

export function extractLetter(letter: ParsedLetter): LetterExtraction {
  return { letter, mentions: extractEntities(letter), figures: extractFigures(letter) };
}
