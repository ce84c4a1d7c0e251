import type { ChainName, Evidence, PropValue, Props } from './model.ts';

/**
 * The reasons of four-chain ties, as the graph keeps them: each ADVANCES edge
 * holds in its `ties` prop one note per tie — the letter, the evidence, where
 * the thing stands, the rule and the words it read — so that ingest (which
 * writes them), the stores (which join and split them per letter) and the API
 * (which shows them) read one format.
 */

/**
 * How a thing is tied to a chain, strongest first: its own name, a chain heading (that names it as its lever,
 * or under which its own sentence does the heading's work), its own clause naming the chain, a chain word
 * where it acts. A letter keeps, for each thing and chain, the ties of its strongest basis.
 */
export const CHAIN_BASES = ['name', 'heading', 'sentence', 'vocabulary'] as const;
export type ChainBasis = (typeof CHAIN_BASES)[number];

/** Each rule of the chain stage (ingest/chains), its basis and what it says to a reader ({words}: the words it read). */
export const TIE_RULES = {
  'name-word': { basis: 'name', text: 'its own name holds {words}' },
  'name-chain': { basis: 'name', text: 'its own name names {words}' },
  'quote-head': { basis: 'name', text: 'its quoted name heads {words}' },
  'name-letters': { basis: 'name', text: 'its name abbreviates the parties it joins: {words}' },
  'name-list': { basis: 'name', text: 'the list its quoted name sums up holds {words}' },
  'commitment-words': { basis: 'name', text: 'the commitment itself is about {words}' },
  'subject-name': { basis: 'name', text: 'what the commitment measures is named {words}' },
  'clause-chain': { basis: 'sentence', text: 'its own clause names {words}, with it as the agent or means' },
  'frame-chain': { basis: 'sentence', text: 'the clause that frames its sentence names {words}' },
  'member-names': { basis: 'sentence', text: 'the things entered into it are, by their names, {words}' },
  'frame-word': { basis: 'vocabulary', text: 'the clause that frames its sentence aims at {words}' },
  'clause-word': { basis: 'vocabulary', text: 'its own clause does the work: {words}' },
  'object-head': { basis: 'vocabulary', text: 'what it builds or runs is {words}' },
  'next-clause': { basis: 'vocabulary', text: 'the clause after it goes on with its work: {words}' },
  'prev-clause': { basis: 'vocabulary', text: 'the clause before it sets the work it is part of: {words}' },
  'kind-before': { basis: 'vocabulary', text: 'it is one more of the kind the clause before names: {words}' },
  'heading-lever': { basis: 'heading', text: 'the heading names it as its means: {words}' },
  'heading-topic': { basis: 'heading', text: 'the heading it stands under is about {words}' },
  'heading-work': {
    basis: 'heading',
    text: 'under a heading naming the chain, its own sentence does that work: {words}',
  },
} as const satisfies Record<string, { basis: ChainBasis; text: string }>;
export type TieRule = keyof typeof TIE_RULES;

export function isTieRule(value: string): value is TieRule {
  return Object.hasOwn(TIE_RULES, value);
}

/** The reason as a reader sees it: `its own name holds 基金`. */
export function tieReason(rule: TieRule, words: string[]): string {
  return TIE_RULES[rule].text.replace('{words}', words.join(' · '));
}

/** One tie of a thing to a chain in one letter. */
export interface TieNote extends Evidence {
  /** Where the thing itself stands: its name, or a commitment's clause. */
  at: { start: number; end: number };
  rule: TieRule;
  words: string[];
}

/** A tie of a thing to one chain, as the matrix and the API show it. */
export interface BridgeTie extends TieNote {
  chain: ChainName;
  basis: ChainBasis;
}

/** Props that hold one note per piece of evidence: joined across letters, never first-wins; split per letter. */
export const PER_EVIDENCE_PROPS = ['ties'] as const;

export function encodeTie(note: TieNote): string {
  return JSON.stringify([note.letter, note.start, note.end, note.at.start, note.at.end, note.rule, note.words]);
}

/** A note read back; null for one that is not a tie note (an older store, a hand edit). */
export function decodeTie(note: string): TieNote | null {
  try {
    const [letter, start, end, atStart, atEnd, rule, words] = JSON.parse(note) as unknown[];
    if (typeof letter !== 'string' || typeof rule !== 'string' || !isTieRule(rule) || !Array.isArray(words))
      return null;
    return {
      letter,
      start: Number(start),
      end: Number(end),
      at: { start: Number(atStart), end: Number(atEnd) },
      rule,
      words: words.map(String),
    };
  } catch {
    return null;
  }
}

/** The ties an edge's props hold, decoded. */
export function tiesOf(props: Props): TieNote[] {
  const notes = props.ties;
  return Array.isArray(notes) ? notes.flatMap((n) => decodeTie(String(n)) ?? []) : [];
}

/** Two lists of notes as one: each note once, sorted, so the result does not depend on the order letters came in. */
export function joinNotes(a: PropValue | undefined, b: PropValue | undefined): string[] {
  const all = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])].map(String);
  return [...new Set(all)].sort();
}

/** An edge's props as one letter gives them: its own notes only. */
export function propsOfLetter(props: Props, letter: string): Props {
  if (!PER_EVIDENCE_PROPS.some((key) => Array.isArray(props[key]))) return props;
  const own = { ...props };
  for (const key of PER_EVIDENCE_PROPS) {
    const notes = props[key];
    if (Array.isArray(notes)) own[key] = notes.map(String).filter((n) => decodeTie(n)?.letter === letter);
  }
  return own;
}

/** The bases an ADVANCES edge's ties rest on (its notes'), or the one basis its props give when it has no notes. */
export function basesOf(props: Props): Set<ChainBasis> {
  const ties = tiesOf(props);
  if (ties.length > 0) return new Set(ties.map((t) => TIE_RULES[t.rule].basis));
  const basis = String(props.basis ?? '');
  return new Set((CHAIN_BASES as readonly string[]).includes(basis) ? [basis as ChainBasis] : []);
}
