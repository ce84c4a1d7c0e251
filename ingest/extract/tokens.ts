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
