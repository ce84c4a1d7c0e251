import { type Span, subSpan } from './lines.ts';
import { type ReferenceParts, referenceIn, squeeze, unsqueeze } from './proposal-ref.ts';

/**
 * The title lines of a reply (关于市政协十二届三次会议157号提案的 / 答复函), which
 * name the proposal and sometimes the issuer before 关于.
 */
// A title ends in the reply's own word: 答复函 · 的答复 · 复函 · 回复 · 答复的函 · 办理意见的函 · 办理情况的报告.
export const TITLE_END = /(?:答复函?|复函|回复|的函|答复意见|办理意见|办理情况|的报告)$/;
const TITLE_START = /^(?:[\u4e00-\u9fa5（）()]{2,30}?(?:关于|对)|关于|对)/;
const ISSUER_IN_TITLE = /^(?<org>[\u4e00-\u9fa5（）()]{3,30}?(?:局|委|厅|办|中心|政府|委员会|办公室|院|部))(?:关于|对)/;

export interface TitleBlock {
  span: Span;
  lastLine: number;
  parts: ReferenceParts;
}

/**
 * Title blocks: a line opening with 关于/对 (or an issuer then 关于) joined
 * with up to three following lines until the words end in the reply's own
 * word (…答复函, …的复函, …建议的回复), or a single line naming a numbered proposal.
 */
export function titleBlocks(lines: Span[], candidates: number[], letter: string): TitleBlock[] {
  const blocks: TitleBlock[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const first = lines[candidates[k]];
    const firstWords = first.text.replace(/\s/g, '');
    if (!TITLE_START.test(firstWords) && !/[提建议]/.test(firstWords)) continue;
    if (/[。！？]/.test(firstWords) || /[：:]$/.test(firstWords)) continue;
    let words = '';
    for (let j = k; j < Math.min(candidates.length, k + 4); j++) {
      words += lines[candidates[j]].text.replace(/\s/g, '');
      if (/[。！？]/.test(words)) break;
      const ends = TITLE_END.test(words);
      const numbered = j === k && /号(?:提案|建议|议案)/.test(words) && TITLE_START.test(words);
      if (ends || numbered) {
        const span = {
          text: letter.slice(first.start, lines[candidates[j]].end),
          start: first.start,
          end: lines[candidates[j]].end,
        };
        blocks.push({ span, lastLine: candidates[j], parts: referenceIn(span, letter) });
        k = j;
        break;
      }
    }
  }
  return blocks;
}

/** The first 《…》 of a title block: …第0567号提案《关于加大基础研究投入的建议》的答复. */
export function bookTitleIn(span: Span): Span | null {
  const open = span.text.indexOf('《');
  const close = span.text.indexOf('》', open + 1);
  return open !== -1 && close > open + 3 ? subSpan(span, open + 1, close) : null;
}

/** 砚山县交通运输局关于…的答复: the issuer named before the title's 关于. */
export function issuerInTitle(titles: TitleBlock[], letter: string): Span | null {
  for (const title of titles) {
    const s = squeeze(title.span);
    const match = ISSUER_IN_TITLE.exec(s.text);
    if (match?.groups && !/^(?:关于|对)/.test(match.groups.org))
      return unsqueeze(s, letter, 0, match.groups.org.length);
  }
  return null;
}
