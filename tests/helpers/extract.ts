import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import type { Figure } from '../../ingest/extract/figures.ts';
import type { Mention } from '../../ingest/extract/mention.ts';
import { graphOfLetters } from '../../ingest/pipeline.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { letterText, parseText } from './parse.ts';

/**
 * Extraction of one sentence, placed in the next-steps part of a minimal
 * letter (header of another city and year), so that only the sentence's own
 * words are tested: the mentions and figures inside it.
 */
export function extractSentence(
  sentence: string,
  options: { part?: 'done' | 'next'; heading?: string } = {},
): { mentions: Mention[]; figures: Figure[] } {
  const heading = options.heading ?? (options.part === 'done' ? '一、工作进展' : '二、下一步工作计划');
  const body = `您在市六届人大二次会议期间所提的《关于加快建设西部科学城的建议》收悉。现答复如下：\n${heading}\n${sentence}\n感谢您对科技工作的支持。`;
  const letter = parseText(letterText({ body }));
  const extraction = extractLetter(letter);
  const at = letter.text.indexOf(sentence);
  const inside = <T extends { start: number; end: number }>(x: T) => x.start >= at && x.end <= at + sentence.length;
  return { mentions: extraction.mentions.filter(inside), figures: extraction.figures.filter(inside) };
}

/** The GraphDocument of letters given as texts (name → text). */
export function graphOfTexts(letters: Record<string, string>): GraphDocument {
  return graphOfLetters(Object.entries(letters).map(([source, text]) => extractLetter(parseText(text, source))));
}
