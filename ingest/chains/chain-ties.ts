import type { Props } from '../../domain/model.ts';
import { type ChainLink, chainsOf, mentionClause } from '../extract/chains.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Figure } from '../extract/figures.ts';
import type { Mention } from '../extract/mention.ts';

/**
 * The chain stage: which things and commitments of one letter ADVANCE which of
 * the four chains (design.md, "Four-chain ties"), each tie with its evidence
 * and the basis it rests on. Ties are made per letter; the graph stage adds
 * them as ADVANCES edges (`rank` keeps, per letter, the strongest basis).
 */
export interface ChainTie {
  /** The node that advances the chain: a resolved entity or a commitment. */
  source: string;
  link: ChainLink;
}

const BASIS_RANK = { heading: 0, sentence: 1, vocabulary: 2 } as const;

/** The strongest basis first: a letter's part of an ADVANCES edge is that of its strongest tie. */
export function tieRank(props: Props): number {
  return BASIS_RANK[props.basis as ChainLink['basis']];
}

export function tieProps(link: ChainLink): Props {
  return { basis: link.basis, keyword: link.keyword };
}

/**
 * The ties of one letter: each commitment by its own clause and sentence, and
 * each body mention by the clause it stands in.
 */
export function chainTiesOf(
  extraction: LetterExtraction,
  nodeOfMention: Map<Mention, string>,
  nodeOfFigure: Map<Figure, string>,
): ChainTie[] {
  const { letter } = extraction;
  const ties: ChainTie[] = [];
  for (const figure of extraction.figures) {
    if (figure.kind !== 'Commitment') continue;
    for (const link of chainsOf(letter, letter.sentences[figure.sentence], figure))
      ties.push({ source: nodeOfFigure.get(figure)!, link });
  }
  const body = extraction.mentions.filter((m) => !m.rule.startsWith('header')).sort((a, b) => a.start - b.start);
  for (const mention of body) {
    const sentence = sentenceAt(letter.sentences, mention.start);
    if (!sentence || mention.end > sentence.end) continue;
    for (const link of chainsOf(letter, sentence, mentionClause(letter.text, mention.start, mention.end)))
      ties.push({ source: nodeOfMention.get(mention)!, link });
  }
  return ties;
}

/** The sentence (sentences are in text order) that starts at or before an offset. */
function sentenceAt<T extends { start: number; end: number }>(sentences: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) {
      found = sentences[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
