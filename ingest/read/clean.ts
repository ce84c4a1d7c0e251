/**
 * Cleaning of converted letter text. Every evidence offset in the graph points
 * into the text this function returns, so it is the one place that decides
 * what a letter's text is:
 * - line ends (also U+2028/U+2029, NEL, vertical tab, form feed) become "\n";
 * - invisible characters are removed: zero-width spaces and joiners,
 *   direction marks, embeddings and isolates, word joiners, soft hyphens,
 *   byte-order marks anywhere, and control characters — they would otherwise
 *   sit inside names (瓯江\u200b实验室) and break search and matching;
 * - conversion markers such as `[bookmark: _GoBack]` (Word bookmarks that the
 *   seeds carry) are removed;
 * - each line is trimmed of spaces (ASCII, full-width U+3000, NBSP) at both ends,
 *   and runs of spaces inside a line become one space;
 * - runs of blank lines become one blank line; the text is trimmed.
 * The result is stable: clean(clean(x)) === clean(x).
 */

// [bookmark: _Hlk159776582] — a Word bookmark left by docx-to-text converters.
const BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const LINE_ENDS = /\r\n?|[\u2028\u2029\u0085\v\f]/g;
// Zero-width and direction characters, soft hyphen, BOM, and C0/C1 controls other than tab and line feed.
// Controls and a lone combining mark (U+034F) are what the class is for: each is dropped on its own.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u3164\ufeff\uffa0\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

export function cleanLetterText(raw: string): string {
  const lines = raw
    .replace(LINE_ENDS, '\n')
    .replace(INVISIBLE, '')
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
