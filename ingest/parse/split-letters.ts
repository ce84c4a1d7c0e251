import type { LetterText } from '../read/read-letter-file.ts';
import { isSalutation } from './addressee.ts';
import { DATE_LINE, DOC_NUMBER } from './header-patterns.ts';
import { layoutLines } from './lines.ts';

/**
 * A file that holds several different letters (a bureau's replies pasted into
 * one document, a portal page listing two answers) is cut where the next
 * letter begins: a salutation different from the one before, after the
 * earlier letter's closing (a date, 联系人 or 抄送 line), with the next letter's
 * title, document number and status lines before it going with it. A page
 * that repeats one letter is not cut here (the page reader drops the copy).
 * The first part keeps the file's name; the others are named file#2, file#3.
 */
const CLOSING =
  /^[（(]?\s*(?:联\s*系\s*人|抄\s*[送报]|联\s*系\s*单\s*位)|^(?:[0-9０-９]{4}|[〇零一二三四五六七八九ＯOo]{4})\s*年.{1,8}日\s*$/;
// A title's lines (关于…的 / 答复函, possibly apart), status lines: the head of the letter that follows.
const HEAD_OF_NEXT =
  /^(?:关于|对|[\u4e00-\u9fa5]{2,30}关于)[^。，]*$|^[^。，]*(?:答复|复函|回复|的函)$|^(?:是否同意公开|办理结果|类\s*别|[A-D]类$|公开$|签发人|领导签发)/;

export function splitLetters(input: LetterText): LetterText[] {
  const lines = layoutLines(input.text);
  const salutations = lines.map((line, index) => ({ line, index })).filter(({ line }) => isSalutation(line.text));
  const cuts: number[] = [];
  for (let k = 1; k < salutations.length; k++) {
    const before = salutations[k - 1];
    const next = salutations[k];
    if (next.line.text.replace(/\s/g, '') === before.line.text.replace(/\s/g, '')) continue;
    const between = lines.slice(before.index + 1, next.index);
    if (!between.some((line) => CLOSING.test(line.text) || DATE_LINE.test(line.text))) continue;
    const bodyAfter = lines
      .slice(next.index + 1, salutations[k + 1]?.index ?? lines.length)
      .map((l) => l.text)
      .join('');
    if (bodyAfter.length < 40) continue;
    // The next letter's own head (title, doc number, status lines) goes with it.
    let start = next.index;
    while (
      start - 1 > before.index &&
      (lines[start - 1].text === '' ||
        HEAD_OF_NEXT.test(lines[start - 1].text.replace(/\s/g, '')) ||
        DOC_NUMBER.test(lines[start - 1].text))
    )
      start--;
    cuts.push(lines[start].start);
  }
  if (cuts.length === 0) return [input];
  const bounds = [0, ...cuts, input.text.length];
  return bounds.slice(0, -1).map((from, i) => ({
    ...input,
    source: i === 0 ? input.source : `${input.source}#${i + 1}`,
    text: input.text.slice(from, bounds[i + 1]).trim(),
  }));
}
