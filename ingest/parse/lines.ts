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

// Where a letter flattened onto one line (a page that lost its line ends) is cut back into lines:
// after a salutation (…委员：), before a closing label (联系人：, 抄送：, 附件：), before a signature
// (…局 2023年7月1日) and before a numbered heading after a full stop (。二、).
const LAYOUT_CUTS = [
  /(?<=^|答复函|复函|的答复|的回复|〕\d{1,5}号|号)\s*(?=[\u4e00-\u9fa5、，,（）()]{2,80}?(?:委员|代表|同志|先生|女士)(?:们)?[：:])/g,
  /(?<=(?:委员|代表|同志|先生|女士)(?:们)?[：:])/g,
  /(?<=\S)\s*(?=[（(]?(?:联\s*系\s*人|联\s*系\s*单\s*位|抄\s*[送报]|附\s*件|主\s*题\s*词|领导签发|签\s*发\s*人)(?:及[^：:]{0,4})?\s*[：:])/g,
  /(?<=[。！!])\s*(?=[\u4e00-\u9fa5（）()]{3,30}?(?:局|委|厅|办|中心|政府|委员会|办公室)\s*(?:\d{4}|[〇零一二三四五六七八九OＯ]{4})\s*年)/g,
  /(?<=[局委厅办心府会室])\s*(?=(?:\d{4}|[〇零一二三四五六七八九OＯ]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g,
  /(?<=[。：:])\s*(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])/g,
];
const LONG_LINE = 120;

/**
 * The letter's lines for reading its layout: the text's own lines, except that
 * a very long line holding header or closing parts is cut where those parts
 * begin. Offsets still point into the text.
 */
// 尊敬的赵丽华委员:您好!您提出的… — a salutation with the reply going on after it on the same line.
const SALUTATION_THEN_TEXT =
  /^(?:尊敬的)?[\u4e00-\u9fa5、，, ]{2,60}?(?:委员|代表|同志|先生|女士)(?:们)?(?:[（(][^）)]{1,12}[）)])?[：:](?=\s*(?:您|你|贵|感谢|首先|现将|现就|关于))/;

export function layoutLines(text: string): Span[] {
  return linesOf(text).flatMap((line) => {
    const salutation = SALUTATION_THEN_TEXT.exec(line.text);
    if (salutation && line.text.length < LONG_LINE)
      return [subSpan(line, 0, salutation[0].length), trimSpan(subSpan(line, salutation[0].length, line.text.length))];
    if (line.text.length < LONG_LINE) return [line];
    const cuts = new Set<number>();
    for (const pattern of LAYOUT_CUTS)
      for (const match of line.text.matchAll(pattern)) if (match.index! > 0) cuts.add(match.index! + match[0].length);
    const ordered = [...cuts].filter((c) => c > 0 && c < line.text.length).sort((a, b) => a - b);
    const parts: Span[] = [];
    let from = 0;
    for (const cut of [...ordered, line.text.length]) {
      const part = trimSpan(subSpan(line, from, cut));
      if (part.text !== '') parts.push(part);
      from = cut;
    }
    return parts;
  });
}
