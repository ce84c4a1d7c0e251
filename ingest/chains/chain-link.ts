import { CHAIN_BASES, type ChainBasis, TIE_RULES, type TieRule, tieReason } from '../../domain/chain-ties.ts';
import type { ChainName } from '../../domain/model.ts';

export type { TieRule } from '../../domain/chain-ties.ts';

/**
 * One tie of a thing to a chain in one letter, with its reason: the rule that
 * made it and the words it read, beside its evidence. The rules and their
 * bases are listed in domain/chain-ties.ts (TIE_RULES); strongest first (CHAIN_BASES):
 * - name: the thing's own name or the head of its quoted name carries the chain
 *   (温州市科技创新创业投资基金 → 资金链 · 产业链链长制 → 产业链 · “5+5+N”产业 → 产业链), or a
 *   commitment's own clause does (新增孵化面积200万方 → 创新链);
 * - heading: a chain heading names it as its lever, or its own sentence does the heading's work;
 * - sentence: its own clause names the chain and it is the agent or means (X作为链主企业…推动产业链群集聚);
 * - vocabulary: a word of the chain in its own clause, or in the clause after it, where it acts.
 */
export interface ChainLink {
  chain: ChainName;
  basis: ChainBasis;
  rule: TieRule;
  /** The words the rule read: the chain word, the vocabulary word, the lever. */
  words: string[];
  /** The sense of the vocabulary word (ingest/lexicon/chains.json), when one made the tie. */
  sense: string | null;
  /** The evidence: the thing's sentence, or for a heading tie the heading that names the chain. */
  start: number;
  end: number;
  /** Where the thing itself stands (its name, or a commitment's clause). */
  at: { start: number; end: number };
  /** The word shown first: the vocabulary word or the chain word. */
  keyword: string;
  rank: number;
}

export function linkOf(
  chain: ChainName,
  rule: TieRule,
  words: string[],
  sense: string | null,
  evidence: { start: number; end: number },
  at: { start: number; end: number },
): ChainLink {
  const basis = TIE_RULES[rule].basis;
  return {
    chain,
    basis,
    rule,
    words,
    sense,
    start: evidence.start,
    end: evidence.end,
    at: { start: at.start, end: at.end },
    keyword: words.at(-1) ?? chain,
    rank: CHAIN_BASES.indexOf(basis),
  };
}

/** The reason as a reader sees it, with the word's sense: `its own name holds 基金 (funds, venture, angel and equity capital)`. */
export function reasonText(link: Pick<ChainLink, 'rule' | 'words' | 'sense'>): string {
  return tieReason(link.rule, link.words) + (link.sense ? ` (${link.sense})` : '');
}
