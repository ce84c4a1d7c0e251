import { parseDate } from './dates.ts';
import { DATE_LINE, ISSUER_AND_DATE_LINE, PRINTED_LINE } from './header-patterns.ts';
import { type Span, splitSpan, subSpan, trimSpan } from './lines.ts';

/**
 * The parts after a reply's body, in whatever order a bureau writes them:
 * signature and date (or only a date), 联系人 lines in many forms, 联系单位,
 * 抄送/抄报, 领导签发, 附件, 主题词 and the 印发 line.
 */
export interface Contact {
  name: string;
  phone: string | null;
  span: Span;
}

export interface Closing {
  contacts: Contact[];
  /** 联系单位：新密市住房和城乡建设局 — the unit to call, often the issuer itself. */
  contactUnit: Span | null;
  cc: Span[];
  printed: { org: Span; date: string; span: Span } | null;
  /** `joint`: the other bodies of a joint signature (桐溪市科学技术局    桐溪市财政局), which sign beside the issuer. */
  signature: { issuer: Span | null; date: { value: string; span: Span } | null; joint: Span[] };
  /** The first line that is no longer the body. */
  firstClosingLine: number;
}

// 联系人：郑淳之 · 联 系 人:张 雷 · 联系人及电话:张朝丽 83837056 · (联系人:陈雄健 联系电话:4126037) · 承办人： · 经办人：
// (承办负责人 answers for the reply and is read as a signer: the contact is the 承办人 who handled it.)
const CONTACT_LABEL =
  /(?:联\s*系\s*人|承\s*办\s*人|经\s*办\s*人)(?:\s*及\s*(?:联\s*系\s*)?(?:电\s*话|方\s*式))?\s*[：:]/g;
// 联系电话： · 电话 · 手机 — labels between a name and its number.
const PHONE_LABEL_AT_START = /^(?:联\s*系\s*)?(?:电\s*话|手\s*机|座\s*机|办公电话|Tel|TEL|tel)\s*[：:]?/;
const PHONE_LINE = /^[（(]?\s*(?:联\s*系\s*)?(?:电\s*话|手\s*机)\s*[：:]\s*([0-9０-９][0-9０-９\-－— ]{4,}[0-9０-９])/;
// A name of two to four characters, alignment spaces allowed inside (张 雷); a transliterated name runs over its
// middle dots, each part up to eight characters (努尔兰·哈力克 · 阿依古丽·买买提).
const NAME = /^(?:[\u4e00-\u9fa5]{1,8}[·•‧・])+[\u4e00-\u9fa5]{1,8}|^[\u4e00-\u9fa5](?: ?[\u4e00-\u9fa5]){1,3}/;
const PHONE = /^[0-9０-９](?:[0-9０-９\-－—()（） ]*[0-9０-９])?/;
// 联系单位及电话:天津市科委,022-58326719 · 联系单位:新密市住房和城乡建设局
const CONTACT_UNIT =
  /联\s*系\s*单\s*位(?:\s*及\s*(?:联\s*系\s*)?电\s*话)?\s*[：:]\s*(?<org>[\u4e00-\u9fa5（）()]{3,40}?)(?=[\s,，、;；0-9０-９）)]|$)/;
// 抄送：市府办，市政协提案委 · 抄 报:市督查局 市政协提案委 · 抄报：…
const CC_LINE = /^[（(]?\s*抄\s*(?:送|报)\s*[：:]\s*(?<list>.*?)[。.）)]?\s*$/;
// The rest of a cc list on its own line: names and separators only.
const CONTINUED_CC = /^[\u4e00-\u9fa5（）()，、,；;\s]{2,80}[。.]?$/;
// 附件： · 主题词： · 领导签发： · 签发人： — closing lines that are not the body.
const OTHER_CLOSING =
  /^[（(]?\s*(?:附\s*件|主\s*题\s*词|领导签发|签\s*发\s*人|签发领导|承办负责人|分管领导|审\s*核\s*人)\s*[：:]?/;
// A date with a footnote or stray marks after it: 二OO五年八月三日[1]
const DATE_TAIL = /\s*(?:\[\d+\]|（\d+）)\s*$/;
// 202387: a signature date that lost its 年月日 — a closing line, but no date can be read from it.
const MANGLED_DATE = /^\d{5,8}$/;

export function parseClosing(lines: Span[], bodyFrom: number, to: number): Closing {
  let firstClosingLine = to;
  const mark = (index: number) => {
    if (index >= bodyFrom) firstClosingLine = Math.min(firstClosingLine, index);
  };
  const contacts: Contact[] = [];
  let contactUnit: Span | null = null;
  let cc: Span[] = [];
  let printed: Closing['printed'] = null;
  for (let index = bodyFrom; index < to; index++) {
    const line = lines[index];
    const found = contactsIn(line);
    if (found.length > 0) {
      contacts.push(...found);
      mark(index);
    } else if (contacts.length > 0 && contacts[contacts.length - 1].phone === null && PHONE_LINE.test(line.text)) {
      // 联系人:李 青 \n 联系电话:0574-8000000 — the phone on the next line.
      contacts[contacts.length - 1].phone = PHONE_LINE.exec(line.text)![1].replace(/[\s()（）]/g, '');
      mark(index);
    }
    const unit = CONTACT_UNIT.exec(line.text);
    if (unit?.groups) {
      const at = unit.index + unit[0].lastIndexOf(unit.groups.org);
      contactUnit ??= subSpan(line, at, at + unit.groups.org.length);
      mark(index);
    }
    const ccMatch = CC_LINE.exec(line.text);
    if (ccMatch?.groups) {
      const at = line.text.indexOf(ccMatch.groups.list, ccMatch[0].indexOf('：') + 1 || ccMatch[0].indexOf(':') + 1);
      const lists = [subSpan(line, at, at + ccMatch.groups.list.length)];
      // A list that ends in a separator goes on on the next line: 抄送：…，市政协提案委员会，\n桐溪高新区管委会。
      for (
        let next = index + 1;
        next < to && /[，、,；;]\s*$/.test(lists[lists.length - 1].text) && CONTINUED_CC.test(lines[next].text);
        next++
      ) {
        lists.push(subSpan(lines[next], 0, lines[next].text.replace(/[。.]\s*$/, '').length));
      }
      // (会办单位) is a placeholder, not a unit; a list cut at the page's size cap ends in 、.
      cc = lists
        .flatMap((list) => splitSpan(list, /[，、,；;]|\s+/))
        .filter((s) => !/^[（(].*[）)]?$/.test(s.text) && s.text.length >= 2);
      mark(index);
    }
    const printedMatch = PRINTED_LINE.exec(line.text);
    const printedDate = printedMatch?.groups ? parseDate(printedMatch.groups.date) : undefined;
    if (printedMatch?.groups && printedDate) {
      printed = { org: subSpan(line, 0, printedMatch.groups.org.length), date: printedDate, span: line };
      mark(index);
    }
    if (OTHER_CLOSING.test(line.text)) mark(index);
  }
  const signature = findSignature(lines, bodyFrom, to, mark);
  return { contacts, contactUnit, cc, printed, signature, firstClosingLine };
}

/** The signature: a date alone on a line (the issuer on the line before it), or both on one line. */
function findSignature(
  lines: Span[],
  bodyFrom: number,
  to: number,
  mark: (index: number) => void,
): Closing['signature'] {
  for (let index = to - 1; index >= bodyFrom; index--) {
    const line = lines[index];
    const text = line.text.replace(DATE_TAIL, '');
    if (MANGLED_DATE.test(text)) {
      mark(index);
      continue;
    }
    const oneLine = ISSUER_AND_DATE_LINE.exec(text);
    if (oneLine?.groups && !/[。，,；]/.test(oneLine.groups.issuer)) {
      const value = parseDate(oneLine.groups.date);
      if (!value) continue;
      const at = text.lastIndexOf(oneLine.groups.date);
      mark(index);
      return {
        issuer: subSpan(line, 0, oneLine.groups.issuer.length),
        date: { value, span: subSpan(line, at, at + oneLine.groups.date.length) },
        joint: [],
      };
    }
    if (!DATE_LINE.test(text) && !/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(text)) continue;
    const value = parseDate(text);
    if (!value) continue;
    mark(index);
    let k = index - 1;
    while (k >= bodyFrom && lines[k].text === '') k--;
    const before = k >= bodyFrom ? signer(lines[k]) : null;
    if (before) {
      mark(k);
      const joint = jointSigners(lines[k], before);
      // 桐溪市科学技术局 \n 桐溪市财政局 \n 2024年6月18日: bodies signing one above the other; the first is the issuer.
      const above = k - 1 >= bodyFrom && isSigningBody(before.text) ? signer(lines[k - 1]) : null;
      if (above && isSigningBody(above.text) && jointSigners(lines[k - 1], above).length === 0) {
        mark(k - 1);
        return { issuer: above, date: { value, span: subSpan(line, 0, text.length) }, joint: [before, ...joint] };
      }
      return { issuer: before, date: { value, span: subSpan(line, 0, text.length) }, joint };
    }
    return { issuer: null, date: { value, span: subSpan(line, 0, text.length) }, joint: [] };
  }
  return { issuer: null, date: null, joint: [] };
}

// A body that signs letters: a bureau, commission, office, government, centre.
const SIGNING_BODY = /(?:局|委|厅|办|部|院|会|中心|政府|办公室|委员会)$/;
const isSigningBody = (name: string) => SIGNING_BODY.test(name) && name.length >= 4;

/** The names after the first on a joint signature's line, each a signing body. */
function jointSigners(line: Span, first: Span): Span[] {
  const rest = subSpan(line, first.end - line.start, line.text.length - (SEAL.exec(line.text)?.[0].length ?? 0));
  return splitSpan(rest, /\s+/)
    .map((part) => subSpan(part, 0, part.text.length - (SEAL.exec(part.text)?.[0].length ?? 0)))
    .filter((part) => /^[\u4e00-\u9fa5（）()]{3,40}$/.test(part.text) && isSigningBody(part.text));
}

// 甬江市科学技术局(印) · （盖章）: the seal's mark after the issuer's name.
const SEAL = /\s*[（(](?:印|章|盖章|公章|印章)[）)]\s*$/;

/**
 * The issuer's line of a signature: a name, without its seal mark; of a joint
 * signature (桐溪市科学技术局    桐溪市财政局), the first name (the others: `jointSigners`).
 */
function signer(line: Span): Span | null {
  const bare = subSpan(line, 0, line.text.length - (SEAL.exec(line.text)?.[0].length ?? 0));
  const word = subSpan(bare, 0, bare.text.search(/\s|$/));
  // 澜城市科学技术局（印）  澜城市财政局（印）: each body of a joint signature has its seal.
  const first = trimSpan(subSpan(word, 0, word.text.length - (SEAL.exec(word.text)?.[0].length ?? 0)));
  return /^[\u4e00-\u9fa5（）()]{3,40}$/.test(first.text) ? first : null;
}

/** Every contact a line names, each name paired with its phone (the n-th name with the n-th phone, or the only phone). */
function contactsIn(line: Span): Contact[] {
  const contacts: Contact[] = [];
  const labels = [...line.text.matchAll(CONTACT_LABEL)];
  labels.forEach((label, k) => {
    const from = label.index! + label[0].length;
    const to = k + 1 < labels.length ? labels[k + 1].index! : line.text.length;
    let rest = subSpan(line, from, to);
    const names: Span[] = [];
    const phones: string[] = [];
    while (rest.text.length > 0) {
      rest = trimSpan(rest);
      // 吕 强(市科技局成果转化处) · 成果转化处 叶 青: a unit in brackets or before the name is not a contact.
      const aside =
        /^[（(][^）)]*[）)]?/.exec(rest.text) ??
        /^[\u4e00-\u9fa5]{2,20}(?:处|科|室|局|办|中心|部|所)(?=\s)/.exec(rest.text);
      if (aside && aside[0].length > 0) {
        rest = subSpan(rest, aside[0].length, rest.text.length);
        continue;
      }
      const lead = /^[，,、；;。()（）/\s]+/.exec(rest.text) ?? PHONE_LABEL_AT_START.exec(rest.text);
      if (lead && lead[0].length > 0) {
        rest = subSpan(rest, lead[0].length, rest.text.length);
        continue;
      }
      const phone = PHONE.exec(rest.text);
      if (phone) {
        phones.push(
          phone[0].replace(/[\s()（）]/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
        );
        rest = subSpan(rest, phone[0].length, rest.text.length);
        continue;
      }
      const name = NAME.exec(rest.text);
      if (!name) break;
      // 张 雷 联系电话 — stop the name before a label glued to it.
      const nameText = name[0].replace(/\s?(?:联|电|手|座|办)[\u4e00-\u9fa5\s]*$/, '');
      const clean = nameText.replace(/\s/g, '');
      if (clean.length < 2 || /(?:电话|单位|科室|处室|方式)$/.test(clean)) break;
      names.push(subSpan(rest, 0, nameText.length));
      rest = subSpan(rest, nameText.length, rest.text.length);
    }
    names.forEach((name, i) =>
      contacts.push({ name: name.text.replace(/\s/g, ''), phone: phones[i] ?? phones[0] ?? null, span: name }),
    );
  });
  return contacts;
}
