import type { ChainName } from '../../domain/model.ts';
import { type ChainLink, linkOf, type TieRule } from './chain-link.ts';
import type { ChainHeading } from './headings.ts';
import type { Sentence } from '../parse/parse-letter.ts';
import type { LetterIndustries } from './industries.ts';
import type { ChainReading } from './reading.ts';
import type { Hit, Sense } from './vocabulary.ts';

/**
 * What every tie rule shares: the letter's reading, whether a word counts where it stands, and the links of one
 * thing as the rules find them — one per chain, the strongest rule's — with the words its own name holds.
 */
/** What the rules read of a letter: its reading and its chain headings. */
export interface TieContext {
  reading: ChainReading;
  headings: ChainHeading[];
  /** The letter's own industries, as it names them before 产业 (氢能, 人参): see industries.ts. */
  industries: LetterIndustries;
}

/** A word counts for a thing unless it is weak and lacks its own context (企业 alone is not industry work). */
export function counts(hit: Hit): boolean {
  return !hit.sense?.weak || hit.contextual;
}

/** The links of one thing, one per chain: the strongest rule's, the first found among equals. */
export class Links {
  private readonly byChain = new Map<ChainName, ChainLink>();
  /** The vocabulary words its own name (or a commitment's own words) holds. */
  private readonly named: Hit[] = [];

  constructor(
    private readonly thing: { start: number; end: number },
    private readonly sentence: Sentence,
  ) {}

  add(chain: ChainName, rule: TieRule, hit: Hit): void {
    const link = linkOf(chain, rule, [hit.word], hit.sense?.sense ?? null, this.sentence, this.thing);
    if (hit.sense && link.basis === 'name') this.named.push(hit);
    this.put(link);
  }

  /** A tie whose evidence is another span than the thing's sentence (a framing clause, the next sentence, a title). */
  addAt(
    chain: ChainName,
    rule: TieRule,
    words: string[],
    evidence: { start: number; end: number },
    sense?: string,
  ): void {
    this.put(linkOf(chain, rule, words, sense ?? null, evidence, this.thing));
  }

  addHeading(chain: ChainName, rule: TieRule, heading: ChainHeading, words: string[], hit?: Hit): void {
    this.put(linkOf(chain, rule, words, hit?.sense?.sense ?? null, heading, this.thing));
  }

  private put(link: ChainLink): void {
    const held = this.byChain.get(link.chain);
    if (!held || link.rank < held.rank) this.byChain.set(link.chain, link);
  }

  /** Tied to the chain by its own name (or a commitment's own words). */
  hasByName(chain: ChainName): boolean {
    return this.byChain.get(chain)?.basis === 'name';
  }

  /** The senses of the words its own name holds. */
  namedSenses(): Set<Sense> {
    return new Set(this.named.map((h) => h.sense!));
  }

  /** The words of its own name read in one sense. */
  wordsOf(sense: Sense): string[] {
    return [...new Set(this.named.filter((h) => h.sense === sense).map((h) => h.word))];
  }

  all(): ChainLink[] {
    return [...this.byChain.values()];
  }
}
