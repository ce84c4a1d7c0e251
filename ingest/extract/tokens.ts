import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** A word of a sentence with its part-of-speech tag and offsets into the letter. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * Segmentation and POS tags from jieba. One instance per process, made with
 * `withDict` (no global dictionary state); loading the dictionary takes about
 * half a second, so it is made on first use.
 */
let jieba: Jieba | undefined;

export function tokenize(text: string, offset = 0): Token[] {
  jieba ??= Jieba.withDict(dict);
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba.tag(text, true)) {
    const start = text.indexOf(word, at);
    // jieba returns the text's own characters in order; indexOf only guards against normalised forms.
    const from = start === -1 ? at : start;
    tokens.push({ word, tag, start: offset + from, end: offset + from + word.length });
    at = from + word.length;
  }
  return tokens;
}

/** Per token list, the index of the token holding each character: built once, so finding a token is O(1) in long sentences. */
const byOffset = new WeakMap<Token[], { from: number; index: Int32Array }>();

/** The index of the token holding `offset` (or -1): tokenAt(tokens, 17). */
export function tokenAt(tokens: Token[], offset: number): number {
  let entry = byOffset.get(tokens);
  if (!entry) {
    const from = tokens.length > 0 ? tokens[0].start : 0;
    const to = tokens.length > 0 ? tokens[tokens.length - 1].end : 0;
    const index = new Int32Array(Math.max(0, to - from)).fill(-1);
    tokens.forEach((t, i) => index.fill(i, t.start - from, t.end - from));
    entry = { from, index };
    byOffset.set(tokens, entry);
  }
  const at = offset - entry.from;
  return at >= 0 && at < entry.index.length ? entry.index[at] : -1;
}
