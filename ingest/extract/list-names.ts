import { LEFT_STOPS } from '../rules/left-stops.ts';
import { SUFFIX_RULES } from '../rules/name-suffixes.ts';
import { isGenericName, isKindWord, opensWithGrade } from './generic.ts';
import { leftEdge } from './left-edge.ts';
import { isDivision } from './sited-names.ts';
import type { Mention } from './mention.ts';
import { type Token, tokenAt } from './tokens.ts';

/**
 * Names that stand in a list with names of a known kind take that kind:
 * 以香港美泰、富士康集团、中恒集团等为龙头 — 富士康集团 and 中恒集团 end like
 * enterprises, so 香港美泰 is one too; X泵业、Y股份、Z机电等3家企业 — the list's
 * closing word says what every item is. An item must be name-shaped (2–12
 * characters, no verb, not a category word).
 */
// 等3家企业 · 等政策性产品体系 · 3家企业 (天马新材、龙丰机械、雪山实业3家企业: the count alone closes a list too).
// Not 等三大企业库: a list of databases, counted.
const LIST_TAIL =
  /^(?:等)?(?:[\d一二三四五六七八九十两]+(?:家|个|所))?(?:(?:(?![一二三四五六七八九十两])[\u4e00-\u9fa5]){0,3}?(?<category>企业|公司|龙头企业|高校|院校|大学|平台|机构|园区|实验室|产品)(?![库名录单]))?/;
const TAIL_START = /等|[\d一二三四五六七八九十两]+(?:家|个|所)(?=企业|公司|高校|院校|大学|平台|机构|园区|实验室)/;
const TAIL_KIND: Record<string, Mention['kind']> = {
  企业: 'Enterprise',
  公司: 'Enterprise',
  龙头企业: 'Enterprise',
  高校: 'Organization',
  院校: 'Organization',
  大学: 'Organization',
  平台: 'Platform',
  机构: 'Platform',
  园区: 'Platform',
  实验室: 'Platform',
  // Loans and guarantees a bank offers are schemes in the gold (知识价值信用贷款、技改专项贷等政策性产品).
  产品: 'Programme',
};
// 乐播星选、易拍优选等直播机构 · …等金融机构: agencies of a trade are firms (研发机构 and 孵化机构 stay platforms).
const FIRM_AGENCY = /(?:直播|金融|中介|投资|咨询|经纪|代理|保险|担保|人力资源服务)机构$/;
const KINDS = new Set<Mention['kind']>(['Enterprise', 'Platform', 'Organization', 'Programme']);

export function listSiblings(
  text: string,
  from: number,
  to: number,
  tokens: Token[],
  found: Mention[],
  masked: (o: number) => boolean,
): Mention[] {
  const mentions: Mention[] = [];
  const clause = text.slice(from, to);
  // (A clause without 、 holds no list: the pattern below would try every start in it to learn so.)
  if (!clause.includes('、')) return mentions;
  // Runs of items separated by 、 inside one clause (no ，。；).
  for (const run of clause.matchAll(/[^，,。；;：:、\n]+(?:、[^，,。；;：:、\n]+)+/g)) {
    const runStart = from + run.index!;
    const items: Array<{ start: number; end: number }> = [];
    let at = runStart;
    for (const part of run[0].split('、')) {
      items.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    // The last item ends where 等 (or the list's verb) begins; the first starts at its own left edge.
    const last = items[items.length - 1];
    const tail = TAIL_START.exec(text.slice(last.start, last.end));
    const tailMatch = tail ? LIST_TAIL.exec(text.slice(last.start + tail.index, last.end + 12)) : null;
    if (tail) last.end = last.start + tail.index;
    else {
      // 英利集团、天威保变建设省级技术创新中心: with no 等, the last item ends where the clause's verb begins.
      const verb = tokens.find(
        (t) =>
          t.start >= last.start + 2 &&
          t.end <= last.end &&
          (STOPS.has(t.word) || /^v/.test(t.tag)) &&
          t.word.length >= 2,
      );
      if (verb) last.end = verb.start;
    }
    const first = items[0];
    // The first item's left edge is the least sure: a name another rule found ending where the item ends (实施重点
    // 产业研发计划、市科技重大专项, a launched scheme whose 重点 the edge would stop at) is the item.
    const firstFound = found.find(
      (m) => m.end === first.end && m.start >= first.start && m.end - m.start >= 2 && KINDS.has(m.kind),
    );
    const firstStart = firstFound?.start ?? leftEdge(text, tokens, first.end - 1, first.start);
    if (firstStart === undefined) continue;
    first.start = firstStart;
    const known = items.map((item) =>
      found.find((m) => m.start === item.start && m.end === item.end && KINDS.has(m.kind)),
    );
    const byTail = tailMatch?.groups?.category
      ? FIRM_AGENCY.test(tailMatch[0])
        ? 'Enterprise'
        : TAIL_KIND[tailMatch.groups.category]
      : undefined;
    const kinds = new Set(known.filter(Boolean).map((m) => m!.kind));
    const kind =
      byTail ?? (kinds.size === 1 && known.filter(Boolean).length >= items.length / 2 ? [...kinds][0] : undefined);
    if (!kind) continue;
    items.forEach((item, i) => {
      if (known[i] || found.some((m) => m.start < item.end && item.start < m.end)) return;
      const name = text.slice(item.start, item.end);
      const inside: Token[] = [];
      for (let i = Math.max(0, tokenAt(tokens, item.start)); i < tokens.length && tokens[i].end <= item.end; i++)
        if (tokens[i].start >= item.start) inside.push(tokens[i]);
      if (name.length < 2 || name.length > 12 || !/^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9（）()]*$/.test(name))
        return;
      // Where only siblings vouch for the kind, an item with a verb is more likely a phrase than a name (远航股份 tags 远航 v, so a list's own 等…企业 outweighs that).
      // 特地科技园、科技大市场等机构: an item that ends like its siblings' kind names one of them, though its words are common ones.
      const endsLikeKind = SUFFIX_RULES.some(
        (r) => r.kind === kind && r.suffix.length >= 2 && name.endsWith(r.suffix) && name.length > r.suffix.length + 1,
      );
      if (
        // (企业研究院、博士后科研工作站等研发平台: a kind the lexicon lists whole stays a kind.)
        (isGenericName(name) && (!endsLikeKind || isKindWord(name))) ||
        // (集聚在蚌埠高新区、禹会区和怀远县: divisions listed after a zone are where things are, not sites.)
        isDivision(name) ||
        opensWithGrade(name) ||
        masked(item.start) ||
        inside.some((t) => (!byTail && t.tag.startsWith('v')) || t.tag === 'm' || t.tag === 'r')
      )
        return;
      mentions.push({ kind, name, start: item.start, end: item.end, rule: `list:${byTail ? 'tail' : 'siblings'}` });
    });
  }
  return mentions;
}

// 工程机械、烟草机械、新材料等领域 · 动力电池、电机电控、汽车电子、轻量化材料等较为完整的产业集群 · 功能陶瓷、高分子材料、
// 氟硅材料等领域企业: a list closed by 等 and a word of fields (before any word of named things: 等龙头企业带动产业集群
// lists firms) lists fields, though an item ends in a firm's trade word.
const FIELD_TAIL =
  /^等(?:(?!企业|公司|高校|院校|大学|平台|机构|园区|实验室|单位)[^，,。；;：:、\n]){0,6}?(?:领域|产业|行业|方向|集群|门类|赛道)/;

/** The items of lists of fields in a sentence (see FIELD_TAIL), as spans of the text. */
export function fieldListItems(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const items: Array<{ start: number; end: number }> = [];
  const clause = text.slice(from, to);
  if (!clause.includes('、')) return items;
  for (const run of clause.matchAll(/[^，,。；;：:、\n]+(?:、[^，,。；;：:、\n]+)+/g)) {
    const runStart = from + run.index!;
    const parts = run[0].split('、');
    const last = parts[parts.length - 1];
    const tail = last.indexOf('等');
    if (tail < 1 || !FIELD_TAIL.test(last.slice(tail))) continue;
    parts[parts.length - 1] = last.slice(0, tail);
    let at = runStart;
    for (const part of parts) {
      items.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return items;
}

// 县委、县政府 · 市委市政府 · 省委、省政府: the party committee and government of the letter's own place; a banner
// (旗委、旗政府, Inner Mongolia's county level), an autonomous prefecture (州委、州政府) and a league (盟委) name theirs so.
const GOVERNMENT =
  /(?<level>省|市|县|区|旗|州|盟)(?<body>委(?!员|会|托|屈|派|办|书记|副书记|常委)|政府(?!办|工作|领导|部门|主要|投资|债|采购|性|引导|资金|和|与))/g;

const OPENERS = LEFT_STOPS.filter((w) => w.length > 1);
const STOPS = new Set(OPENERS);

/** 县委 and 县政府 standing alone (not 石家庄市政府, not 市委会, not 市政府办公室, not 杭州政府). */
export function governmentBodies(text: string, from: number, to: number): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.slice(from, to).matchAll(GOVERNMENT)) {
    const start = from + match.index!;
    const before = text.slice(Math.max(from, start - 2), start);
    // The level word must open the name: after punctuation, a function word or another body (市委市政府).
    if (
      start > from &&
      !/[、，,。；;：:（(“\s和与及同向经由在对据照从为将由并]$|(?:省|市|县|区|旗|州|盟)(?:委|政府)$/.test(before) &&
      !OPENERS.some((w) => text.slice(from, start).endsWith(w))
    )
      continue;
    const name = match.groups!.level + match.groups!.body;
    mentions.push({ kind: 'Organization', name, start, end: start + name.length, rule: 'government' });
  }
  return mentions;
}
