import chainFile from '../lexicon/chains.json' with { type: 'json' };
import { clauseAround } from '../parse/lines.ts';
import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';
import { CHAINS, type ChainName } from '../../domain/model.ts';
import { InnographError } from '../../domain/errors.ts';

/**
 * Which of the four chains a sentence advances, and on what basis:
 * - 'heading': a heading above it names the chain (（四）…强化产业链和人才链融合发展
 *   ties everything under it to 产业链 and 人才链);
 * - 'sentence': the sentence names the chain itself (推动创新链产业链资金链人才链“四链融合”);
 * - 'vocabulary': a keyword of ingest/lexicon/chains.json (金融, 基金, 授信 → 资金链).
 * A stronger basis hides a weaker one for the same chain.
 */
export type ChainBasis = 'heading' | 'sentence' | 'vocabulary';

export interface ChainLink {
  chain: ChainName;
  basis: ChainBasis;
  /** The evidence: the heading or the sentence that names the chain or the keyword. */
  start: number;
  end: number;
  keyword: string;
}

const VOCABULARY: Record<ChainName, string[]> = (() => {
  const table: Partial<Record<ChainName, string[]>> = {};
  for (const chain of CHAINS) {
    const words = (chainFile as Record<string, unknown>)[chain];
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
      throw new InnographError('LEXICON_INVALID', `ingest/lexicon/chains.json: "${chain}" must be a list of keywords`);
    }
    table[chain] = words as string[];
  }
  return table as Record<ChainName, string[]>;
})();

/** 创新链 · 产业链 · 资金链 · 人才链, also when written together: 创新链产业链资金链人才链. */
function chainsNamedIn(text: string): ChainName[] {
  return CHAINS.filter((chain) => text.includes(chain));
}

// Every mention of a sentence asks for the chains it names: once per sentence (and heading) is enough.
const namedOnce = new WeakMap<object, ChainName[]>();
function chainsNamedInSpan(span: { text: string }): ChainName[] {
  let named = namedOnce.get(span);
  if (!named) namedOnce.set(span, (named = chainsNamedIn(span.text)));
  return named;
}

/**
 * The chain links of a span: `window` is the clause a commitment or a mention
 * stands in, so vocabulary is looked for there (一流学科 in a clause about
 * disciplines, not 高校 three clauses away); headings and chain names hold for
 * the whole sentence.
 */
export function chainsOf(
  letter: ParsedLetter,
  sentence: Sentence,
  window: { start: number; end: number } = sentence,
): ChainLink[] {
  const links = new Map<ChainName, ChainLink>();
  // Headings from the innermost outwards: the nearest heading that names chains decides.
  for (let s = sentence.section; s !== null; s = letter.sections[s].parent) {
    const heading = letter.sections[s].heading;
    const named = chainsNamedInSpan(heading);
    for (const chain of named) {
      if (!links.has(chain))
        links.set(chain, { chain, basis: 'heading', start: heading.start, end: heading.end, keyword: chain });
    }
    if (named.length > 0) break;
  }
  for (const chain of chainsNamedInSpan(sentence)) {
    if (!links.has(chain))
      links.set(chain, { chain, basis: 'sentence', start: sentence.start, end: sentence.end, keyword: chain });
  }
  for (const chain of CHAINS) {
    if (links.has(chain)) continue;
    const words = letter.text.slice(window.start, window.end);
    const keyword = VOCABULARY[chain].find((word) => words.includes(word));
    if (keyword) links.set(chain, { chain, basis: 'vocabulary', start: sentence.start, end: sentence.end, keyword });
  }
  return [...links.values()];
}

/** A mention's clause for vocabulary: between the nearest ，；。 (or line end). */
const MENTION_CLAUSE = /[，,；;。\n]/;

export function mentionClause(text: string, start: number, end: number): { start: number; end: number } {
  return clauseAround(text, start, end, MENTION_CLAUSE);
}
