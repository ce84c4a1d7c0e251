import type { ParsedLetter } from '../parse/parse-letter.ts';
import { type ChainLink, chainsOfSentence } from './chains.ts';
import { extractEntities } from './entities.ts';
import { extractFigures, type Figure } from './figures.ts';
import type { Mention } from './mention.ts';

/** Everything found in one letter, before names are resolved across letters. */
export interface LetterExtraction {
  letter: ParsedLetter;
  mentions: Mention[];
  figures: Figure[];
  /** Chain links per sentence index (only sentences with any). */
  chains: Map<number, ChainLink[]>;
}

export function extractLetter(letter: ParsedLetter): LetterExtraction {
  const { mentions } = extractEntities(letter);
  const figures = extractFigures(letter);
  const chains = new Map<number, ChainLink[]>();
  for (const sentence of letter.sentences) {
    if (sentence.start < letter.body.start || sentence.end > letter.body.end) continue;
    const links = chainsOfSentence(letter, sentence);
    if (links.length > 0) chains.set(sentence.index, links);
  }
  return { letter, mentions, figures, chains };
}
