import layout from '../lexicon/page-layout.json' with { type: 'json' };
import { DOC_NUMBER } from './header-patterns.ts';
import { isSalutation } from './addressee.ts';
import { type Span, subSpan, trimSpan } from './lines.ts';
import {
  assign,
  emptyMetadata,
  type Field,
  LABEL,
  labelAlone,
  type PageMetadata,
  readBullet,
  readLabelled,
  startsWithLabel,
} from './page-metadata.ts';

export type { PageMetadata } from './page-metadata.ts';

/**
 * Finding the letter inside the page it was published on. Portals wrap a
 * reply letter in breadcrumbs (首页/ 专题专栏/ 正文), widgets (【字体: 】 打印 ·
 * 朗读 · 分享到:), a metadata block (• 索引号 • 发布机构 • 成文日期 …, a pipe
 * table, [ 发文字号 ] pairs, 发布时间:… 来源:…; read in page-metadata.ts) and a
 * footer (主办单位 … 版权所有); some pages hold the letter twice. Which words are
 * chrome is data: ingest/lexicon/page-layout.json.
 */
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

const spaced = (word: string) => [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
const WIDGETS = [...layout.widgetWords].sort((a, b) => b.length - a.length);
const BREADCRUMB = new RegExp(`^(?:${layout.breadcrumbStarts.map(spaced).join('|')})\\s*(?:[:：>/»›]|$)`);
// 合肥市科学技术局网站 版权所有 · 版权所有：澄江市科学技术局: the body whose site it is.
const SITE_OWNER =
  /(?<site>[\u4e00-\u9fa5]{4,30}?(?:局|委|厅|办|政府|委员会))(?:门户)?网站|版权所有\s*[：:]?\s*(?<owner>[\u4e00-\u9fa5]{4,30}?(?:局|委|厅|办|政府|委员会))/;
const BULLET = /^[•·●▪◆]\s*/;
// - 成文日期: · - 2025-06-27: a list item a page copied as text; chrome only where it holds metadata.
const DASH_ITEM = /^[-*]\s+/;
const PIPE_TABLE = /\|.*\|/;
// 113310810026796788/2025-110619 · 11500000MB15895317/2022-00039: an index number's value, alone on its line.
const INDEX_NUMBER = /^[0-9A-Za-z-]{6,}\/\d{4}-\d{3,}$/;

export function readPage(lines: Span[]): Page {
  const chrome = new Set<number>();
  const metadata: PageMetadata = emptyMetadata();
  let footer: number | null = null;
  // A footer ends the page only once the letter has begun (a sentence with 。): 承办单位: above the letter is a label.
  let bodySeen = false;
  // A label alone on its line (- 成文日期:) waits for its value on the next one.
  let pending: Field | undefined;
  lines.forEach((line, index) => {
    const text = line.text;
    if (text === '') return;
    if (isFooter(text) && bodySeen) {
      chrome.add(index);
      footer ??= index;
      const owner = SITE_OWNER.exec(text)?.groups;
      const org = owner?.site ?? owner?.owner;
      if (org) metadata.siteOwner ??= subSpan(line, text.indexOf(org), text.indexOf(org) + org.length);
      return;
    }
    if (/[。！]/.test(text) && text.length >= 20) bodySeen = true;
    const waiting = pending;
    pending = undefined;
    if (text.length > 160 || /[。！？]/.test(text)) return;
    const dash = DASH_ITEM.exec(text)?.[0].length ?? 0;
    const item = trimSpan(subSpan(line, dash, text.length));
    const alone = labelAlone(item.text);
    if (alone) {
      chrome.add(index);
      pending = alone;
    } else if (waiting && item.text.length <= 60 && !startsWithLabel(item.text)) {
      chrome.add(index);
      assign(waiting, item, metadata);
    } else if (BULLET.test(text)) {
      chrome.add(index);
      readBullet(trimSpan(subSpan(line, text.match(BULLET)![0].length, text.length)), metadata);
    } else if (startsWithLabel(item.text) || (PIPE_TABLE.test(text) && hasLabel(text))) {
      chrome.add(index);
      readLabelled(item, metadata);
    } else if (dash > 0 && (INDEX_NUMBER.test(item.text) || DOC_NUMBER.test(item.text))) {
      chrome.add(index);
      readBullet(item, metadata);
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

function hasLabel(text: string): boolean {
  LABEL.lastIndex = 0;
  const found = LABEL.test(text);
  LABEL.lastIndex = 0;
  return found;
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
