/**
 * Text copied out of a PDF (pdftotext, a viewer's copy) keeps the page's line
 * breaks: a paragraph is cut every N characters, wherever that falls —
 * inside a sentence, inside a name (澜城\n理工大学). Such a text is recognised
 * by its lines: several lines that fill the page's width and do not end a
 * sentence. Only those lines are joined to the next (across a page's number
 * set between them); a heading, a signature, a date or a labelled line after
 * them still starts its own line. Text that
 * was never wrapped (web pages: a paragraph a line) is returned unchanged.
 */

// A line that ends where a sentence, a salutation or a labelled part ends.
const ENDS_A_PART = /[。；;！!？?：:”」）)]$/;
// A line that starts a part of its own: a numbered heading, a closing label, a date or a signature.
const STARTS_A_PART =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[章条部]|(?:联\s*系\s*人|联系单位|联系电话|抄\s*[送报]|附\s*件|主\s*题\s*词|签\s*发\s*人|领导签发)|(?:\d{4}|[〇零一二三四五六七八九OＯ]{4})\s*年\s*\S{1,3}\s*月)/;
// Visual width: a full-width character takes two columns, as the page set it.
const width = (line: string) => [...line].reduce((sum, c) => sum + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
// The page's measure: lines this close to the widest one fill it (a wrap may fall one character short,
// before a character that would not fit, or two for a pair of half-width digits).
const SLACK = 4;
const MIN_MEASURE = 30;
// So many full lines that end mid-sentence tell a wrapped text from a page of one-line paragraphs.
const MIN_WRAPPED = 3;
// Lines of the measure are at least so many times the lines wider than it (the chrome round a wrapped letter).
const WIDER_PER_BAND = 2;

export function unwrapLines(text: string): string {
  const lines = text.split('\n');
  const trimmed = lines.map((l) => l.replace(/[ \t\u3000]+$/, ''));
  const measure = pageMeasure(trimmed);
  if (measure === undefined) return text;
  const fills = (l: string) => width(l.trim()) >= measure - SLACK && !ENDS_A_PART.test(l.trim());
  const out: string[] = [];
  let previous = '';
  for (let i = 0; i < trimmed.length; i++) {
    let line = trimmed[i];
    // A page break inside a paragraph: the page's number (and blank lines) stand between its two halves.
    if (out.length > 0 && fills(previous) && isPageBreak(line)) {
      let next = i;
      while (next < trimmed.length && next - i < 4 && isPageBreak(trimmed[next])) next++;
      if (
        next < trimmed.length &&
        next > i &&
        trimmed.slice(i, next).some((l) => PAGE_NUMBER.test(l)) &&
        !STARTS_A_PART.test(trimmed[next].trim())
      ) {
        i = next;
        line = trimmed[i];
      }
    }
    const carry = out.length > 0 && fills(previous) && line.trim() !== '' && !STARTS_A_PART.test(line.trim());
    if (carry) out[out.length - 1] += line.trim();
    else out.push(line);
    previous = line;
  }
  return out.join('\n');
}

/**
 * The page's measure: the widest width that many lines cut mid-sentence reach (at least half as many as the
 * fullest such width), with no wider line among them and twice as many as the wider lines around them. A
 * portal's chrome copied around the letter may be wider than its page (发布时间：…  来源：…  阅读次数： above,
 * 上一篇：… below, 70 columns round a body set at 56): the widest lines alone are not the measure. But inside the
 * letter's pages no line is wider than the page (in a short letter, three lines of one width among longer sentences
 * are no page), and a few chrome lines of one width above a web page's long paragraphs are no page either.
 */
function pageMeasure(lines: string[]): number | undefined {
  const widths = lines.map((l) => width(l.trim()));
  const cut = (i: number) => widths[i] >= MIN_MEASURE && !ENDS_A_PART.test(lines[i].trim());
  const candidates = [...new Set(widths.filter((_, i) => cut(i)))].sort((a, b) => b - a);
  const bandOf = (measure: number) =>
    widths.flatMap((w, i) => (cut(i) && w >= measure - SLACK && w <= measure ? [i] : []));
  let fullest = 0;
  for (const measure of candidates) fullest = Math.max(fullest, bandOf(measure).length);
  for (const measure of candidates) {
    const band = bandOf(measure);
    if (band.length < Math.max(MIN_WRAPPED, fullest / 2)) continue;
    const wider = widths.filter((w) => w > measure).length;
    const inside = widths.slice(band[0], band[band.length - 1] + 1).filter((w) => w > measure).length;
    if (inside > 0 || band.length < WIDER_PER_BAND * wider) return undefined;
    // The band's commonest width: a line a character wider (an opening bracket set in the margin) is not the page's.
    return mostCommon(band.map((i) => widths[i]));
  }
  return undefined;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Ties go to the wider width.
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

// — 2 — · - 2 - · 第2页 · 2/5: a page's number, set apart on its own line.
const PAGE_NUMBER =
  /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const isPageBreak = (line: string) => line.trim() === '' || line.trim() === '\f' || PAGE_NUMBER.test(line);
