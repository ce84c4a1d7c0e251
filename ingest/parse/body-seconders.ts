import { type Span, subSpan } from './lines.ts';

/**
 * Who seconded a proposal or signed it with its lead, when the letter names them in its body rather than in a
 * labelled block: 该建议由杨国华代表领衔，邓小红、彭立军、谭晓梅、罗家宝代表附议。 · 贵界别孙立新、高雅琴、邹德明委员联名提出的…
 * The lead (if named) and the others, read from the first lines of the body; header.ts gives them to addressee.ts
 * withSeconders, which makes seconders proposers only when the salutation names the lead "and others" and its count
 * agrees (杨国华等5位代表：), and those who signed jointly (联名) proposers whenever the salutation names their lead or
 * the body they belong to.
 */
export interface Seconded {
  lead: Span | null;
  seconders: Span[];
  /** They signed the proposal jointly (联名人 · …委员联名提出的), rather than seconding it (附议). */
  joint: boolean;
  /** They are named as members of the body the letter is addressed to (贵界别孙立新、高雅琴委员联名提出的). */
  ofAddressee: boolean;
  /** Their role as the body writes it (…委员联名提出的 → 委员), or null. */
  role: string | null;
}

export const NO_SECONDERS: Seconded = { lead: null, seconders: [], joint: false, ofAddressee: false, role: null };

// 由杨国华代表领衔 · 杨国华委员领衔: the lead deputy or member, by name.
const LEAD = /(?<=^|[，,。；;：:\s由])(?<lead>[\u4e00-\u9fa5·]{2,4}?)(?:代表|委员)领衔/;
// 邓小红、彭立军代表附议 · 附议：… is the labelled block's (page-metadata.ts): here names joined by 、 before 附议.
// 贵界别孙立新、高雅琴、邹德明委员联名提出的 · 王立、陈东代表联名提交的: names joined by 、 before 联名 and the verb of proposing;
// 贵界别 · 贵组 · 贵党派 before them: members of the body addressed.
const SECONDERS =
  /(?:(?<=^|[，,。；;：:\s])|(?<of>贵(?:界别|代表组|代表团|小组|组|党派|委员会|会|党)))(?<names>[\u4e00-\u9fa5·]{2,4}(?:、[\u4e00-\u9fa5·]{2,4})*?)(?:等[\d一二三四五六七八九十]*[名位])?(?<role>代表|委员)(?:共同)?(?:附议|(?<joint>联名)(?:提出|提交|所提))/;
/** How far into the body the opening paragraph's sentences are looked for. */
const OPENING_LINES = 3;

export function secondersInBody(lines: Span[], bodyFrom: number): Seconded {
  for (const line of lines.slice(bodyFrom, bodyFrom + OPENING_LINES)) {
    const found = SECONDERS.exec(line.text);
    if (!found?.groups) continue;
    const seconders: Span[] = [];
    let at = found.index + (found.groups.of?.length ?? 0);
    for (const name of found.groups.names.split('、')) {
      seconders.push(subSpan(line, at, at + name.length));
      at += name.length + 1;
    }
    const lead = LEAD.exec(line.text.slice(0, found.index));
    const leadSpan = lead?.groups
      ? subSpan(
          line,
          lead.index + lead[0].indexOf(lead.groups.lead),
          lead.index + lead[0].indexOf(lead.groups.lead) + lead.groups.lead.length,
        )
      : null;
    return {
      lead: leadSpan,
      seconders,
      joint: found.groups.joint !== undefined,
      ofAddressee: found.groups.of !== undefined,
      role: found.groups.role,
    };
  }
  return NO_SECONDERS;
}
