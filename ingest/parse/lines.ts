/** A piece of a letter's cleaned text with its offsets: `text === letter.slice(start, end)`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export function linesOf(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    lines.push({ text: text.slice(start, stop), start, end: stop });
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** A sub-span of `span` by offsets relative to it. */
export function subSpan(span: Span, from: number, to: number): Span {
  return { text: span.text.slice(from, to), start: span.start + from, end: span.start + to };
}

/** Trims white space off a span's ends, keeping offsets right. */
export function trimSpan(span: Span): Span {
  const lead = span.text.length - span.text.trimStart().length;
  const text = span.text.trim();
  return { text, start: span.start + lead, end: span.start + lead + text.length };
}

/**
 * Splits a span on separators, keeping each part's offsets and trimming it;
 * empty parts are dropped. "市府办，市政协提案委" → two spans.
 */
export function splitSpan(span: Span, separators: RegExp): Span[] {
  const parts: Span[] = [];
  let from = 0;
  const pattern = new RegExp(separators.source, 'g');
  for (const match of span.text.matchAll(pattern)) {
    parts.push(trimSpan(subSpan(span, from, match.index!)));
    from = match.index! + match[0].length;
  }
  parts.push(trimSpan(subSpan(span, from, span.text.length)));
  return parts.filter((part) => part.text.length > 0);
}

/**
 * The clause around [start, end): out to the nearest stop character on each
 * side (which stops is the caller's: a figure's clause also ends at 、),
 * without leading white space.
 */
export function clauseAround(text: string, start: number, end: number, stops: RegExp): { start: number; end: number } {
  let from = start;
  while (from > 0 && !stops.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !stops.test(text[to])) to++;
  while (from < to && /\s/.test(text[from])) from++;
  return { start: from, end: to };
}
