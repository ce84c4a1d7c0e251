import type { Sentence } from '../parse/parse-letter.ts';
import { INDUSTRY_TIER_HEADING, TIER_TITLE } from './grammar.ts';
import type { TieContext } from './links.ts';

/** Where a firm's tier title is read as innovation: the words that say so and the span that holds them. */
export interface TierReading {
  rule: 'heading-topic' | 'clause-word';
  words: string[];
  evidence: { start: number; end: number };
}

/**
 * A firm's tier title (专精特新, 小巨人) counts it among the innovators rather than as a tier of industry when the heading it
 * stands under speaks of innovation and not of industry (（二）培育创新主体。…等企业入选省级“专精特新”中小企业), or, under a
 * heading of neither (（二）企业主体不断壮大。), when its sentence counts innovative firms beside it (…全市高新技术企业达到
 * 758家，德源重工、湘北智控、武陵新材等企业入选省级专精特新“小巨人”企业). Under 培育优质企业 or 培育链主企业和专精特新企业 it
 * stays a tier of industry (产业链).
 */
export function tierAsInnovation(context: TieContext, sentence: Sentence): TierReading | null {
  const { reading } = context;
  const letter = reading.letter;
  if (sentence.section === null) return null;
  const title = letter.sections[sentence.section].title;
  // Words that count there: not a weak one (企业 alone names no industry work).
  const heading = reading.vocabulary
    .hits(reading.text, title.start, title.end)
    .filter((h) => h.sense === null || !h.sense.weak);
  if (
    heading.some((h) => h.chain === '产业链') ||
    INDUSTRY_TIER_HEADING.test(reading.text.slice(title.start, title.end))
  )
    return null;
  const innovation = heading.find((h) => h.chain === '创新链');
  if (innovation) return { rule: 'heading-topic', words: [innovation.word], evidence: title };
  const counted = reading.vocabulary
    .hits(reading.text, sentence.start, sentence.end)
    .find(
      (h) =>
        h.chain === '创新链' &&
        h.sense?.only === 'own' &&
        !TIER_TITLE.test(h.word) &&
        !reading.names.holding(h.start, h.end),
    );
  return counted ? { rule: 'clause-word', words: [counted.word], evidence: sentence } : null;
}
