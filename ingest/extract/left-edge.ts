import { LEFT_STOPS, SUFFIX_RULES } from '../rules/name-suffixes.ts';
import type { Token } from './tokens.ts';

/**
 * Finds where a name starts, walking left from its suffix over the sentence's
 * words. It stops at punctuation, at a verb or function word that opens a
 * name (ingest/rules LEFT_STOPS: 引进, 依托, 等, 的 …), at numbers and
 * measure words, and at 和/与/及 when what stands left of them is itself a
 * complete name (瓯江实验室和激光…中心 is two names; 眼视光学和视觉科学国家重点实验室 is one).
 * A short bracket inside a name is kept: 温州市校（院）地…联合办公室 · 首台（套）提升工程.
 */
const STOP_WORDS = new Set(LEFT_STOPS);
const STOP_TAGS = new Set(['m', 'q', 'x', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'u', 'r', 'd', 'y', 'e', 'o', 'w']);
const JOINERS = new Set(['和', '与', '及']);
const SUFFIXES = SUFFIX_RULES.map((rule) => rule.suffix);

export function leftEdge(text: string, tokens: Token[], suffixStart: number, floor: number): number | undefined {
  // Start at the token holding the suffix's first character (科技局 holds 局).
  let index = tokens.findIndex((t) => t.start <= suffixStart && suffixStart < t.end);
  if (index === -1) return undefined;
  let start = tokens[index].start;
  while (index > 0) {
    const token = tokens[index - 1];
    if (token.start < floor) break;
    if (token.word === '）' || token.word === ')') {
      const open = findOpenBracket(tokens, index - 1);
      if (open === -1) break;
      index = open;
      start = tokens[open].start;
      continue;
    }
    if (JOINERS.has(token.word)) {
      const left = text.slice(Math.max(floor, token.start - 12), token.start);
      if (SUFFIXES.some((suffix) => left.endsWith(suffix))) break;
      if (index - 2 < 0 || STOP_WORDS.has(tokens[index - 2].word) || STOP_TAGS.has(tokens[index - 2].tag)) break;
    } else if (STOP_WORDS.has(token.word) || STOP_TAGS.has(token.tag)) {
      break;
    }
    index--;
    start = token.start;
  }
  return start;
}

/** The index of the token opening a short bracket （院） that closes at `close`, or -1. */
function findOpenBracket(tokens: Token[], close: number): number {
  for (let k = close - 1; k >= Math.max(0, close - 4); k--) {
    if (tokens[k].word === '（' || tokens[k].word === '(') {
      const inner = tokens.slice(k + 1, close).map((t) => t.word).join('');
      return /^[\u4e00-\u9fa5]{1,4}$/.test(inner) ? k : -1;
    }
  }
  return -1;
}
