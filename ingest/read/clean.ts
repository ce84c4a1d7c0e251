/**
 * Cleaning of converted letter text. Every evidence offset in the graph points
 * into the text this function returns, so it is the one place that decides
 * what a letter's text is:
 * - line ends become "\n"; a byte-order mark is dropped;
 * - conversion markers such as `[bookmark: _GoBack]` (Word bookmarks that the
 *   seeds carry) are removed;
 * - each line is trimmed of spaces (ASCII, full-width U+3000, NBSP) at both ends,
 *   and runs of spaces inside a line become one space;
 * - runs of blank lines become one blank line; the text is trimmed.
 * The result is stable: clean(clean(x)) === clean(x).
 */

// [bookmark: _Hlk159776582] — a Word bookmark left by docx-to-text converters.
const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const SPACES = /[ \t\u00a0\u3000]+/g;

export function cleanLetterText(raw: string): string {
  const lines = raw
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(BOOKMARK, '')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
