import layout from '../lexicon/page-layout.json' with { type: 'json' };
import { parseDate } from './dates.ts';
import { DOC_NUMBER } from './header-patterns.ts';
import { isSalutation } from './addressee.ts';
import { type Span, splitSpan, subSpan, trimSpan } from './lines.ts';

/**
 * Finding the letter inside the page it was published on. Portals wrap a
 * reply letter in breadcrumbs (首页/ 专题专栏/ 正文), widgets (【字体: 】 打印 ·
 * 朗读 · 分享到:), a metadata block (• 索引号 • 发布机构 • 成文日期 …, a pipe
 * table, [ 发文字号 ] pairs, 发布时间:… 来源:…) and a footer (主办单位 …
 * 版权所有); some pages hold the letter twice. Which words are chrome is data:
 * ingest/lexicon/page-layout.json.
 */
export interface PageMetadata {
  docNumber: Span | null;
  issuer: Span | null;
  /** 成文日期, or the first date of a bullet list (the Zhengzhou CMS lists 成文日期 first). */
  date: { value: string; span: Span } | null;
  /** 发布日期 / 发布时间 / 生效日期: when the page appeared, the weakest date. */
  publishedDate: { value: string; span: Span } | null;
  /** A labelled block above the letter: 建议编号:20230123 · 建议题目:关于… · 领衔代表:唐志远. */
  proposalNumber: Span | null;
  proposalTitle: Span | null;
  proposer: Span | null;
  /** 附议代表:吴小燕、彭俊 — those who seconded the proposal: people it names, not its proposers. */
  cosigners: Span[];
}

export interface Page {
  /** Line indexes that belong to the portal, not the letter. */
  chrome: Set<number>;
  metadata: PageMetadata;
  /** First and one-past-last line of the letter on the page. */
  from: number;
  to: number;
  /** Where a second copy of the letter starts, if the page repeats it. */
  repeatAt: number | null;
}

type Field = keyof typeof layout.metadataLabels;
const spaced = (word: string) => [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
const LABELS: Array<{ field: Field; label: string }> = (Object.keys(layout.metadataLabels) as Field[])
  .flatMap((field) => layout.metadataLabels[field].map((label) => ({ field, label })))
  .sort((a, b) => b.label.length - a.label.length);
// [ 索引号 ] · 【发文字号】 · 索引号: · 文 号： · 发布机构: | — a label, then its separator.
const LABEL = new RegExp(`[\\[【]?\\s*(${LABELS.map((l) => spaced(l.label)).join('|')})\\s*(?:[\\]】]|[:：])`, 'g');
const FIELD_OF = new Map(LABELS.map((l) => [l.label, l.field]));
const WIDGETS = [...layout.widgetWords].sort((a, b) => b.length - a.length);
const BREADCRUMB = new RegExp(`^(?:${layout.breadcrumbStarts.map(spaced).join('|')})\\s*(?:[:：>/»›]|$)`);
const BULLET = /^[•·●▪◆]\s*/;
const PIPE_TABLE = /\|.*\|/;
const ORG_LIKE = /(?:局|委|厅|办|部|院|会|中心|政府|办公室|委员会)$/;

export function readPage(lines: Span[]): Page {
  const chrome = new Set<number>();
  const metadata: PageMetadata = {
    docNumber: null,
    issuer: null,
    date: null,
    publishedDate: null,
    proposalNumber: null,
    proposalTitle: null,
    proposer: null,
    cosigners: [],
  };
  let footer: number | null = null;
  // A footer ends the page only once the letter has begun (a sentence with 。): 承办单位: above the letter is a label.
  let bodySeen = false;
  lines.forEach((line, index) => {
    const text = line.text;
    if (text === '') return;
    if (isFooter(text) && bodySeen) {
      chrome.add(index);
      footer ??= index;
      return;
    }
    if (/[。！]/.test(text) && text.length >= 20) bodySeen = true;
    if (text.length > 160 || /[。！？]/.test(text)) return;
    if (BULLET.test(text)) {
      chrome.add(index);
      readBullet(trimSpan(subSpan(line, text.match(BULLET)![0].length, text.length)), metadata);
    } else if (startsWithLabel(text) || (PIPE_TABLE.test(text) && LABEL.test(text))) {
      chrome.add(index);
      readLabelled(line, metadata);
    } else if (BREADCRUMB.test(text) || isWidgetLine(text)) chrome.add(index);
  });
  const from = lines.findIndex((line, index) => line.text !== '' && !chrome.has(index));
  const repeatAt = from === -1 ? null : findRepeat(lines, chrome, from);
  let to = lines.length;
  if (repeatAt !== null) to = repeatStart(lines, chrome, repeatAt, from);
  // A footer ends the page: nothing after it is the letter's (a footer line before the letter starts is only chrome).
  if (footer !== null && footer > from && footer < to) to = footer;
  return { chrome, metadata, from: from === -1 ? lines.length : from, to, repeatAt };
}

function startsWithLabel(text: string): boolean {
  LABEL.lastIndex = 0;
  const match = LABEL.exec(text);
  LABEL.lastIndex = 0;
  return match !== null && match.index === 0;
}

// Words a site's footer puts beside 主办单位 or 技术支持; a letter's heading （三）加强技术支持 has none of them.
const SITE_WORDS = /地址|邮编|电话|备案|网站|浏览器|版权|ICP|©|分辨率|Copyright/;

function isFooter(text: string): boolean {
  const strong = layout.footerMarkers.some((marker) => text.includes(marker));
  // 技术支持:某某网络公司 · 联系我们: a line that opens with the word is the site's, (三)加强技术支持 is the letter's.
  const weak =
    layout.weakFooterMarkers.some((marker) => text.includes(marker)) &&
    (SITE_WORDS.test(text.replace(/主办单位|承办单位/, '')) ||
      layout.weakFooterMarkers.some((marker) => text.replace(/^[\s|【[]+/, '').startsWith(marker)));
  return (strong || weak) && (!/[。]/.test(text) || /版权所有|©|ICP|免责声明/.test(text));
}

/** A line of widget words and punctuation only: 【字体: 】 打印 · 宽屏版 字体: |||超大 · 朗读. */
function isWidgetLine(text: string): boolean {
  let rest = text;
  let found = false;
  for (const word of WIDGETS) {
    if (rest.includes(word)) {
      found = true;
      rest = rest.split(word).join('');
    }
  }
  return found && rest.replace(/[\s\p{P}\p{S}0-9A-Za-z]/gu, '').length <= 1;
}

/** 索引号: | ynsgxw-1-13202 | 发布机构: | 云南省工信厅 | · 发布时间:2021-07-28 来源: 办公室 · [ 发文字号 ] 〔2023〕8号 */
function readLabelled(line: Span, metadata: PageMetadata): void {
  const found = [...line.text.matchAll(LABEL)];
  found.forEach((match, k) => {
    const label = match[1].replace(/\s/g, '');
    const field = FIELD_OF.get(label);
    const valueFrom = match.index! + match[0].length;
    const valueTo = k + 1 < found.length ? found[k + 1].index! : line.text.length;
    const raw = subSpan(line, valueFrom, valueTo);
    const lead = raw.text.search(/[^\s|\]】[【]/);
    if (lead === -1) return;
    const trail = raw.text.length - raw.text.replace(/[\s|[【\]】]+$/, '').length;
    const value = trimSpan(subSpan(raw, lead, raw.text.length - trail));
    if (value.text === '' || !field) return;
    assign(field, value, metadata);
  });
}

function assign(field: Field, value: Span, metadata: PageMetadata): void {
  if (field === 'docNumber' && DOC_NUMBER.test(value.text)) metadata.docNumber ??= value;
  // 来源:交通局 打印 — the unit is the first word; a widget may follow it.
  const unit = subSpan(value, 0, value.text.search(/\s|$/));
  if (
    field === 'issuer' &&
    /^[\u4e00-\u9fa5（）()]{3,30}$/.test(unit.text) &&
    ORG_LIKE.test(unit.text) &&
    !/^办公室$/.test(unit.text)
  )
    metadata.issuer ??= unit;
  if (field === 'proposalNumber' && /^第?\s*[A-Za-z]{0,4}\d{1,14}\s*号?$/.test(value.text))
    metadata.proposalNumber ??= value;
  if (field === 'proposalTitle' && value.text.length >= 4) metadata.proposalTitle ??= value;
  // 领衔代表 names the proposer; 附议代表 only those who seconded.
  if (field === 'proposer' && /^[\u4e00-\u9fa5]{2,4}$/.test(unit.text)) metadata.proposer ??= unit;
  if (field === 'cosigners')
    metadata.cosigners.push(
      ...splitSpan(value, /[、，,；;\s]+/).filter((name) => /^[\u4e00-\u9fa5]{2,4}$/.test(name.text)),
    );
  const date = parseDate(value.text);
  if (field === 'date' && date) metadata.date ??= { value: date, span: value };
  if (field === 'publishedDate' && date) metadata.publishedDate ??= { value: date, span: value };
}

/** • 416049270/2023-00059 • 郑州市科学技术局 • 政协提案 • 2023-08-07: values without labels, read by their shape. */
function readBullet(value: Span, metadata: PageMetadata): void {
  const date = /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/.test(value.text) ? parseDate(value.text) : undefined;
  if (date) {
    if (!metadata.date) metadata.date = { value: date, span: value };
    else metadata.publishedDate ??= { value: date, span: value };
  } else if (/^[\u4e00-\u9fa5（）()]{4,30}$/.test(value.text) && ORG_LIKE.test(value.text)) metadata.issuer ??= value;
  else if (DOC_NUMBER.test(value.text)) metadata.docNumber ??= value;
}

/**
 * Where the page starts the letter over: three lines in a row that repeat
 * three earlier lines of the letter (not chrome), or a repeated salutation or
 * document-number line, after some body text. A single repeated line is not
 * enough: a masthead repeats in the signature (澜城市科学技术局), a thank-you
 * sentence or a section heading may stand twice in one letter.
 */
function findRepeat(lines: Span[], chrome: Set<number>, from: number): number | null {
  const seen = new Map<string, number>();
  const content: number[] = [];
  for (let index = from; index < lines.length; index++)
    if (lines[index].text !== '' && !chrome.has(index)) content.push(index);
  const words = (index: number) => lines[index].text.replace(/\s/g, '');
  let bodyChars = 0;
  const charsAt = new Map<number, number>();
  for (const index of content) {
    charsAt.set(index, bodyChars);
    bodyChars += words(index).length;
  }
  for (let k = 0; k < content.length; k++) {
    const index = content[k];
    const text = words(index);
    const earlier = seen.get(text);
    if (earlier !== undefined && charsAt.get(index)! - charsAt.get(earlier)! > 80 && text.length >= 4) {
      const run = [1, 2].every((step) => k + step < content.length && seen.get(words(content[k + step])) !== undefined);
      if (run || isSalutation(lines[index].text) || DOC_NUMBER.test(text)) return index;
    }
    if (earlier === undefined) seen.set(text, index);
  }
  return null;
}

/** Walks back from the repeated line over chrome, blank and title lines to where the second copy starts. */
function repeatStart(lines: Span[], chrome: Set<number>, repeatAt: number, from: number): number {
  let start = repeatAt;
  while (start - 1 > from) {
    const text = lines[start - 1].text;
    const titleLike = /^(?:关于|对)/.test(text) && /(?:答复|复函|回复|的函)$/.test(text.replace(/\s/g, ''));
    const statusLike = /^(?:是否同意公开|办理结果|类\s*别|[ABC]类|公开)/.test(text);
    if (text === '' || chrome.has(start - 1) || titleLike || statusLike) start--;
    else break;
  }
  return start;
}
