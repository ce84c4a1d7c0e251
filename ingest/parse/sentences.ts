import type { Span } from './lines.ts';

/**
 * Sentences with offsets: split on 。；！？ (and their half-width forms) and
 * on line ends, but never inside 《》 or “” — 《关于…的意见》 and
 * “征集一批、路演一批。” stay whole. Quote depth resets at each line end, so
 * one unbalanced quote cannot swallow the rest of a letter.
 */
const ENDS = new Set(['。', '；', '！', '？', ';', '!', '?']);
const OPEN = new Set(['《', '“', '「', '『']);
const CLOSE = new Set(['》', '”', '」', '』']);

export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const sentences: Span[] = [];
  let start = from;
  let depth = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) sentences.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      depth = 0;
    } else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (ENDS.has(c) && depth === 0) {
      // Keep a closing quote or bracket that follows the stop in the sentence: …标准。”
      let end = i + 1;
      while (end < to && CLOSE.has(text[end])) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(to);
  return sentences;
}
