import { parseChineseNumber } from './cn-numbers.ts';
import { type Span, subSpan } from './lines.ts';

/**
 * The heading hierarchy of a letter's body. Official documents number their
 * levels 一、 → （一） → 1、 → （1）, and inside paragraphs list items as
 * 一是…二是…. Real letters slip (a "1、" where "一、" belongs, a "（2）"
 * after "（一）"), so a level is decided by a stack, not by the marker alone:
 * see `placeHeading`.
 */
export type MarkerType = 'cn' | 'paren-cn' | 'ar' | 'paren-ar' | 'item';
export type Part = 'done' | 'next';

export interface Section {
  index: number;
  level: number;
  marker: string;
  markerType: MarkerType;
  number: number;
  /** The heading's words, up to its first 。 or ： (一、创新型城市建设基本情况). */
  title: Span;
  /**
   * The whole numbered line up to its first 一是 item: a heading may run over
   * several sentences — （五）以科技金融融合发展为核心。加强金融赋能…驱动产业链和资金链协同创新。
   * — and what it names holds for everything under it.
   */
  heading: Span;
  start: number;
  end: number;
  parent: number | null;
  part: Part;
}

// 一、创新型城市建设基本情况 — a comma or full stop after the numeral also occurs.
const CN_HEADING = /^([一二三四五六七八九十]{1,3})[、，．.]\s*/;
// （一）推动平台量质提升 — half-width brackets too.
const PAREN_CN_HEADING = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*/;
// 1、 我市推进… — never "1.56万" or "1-5月份".
const AR_HEADING = /^([0-9０-９]{1,2})(?:、|[.．](?![0-9０-９]))\s*/;
// （1）… — never a year in brackets such as （2023-2025年）.
const PAREN_AR_HEADING = /^[（(]([0-9０-９]{1,2})[）)]\s*/;
// 一是推进科技条例落地落实。 — at a line start or after 。；： only.
const ITEM = /(?:^|(?<=[。；;：:]))\s*([一二三四五六七八九十]{1,2})是(?![的否])/g;
/** Words that mark the forward-looking part of a reply. */
/** 最后，感谢… · 以上答复… — closing remarks end every open section. */
const CLOSING_REMARK = /^(?:最后|感谢|以上答复|特此函复|此复|专此答复)/;
export const NEXT_STEPS = /下一步|下步|工作计划|工作打算|今后|下阶段|下一阶段|工作举措及计划|将来/;

const HEADINGS: Array<[MarkerType, RegExp]> = [
  ['paren-cn', PAREN_CN_HEADING],
  ['paren-ar', PAREN_AR_HEADING],
  ['cn', CN_HEADING],
  ['ar', AR_HEADING],
];

function numberOf(digits: string): number {
  const ascii = digits.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^\d+$/.test(ascii) ? Number(ascii) : (parseChineseNumber(digits) ?? 0);
}

/** The numbered line from after its marker to its first 一是 item (or its end), without a closing colon. */
function wholeHeading(line: Span, markerLength: number): Span {
  const rest = line.text.slice(markerLength);
  const item = new RegExp(ITEM.source).exec(rest);
  let end = item ? item.index + (item[0].length - item[0].trimStart().length) : rest.length;
  while (end > 0 && /[：:\s]/.test(rest[end - 1])) end--;
  return subSpan(line, markerLength, markerLength + end);
}

/** A heading's words end at 。 or ：; an item's (一是…) also at its first comma. */
function headingTitle(line: Span, markerLength: number, item = false): Span {
  const rest = line.text.slice(markerLength);
  const stop = rest.search(item ? /[。：:，,；;]/ : /[。：:]/);
  const end = stop === -1 ? rest.length : stop;
  return subSpan(line, markerLength, markerLength + Math.min(end, 80));
}

export function parseSections(lines: Span[], from: number, to: number, bodyEnd: number): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (CLOSING_REMARK.test(line.text)) {
      closeAt(stack, 1, line.start);
      continue;
    }
    const heading = HEADINGS.map(([type, pattern]) => ({ type, match: pattern.exec(line.text) })).find((h) => h.match);
    if (heading?.match) {
      const section = placeHeading(stack, {
        index: sections.length,
        markerType: heading.type,
        marker: heading.match[0].trim(),
        number: numberOf(heading.match[1]),
        title: headingTitle(line, heading.match[0].length),
        heading: wholeHeading(line, heading.match[0].length),
        start: line.start,
      });
      closeAt(stack, section.level, line.start);
      stack.push(section);
      sections.push(section);
    }
    for (const item of line.text.matchAll(ITEM)) {
      const at = item.index! + item[0].length - item[1].length - 1;
      const parent = stack.filter((s) => s.markerType !== 'item').at(-1) ?? null;
      const level = (parent?.level ?? 0) + 1;
      closeAt(stack, level, line.start + at);
      const section: Section = {
        index: sections.length,
        level,
        marker: `${item[1]}是`,
        markerType: 'item',
        number: numberOf(item[1]),
        title: headingTitle(subSpan(line, at, line.text.length), item[1].length + 1, true),
        heading: headingTitle(subSpan(line, at, line.text.length), item[1].length + 1, true),
        start: line.start + at,
        end: line.end,
        parent: parent?.index ?? null,
        part: 'done',
      };
      stack.push(section);
      sections.push(section);
    }
    // An item list ends with its paragraph.
    while (stack.length > 0 && stack[stack.length - 1].markerType === 'item') {
      const item = stack.pop()!;
      item.end = line.end;
    }
  }
  for (const open of stack) open.end = bodyEnd;
  for (const section of sections) {
    const parent = section.parent === null ? null : sections[section.parent];
    section.part = parent?.part === 'next' || NEXT_STEPS.test(section.title.text) ? 'next' : 'done';
  }
  return sections;
}

type Candidate = Pick<Section, 'index' | 'markerType' | 'marker' | 'number' | 'title' | 'heading' | 'start'>;

/**
 * Where a heading goes: a sibling of the open heading of its own marker type,
 * else a child of the innermost open heading. One exception keeps real letters
 * right: a heading numbered n whose marker differs from an open heading
 * numbered n-1, with no heading of its own type open, is that heading's
 * sibling with a slipped marker (004: "1、…" then "二、下一步工作计划").
 */
function placeHeading(stack: Section[], candidate: Candidate): Section {
  while (stack.length > 0 && stack[stack.length - 1].markerType === 'item') stack.pop();
  const sameType = stack.findIndex((s) => s.markerType === candidate.markerType);
  let depth: number;
  if (sameType !== -1) depth = sameType;
  else {
    const slipped = stack.findLastIndex((s) => s.number === candidate.number - 1 && candidate.number > 1);
    depth = slipped !== -1 ? slipped : stack.length;
  }
  const parent = depth > 0 ? stack[depth - 1] : null;
  return { ...candidate, level: depth + 1, end: 0, parent: parent?.index ?? null, part: 'done' };
}

/** Closes every open section at `level` or deeper, ending it at `offset` (the caller trims trailing white space). */
function closeAt(stack: Section[], level: number, offset: number): void {
  while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop()!.end = offset;
}
