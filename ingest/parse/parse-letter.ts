import { NotALetterError } from '../../domain/errors.ts';
import type { LetterText } from '../read/read-letter-file.ts';
import { type LetterHeader, parseHeader } from './header.ts';
import { type Page, readPage } from './page.ts';
import { layoutLines, type Span } from './lines.ts';
import { type Part, parseSections, type Section } from './sections.ts';
import { splitSentences } from './sentences.ts';
import { unwrapLines } from './unwrap.ts';
import { findPlace, type LetterPlace } from '../place/find-place.ts';
import { placeOf, scopeOfPlace } from '../resolve/scope.ts';

export interface Sentence extends Span {
  index: number;
  /** The innermost section holding the sentence, or null for the preamble and closing. */
  section: number | null;
  part: Part;
}

export interface ParsedLetter extends LetterHeader {
  source: string;
  format: LetterText['format'];
  encoding: string;
  text: string;
  body: { start: number; end: number };
  sections: Section[];
  sentences: Sentence[];
  /** The place the letter speaks for, with its source, or unknown with the reason (ingest/place). */
  placeFound: LetterPlace;
  /** The place the user gave on ingest (`--place`), as its GB/T 2260 code; it is the place stage's first clue. */
  givenPlace?: string;
  /** The scope its local names resolve in (石家庄市; scope.ts scopeOfPlace); null when the place is unknown. */
  place: string | null;
  /** Header parts that were looked for and not found, in the user's words. */
  missing: string[];
}

// A text without header parts is still read as a reply when it speaks like one.
const REPLY_WORDING = /收悉|答复如下|现答复|复函|答复函|(?:提案|建议|议案)(?:的)?(?:答复|办理)/;
// 下步，我们将根据您的意见建议做好以下工作。 — a line that opens the forward part without a heading.
const NEXT_INTRO = /^(?:下一步|下步|今后|下阶段)[，,：:]?/;
// 我们将…, 将…, 计划…: a sentence that speaks of the future on its own.
const FUTURE_SENTENCE = /^(?:下一步|下步|今后|下阶段|我们将|我局将|市科技局将|将)/;

/** The page stage's value: the letter's text (unwrapped), its lines, and which lines are chrome, metadata or letter. */
export interface PageReading {
  text: string;
  lines: Span[];
  page: Page;
}

/** The body stage's value: where the body is, its numbered sections and its sentences (each in the done or next part). */
export interface BodyReading {
  body: { start: number; end: number };
  sections: Section[];
  sentences: Sentence[];
}

/** read → page → header → body → place, each step a value (ingest/stages.ts shows them in order). */
export function parseLetter(read: LetterText): ParsedLetter {
  const page = pageOf(read);
  const header = headerOf(read, page);
  const body = bodyOf(read, page, header);
  return assembleLetter(read, page, header, body, placeOfLetter(page, header, body));
}

/** The page stage: text copied out of a PDF is unwrapped first (offsets everywhere point into it), then cut into lines. */
export function pageOf(read: LetterText): PageReading {
  const text = unwrapLines(read.text);
  const lines = layoutLines(text);
  return { text, lines, page: readPage(lines) };
}

/** The header stage; a text with no header part at all is still a letter if it speaks like a reply. */
export function headerOf(read: LetterText, { text, lines, page }: PageReading): LetterHeader {
  const header = parseHeader(lines, text, page);
  if (!header.titleBlock && !header.addressee && !header.docNumber && !header.proposal && !REPLY_WORDING.test(text)) {
    throw new NotALetterError(
      read.source,
      'it has no title naming a proposal (关于…的答复), no salutation (…委员：), no document number and none of the words a reply uses (收悉, 答复如下, 提案, 建议)',
    );
  }
  return header;
}

/** The body stage: sections by their numbering, sentences, and which of them speak of the next steps. */
export function bodyOf(read: LetterText, { text, lines }: PageReading, header: LetterHeader): BodyReading {
  const { from, to } = header.bodyLines;
  const body = {
    start: from < lines.length ? lines[from].start : text.length,
    end: to > from ? lines[to - 1].end : from < lines.length ? lines[from].start : text.length,
  };
  if (body.end - body.start < 20)
    throw new NotALetterError(read.source, 'the letter has no body text after the salutation');

  const sections = parseSections(lines, from, to, body.end);
  for (const section of sections) {
    while (section.end > section.start && /\s/.test(text[section.end - 1])) section.end--;
  }
  const nextFrom = forwardPartStart(lines, from, to, sections);
  for (const section of sections)
    if (nextFrom !== null && section.start >= nextFrom.start && section.start < nextFrom.end) section.part = 'next';

  const sentences = splitSentences(text).map((span, index): Sentence => {
    const section = innermost(sections, span.start);
    const inNext =
      (section !== null && sections[section].part === 'next') ||
      (nextFrom !== null && span.start >= nextFrom.start && span.start < nextFrom.end) ||
      (span.start >= body.start && span.end <= body.end && FUTURE_SENTENCE.test(span.text));
    return { ...span, index, section, part: inNext ? 'next' : 'done' };
  });
  return { body, sections, sentences };
}

/** The place stage (ingest/place): the place the letter speaks for, from its header and body. */
export function placeOfLetter({ text }: PageReading, header: LetterHeader, { body }: BodyReading): LetterPlace {
  return findPlace({ ...header, text, body });
}

/** The parsed letter the extraction stages read: every value above in one record. */
export function assembleLetter(
  read: LetterText,
  { text }: PageReading,
  header: LetterHeader,
  { body, sections, sentences }: BodyReading,
  placeFound: LetterPlace,
): ParsedLetter {
  return {
    ...header,
    source: read.source,
    format: read.format,
    encoding: read.encoding,
    text,
    body,
    sections,
    sentences,
    missing: missingParts(header),
    placeFound,
    place:
      scopeOfPlace(placeFound) ??
      placeOf([
        header.issuer?.name,
        header.proposal?.bodyWritten?.text,
        header.contactUnit?.text,
        header.addresseeUnit?.text,
        header.printed?.org.text,
      ]),
  };
}

/**
 * A line that opens the forward part with no numbered heading (002: "下步，我们将…做好以下工作。")
 * makes everything after it, to the end of its enclosing section or of the body, the next-steps part.
 */
function forwardPartStart(
  lines: Span[],
  from: number,
  to: number,
  sections: Section[],
): { start: number; end: number } | null {
  for (let i = from; i < to; i++) {
    if (!NEXT_INTRO.test(lines[i].text)) continue;
    const enclosing = innermost(
      sections.filter((s) => s.markerType !== 'item'),
      lines[i].start,
    );
    const end = enclosing === null ? lines[to - 1].end : sections.filter((s) => s.markerType !== 'item')[enclosing].end;
    return { start: lines[i].start, end };
  }
  return null;
}

function innermost(sections: Section[], offset: number): number | null {
  let found: number | null = null;
  sections.forEach((section, index) => {
    if (section.start <= offset && offset < Math.max(section.end, section.start + 1)) {
      if (found === null || sections[found].level <= section.level) found = index;
    }
  });
  return found;
}

function missingParts(header: LetterHeader): string[] {
  const missing: string[] = [];
  if (!header.docNumber) missing.push('document number (…〔year〕N号)');
  if (!header.proposal) missing.push('the proposal answered (title 关于…提案/建议的答复, or …提出的…收悉)');
  else {
    if (header.proposal.number === null) missing.push('proposal number');
    if (!header.proposal.title) missing.push('proposal title (《…》, “…” or 关于…的提案 after 提出的)');
  }
  if (header.proposers.length === 0) missing.push('salutation naming the proposer');
  if (!header.issuer) missing.push('issuer (signature, title, page metadata or 联系单位)');
  if (!header.date) missing.push('date');
  return missing;
}
