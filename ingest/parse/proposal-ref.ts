import { placesAt } from '../place/place-names.ts';
import { type Span, subSpan } from './lines.ts';

/**
 * The proposal a letter answers, read from its title lines and from the
 * sentence that opens the reply (…所提的《…》收悉 · …提出的关于…的提案已收悉).
 * Each part is taken where it stands; a part the letter does not give is null.
 */
export interface ProposalRef {
  /** The congress or CPPCC body, by level: 市政协 · 县政协 · 省人大 · 全国人大. */
  body: string | null;
  /** The body as the letter writes it with its place (温岭市政协 · 石家庄市第十四届人民代表大会), when that differs. */
  bodyWritten: Span | null;
  /**
   * Whether the letter names the body: written whole (市政协十二届 · 区政协) or with its place (石家庄市第十四届人民
   * 代表大会). 市五届人大第五次会议 names a session: the level word and 人大 stand apart with no place to name them.
   */
  bodyNamed: boolean | null;
  session: string | null;
  /** A number, or the identifier as written when it has letters (JY100012050700). */
  number: number | string | null;
  kind: '提案' | '建议' | '议案' | null;
  title: string | null;
  /** Where the reference stands (the title line or the opening sentence), and where the title stands. */
  span: Span;
  titleSpan: Span | null;
}

/** Text with white space removed and a map back to the letter's offsets: 第 2023XXXX 号 reads as one number. */
export interface Squeezed {
  text: string;
  offsets: number[];
}

export function squeeze(span: Span): Squeezed {
  const offsets: number[] = [];
  let text = '';
  for (let i = 0; i < span.text.length; i++) {
    if (/\s/.test(span.text[i])) continue;
    text += span.text[i];
    offsets.push(span.start + i);
  }
  return { text, offsets };
}

/** The span of squeezed [from, to) in the letter. */
export function unsqueeze(s: Squeezed, letter: string, from: number, to: number): Span {
  const start = s.offsets[from];
  const end = s.offsets[to - 1] + 1;
  return { text: letter.slice(start, end), start, end };
}

// 十二届三次会议 · 第十五届一次会议 · 第十四届人民代表大会第六次会议 · 第十届委员会第二次会议
const SESSION =
  /(?<term>第?[一二三四五六七八九十\d]{1,3}届)(?<mid>[\u4e00-\u9fa5]{0,8}?)(?<meeting>第?[一二三四五六七八九十\d]{1,3}次(?:全体)?会议)/;
// 第20230539号 · 157号 · 第JY100012050700号 · 2005第077号 (year, then the number) · 2023年度第5号
const NUMBER = /(?:(?<year>(?:19|20)\d{2})(?:年度?|(?=第)))?第?(?<number>[A-Za-z]{1,4}\d{3,14}|\d{1,10})号/;
const NUMBER_ALL = new RegExp(NUMBER.source, 'g');
// 157号提案 · 第14号提案的复函 · 号建议
const KIND_AFTER_NUMBER = /^(?:[\u4e00-\u9fa5]{0,3}?)(?<kind>提案|建议|议案)/;
// 提案第157号 · 建议第6号
const KIND_BEFORE_NUMBER = /(?<kind>提案|建议|议案)第?$/;
const ORG_WORD = /(全国人大|全国政协|人民代表大会|人大|政协)/;

export interface ReferenceParts {
  body: string | null;
  bodyWritten: Span | null;
  bodyNamed: boolean | null;
  session: string | null;
  number: number | string | null;
  kind: ProposalRef['kind'];
  span: Span | null;
}

/** Body, session, number and kind as far as one piece of text gives them. */
export function referenceIn(span: Span, letter: string): ReferenceParts {
  const s = squeeze(span);
  const parts: ReferenceParts = {
    body: null,
    bodyWritten: null,
    bodyNamed: null,
    session: null,
    number: null,
    kind: null,
    span: null,
  };
  const session = SESSION.exec(s.text);
  // A number that is not a proposal's (a year, a date, the letter's own 贺科函〔2024〕9号 above its title) has neither
  // 第 nor a kind word beside it: the proposal's is the first that has (…第27号建议的答复), else the first of all.
  const numbers = [...s.text.matchAll(NUMBER_ALL)];
  const kindBeside = (n: RegExpExecArray | RegExpMatchArray) =>
    (KIND_AFTER_NUMBER.exec(s.text.slice(n.index! + n[0].length))?.groups?.kind ??
      KIND_BEFORE_NUMBER.exec(s.text.slice(Math.max(0, n.index! - 4), n.index!))?.groups?.kind ??
      null) as ProposalRef['kind'];
  const number = numbers.find((n) => kindBeside(n) || n[0].includes('第')) ?? numbers[0];
  if (number?.groups) {
    const raw = number.groups.number;
    parts.number = /^\d+$/.test(raw) ? Number(raw) : raw;
    parts.kind = kindBeside(number);
    if (!parts.kind && !number[0].includes('第')) parts.number = null;
  }
  if (session?.groups) {
    // 市十四届人大四次会议 → 十四届四次会议: the congress's name between term and meeting is the body's, not the session's.
    const { term, mid, meeting } = session.groups;
    parts.session = term + (/^(?:全国)?(?:人大|政协)$/.test(mid) ? '' : mid) + meeting;
  }
  // The body stands before the session (or before the number when there is no session).
  const bodyEnd = session
    ? session.index + session.groups!.term.length + session.groups!.mid.length
    : number
      ? number.index
      : -1;
  if (bodyEnd > 0) {
    const headEnd = session ? session.index : bodyEnd;
    const head = s.text.slice(0, headEnd);
    const mid = session?.groups?.mid ?? '';
    const opening = /^(?:.*?关于对|.*?关于|对)/.exec(head)?.[0].length ?? 0;
    const prefix = head.slice(opening);
    const org = ORG_WORD.exec(prefix + mid)?.[1];
    if (org) {
      const place = prefix.replace(ORG_WORD, '').replace(/第$/, '');
      // 州政协十三届三次会议 (an autonomous prefecture's, as 盟 and 旗 are in Inner Mongolia): 州 is a level only alone
      // or after 自治 (苏州政协 is a city's, written without its 市).
      const level =
        /(?:省|市|县|区)$/.exec(place)?.[0] ??
        /^(?:州|盟|旗)$|(?<=自治)州$/.exec(place)?.[0] ??
        /^(?:省|市|县|区)/.exec(prefix)?.[0] ??
        '';
      const national = org.startsWith('全国');
      parts.body = (national ? '全国' : level) + (org.includes('政协') ? '政协' : '人大');
      const written = writtenBody(s.text, opening, prefix, bodyEnd, session !== null);
      parts.bodyNamed = written.named;
      if (
        written.start !== undefined &&
        written.end !== undefined &&
        s.text.slice(written.start, written.end) !== parts.body
      )
        parts.bodyWritten = unsqueeze(s, letter, written.start, written.end);
    }
  }
  const from = Math.min(...[session?.index, number?.index].filter((x): x is number => x !== undefined));
  if (Number.isFinite(from)) {
    const end = number
      ? number.index +
        number[0].length +
        (KIND_AFTER_NUMBER.exec(s.text.slice(number.index + number[0].length))?.[0].length ?? 0)
      : session!.index + session![0].length;
    parts.span = unsqueeze(s, letter, from, Math.max(end, from + 1));
  }
  return parts;
}

/**
 * How the letter writes the proposal's body, in squeezed text:
 * - 政协子洲县第十届委员会: the body's word first, then its place and term — all of it;
 * - 温岭市政协十五届 · 你们在区政协三届 · 覃伟中市长领衔督办市政协: the level and the word together, with the
 *   place before them when one is named (温岭市政协), never the words of the clause (领衔督办市政协 → 市政协);
 * - 石家庄市第十四届人民代表大会: the term between place and word: from the place to the word;
 *   市五届人大: no place — a session's name, which names no body.
 */
function writtenBody(
  text: string,
  opening: number,
  prefix: string,
  bodyEnd: number,
  hasSession: boolean,
): { named: boolean; start?: number; end?: number } {
  const inHead = ORG_WORD.exec(prefix);
  if (inHead && inHead.index === 0)
    return { named: true, start: opening, end: hasSession ? bodyEnd : opening + prefix.length };
  if (inHead) {
    const end = opening + inHead.index + inHead[1].length;
    const levelEnd = opening + inHead.index;
    const level = /[省市县区州盟旗]$/.test(text.slice(0, levelEnd));
    const place = level ? placeEndingAt(text, levelEnd, opening) : undefined;
    return { named: true, start: place ?? levelEnd - (level ? 1 : 0), end };
  }
  // (A place the division list lacks — newly named, or invented in a test letter — still names the body when the
  // words before the term are all place-shaped: 澄州市第十五届人民代表大会.)
  const place =
    placeEndingAt(text, opening + prefix.length, opening) ?? (PLACE_SHAPED.test(prefix) ? opening : undefined);
  return place === undefined ? { named: false } : { named: true, start: place, end: bodyEnd };
}

// 澄州市 · 云岭省: two to six characters and a level word, with no pronoun or preposition among them (您在市 is not one).
const PLACE_SHAPED = /^(?![您你贵我])(?!.*[在的对于为向])[\u4e00-\u9fa5]{2,6}(?:省|市|县|区|州)$/;

/** Where a place named in full ends exactly at `end` (温岭市 before 政协), searching back to `floor`; or undefined. */
function placeEndingAt(text: string, end: number, floor: number): number | undefined {
  for (let k = Math.max(floor, end - 10); k <= end - 2; k++) {
    const chain = placesAt(text, k, false);
    if (chain.length > 0 && chain[chain.length - 1].end === end) return k;
  }
  return undefined;
}

// 《…》 and “…” are the proposal's own title when the opening sentence names it.
const TITLE_OPENERS = /(?:所提(?:出)?的?|提出的?|领衔提出的|提交的|您|你们|你|关于要求|要求)\s*$/;
// 提出的关于加快建设乡村道路维修及维护的提案 — a title written without marks.
const UNMARKED_TITLE = /关于[^，,。；;：:“”"《》\n]{2,80}?的(?:提案|建议|议案)/;

// What closes an unmarked title right after a quote inside it: ”的提案 · ”的建议.
const WRAPPING_TITLE = /^的(?:提案|建议|议案)/;

/** The proposal's title in the sentence that opens the reply: 《…》, then “…”, then an unmarked 关于…的提案. */
export function titleIn(sentence: Span): Span | null {
  const text = sentence.text;
  const book = balanced(text, '《', '》');
  const quote = balanced(text, '“', '”') ?? balanced(text, '"', '"');
  const candidates = [book, quote]
    .filter((c): c is { open: number; close: number } => c !== null)
    .sort((a, b) => a.open - b.open);
  for (const c of candidates) {
    const before = text.slice(Math.max(0, c.open - 8), c.open);
    // 关于“实施‘应天英才计划’大力支持…人才”的提案: a quote inside an unmarked title is part of it.
    const wrapped = WRAPPING_TITLE.exec(text.slice(c.close + 1));
    // (关于“关于立即制订…的提案”的提案 quotes a whole title: the quote is it.)
    if (
      before.endsWith('关于') &&
      wrapped &&
      !text.startsWith('关于', c.open + 1) &&
      (c === candidates[0] || TITLE_OPENERS.test(before.slice(0, -2)))
    )
      return subSpan(sentence, c.open - 2, c.close + 1 + wrapped[0].length);
    // The first mark in the sentence, or one right after 提出的 / 您: not a policy the reply cites later.
    if (c === candidates[0] || TITLE_OPENERS.test(before)) {
      if (c.close - c.open > 3) return subSpan(sentence, c.open + 1, c.close);
    }
  }
  const plain = UNMARKED_TITLE.exec(text);
  return plain ? subSpan(sentence, plain.index, plain.index + plain[0].length) : null;
}

/** The first balanced pair of marks (nested 《》 kept inside). */
function balanced(text: string, open: string, close: string): { open: number; close: number } | null {
  const at = text.indexOf(open);
  if (at === -1) return null;
  if (open === close) {
    const end = text.indexOf(close, at + 1);
    return end === -1 ? null : { open: at, close: end };
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === open) depth++;
    if (text[i] === close && --depth === 0) return { open: at, close: i };
  }
  return null;
}

/** The kind a title's own words give: …的提案 · …的建议. */
export function kindOfTitle(title: string | null): ProposalRef['kind'] {
  const match = title ? /(提案|建议|议案)$/.exec(title.replace(/[》”"\s]+$/, '')) : null;
  return (match?.[1] ?? null) as ProposalRef['kind'];
}
