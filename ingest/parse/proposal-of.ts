import type { Proposer } from './addressee.ts';
import { type Span } from './lines.ts';
import type { Page } from './page.ts';
import { kindOfTitle, type ProposalRef, type ReferenceParts, referenceIn, titleIn } from './proposal-ref.ts';
import { bookTitleIn, type TitleBlock } from './title-blocks.ts';

const BODY_OF_KIND = /(全国|省|市|区|县)(人大(?=代表建议|代表议案)|政协(?=委员提案))/;

/**
 * The proposal, from the title blocks and the opening sentence. Its kind: the word beside its number or
 * after its title (第0197号建议 · 《…》的提案), then the category the page files it under (体裁分类: 政协提案办理:
 * a CPPCC 提案 is often titled 关于…的建议), then its title's last word, its body, its proposer's role.
 */
export function proposalOf(
  titles: TitleBlock[],
  opening: Span | null,
  letter: string,
  proposers: Proposer[],
  genre: ProposalRef['kind'],
): ProposalRef | null {
  const fromOpening = opening ? referenceIn(opening, letter) : null;
  const sources = [...titles.map((t) => t.parts), ...(fromOpening ? [fromOpening] : [])];
  const first = <K extends keyof ReferenceParts>(key: K): ReferenceParts[K] | null =>
    sources.map((s) => s[key]).find((v) => v !== null && v !== undefined) ?? null;
  // 第0567号提案《关于加大基础研究投入的建议》的答复: the title block may hold the title the opening does not.
  const titleSpan = (opening ? titleIn(opening) : null) ?? titles.map((t) => bookTitleIn(t.span)).find(Boolean) ?? null;
  const title = titleSpan ? titleSpan.text.replace(/\s+/g, '') : null;
  const named = first('body');
  // 《省人大代表建议、批评和意见办理情况反馈意见表》: where the title and opening name no body, the kind of proposal
  // the letter speaks of, with its level, does (省人大代表建议 · 市政协委员提案).
  const bodyOfKind = named === null ? BODY_OF_KIND.exec(letter) : null;
  const body = named ?? (bodyOfKind ? bodyOfKind[1] + bodyOfKind[2] : null);
  const bodySpan = bodyOfKind ? { start: bodyOfKind.index, end: bodyOfKind.index + body!.length, text: body! } : null;
  // 提案 goes to the CPPCC and its members are 委员; 建议 to the congress and its deputies are 代表.
  const role = proposers.find((p) => p.role)?.role;
  const kind =
    first('kind') ??
    kindAfterTitle(opening, titleSpan) ??
    genre ??
    kindOfTitle(title) ??
    (body?.endsWith('政协') ? '提案' : body?.endsWith('人大') ? '建议' : null) ??
    (role === '委员' ? '提案' : role === '代表' ? '建议' : null);
  const span = titles.find((t) => t.parts.span)?.parts.span ?? fromOpening?.span ?? titles[0]?.span ?? titleSpan;
  if (!span && !kind) return null;
  return {
    body,
    bodyWritten: first('bodyWritten') ?? bodySpan,
    bodyNamed: first('bodyNamed') ?? (bodySpan ? true : null),
    session: first('session'),
    number: first('number'),
    kind,
    title,
    span: span ?? opening!,
    titleSpan,
  };
}

/** A labelled block's 建议编号 and 建议题目 fill what the title and the opening sentence did not give. */
export function withMetadata(proposal: ProposalRef | null, page: Page): ProposalRef | null {
  const { proposalNumber, proposalTitle } = page.metadata;
  if (!proposalNumber && !proposalTitle) return proposal;
  const raw = proposalNumber?.text.replace(/[第号\s]/g, '') ?? null;
  const number = raw === null ? null : /^\d+$/.test(raw) ? Number(raw) : raw;
  const base: ProposalRef = proposal ?? {
    body: null,
    bodyWritten: null,
    bodyNamed: null,
    session: null,
    number: null,
    kind: kindOfTitle(proposalTitle?.text ?? null),
    title: null,
    span: (proposalNumber ?? proposalTitle)!,
    titleSpan: null,
  };
  const titleSpan = base.titleSpan ?? proposalTitle;
  // 建议标题: | 关于积极支持宜宾市申报“国家创新型试点城市”的建议 | above a letter that cites it as 《关于…试点城市》:
  // the page's label gives the whole title where the letter's copy lost its end.
  const squeezed = (text: string) => text.replace(/[\s《》“”"]/g, '');
  const fuller =
    proposalTitle !== null &&
    base.title !== null &&
    squeezed(proposalTitle.text).length > squeezed(base.title).length &&
    squeezed(proposalTitle.text).startsWith(squeezed(base.title));
  return {
    ...base,
    number: base.number ?? number,
    title: fuller ? proposalTitle!.text : (base.title ?? proposalTitle?.text ?? null),
    // (Where the letter cites it stays its span: that 《…》 is the proposal's, not a policy.)
    titleSpan,
    kind: base.kind ?? kindOfTitle(proposalTitle?.text ?? null),
  };
}

/** 您提出的“…”的建议 · 《…》的提案已收悉: the word after the quoted title says what it is. */
function kindAfterTitle(opening: Span | null, titleSpan: Span | null): ProposalRef['kind'] {
  if (!opening || !titleSpan) return null;
  const after = opening.text.slice(titleSpan.end - opening.start + 1, titleSpan.end - opening.start + 12);
  return (/^(?:的|之)?(?:第[^，,。]{0,12}号)?(提案|建议|议案)/.exec(after)?.[1] ?? null) as ProposalRef['kind'];
}
