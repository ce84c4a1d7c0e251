import parties from '../lexicon/parties.json' with { type: 'json' };
import { parseAnyNumber } from './cn-numbers.ts';
import type { Seconded } from './body-seconders.ts';
import { type Span, splitSpan, subSpan, trimSpan } from './lines.ts';

export interface Proposer {
  name: string;
  kind: 'Person' | 'Organization';
  role: string | null;
  span: Span;
}

/** The role after a proposer's name in the salutation: 叶剑淼委员： · 应辉辉代表： · 李红等8名代表： */
export const PROPOSER_ROLE = /(委员|代表|同志|先生|女士|议员)(?:们)?$/;

/** A salutation names an organisation when it ends like one: 致公党市委会 · 民盟温州市委员会 · 市工商联 · 县科协 · 市工信局 */
export const ORGANIZATION_END =
  /(党|会|委|局|办|部|厅|组|院|校|团|社|盟|联|所|协|中心|公司|协会|学会|商会|支部|小组|界别|政府)$/;

// 邓立新代表(白沙代表团): the delegation in brackets after the role is not a name.
const DELEGATION = /\s*[（(][^）)]{1,12}[）)]\s*$/;
// X等8名代表 · X等六位代表 · X等代表 · X等3名委员: the count is not a name.
const AND_OTHERS = /等(?:[\d一二三四五六七八九十两]+)?(?:名|位|人)?$/;
// A salutation is a line of names (with 、，和及 between) and a role, not a sentence or a page label.
const NOT_A_SALUTATION =
  /[。！？；]|^(?:联\s*系|抄\s*[送报]|附\s*件|主\s*题\s*词|签\s*发|领导签发|来\s*源|发布|索\s*引|分享|字\s*体|当前位置|您现在的位置|注|备注|电\s*话|地\s*址|邮\s*编)/;

/**
 * Whether a line is the salutation: short, ending in a colon, and either
 * naming a role (委员/代表) or 尊敬的…, or shaped like an organisation's name.
 */
export function isSalutation(text: string): boolean {
  if (!/[：:]$/.test(text) || text.length > 120 || NOT_A_SALUTATION.test(text)) return false;
  const words = text
    .slice(0, -1)
    .replace(/^尊敬的/, '')
    .replace(DELEGATION, '')
    .replace(/\s/g, '');
  if (words.length < 2) return false;
  if (PROPOSER_ROLE.test(words.replace(AND_OTHERS, ''))) return true;
  if (/^尊敬的/.test(text)) return true;
  return /^[\u4e00-\u9fa5（）()、，,]{2,40}$/.test(words) && ORGANIZATION_END.test(words);
}

// A CPPCC liaison group or sector group: …委员联络组 · …界别小组 · …委员活动组 · …联组.
const SHARED_GROUP = /(?:联络组|活动组|小组|联组|工作组|界别组)$/;
// What may stand before it as a list item: a sector (科技界, 经济界别) or a place (松门镇, 城东街道).
const GROUP_QUALIFIER = /^[\u4e00-\u9fa5]{1,8}?(?:界|界别|镇|乡|街道|片区|区|县)$/;

// A party's short name or a sector, with or without 界别: 民进 · 民进界别 · 九三学社 · 经济界 · 科技界别.
const GROUP_NAME = new RegExp(`^(?:(?:${parties.parties.join('|')})(?:界别|界|组|小组)?|[\\u4e00-\\u9fa5]{1,6}界别?)$`);

/** The proposers a salutation names: persons with their role, or organisations. */
export function proposersOf(addressee: Span): Proposer[] {
  const cleaned = addressee.text.replace(/^尊敬的/, '');
  const delegation = DELEGATION.exec(cleaned)?.[0].length ?? 0;
  const base = subSpan(addressee, addressee.text.length - cleaned.length, addressee.text.length - delegation);
  const roleMatch = PROPOSER_ROLE.exec(base.text);
  const role = roleMatch?.[1] ?? null;
  let names = roleMatch ? subSpan(base, 0, base.text.length - roleMatch[0].length) : base;
  const others = AND_OTHERS.exec(names.text);
  if (others && others[0].length > 0) names = subSpan(names, 0, names.text.length - others[0].length);
  const items = splitSpan(names, /[、，,]|\s{2,}/).flatMap(splitAtJoiners);
  // 科技界、松门镇委员联络组: sectors and places that share the last item's group word are one group of members.
  if (
    !role &&
    items.length > 1 &&
    SHARED_GROUP.test(names.text) &&
    items.slice(0, -1).every((i) => GROUP_QUALIFIER.test(i.text))
  )
    return [{ name: names.text.replace(/\s/g, ''), kind: 'Organization', role: null, span: names }];
  return items.flatMap((span): Proposer[] => {
    // 刘梅委员、九三学社…市委会: a role may follow each name of a mixed list.
    const own = PROPOSER_ROLE.exec(span.text);
    const item = own ? trimSpan(subSpan(span, 0, span.text.length - own[0].length)) : trimSpan(span);
    const name = item.text.replace(/\s/g, '');
    if (name.length < 2) return [];
    const itemRole = own?.[1] ?? role;
    // 民进界别委员 · 民盟代表 · 科技界委员: a party or a sector and its members' role names a group, not a person.
    const group = GROUP_NAME.test(name);
    // 市政协农业和农村委员会、格桑曲珍委员: the list's last role is not a body's, which ends like one and is longer than a name.
    const body = !own && name.length > 4 && ORGANIZATION_END.test(name);
    const organization = group || body || (!itemRole && (ORGANIZATION_END.test(name) || name.length > 4));
    return [
      {
        name,
        kind: organization ? 'Organization' : 'Person',
        role: organization && !group ? null : itemRole,
        span: item,
      },
    ];
  });
}

// 和 · 及 between two proposers (张华和李明代表), but inside a committee's or a bureau's name when what follows is a short
// domain and a body's word (市政协农业和农村委员会 · 区住房城乡建设和水利局) and what stands before it is no body's name.
const JOINER = /[和及]/g;
const BODY_AFTER_JOINER = /^[\u4e00-\u9fa5]{1,4}(?:委员会|局|委|厅|部)$/;

function splitAtJoiners(item: Span): Span[] {
  const parts: Span[] = [];
  let from = 0;
  for (const joiner of item.text.matchAll(JOINER)) {
    const at = joiner.index!;
    const left = item.text.slice(from, at).trim();
    if (BODY_AFTER_JOINER.test(item.text.slice(at + 1).trim()) && !ORGANIZATION_END.test(left)) continue;
    parts.push(subSpan(item, from, at));
    from = at + 1;
  }
  parts.push(subSpan(item, from, item.text.length));
  return parts;
}

// Who the opening sentence says made the proposal: 现就文化文史和学习委员会提出的关于… (a 协办意见 sent to the lead unit) ·
// 现就张华等3名代表提出的… · 陶红委员关于…的建议 · 贵局转来陈卫东代表提出的… (the unit that passed the proposal on
// is not who proposed it) · 市政协转来的民盟市委会所提… . The proposer stands after a clause opener and before the
// verb of proposing; 关于 and 的《 count as that verb only after a role (陶红委员关于…).
const PROPOSED_BY =
  /(?:^|[，,。；;：:\s])(?:现就|就|现将|对于|对|关于|根据|按照)?(?:(?:我|本)[局委厅办院](?:对|就|关于))?(?:(?:贵|你|您)[\u4e00-\u9fa5]{0,3}?(?:转来|转交|交办|交来|转办|转送)的?|[\u4e00-\u9fa5]{2,8}?(?:转来|转交|交办|转办)的)?(?<who>[\u4e00-\u9fa5（）()、\d]{2,60}?)(?:所提(?:出|交)?的?|领衔提出的?|提出的?|提交的?|(?<=委员|代表|委员们|代表们)(?:关于|的(?=[《“"])))/;
// (现将我局对王立新等5名代表提出的…的会办意见函告如下: the writer's own 我局对 opens the clause too.)
// 张华委员在市政协十三届二次会议上提出的: where and when it was proposed is not part of who proposed it.
const AT_MEETING = /在[\u4e00-\u9fa5\d]{2,30}?(?:会议|期间|大会)(?:上|中|期间)?$/;
const PRONOUN = /^(?:您|你|你们|您们|贵|各位|代表们|委员们|我们|我局|本局)/;

/**
 * A co-handling opinion (协办意见) or a reply sent to another unit is addressed
 * to an organisation while its opening sentence names the real proposers:
 * "市工信局：现就文化文史和学习委员会提出的…建议，提出协办意见如下" ·
 * "现就张华等3名代表提出的…". Returns them (a person list is read as a
 * salutation is, 张华等3名代表 → 张华), or none when the sentence names only "you".
 */
export function thirdPartyProposers(opening: Span): Proposer[] {
  const match = PROPOSED_BY.exec(opening.text);
  const raw = match?.groups?.who;
  if (!match || !raw) return [];
  const who = raw.replace(AT_MEETING, '');
  if (who.length < 2 || PRONOUN.test(who)) return [];
  const at = match.index + match[0].indexOf(raw);
  const span = subSpan(opening, at, at + who.length);
  if (PROPOSER_ROLE.test(who)) {
    // 张华等3名代表 · 李明、王芳委员: the salutation's reading (names, role, 等N名 dropped).
    const people = proposersOf(span).filter((p) => p.kind === 'Person' && p.name.length <= 4);
    return people.length > 0 && people.every((p) => p.role) ? people : [];
  }
  if (!ORGANIZATION_END.test(who)) return [];
  return [{ name: who, kind: 'Organization', role: null, span }];
}

// 周立群等4位代表 · 李红等代表 · 张华等三名委员: a salutation naming the first of several proposers and their count.
const NAMED_WITH_OTHERS = /等(?<count>[\d一二三四五六七八九十两]+)?(?:名|位|人)?(?:委员|代表)(?:们)?$/;

/**
 * Those who seconded a proposal (附议代表 in the page's labelled block) are its proposers too when the salutation
 * names the lead "and others" (周立群等4位代表：, 领衔代表：周立群, 附议代表：陈佳妮、马俊峰、吴海涛): the letter answers
 * all of them. Only when the salutation's first name is the lead and its count, if it gives one, is the lead and
 * the seconders together; a salutation naming one deputy alone (潘国强代表：) answers that deputy only.
 * Those who signed the proposal jointly with its lead (联名人：谢美玲、屈海军 · 贵界别孙立新、高雅琴委员联名提出的) are its
 * proposers as the lead is, whether or not the salutation names them (廖志刚代表： · 您和联名代表): when the salutation
 * names the lead, or the body they are members of (市政协经济界别：), never another proposer.
 */
export function withSeconders(addressee: Span | null, proposers: Proposer[], seconded: Seconded): Proposer[] {
  const { lead, seconders, joint } = seconded;
  const others = addressee ? NAMED_WITH_OTHERS.exec(addressee.text.replace(/\s/g, '')) : null;
  if ((!others && !joint) || seconders.length === 0 || proposers.length === 0) return proposers;
  const members = joint && seconded.ofAddressee && proposers.length === 1 && proposers[0].kind === 'Organization';
  if (!members && !proposers.every((p) => p.kind === 'Person')) return proposers;
  if (lead && proposers[0].name !== lead.text) return proposers;
  // 邹德明委员联名提出的 under 王立委员： names no lead: the salutation's one must be among those named.
  if (joint && !lead && !members && !seconders.some((s) => s.text === proposers[0].name)) return proposers;
  const added = seconders.filter((s) => !proposers.some((p) => p.name === s.text));
  const count = others?.groups?.count ? parseAnyNumber(others.groups.count) : undefined;
  if (count !== undefined && count !== proposers.length + added.length) return proposers;
  const role = members ? seconded.role : proposers[0].role;
  return [...proposers, ...added.map((span): Proposer => ({ name: span.text, kind: 'Person', role, span }))];
}
