import layout from '../lexicon/page-layout.json' with { type: 'json' };
import { parseDate } from './dates.ts';
import { DOC_NUMBER } from './header-patterns.ts';
import { type Span, splitSpan, subSpan, trimSpan } from './lines.ts';

/**
 * A portal's metadata block read as data: every label of
 * ingest/lexicon/page-layout.json names a field, and each field has one row
 * in FIELD_READERS saying which value it takes. Blocks come as `label: value`
 * pairs on one line (索引号: | 1150…/2022-00132 | 发布机构: | 重庆高新区管委会 |),
 * as `[ 发文字号 ] 渝科局函〔2022〕242号`, as space-padded table rows
 * (成文日期    2025-06-27    发布单位    市科技局) or as a label alone on its
 * line with the value on the next (- 成文日期: / - 2025-06-27).
 */
export interface PageMetadata {
  docNumber: Span | null;
  issuer: Span | null;
  /** 成文日期, or the first date of a bullet list (the Zhengzhou CMS lists 成文日期 first). */
  date: { value: string; span: Span } | null;
  /** 发布日期 / 发布时间 / 生效日期: when the page appeared, the weakest date. */
  publishedDate: { value: string; span: Span } | null;
  /** 标题 · 文件名称: the page's own title of the letter (关于…的答复). */
  title: Span | null;
  /** A labelled block above the letter: 建议编号:20230123 · 建议题目:关于… · 领衔代表:唐志远. */
  proposalNumber: Span | null;
  proposalTitle: Span | null;
  proposer: Span | null;
  /** 附议代表:吴小燕、彭俊 — those who seconded the proposal: people it names, not its proposers. */
  cosigners: Span[];
  /** 联名人:谢美玲、屈海军 — those who signed the proposal jointly with its lead: its proposers too (header.ts). */
  coProposers: Span[];
  /** The body whose site the page is on (合肥市科学技术局网站 版权所有), from the footer: a last guess at the issuer. */
  siteOwner: Span | null;
  /** The kind the page files the letter under: 体裁分类: 政协提案办理 → 提案 · 建议类型: 大会期间建议 → 建议. */
  genre: { kind: '提案' | '建议' | '议案'; span: Span } | null;
}

export type Field = keyof typeof layout.metadataLabels;

export function emptyMetadata(): PageMetadata {
  return {
    docNumber: null,
    issuer: null,
    date: null,
    publishedDate: null,
    title: null,
    proposalNumber: null,
    proposalTitle: null,
    proposer: null,
    cosigners: [],
    coProposers: [],
    genre: null,
    siteOwner: null,
  };
}

const BARE_DOC_NUMBER = /^[〔[［【(（﹝〖]\s*\d{4}\s*[〕\]］】)）﹞〗]\s*第?\s*\d{1,5}\s*号$/;
const ORG_LIKE = /(?:局|委|厅|办|部|院|会|中心|政府|办公室|委员会|分行|支行)$/;
// 谢美玲、屈海军、曹文斌: a cell of people's names.
const namesIn = (value: Span) =>
  splitSpan(value, /[、，,；;\s]+/).filter((name) => /^[\u4e00-\u9fa5]{2,4}$/.test(name.text));
// 来源:交通局 打印 — a unit is the value's first word; a widget may follow it.
const firstWord = (value: Span) => subSpan(value, 0, value.text.search(/\s|$/));

/**
 * One row a field: what of the value it keeps (or nothing, when the value is not of the field's shape).
 * The first value found for a field wins, but for lists.
 */
const FIELD_READERS: Record<Field, (value: Span, metadata: PageMetadata) => void> = {
  // 文 号: | 商科文〔2022〕7号 | — only the number, never its label or the next cell.
  // (A value may be the bare 〔2023〕8号: the label stood for the issuer's prefix.)
  docNumber: (value, m) => {
    m.docNumber ??= docNumberIn(value) ?? (BARE_DOC_NUMBER.test(value.text) ? value : null);
  },
  issuer: (value, m) => {
    const unit = firstWord(value);
    if (/^[\u4e00-\u9fa5（）()]{3,30}$/.test(unit.text) && ORG_LIKE.test(unit.text) && unit.text !== '办公室')
      m.issuer ??= unit;
  },
  date: (value, m) => {
    const date = parseDate(value.text);
    if (date) m.date ??= { value: date, span: value };
  },
  publishedDate: (value, m) => {
    const date = parseDate(value.text);
    if (date) m.publishedDate ??= { value: date, span: value };
  },
  title: (value, m) => {
    if (value.text.length >= 6) m.title ??= value;
  },
  proposalNumber: (value, m) => {
    if (/^第?\s*[A-Za-z]{0,4}\d{1,14}\s*号?$/.test(value.text)) m.proposalNumber ??= value;
  },
  proposalTitle: (value, m) => {
    if (value.text.length >= 4) m.proposalTitle ??= value;
  },
  // 领衔代表 names the proposer; 附议代表 only those who seconded.
  proposer: (value, m) => {
    const unit = firstWord(value);
    if (/^[\u4e00-\u9fa5]{2,4}$/.test(unit.text)) m.proposer ??= unit;
  },
  cosigners: (value, m) => {
    m.cosigners.push(...namesIn(value));
  },
  coProposers: (value, m) => {
    m.coProposers.push(...namesIn(value));
  },
  // 政协提案办理 · 人大建议办理 · 大会期间建议: the kind word the category holds, if it holds one only.
  genre: (value, m) => {
    const kinds = new Set(value.text.match(/提案|建议|议案/g) ?? []);
    if (kinds.size === 1) m.genre ??= { kind: [...kinds][0] as '提案' | '建议' | '议案', span: value };
  },
  ignored: () => {},
};

const spaced = (word: string) => [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
const LABELS: Array<{ field: Field; label: string }> = (Object.keys(layout.metadataLabels) as Field[])
  .flatMap((field) => layout.metadataLabels[field].map((label) => ({ field, label })))
  .sort((a, b) => b.label.length - a.label.length);
const FIELD_OF = new Map(LABELS.map((l) => [l.label, l.field]));
const LABEL_WORDS = LABELS.map((l) => spaced(l.label)).join('|');
/**
 * A label and its separator: [ 索引号 ] · 【发文字号】 · 索引号: · 文 号： · 发布机构: | · | 发文机关 | (a table
 * cell) · 成文日期    2025-06-27 (spaces pad a table's columns; the reader squeezes them to one).
 */
export const LABEL = new RegExp(
  `(?:^|(?<=[\\s|]))[\\[【]?\\s*(${LABEL_WORDS})\\s*(?:[\\]】]|[:：]|(?=\\s*\\|)|(?=\\s|$))`,
  'g',
);
/** A line that is a label and nothing more (- 成文日期: · 发布机构 ·【文号】): its value stands on the next line. */
const LABEL_ALONE = new RegExp(`^[-•·●▪◆*\\s|]*[\\[【]?\\s*(${LABEL_WORDS})\\s*[\\]】:：]?[\\s|]*$`);

// 发文字号：〔2023〕8号 · 文号:渝科局函〔2024〕10号 — a label read into the number is not part of it
// (建议字:〔2023〕8号 is: 建议字 is the number's own prefix).
const DOC_LABEL = new RegExp(`^(?:${layout.metadataLabels.docNumber.map(spaced).join('|')})\\s*[：:]\\s*`);

/** The document number a piece of text holds, without a metadata label before it, or null. */
export function docNumberIn(span: Span): Span | null {
  const match = DOC_NUMBER.exec(span.text);
  if (!match) return null;
  const label = DOC_LABEL.exec(match[0])?.[0].length ?? 0;
  return trimSpan(subSpan(span, match.index + label, match.index + match[0].length));
}

/** Whether a line opens with a label (the first cell of a metadata row). */
export function startsWithLabel(text: string): boolean {
  LABEL.lastIndex = 0;
  const match = LABEL.exec(text.replace(/^[|\s]+/, (lead) => ' '.repeat(lead.length)));
  LABEL.lastIndex = 0;
  return match !== null && text.slice(0, match.index).replace(/[|\s]/g, '') === '';
}

/** The field a label-only line names, or undefined: `- 成文日期:` → date. */
export function labelAlone(text: string): Field | undefined {
  const match = LABEL_ALONE.exec(text);
  return match ? FIELD_OF.get(match[1].replace(/\s/g, '')) : undefined;
}

/** Hands a value to its field's row (a label-only line's value, read from the line after it). */
export function assign(field: Field, value: Span, metadata: PageMetadata): void {
  const clean = trimSpan(value);
  if (clean.text !== '') FIELD_READERS[field](clean, metadata);
}

/** 索引号: | ynsgxw-1-13202 | 发布机构: | 云南省工信厅 | · 发布时间:2021-07-28 来源: 办公室 · [ 发文字号 ] 〔2023〕8号 */
export function readLabelled(line: Span, metadata: PageMetadata): void {
  const found = [...line.text.matchAll(LABEL)];
  found.forEach((match, k) => {
    const field = FIELD_OF.get(match[1].replace(/\s/g, ''));
    const valueFrom = match.index! + match[0].length;
    const valueTo = k + 1 < found.length ? found[k + 1].index! : line.text.length;
    // A value ends at its table cell's bar: 文 号: | 商科文〔2022〕7号 | 所属主题: | … .
    const raw = subSpan(line, valueFrom, valueTo);
    const lead = raw.text.search(/[^\s|\]】[【]/);
    if (lead === -1 || !field) return;
    const bar = raw.text.indexOf('|', lead);
    const cell = subSpan(raw, lead, bar === -1 ? raw.text.length : bar);
    const trail = cell.text.length - cell.text.replace(/[\s[【\]】]+$/, '').length;
    assign(field, subSpan(cell, 0, cell.text.length - trail), metadata);
  });
}

/** • 416049270/2023-00059 • 郑州市科学技术局 • 政协提案 • 2023-08-07: values without labels, read by their shape. */
export function readBullet(value: Span, metadata: PageMetadata): void {
  const date = /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/.test(value.text) ? parseDate(value.text) : undefined;
  if (date) {
    if (!metadata.date) metadata.date = { value: date, span: value };
    else metadata.publishedDate ??= { value: date, span: value };
  } else if (/^[\u4e00-\u9fa5（）()]{4,30}$/.test(value.text) && ORG_LIKE.test(value.text)) metadata.issuer ??= value;
  else if (DOC_NUMBER.test(value.text)) metadata.docNumber ??= docNumberIn(value);
}
