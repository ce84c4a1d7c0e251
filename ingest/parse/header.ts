import { isSalutation, type Proposer, proposersOf, thirdPartyProposers, withSeconders } from './addressee.ts';
import { type Contact, parseClosing } from './closing.ts';
import { DOC_NUMBER, OFFICE_SUFFIX } from './header-patterns.ts';
import { type Span, subSpan, trimSpan } from './lines.ts';
import { isSentToLeadUnit, letterKindOf, type LetterKindReading } from './letter-kind.ts';
import { type Page, readPage } from './page.ts';
import { proposalOf, withMetadata } from './proposal-of.ts';
import { issuerInTitle, TITLE_END, titleBlocks } from './title-blocks.ts';
import { docNumberIn } from './page-metadata.ts';
import { NO_SECONDERS, type Seconded, secondersInBody } from './body-seconders.ts';
import { type ProposalRef, referenceIn } from './proposal-ref.ts';

export type { Contact } from './closing.ts';
export type { Proposer } from './addressee.ts';
export type { ProposalRef } from './proposal-ref.ts';
export type { LetterKind, LetterKindReading } from './letter-kind.ts';

/** Where the issuer's name was read: the signature, the title (XX局关于…), the page's metadata, the 联系单位 line, the 印发 line. */
export type IssuerSource = 'signature' | 'title' | 'metadata' | 'masthead' | '联系单位' | '印发' | 'site';
/** Where the date was read: the signature, the page's 成文日期, the 印发 line, the page's publication date. */
export type DateSource = 'signature' | 'metadata' | '印发' | 'published';

export interface LetterHeader {
  docNumber: Span | null;
  docNumberSource: 'letter' | 'metadata' | null;
  /** The 关于…答复函 block (the one naming the proposal, where a page gives two). */
  titleBlock: Span | null;
  proposal: ProposalRef | null;
  /** The salutation line (without its colon). */
  addressee: Span | null;
  /** A co-handling reply's addressee (市工信局：现就…提出的…), when it is not the proposer. */
  addresseeUnit: Span | null;
  /** A reply, or an opinion of a unit handling the proposal (协办意见 · 会办意见 · 主办意见), and where that was read. */
  kind: LetterKindReading;
  /** The lead unit a 协办意见 or 会办意见 is addressed to (市工信局): never a proposer. */
  leadUnit: Span | null;
  proposers: Proposer[];
  contacts: Contact[];
  contactUnit: Span | null;
  cc: Span[];
  /** The 印发 line: the issuer's office and date of printing. */
  printed: { org: Span; date: string; span: Span } | null;
  issuer: { name: string; span: Span; source: IssuerSource } | null;
  date: { value: string; span: Span; source: DateSource } | null;
  /** 附议代表:吴小燕、彭俊 — named in the page's labelled block; they seconded the proposal, and are its proposers only when the salutation names the lead "and others" (addressee.ts withSeconders). */
  cosigners: Span[];
  /** The other bodies of a joint signature (桐溪市财政局 beside 桐溪市科学技术局). */
  jointSigners: Span[];
  /** 签发人：马文忠 · 领导签发:贾良 · 承办负责人:李石六, with the label as their role. */
  signers: Array<{ name: string; span: Span; role: string }>;
  /** The reply's grade where the page gives one: 办理结果:(A) · 类 别:B · A类. */
  grade: string | null;
  /** Index of the first body line and of the first closing line. */
  bodyLines: { from: number; to: number };
  page: Pick<Page, 'from' | 'to' | 'repeatAt'>;
}

// 办理结果:(A) · 类 别:B · A类 · 答复类别：A
const GRADE = /(?:办理结果|类\s*别|答复类别|办理类别)\s*[：:]\s*[（(]?\s*([A-DＡ-Ｄ])\s*[)）]?|^([A-D])\s*类$/;
// 签发人：马文忠 · 领导签发:贾良 · 承办负责人:李石六 (who answers for the reply: named, but not the one to call).
const SIGNER =
  /(?<role>签\s*发\s*人|领导签发|签发领导|承办负责人|分管领导|审\s*核\s*人)\s*[：:]\s*(?<name>[\u4e00-\u9fa5](?: ?[\u4e00-\u9fa5]){1,3})/;
const ORG_NAME = /^[\u4e00-\u9fa5（）()]{3,40}$/;
const ISSUER_END = /(?:局|委|厅|办|部|院|会|中心|政府|办公室|委员会|公司|集团|协|联|所|处|科)$/;
// The sentence that opens a reply names the proposal: …收悉 · 现答复如下 · 提出的… · 协办意见.
const OPENING = /收悉|答复如下|提出的|所提|协办意见|办理情况|现将|现就/;
const HEAD_LINES = 30;

/** `page`: the page stage's reading of these lines (ingest/parse/parse-letter.ts pageOf); read here when not given. */
export function parseHeader(lines: Span[], letter: string, page: Page = readPage(lines)): LetterHeader {
  const inLetter = (index: number) =>
    index >= page.from && index < page.to && !page.chrome.has(index) && lines[index].text !== '';
  const region: number[] = [];
  for (let index = page.from; index < page.to; index++) if (inLetter(index)) region.push(index);
  const head = region.slice(0, HEAD_LINES);

  const salutationAt = head.find((index) => isSalutation(lines[index].text));
  const beforeBody = salutationAt === undefined ? head.slice(0, 12) : head.filter((index) => index < salutationAt);

  let grade: string | null = null;
  const signers: LetterHeader['signers'] = [];
  for (const index of region) {
    const text = lines[index].text;
    const g = GRADE.exec(text);
    if (g && grade === null && text.length < 30)
      grade = (g[1] ?? g[2]).replace(/[Ａ-Ｄ]/, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const s = SIGNER.exec(text);
    if (s?.groups) {
      const { role, name } = s.groups;
      const at = s.index + s[0].length - name.length;
      signers.push({
        name: name.replace(/\s/g, ''),
        span: subSpan(lines[index], at, at + name.length),
        role: role.replace(/\s/g, ''),
      });
    }
  }

  const docIndex = beforeBody.find((index) => DOC_NUMBER.test(lines[index].text) && lines[index].text.length < 60);
  let docNumber: Span | null = docIndex === undefined ? null : docNumberIn(lines[docIndex]);
  const docNumberSource = docNumber ? 'letter' : page.metadata.docNumber ? 'metadata' : null;
  docNumber ??= page.metadata.docNumber;

  const written = titleBlocks(
    lines,
    beforeBody.filter((index) => index !== docIndex),
    letter,
  );
  // 标题: 关于…的答复 in the page's metadata stands for a title the letter's text does not repeat.
  const pageTitle = page.metadata.title;
  const titles =
    written.length === 0 && pageTitle && TITLE_END.test(pageTitle.text.replace(/\s/g, ''))
      ? [{ span: pageTitle, lastLine: -1, parts: referenceIn(pageTitle, letter) }]
      : written;
  const addressee =
    salutationAt !== undefined ? trimSpan(subSpan(lines[salutationAt], 0, lines[salutationAt].text.length - 1)) : null;
  const lastHeadLine = Math.max(salutationAt ?? -1, docIndex ?? -1, ...titles.map((t) => t.lastLine));
  const bodyFrom = lastHeadLine >= 0 ? lastHeadLine + 1 : page.from;
  const opening = openingSentence(
    lines,
    region.filter((index) => index >= bodyFrom),
    salutationAt !== undefined,
    letter,
  );

  const closing = parseClosing(lines, bodyFrom, page.to);
  const kind = letterKindOf(
    beforeBody.map((index) => lines[index]).filter((line) => line.text.length < 80 && !/[。！？]/.test(line.text)),
    opening,
  );
  const coHandling = kind.value !== 'reply';
  let proposers = addressee ? proposersOf(addressee) : [];
  let addresseeUnit: Span | null = null;
  if (opening && (coHandling || proposers.length === 0 || proposers.every((p) => p.kind === 'Organization'))) {
    const third = thirdPartyProposers(opening);
    if (third.length > 0 && third[0].name !== proposers[0]?.name) {
      addresseeUnit = addressee;
      proposers = third;
    }
  }
  // An opinion is addressed to a unit handling the proposal: that unit never proposed it (its proposers, if
  // the opening names none, stay unknown rather than wrong).
  if (coHandling && addressee && addresseeUnit === null && !proposers.every((p) => p.kind === 'Person' && p.role)) {
    addresseeUnit = addressee;
    proposers = [];
  }
  const leadUnit = isSentToLeadUnit(kind.value) && addresseeUnit ? withoutHonorific(addresseeUnit) : null;

  // 领衔代表:唐志远 in a labelled block above a letter that has no salutation.
  if (proposers.length === 0 && page.metadata.proposer)
    proposers = [{ name: page.metadata.proposer.text, kind: 'Person', role: '代表', span: page.metadata.proposer }];
  // Seconders in a labelled block (附议代表：…), else named in the body (…代表领衔，A、B代表附议).
  // Those who signed it jointly in a labelled block (联名人：…) or the body (…委员联名提出的) are proposers as the lead is.
  const { coProposers, cosigners, proposer: lead } = page.metadata;
  const seconded: Seconded =
    coProposers.length > 0
      ? { ...NO_SECONDERS, lead, seconders: coProposers, joint: true }
      : cosigners.length > 0
        ? { ...NO_SECONDERS, lead, seconders: cosigners }
        : secondersInBody(lines, bodyFrom);
  if (!coHandling) proposers = withSeconders(addressee, proposers, seconded);
  const proposal = withMetadata(
    proposalOf(titles, opening, letter, proposers, page.metadata.genre?.kind ?? null),
    page,
  );
  const masthead = beforeBody.map((index) => lines[index]).find((line) => MASTHEAD.test(line.text.trim()));
  const issuer = issuerOf(closing, issuerInTitle(titles, letter), page, {
    masthead: masthead ? trimSpan(subSpan(masthead, 0, masthead.text.replace(/\s*文件\s*$/, '').length)) : null,
    speaksAs: letter.slice(lines[bodyFrom]?.start ?? 0),
  });
  const signatureDate = closing.signature.date;
  const date: LetterHeader['date'] = signatureDate
    ? { ...signatureDate, source: 'signature' }
    : page.metadata.date
      ? { ...page.metadata.date, source: 'metadata' }
      : closing.printed
        ? { value: closing.printed.date, span: closing.printed.span, source: '印发' }
        : page.metadata.publishedDate
          ? { ...page.metadata.publishedDate, source: 'published' }
          : null;

  return {
    docNumber,
    docNumberSource,
    titleBlock: titles.find((t) => t.parts.number !== null)?.span ?? titles[0]?.span ?? null,
    proposal,
    addressee,
    addresseeUnit,
    kind,
    leadUnit,
    proposers,
    contacts: closing.contacts,
    contactUnit: closing.contactUnit,
    cc: closing.cc,
    printed: closing.printed,
    issuer,
    date,
    signers,
    grade,
    cosigners: seconded.seconders.filter((c) => !proposers.some((p) => p.name === c.text)),
    jointSigners: closing.signature.joint.filter((j) => j.text !== issuer?.name),
    bodyLines: { from: bodyFrom, to: Math.max(bodyFrom, closing.firstClosingLine) },
    page: { from: page.from, to: page.to, repeatAt: page.repeatAt },
  };
}

/** 尊敬的市工信局 → 市工信局. */
function withoutHonorific(span: Span): Span {
  const honorific = /^尊敬的/.exec(span.text)?.[0].length ?? 0;
  return subSpan(span, honorific, span.text.length);
}

/** The sentence after the salutation that names the proposal (…所提的《…》收悉), over the lines a hard wrap cut it into. */
function openingSentence(lines: Span[], body: number[], afterSalutation: boolean, letter: string): Span | null {
  const pick = afterSalutation ? body.slice(0, 2) : body.slice(0, 6);
  for (const [k, index] of pick.entries()) {
    // 您…提出的《关于加快建设\n澜城新材料中试基地的提案》收悉: a line that stops mid-sentence goes on in the next.
    let end = lines[index].end;
    for (
      let j = k + 1;
      j < body.length &&
      j <= k + 3 &&
      !/[。！？：:]\s*$/.test(letter.slice(lines[index].start, end)) &&
      end - lines[index].start >= 15;
      j++
    )
      end = lines[body[j]].end;
    const line = { text: letter.slice(lines[index].start, end), start: lines[index].start, end };
    if (!OPENING.test(line.text) && !afterSalutation) continue;
    const stop = line.text.search(/。/);
    const cut = stop === -1 ? line.text.length : stop + 1;
    const first = subSpan(line, 0, Math.min(cut, 400));
    // The title may stand in a second sentence (…工作实际，现答复如下) — then the first one holds it.
    if (OPENING.test(first.text) || afterSalutation) return first;
  }
  return null;
}

// 临安市科学技术局文件 · 合肥市科学技术局: a body's name alone on a line above the title, the letter's masthead.
const MASTHEAD = /^[\u4e00-\u9fa5（）()]{4,30}?(?:局|委|厅|办|政府|委员会|办公室|中心)(?:\s*文件)?$/;

/**
 * The issuer, from the strongest source that names it: the signature, the title (XX局关于…), the page's
 * metadata, the masthead, the 联系单位 line, the 印发 office; last, the site the page is on (合肥市科学技术局网站),
 * only when the letter speaks as that kind of body (我局 for a 局).
 */
function issuerOf(
  closing: ReturnType<typeof parseClosing>,
  fromTitle: Span | null,
  page: Page,
  seen: { masthead: Span | null; speaksAs: string },
): LetterHeader['issuer'] {
  const signed = closing.signature.issuer;
  if (signed && ORG_NAME.test(signed.text) && ISSUER_END.test(signed.text))
    return { name: signed.text, span: signed, source: 'signature' };
  if (fromTitle) return { name: fromTitle.text.replace(/\s/g, ''), span: fromTitle, source: 'title' };
  if (page.metadata.issuer) return { name: page.metadata.issuer.text, span: page.metadata.issuer, source: 'metadata' };
  if (seen.masthead) return { name: seen.masthead.text, span: seen.masthead, source: 'masthead' };
  if (closing.contactUnit && ISSUER_END.test(closing.contactUnit.text))
    return { name: closing.contactUnit.text, span: closing.contactUnit, source: '联系单位' };
  const printed = closing.printed;
  if (printed && OFFICE_SUFFIX.test(printed.org.text)) {
    const name = printed.org.text.replace(OFFICE_SUFFIX, '');
    return { name, span: subSpan(printed.org, 0, name.length), source: '印发' };
  }
  const site = page.metadata.siteOwner;
  if (site && seen.speaksAs.includes(`我${site.text[site.text.length - 1]}`))
    return { name: site.text, span: site, source: 'site' };
  return null;
}
