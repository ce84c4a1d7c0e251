import { parseDate } from './dates.ts';
import {
  CC_LINE, CONTACT, CONTACT_NO_PHONE, DATE_LINE, DOC_NUMBER, ISSUER_AND_DATE_LINE, OFFICE_SUFFIX, ORGANIZATION_END,
  PRINTED_LINE, PROPOSAL_NUMBER_IN_BODY, PROPOSAL_REF, PROPOSAL_REF_KIND_FIRST, PROPOSER_ROLE,
  REPLY_WORD, TITLE_INTRO,
} from './header-patterns.ts';
import { type Span, splitSpan, subSpan, trimSpan } from './lines.ts';

export interface ProposalRef {
  body: string | null;
  session: string | null;
  number: number | null;
  kind: '提案' | '建议' | '议案' | null;
  title: string | null;
  /** Where the reference stands (the title line), and where the 《》 title stands. */
  span: Span;
  titleSpan: Span | null;
}

export interface Proposer {
  name: string;
  kind: 'Person' | 'Organization';
  role: string | null;
  span: Span;
}

export interface Contact {
  name: string;
  phone: string | null;
  span: Span;
}

export interface LetterHeader {
  docNumber: Span | null;
  /** The 关于…答复函 block. */
  titleBlock: Span | null;
  proposal: ProposalRef | null;
  /** The salutation line (without its colon). */
  addressee: Span | null;
  proposers: Proposer[];
  contacts: Contact[];
  cc: Span[];
  /** The 印发 line: the issuer's office and date of printing. */
  printed: { org: Span; date: string; span: Span } | null;
  issuer: { name: string; span: Span; source: 'signature' | '印发' } | null;
  date: { value: string; span: Span; source: 'signature' | '印发' } | null;
  /** Index of the first body line (after the salutation) and of the first closing line. */
  bodyLines: { from: number; to: number };
}

/** Removes white space inside a span, keeping a map back to offsets of the letter. */
function squeeze(span: Span): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (let i = 0; i < span.text.length; i++) {
    if (/\s/.test(span.text[i])) continue;
    text += span.text[i];
    offsets.push(span.start + i);
  }
  return { text, offsets };
}

const HEAD_LINES = 12;

export function parseHeader(lines: Span[], letter: string): LetterHeader {
  const nonEmpty = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.text !== '');
  const head = nonEmpty.slice(0, HEAD_LINES);

  const docLine = head.find(({ line }) => DOC_NUMBER.test(line.text) && line.text.length < 60);
  const docMatch = docLine ? DOC_NUMBER.exec(docLine.line.text)! : null;
  const docNumber = docLine && docMatch ? subSpan(docLine.line, docMatch.index, docMatch.index + docMatch[0].length) : null;

  // The title block runs from the line that opens with 关于/对 to the line holding 答复函.
  const firstTitle = head.findIndex(({ line }) => /^(?:[\u4e00-\u9fa5]{0,20}关于|对)/.test(line.text) && !TITLE_INTRO.test(line.text) && !/[：:]$/.test(line.text));
  let titleBlock: Span | null = null;
  let titleEndIndex = -1;
  if (firstTitle !== -1) {
    for (let k = firstTitle; k < Math.min(head.length, firstTitle + 4); k++) {
      if (REPLY_WORD.test(head[k].line.text.replace(/\s/g, ''))) {
        titleBlock = { text: letter.slice(head[firstTitle].line.start, head[k].line.end), start: head[firstTitle].line.start, end: head[k].line.end };
        titleEndIndex = head[k].index;
        break;
      }
    }
  }

  // The salutation: the first short line ending in a colon after the title block (or the doc number).
  const afterIndex = titleEndIndex !== -1 ? titleEndIndex : docLine ? docLine.index : -1;
  const salutation = nonEmpty.find(({ line, index }) =>
    index > afterIndex && index <= afterIndex + 4 && /[：:]$/.test(line.text) && line.text.length <= 60 &&
    !/^(联系人|抄送|附件)/.test(line.text));
  const addressee = salutation ? trimSpan(subSpan(salutation.line, 0, salutation.line.text.length - 1)) : null;

  const bodyFrom = salutation ? salutation.index + 1 : afterIndex + 1;
  const closing = parseClosing(lines, bodyFrom);
  const bodyText = lines.slice(bodyFrom, closing.firstClosingLine).map((l) => l.text).join('\n');

  return {
    docNumber,
    titleBlock,
    proposal: titleBlock ? parseProposalRef(titleBlock, letter, bodyFrom < lines.length ? lines[bodyFrom] : null, bodyText) : null,
    addressee,
    proposers: addressee ? parseProposers(addressee) : [],
    contacts: closing.contacts,
    cc: closing.cc,
    printed: closing.printed,
    issuer: closing.issuer,
    date: closing.date,
    bodyLines: { from: bodyFrom, to: closing.firstClosingLine },
  };
}

function parseProposalRef(titleBlock: Span, letter: string, firstBodyLine: Span | null, bodyText: string): ProposalRef {
  const { text, offsets } = squeeze(titleBlock);
  const match = PROPOSAL_REF.exec(text);
  let body: string | null = null;
  let session: string | null = null;
  let number: number | null = null;
  let kind: ProposalRef['kind'] = null;
  if (match?.groups) {
    const g = match.groups;
    // 关于市政协… · 关于对市十五届人大… · 对十四届全国人大… — the words before the body are not part of it.
    const prefix = g.prefix.replace(/^(?:[\u4e00-\u9fa5]*?关于)?对?/, '');
    body = prefix.endsWith('政协') || prefix.endsWith('人大') ? prefix : g.org ? prefix + g.org : prefix || null;
    if (body === '') body = null;
    session = g.term + g.meeting.replace(/^第/, '');
    number = Number(g.number);
    kind = g.kind as ProposalRef['kind'];
  } else {
    const kindFirst = PROPOSAL_REF_KIND_FIRST.exec(text);
    if (kindFirst?.groups) {
      number = Number(kindFirst.groups.number);
      kind = kindFirst.groups.kind as ProposalRef['kind'];
    }
  }
  // The body repeats the number: 《…》（政协提案157号）.
  const repeated = PROPOSAL_NUMBER_IN_BODY.exec(bodyText);
  if (repeated?.groups) {
    number ??= Number(repeated.groups.number);
    kind ??= repeated.groups.kind as ProposalRef['kind'];
  }
  const span = match ? { text: letter.slice(offsets[match.index], offsets[match.index + match[0].length - 1] + 1), start: offsets[match.index], end: offsets[match.index + match[0].length - 1] + 1 } : titleBlock;
  const titleSpan = firstBodyLine ? proposalTitle(firstBodyLine) : null;
  return { body, session, number, kind, title: titleSpan?.text ?? null, span, titleSpan };
}

/** The first 《…》 after 所提的, with nested 《》 kept inside. */
function proposalTitle(line: Span): Span | null {
  const intro = TITLE_INTRO.exec(line.text);
  if (!intro) return null;
  const open = intro.index + intro[0].length;
  let depth = 1;
  for (let i = open; i < line.text.length; i++) {
    if (line.text[i] === '《') depth++;
    if (line.text[i] === '》' && --depth === 0) return subSpan(line, open, i);
  }
  return null;
}

function parseProposers(addressee: Span): Proposer[] {
  const cleaned = addressee.text.replace(/^尊敬的/, '');
  const offset = addressee.text.length - cleaned.length;
  const base = subSpan(addressee, offset, addressee.text.length);
  const role = PROPOSER_ROLE.exec(base.text)?.[1] ?? null;
  const names = splitSpan(role ? subSpan(base, 0, base.text.length - role.length) : base, /[、，,和及]/);
  return names.map((span) => {
    const name = span.text.replace(/等$/, '');
    const nameSpan = { text: name, start: span.start, end: span.start + name.length };
    const organization = !role && (ORGANIZATION_END.test(name) || name.length > 4);
    return { name, kind: organization ? 'Organization' : 'Person', role: organization ? null : role, span: nameSpan };
  });
}

interface Closing {
  contacts: Contact[];
  cc: Span[];
  printed: LetterHeader['printed'];
  issuer: LetterHeader['issuer'];
  date: LetterHeader['date'];
  firstClosingLine: number;
}

function parseClosing(lines: Span[], bodyFrom: number): Closing {
  let firstClosingLine = lines.length;
  const markClosing = (index: number) => { if (index >= bodyFrom) firstClosingLine = Math.min(firstClosingLine, index); };

  const contacts: Contact[] = [];
  lines.forEach((line, index) => {
    if (index < bodyFrom || !/联\s*系\s*人/.test(line.text)) return;
    const found = parseContacts(line);
    if (found.length > 0) {
      contacts.push(...found);
      markClosing(index);
    }
  });

  let cc: Span[] = [];
  let printed: LetterHeader['printed'] = null;
  lines.forEach((line, index) => {
    if (index < bodyFrom) return;
    const ccMatch = CC_LINE.exec(line.text);
    if (ccMatch?.groups) {
      const listStart = line.text.indexOf(ccMatch.groups.list);
      cc = splitSpan(subSpan(line, listStart, listStart + ccMatch.groups.list.length), /[，、,；;]/);
      markClosing(index);
    }
    const printedMatch = PRINTED_LINE.exec(line.text);
    const date = printedMatch?.groups ? parseDate(printedMatch.groups.date) : undefined;
    if (printedMatch?.groups && date) {
      printed = { org: subSpan(line, 0, printedMatch.groups.org.length), date, span: line };
      markClosing(index);
    }
  });

  // The signature: a date alone on a line, the issuer on the non-empty line before it.
  let issuer: LetterHeader['issuer'] = null;
  let date: LetterHeader['date'] = null;
  for (let index = lines.length - 1; index >= bodyFrom; index--) {
    if (!DATE_LINE.test(lines[index].text)) continue;
    const value = parseDate(lines[index].text);
    if (!value) continue;
    date = { value, span: lines[index], source: 'signature' };
    markClosing(index);
    let k = index - 1;
    while (k >= bodyFrom && lines[k].text === '') k--;
    if (k >= bodyFrom && /^[\u4e00-\u9fa5（）()]{3,40}$/.test(lines[k].text) && !/[。，]/.test(lines[k].text)) {
      issuer = { name: lines[k].text, span: lines[k], source: 'signature' };
      markClosing(k);
    }
    break;
  }
  // Issuer and date on one line (重庆市科学技术局 2023年7月1日), where no date stands alone.
  if (!date) {
    for (let index = lines.length - 1; index >= bodyFrom; index--) {
      const match = ISSUER_AND_DATE_LINE.exec(lines[index].text);
      const value = match?.groups ? parseDate(match.groups.date) : undefined;
      if (!match?.groups || !value) continue;
      const at = lines[index].text.lastIndexOf(match.groups.date);
      date = { value, span: subSpan(lines[index], at, at + match.groups.date.length), source: 'signature' };
      issuer = { name: match.groups.issuer, span: subSpan(lines[index], 0, match.groups.issuer.length), source: 'signature' };
      markClosing(index);
      break;
    }
  }
  const printedLine = printed as LetterHeader['printed'];
  if (printedLine) {
    date ??= { value: printedLine.date, span: printedLine.span, source: '印发' };
    if (!issuer && OFFICE_SUFFIX.test(printedLine.org.text)) {
      const name = printedLine.org.text.replace(OFFICE_SUFFIX, '');
      issuer = { name, span: subSpan(printedLine.org, 0, name.length), source: '印发' };
    }
  }
  return { contacts, cc, printed, issuer, date, firstClosingLine };
}

function parseContacts(line: Span): Contact[] {
  const contacts: Contact[] = [];
  for (const match of line.text.matchAll(CONTACT)) {
    const names = splitSpan(subSpan(line, match.index! + match[0].indexOf(match.groups!.names), match.index! + match[0].indexOf(match.groups!.names) + match.groups!.names.length), /[、,，]/);
    const phones = match.groups!.phones.split(/[、,，/]/).map((p) => p.replace(/[\s()（）]/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).filter(Boolean);
    names.forEach((name, i) => contacts.push({ name: name.text, phone: phones[i] ?? phones[0] ?? null, span: name }));
  }
  if (contacts.length > 0) return contacts;
  for (const match of line.text.matchAll(CONTACT_NO_PHONE)) {
    const at = match.index! + match[0].indexOf(match.groups!.names);
    for (const name of splitSpan(subSpan(line, at, at + match.groups!.names.length), /[、]/)) {
      contacts.push({ name: name.text, phone: null, span: name });
    }
  }
  return contacts;
}
