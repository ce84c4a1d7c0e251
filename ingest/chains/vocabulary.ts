import chainFile from '../lexicon/chains.json' with { type: 'json' };
import { CHAINS, type ChainName, isChainName } from '../../domain/model.ts';
import { InnographError } from '../../domain/errors.ts';
import { WordTrie } from '../lexicon/word-trie.ts';

/**
 * The chain vocabulary of ingest/lexicon/chains.json, as one scanner: every
 * word of every sense, and the chains' own names (创新链 …), matched longest
 * first in a single left-to-right pass, so that 产业链 is the chain's name and
 * not the word 产业, and a span is read once however many things stand in it.
 */
export interface Sense {
  chain: ChainName;
  sense: string;
  words: string[];
  /** Counts only with its onlyAfter context, or under a heading that names the chain and uses the word. */
  weak: boolean;
  /**
   * Where else than in the clause the word counts: 'name' — only in a thing's own name (创新 in 创新深化);
   * 'own' — in a name or a commitment's own words (新增高新技术企业600家以上), not as the firms a clause serves.
   */
  only: 'name' | 'own' | null;
  /** The kinds of thing in whose names a word with only 'name' counts (银行 in an enterprise's name); null: schemes, platforms, policies. */
  kinds: string[] | null;
  notBefore: RegExp | null;
  notAfter: RegExp | null;
  onlyAfter: RegExp | null;
  /**
   * The chain this work carries its own chain's matter into (technology transfer: innovation into industry): under a
   * heading that joins the two chains (推动创新链和产业链精准对接), a thing named for it does the heading's work.
   */
  joins: ChainName | null;
}

/** One word found in the text: a chain's name, or a vocabulary word of one sense. */
export interface Hit {
  chain: ChainName;
  word: string;
  start: number;
  end: number;
  /** null for a chain named outright. */
  sense: Sense | null;
  /** A weak word whose own context (onlyAfter) holds. */
  contextual: boolean;
}

/** How far around a word its context rules look (a clause is rarely longer). */
const CONTEXT = 16;
const STOPS = /[，,；;。！？!?：:\n]/;

/** One party a name of one-letter parties abbreviates (产 → 产业链): see "partyLetters" in chains.json. */
export interface PartyLetter {
  letter: string;
  chain: ChainName;
  stands: string;
}

/** The letters of party abbreviations (“政产学研用”), each with its chain or null, and the run every such name holds. */
export interface PartyLetters {
  anchor: string;
  letters: Map<string, { chain: ChainName; stands: string } | null>;
}

export class ChainVocabulary {
  private readonly pattern: RegExp;
  private readonly sensesOf = new Map<string, Sense[]>();
  /** Every word and chain name, by code unit: what the scan walks instead of trying each word at each position. */
  private readonly trie = new WordTrie();
  /** What was found in recent texts (the letter's, and names read across letters): each span of a text is read once. */
  private readonly letters = new TextCache(2);
  private readonly names = new TextCache(4096);
  /** How many characters the scanner has read: the chain stage's work, which a test holds linear in a letter's length. */
  scanned = 0;

  constructor(
    readonly senses: Sense[],
    readonly partyLetters: PartyLetters = { anchor: '', letters: new Map() },
  ) {
    for (const sense of senses)
      for (const word of sense.words) {
        const list = this.sensesOf.get(word) ?? [];
        list.push(sense);
        this.sensesOf.set(word, list);
      }
    const words = [...new Set([...CHAINS, ...this.sensesOf.keys()])].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(words.map(escape).join('|'), 'g');
    for (const word of words) this.trie.add(word);
  }

  /**
   * The parties a name made only of one-letter parties abbreviates, with the chain each stands for
   * (产学研用金才政介美云 → 产 · 研 · 金 · 才); none for any other name (产学研合作基地 is not made of letters).
   */
  parties(name: string): PartyLetter[] {
    const { anchor, letters } = this.partyLetters;
    const chars = [...name];
    if (anchor === '' || !name.includes(anchor) || chars.length < anchor.length + 1) return [];
    if (!chars.every((c) => letters.has(c))) return [];
    const found: PartyLetter[] = [];
    for (const letter of new Set(chars)) {
      const party = letters.get(letter);
      if (party) found.push({ letter, ...party });
    }
    return found;
  }

  /**
   * Every hit in text[from, to), in text order; a weak word without its context is kept, marked. The words are
   * matched as one alternation of every word, longest first, would match them in text.slice(from, to): at each
   * position the longest word that ends inside the span, then on after it. The words starting at each position
   * and the hits of each word found are kept per text, so the many spans the rules read of one letter (a clause,
   * a name in it, a figure) cost a lookup each, not a scan.
   */
  hits(text: string, from: number, to: number): Hit[] {
    this.scanned += Math.max(0, to - from);
    if (from < 0 || to < 0) return this.hitsByPattern(text, from, to);
    const index = (text.length > 64 ? this.letters : this.names).of(text, this.trie);
    const found: Hit[] = [];
    const end = Math.min(to, text.length);
    if (from >= end) return found;
    for (let start = index.nextStart(from); start < end;) {
      const length = index.longestAt(start, end);
      if (length === 0) {
        start = index.nextStart(start + 1);
        continue;
      }
      for (const hit of index.hitsOf(start, length, () => this.hitsOfWord(text, start, start + length)))
        found.push(hit);
      start = index.nextStart(start + length);
    }
    return found;
  }

  /** The hits of one word found at [start, end): a chain named, or the word in each sense its context allows. */
  private hitsOfWord(text: string, start: number, end: number): Hit[] {
    const word = text.slice(start, end);
    if (isChainName(word)) return [{ chain: word, word, start, end, sense: null, contextual: false }];
    const found: Hit[] = [];
    const before = clauseSide(text, start, -1);
    const after = clauseSide(text, end, 1);
    for (const sense of this.sensesOf.get(word)!) {
      if (sense.notBefore?.test(before) || sense.notAfter?.test(after)) continue;
      const contextual = sense.onlyAfter ? sense.onlyAfter.test(before) : false;
      found.push({ chain: sense.chain, word, start, end, sense, contextual });
    }
    return found;
  }

  /** The plain scan by the alternation, kept for negative offsets (String.slice counts them from the text's end). */
  private hitsByPattern(text: string, from: number, to: number): Hit[] {
    const found: Hit[] = [];
    const span = text.slice(from, to);
    for (const match of span.matchAll(new RegExp(this.pattern.source, 'g'))) {
      const start = from + match.index!;
      found.push(...this.hitsOfWord(text, start, start + match[0].length));
    }
    return found;
  }
}

/** What is known of one text: the words starting at each position (longest first), and the hits of each found word. */
class TextIndex {
  /** The words starting at each position, longest first (none: an empty list, shared). */
  private readonly lengths: number[][];
  /** For each position, the first position at or after it where a word starts (the text's length for none). */
  private readonly next: Int32Array;
  private readonly hits = new Map<number, Hit[]>();

  constructor(text: string, trie: WordTrie) {
    const none: number[] = [];
    this.lengths = new Array<number[]>(text.length);
    this.next = new Int32Array(text.length + 1);
    this.next[text.length] = text.length;
    for (let at = text.length - 1; at >= 0; at--) {
      const lengths = trie.opens(text.charCodeAt(at)) ? trie.lengthsAt(text, at) : none;
      this.lengths[at] = lengths;
      this.next[at] = lengths.length > 0 ? at : this.next[at + 1];
    }
  }

  /** The first position at or after `at` where a word starts. */
  nextStart(at: number): number {
    return this.next[at];
  }

  /** The length of the longest word at `start` that ends at or before `end`; 0 for none. */
  longestAt(start: number, end: number): number {
    for (const length of this.lengths[start]) if (start + length <= end) return length;
    return 0;
  }

  hitsOf(start: number, length: number, make: () => Hit[]): Hit[] {
    // (No word of the vocabulary is near 1,024 characters long.)
    const key = start * 1024 + length;
    let hits = this.hits.get(key);
    if (!hits) this.hits.set(key, (hits = make()));
    return hits;
  }
}

/** The indexes of the last `size` texts read, the oldest dropped first. */
class TextCache {
  private readonly indexes = new Map<string, TextIndex>();

  constructor(private readonly size: number) {}

  of(text: string, trie: WordTrie): TextIndex {
    let index = this.indexes.get(text);
    if (!index) {
      if (this.indexes.size >= this.size) this.indexes.delete(this.indexes.keys().next().value!);
      this.indexes.set(text, (index = new TextIndex(text, trie)));
    }
    return index;
  }
}

/** Up to CONTEXT characters before (direction -1) or after (1) an offset, not past a clause stop. */
function clauseSide(text: string, at: number, direction: -1 | 1): string {
  if (direction === -1) {
    let from = at;
    while (from > 0 && at - from < CONTEXT && !STOPS.test(text[from - 1])) from--;
    return text.slice(from, at);
  }
  let to = at;
  while (to < text.length && to - at < CONTEXT && !STOPS.test(text[to])) to++;
  return text.slice(at, to);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads and checks the vocabulary file: a clear error names the entry that is wrong. */
export function loadVocabulary(file: unknown, where = 'ingest/lexicon/chains.json'): ChainVocabulary {
  const entries = (file as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new InnographError('LEXICON_INVALID', `${where}: "entries" must be a list`);
  const senses = entries.map((entry: Record<string, unknown>, i): Sense => {
    const at = `${where}: entry ${i + 1}`;
    if (typeof entry.chain !== 'string' || !isChainName(entry.chain))
      throw new InnographError('LEXICON_INVALID', `${at}: "chain" must be one of ${CHAINS.join(', ')}`);
    if (typeof entry.sense !== 'string' || entry.sense.trim() === '')
      throw new InnographError('LEXICON_INVALID', `${at}: every entry says the "sense" its words stand for`);
    const words = entry.words;
    if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w !== ''))
      throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): "words" must be a list of words`);
    const regex = (key: string): RegExp | null => {
      const source = entry[key];
      if (source === undefined) return null;
      try {
        return new RegExp(String(source));
      } catch (cause) {
        throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): "${key}" is not a regular expression`, {
          cause,
        });
      }
    };
    const onlyAfter = regex('onlyAfter');
    if (entry.in !== undefined && entry.in !== 'name' && entry.in !== 'own')
      throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): "in" can only be "name" or "own"`);
    if (entry.joins !== undefined && (typeof entry.joins !== 'string' || !isChainName(entry.joins)))
      throw new InnographError(
        'LEXICON_INVALID',
        `${at} (${entry.sense}): "joins" must be one of ${CHAINS.join(', ')}`,
      );
    const kinds = entry.kinds;
    if (kinds !== undefined && (!Array.isArray(kinds) || !kinds.every((k) => typeof k === 'string' && k !== '')))
      throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): "kinds" must be a list of kinds of thing`);
    if (kinds !== undefined && entry.in !== 'name')
      throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): "kinds" goes with in: "name" only`);
    if (entry.weak === true && !onlyAfter)
      throw new InnographError('LEXICON_INVALID', `${at} (${entry.sense}): a weak word needs its "onlyAfter" context`);
    return {
      chain: entry.chain,
      sense: entry.sense,
      words: words as string[],
      weak: entry.weak === true,
      only: entry.in === 'name' || entry.in === 'own' ? entry.in : null,
      kinds: Array.isArray(kinds) ? (kinds as string[]) : null,
      notBefore: regex('notBefore'),
      notAfter: regex('notAfter'),
      onlyAfter,
      joins: typeof entry.joins === 'string' && isChainName(entry.joins) ? entry.joins : null,
    };
  });
  return new ChainVocabulary(senses, partyLettersOf((file as { partyLetters?: unknown }).partyLetters, where));
}

/** The "partyLetters" part of the file: an anchor run and, per letter, its chain and what it stands for, or null. */
function partyLettersOf(part: unknown, where: string): PartyLetters {
  const letters = new Map<string, { chain: ChainName; stands: string } | null>();
  if (part === undefined) return { anchor: '', letters };
  const { anchor, letters: entries } = part as { anchor?: unknown; letters?: unknown };
  const at = `${where}: "partyLetters"`;
  if (typeof anchor !== 'string' || anchor === '' || typeof entries !== 'object' || entries === null)
    throw new InnographError('LEXICON_INVALID', `${at} needs an "anchor" run and its "letters"`);
  for (const [letter, party] of Object.entries(entries as Record<string, unknown>)) {
    if ([...letter].length !== 1) throw new InnographError('LEXICON_INVALID', `${at}: "${letter}" is not one letter`);
    if (party === null) {
      letters.set(letter, null);
      continue;
    }
    const { chain, stands } = party as { chain?: unknown; stands?: unknown };
    if (typeof chain !== 'string' || !isChainName(chain) || typeof stands !== 'string')
      throw new InnographError(
        'LEXICON_INVALID',
        `${at}: "${letter}" needs a "chain" (one of ${CHAINS.join(', ')}) and what it "stands" for, or null`,
      );
    letters.set(letter, { chain, stands });
  }
  if (![...anchor].every((c) => letters.has(c)))
    throw new InnographError('LEXICON_INVALID', `${at}: every letter of the anchor "${anchor}" must be listed`);
  return { anchor, letters };
}

export const VOCABULARY = loadVocabulary(chainFile);
