import { type Span, subSpan } from './lines.ts';

/**
 * Who seconded a proposal, when the letter names them in its body rather than in a labelled block:
 * 该建议由杨国华代表领衔，邓小红、彭立军、谭晓梅、罗家宝代表附议。 The lead (if named) and the seconders, read from the
 * first lines of the body; header.ts gives them to addressee.ts withSeconders, which makes them proposers only when
 * the salutation names the lead "and others" and its count agrees (杨国华等5位代表：).
 */
export interface Seconded {
  lead: Span | null;
  seconders: Span[];
}

// 由杨国华代表领衔 · 杨国华委员领衔: the lead deputy or member, by name.
const LEAD = /(?<=^|[，,。；;：:\s由])(?<lead>[\u4e00-\u9fa5·]{2,4}?)(?:代表|委员)领衔/;
// 邓小红、彭立军代表附议 · 附议：… is the labelled block's (page-metadata.ts): here names joined by 、 before 附议.
const SECONDERS =
  /(?<=^|[，,。；;：:\s])(?<names>[\u4e00-\u9fa5·]{2,4}(?:、[\u4e00-\u9fa5·]{2,4})*?)(?:等[\d一二三四五六七八九十]*[名位])?(?:代表|委员)(?:共同)?附议/;
/** How far into the body the opening paragraph's sentences are looked for. */
const OPENING_LINES = 3;

export function secondersInBody(lines: Span[], bodyFrom: number): Seconded {
  for (const line of lines.slice(bodyFrom, bodyFrom + OPENING_LINES)) {
    const found = SECONDERS.exec(line.text);
    if (!found?.groups) continue;
    const seconders: Span[] = [];
    let at = found.index;
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
    return { lead: leadSpan, seconders };
  }
  return { lead: null, seconders: [] };
}
