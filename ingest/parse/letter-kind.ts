import { type Span, subSpan } from './lines.ts';

/**
 * What kind of letter this is. Most are replies to the proposer; a unit that
 * helps the lead unit handle a proposal writes it a co-handling opinion
 * (协办意见, 会办意见), and a lead unit may send its own 主办意见. Such an
 * opinion is addressed to a unit that handles the proposal, never to the one
 * who made it: the proposers are named in its body.
 */
export type LetterKind = 'reply' | '主办意见' | '会办意见' | '协办意见';

/** Where the kind was read: the title line, the sentence that opens the letter, or neither (a reply by default). */
export type LetterKindSource = 'title' | 'opening' | 'default';

export interface LetterKindReading {
  value: LetterKind;
  source: LetterKindSource;
  /** The words that say it (协办意见), or null for a reply by default. */
  span: Span | null;
}

/**
 * The opinion's own name: 关于市政协十三届二次会议第123号提案的会办意见 · 提出协办意见如下 ·
 * 现将我局主办意见函告如下. (A reply that mentions 会办单位 or 协办单位 names no opinion of its own:
 * 单位 stands between the two words.)
 */
export const OPINION_WORD = /(主办|会办|协办)意见/;

/** In the opening sentence the opinion is what the writer gives: 提出协办意见如下 · 现将会办意见函复如下 · 会办意见如下. */
const OPINION_GIVEN = /(主办|会办|协办)意见(?:函[复告]|答复|反馈|报送|如下)/;

/**
 * Reads the letter's kind from its title block (or the lines before the salutation) and then from
 * its opening sentence. The title speaks for the whole letter; in the opening only the opinion the
 * writer gives counts (现就…提出协办意见如下), not one it cites.
 */
export function letterKindOf(titleLines: Span[], opening: Span | null): LetterKindReading {
  for (const line of titleLines) {
    const match = OPINION_WORD.exec(line.text);
    if (match) return reading(line, match, 'title');
  }
  if (opening) {
    const match = OPINION_GIVEN.exec(opening.text);
    if (match) return reading(opening, match, 'opening');
  }
  return { value: 'reply', source: 'default', span: null };
}

function reading(line: Span, match: RegExpExecArray, source: LetterKindSource): LetterKindReading {
  const value = `${match[1]}意见` as LetterKind;
  return { value, source, span: subSpan(line, match.index, match.index + value.length) };
}

/** The opinions sent to the unit that leads the handling: their addressee is that lead unit. */
export function isSentToLeadUnit(kind: LetterKind): boolean {
  return kind === '会办意见' || kind === '协办意见';
}
