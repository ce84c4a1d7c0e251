import { CHAIN_BASES, type ChainBasis, encodeTie } from '../../domain/chain-ties.ts';
import { letterId } from '../../domain/ids.ts';
import type { Props } from '../../domain/model.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Figure } from '../extract/figures.ts';
import type { Mention } from '../extract/mention.ts';
import type { Sentence } from '../parse/parse-letter.ts';
import { type ChainLink, reasonText } from './chain-link.ts';
import { PROPOSAL_TALK, SELF_REFERENCE, SELF_UNITS } from './grammar.ts';
import { chainHeadings } from './headings.ts';
import { LetterIndustries } from './industries.ts';
import { ChainReading } from './reading.ts';
import { figureLinks, mentionLinks, type TieContext } from './tie-rules.ts';
import { type ChainVocabulary, VOCABULARY } from './vocabulary.ts';

export type { ChainLink } from './chain-link.ts';

/**
 * The chain stage: which things and commitments of one letter ADVANCE which of
 * the four chains (design.md, "Four-chain ties"), each tie with its evidence
 * and its reason. Ties are made per letter; the graph stage adds them as
 * ADVANCES edges. Of a thing's ties to one chain in one letter only those of
 * the strongest basis are returned, each carrying the notes of them all, so
 * that the edge's `ties` prop lists every tie its evidence shows.
 */
export interface ChainTie {
  /** The node that advances the chain: a resolved entity or a commitment. */
  source: string;
  link: ChainLink & { notes: string[] };
}

/** The strongest basis first: a letter's part of an ADVANCES edge is that of its strongest tie. */
export function tieRank(props: Props): number {
  const rank = CHAIN_BASES.indexOf(props.basis as ChainBasis);
  return rank < 0 ? CHAIN_BASES.length : rank;
}

/** The edge's props: the basis, rule and reason of this tie, and the notes of every tie of the letter's part. */
export function tieProps(link: ChainLink & { notes?: string[] }): Props {
  return {
    basis: link.basis,
    keyword: link.keyword,
    rule: link.rule,
    reason: reasonText(link),
    ties: link.notes ?? [],
  };
}

/** The ties of one letter: each commitment by its own clause, each body mention by its name and its clause. */
export function chainTiesOf(
  extraction: LetterExtraction,
  nodeOfMention: Map<Mention, string>,
  nodeOfFigure: Map<Figure, string>,
  vocabulary: ChainVocabulary = VOCABULARY,
): ChainTie[] {
  const { letter } = extraction;
  const body = extraction.mentions.filter((m) => !m.rule.startsWith('header')).sort((a, b) => a.start - b.start);
  const achievements = extraction.figures.filter((f) => f.kind === 'Achievement');
  const commitments = extraction.figures.filter((f) => f.kind === 'Commitment');
  const reading = new ChainReading(letter, body, vocabulary, achievements, commitments);
  const context: TieContext = {
    reading,
    headings: chainHeadings(letter, reading.names, vocabulary),
    industries: new LetterIndustries(reading),
  };
  const found: Array<{ source: string; link: ChainLink }> = [];
  // Once per sentence, not per thing in it: a sentence of 20,000 titles is read once.
  const talk = new Map<number, boolean>();
  const speaks = (sentence: Sentence | undefined): sentence is Sentence => {
    if (sentence === undefined) return false;
    let proposal = talk.get(sentence.index);
    if (proposal === undefined) talk.set(sentence.index, (proposal = PROPOSAL_TALK.test(sentence.text)));
    return !proposal;
  };
  for (const figure of extraction.figures) {
    const sentence = letter.sentences[figure.sentence];
    if (figure.kind !== 'Commitment' || !speaks(sentence)) continue;
    for (const link of figureLinks(context, figure, sentence)) found.push({ source: nodeOfFigure.get(figure)!, link });
  }
  for (const mention of [...body, ...selfReferences(extraction)]) {
    const sentence = sentenceAt(letter.sentences, mention.start);
    if (!speaks(sentence) || mention.end > sentence.end) continue;
    const source = nodeOfMention.get(mention) ?? nodeOfMention.get(issuerOf(extraction)!)!;
    for (const link of mentionLinks(context, mention, sentence, [nameOfNode(source)])) found.push({ source, link });
  }
  return strongestPerChain(found, letterId(letter.source));
}

/** The letter's issuer, as its header names it. */
function issuerOf(extraction: LetterExtraction): Mention | undefined {
  return extraction.mentions.find((m) => m.rule === 'header:issuer');
}

/**
 * The issuer where the body names it by itself (我局牵头编制《…产业发展行动方案》 · 我委已联合…设立…产业基金): the
 * issuer acting in its own clause, read as if its name stood there. The word must fit the issuer's own name
 * (我委 for a 委员会, 我区 for a zone's 管委会), so that 我区 in a district bureau's letter stays the district.
 */
function selfReferences(extraction: LetterExtraction): Mention[] {
  const issuer = issuerOf(extraction);
  if (!issuer) return [];
  const { text, body } = extraction.letter;
  const found: Mention[] = [];
  for (const match of text.slice(body.start, body.end).matchAll(SELF_REFERENCE)) {
    const unit = SELF_UNITS[match[1]];
    if (!unit?.test(issuer.name)) continue;
    const start = body.start + match.index + match[0].length - 2;
    found.push({ kind: issuer.kind, name: issuer.name, start, end: start + 2, rule: 'self-reference' });
  }
  return found;
}

/** Per thing and chain, the ties of the strongest basis, each with the notes of all of them. */
function strongestPerChain(found: Array<{ source: string; link: ChainLink }>, letter: string): ChainTie[] {
  const groups = new Map<string, Array<{ source: string; link: ChainLink }>>();
  for (const tie of found) {
    const key = `${tie.source}\u0000${tie.link.chain}`;
    const group = groups.get(key);
    if (!group || tie.link.rank < group[0].link.rank) groups.set(key, [tie]);
    else if (tie.link.rank === group[0].link.rank) group.push(tie);
  }
  const ties: ChainTie[] = [];
  for (const group of groups.values()) {
    const notes = group.map(({ link }) =>
      encodeTie({ letter, start: link.start, end: link.end, at: link.at, rule: link.rule, words: link.words }),
    );
    for (const { source, link } of group) ties.push({ source, link: { ...link, notes } });
  }
  return ties;
}

/** The name a node was resolved to, from its id (Platform:国家大院名校温州联合研究院, Organization:市府办@温州市). */
function nameOfNode(id: string): string {
  return id.slice(id.indexOf(':') + 1).replace(/@[^@]*$/, '');
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
