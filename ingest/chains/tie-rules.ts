import type { Figure } from '../extract/figures.ts';
import type { Mention } from '../extract/mention.ts';
import type { Sentence } from '../parse/parse-letter.ts';
import type { ChainLink } from './chain-link.ts';
import type { Clause } from './clauses.ts';
import {
  CHAIN_GOAL,
  CLOSING_MARK,
  CO_HANDLING,
  CONTEXT_BEFORE,
  CONTINUING_OPENING,
  DIRECTIVE_CLAUSE,
  ENTERED_INTO,
  FOLLOWED_BEFORE,
  FRAME_OPENING,
  FRAMING_BEFORE,
  PARTNER_BEFORE,
  PARTNERSHIP,
  PARTNER_IN_LIST,
  GOVERNMENT_BODY,
  INSTRUMENT_BEFORE,
  LEADERSHIP_PAIR,
  NOT_BUILDER_LEAD,
  QUOTED_RUN,
  STANDARD_APPLIED,
  TIER_TITLE,
  SUBJECT_LEAD,
  TECHNOLOGY_PARTNERSHIP,
  VERB_AFTER_LIST,
  VERB_OPENING,
} from './grammar.ts';
import { builtLinks, earnedTitles, purposeLinks } from './built.ts';
import { chainHeadingOf, itemTitleHolding, itemTitleNaming } from './headings.ts';
import {
  frameWords,
  itemLinks,
  kindBefore,
  memberLinks,
  paysLinks,
  summedList,
  techFinanceLinks,
} from './kin-rules.ts';
import { counts, Links, type TieContext } from './links.ts';
import { tierAsInnovation } from './tier-titles.ts';
import type { Hit } from './vocabulary.ts';

export type { TieContext } from './links.ts';

/*
 * The rules that tie one thing to chains (design.md, "Four-chain ties"), strongest first:
 * its own name, its role in its own clause, and the chain heading above it.
 * Each link keeps its rule and the words that made it.
 */

/** How many clauses after a thing's own may go on with its work. */
const MAX_CLAUSES_ON = 2;

/** The kinds whose name a hint of a chain (科技, 创新, 投) describes: schemes, platforms, policies. */
const HINTED_KINDS = new Set<string>(['Programme', 'Platform', 'Policy']);

/**
 * Ties a thing named in the body: by its names (as written here and as resolved across letters: 国家大院名校温州联合院
 * is 国家大院名校温州联合研究院), by its clause where it acts, by the heading above it.
 */
export function mentionLinks(context: TieContext, mention: Mention, sentence: Sentence, names: string[]): ChainLink[] {
  const { reading } = context;
  const text = reading.text;
  if (mention.kind === 'Person' || CHAIN_GOAL.test(mention.name)) return [];
  const links = new Links(mention, sentence);
  const government = mention.kind === 'Organization' && GOVERNMENT_BODY.test(mention.name);
  const clause = reading.clauses.at(mention.start);
  const lead = leadOf(context, clause.start, mention.start);
  // A standard the work is carried out by (按照“七个一”标准深入实施，累计建成孵化面积512万方) is its means, not its frame.
  const standard = FOLLOWED_BEFORE.test(lead) && STANDARD_APPLIED.test(text.slice(mention.end, clause.end));
  const framed = CONTEXT_BEFORE.test(lead) && !standard;
  const slogan = framed && FRAMING_BEFORE.test(lead);
  if (!government) {
    // A word that only hints at a chain in a name (科技, 创新, 投) counts for a thing that acts, not for a
    // slogan that frames (紧紧围绕“强城行动 科技先行”).
    // …and only in the name of a scheme, a platform or a policy: 某某科技有限公司 is a firm, not innovation work.
    const hinted = !slogan && HINTED_KINDS.has(mention.kind);
    for (const name of new Set([mention.name, ...names]))
      for (const hit of reading.vocabulary.hits(name, 0, name.length))
        if (counts(hit) && nameCounts(hit, mention.kind, hinted))
          links.add(hit.chain, hit.sense ? 'name-word' : 'name-chain', hit);
    for (const hit of quoteHead(context, mention)) links.add(hit.chain, 'quote-head', hit);
    for (const party of reading.vocabulary.parties(mention.name))
      links.addAt(party.chain, 'name-letters', [party.letter], sentence, party.stands);
    if (hinted) for (const hit of summedList(context, mention)) links.add(hit.chain, 'name-list', hit);
    // …not for a research, pilot or incubation body, whose name makes it innovation work (宝鸡钛及钛合金中试基地).
    if (hinted && mention.kind === 'Platform' && !links.hasByName('创新链'))
      for (const industry of context.industries.all)
        if (mention.name.includes(industry)) links.addAt('产业链', 'name-word', [industry], sentence);
  }
  const partner =
    PARTNER_BEFORE.test(lead) && PARTNERSHIP.test(text.slice(mention.end, clause.end)) && !SUBJECT_LEAD.test(lead);
  if (framed && ENTERED_INTO.test(lead)) memberLinks(context, links, sentence, clause.start, mention.start);
  // A document the work is done by (根据《…条例》，逐条谋划…) is the lever of an item whose title names it short.
  if (mention.kind === 'Policy') {
    const item = itemTitleNaming(reading.letter, context.headings, sentence, mention.name);
    if (item)
      for (const chain of item.heading.chains)
        links.addHeading(chain, 'heading-lever', item.heading, [item.title.text, item.head]);
  }
  // What it builds or launches, alone or with others (联合西南大学、重庆文理学院共建永川数字农业研究院), even as a co-handler.
  if (!government && !slogan && !NOT_BUILDER_LEAD.test(lead) && (!framed || CO_HANDLING.test(lead)))
    builtLinks(context, links, mention.end, clause);
  // A party to a technology partnership does that research work with the others (企业与河南大学…签订技术合作协议).
  // The partner may stand in a list of its own after those it works with (…等企业与南京航空航天大学、中国科学技术大学开展技术对接).
  const partnered = partner || PARTNER_IN_LIST.test(text.slice(clause.start, mention.start));
  const partnership = partnered && !government && TECHNOLOGY_PARTNERSHIP.exec(text.slice(mention.end, clause.end));
  if (partnership) links.addAt('创新链', 'clause-word', [partnership[0]], clause);
  if (mention.kind === 'Policy' && !slogan) paysLinks(context, links, sentence, mention);
  if (framed || partner) return links.all();
  const subject = SUBJECT_LEAD.test(lead);
  // A body acts alone: in a list of bodies (省委、省政府…; 会同市财政局、市人社局等部门) it co-signs or co-handles.
  // …except the party committee and the government of one place, who act as one (市委、市政府将…产业列为重点培育).
  const pair = LEADERSHIP_PAIR.exec(text.slice(clause.start, Math.min(clause.end, clause.start + 16)));
  const paired = pair !== null && mention.end <= clause.start + pair[0].length;
  const listed = !paired && reading.factsOf(clause).items.some((i) => i.start <= mention.start && mention.end <= i.end);
  if (government && !(subject && !listed && !DIRECTIVE_CLAUSE.test(text.slice(clause.start, clause.end))))
    return links.all();
  // A body of government acts by what it does, never by a chain named beside it (市科技局聚焦创新链产业链融合发展).
  const own = reading
    .ownHits(clause, mention.start, mention.end)
    .filter((h) => counts(h) && !(government && h.sense === null));
  // Three chains named at once are a slogan (推动创新链产业链资金链人才链“四链融合”): they frame, they do not tie.
  const named = new Set(own.filter((h) => h.sense === null).map((h) => h.chain));
  for (const hit of own) {
    if (hit.sense === null && named.size >= 3) continue;
    const tier = TIER_TITLE.test(hit.word) ? tierAsInnovation(context, sentence) : null;
    if (tier) {
      links.addAt('创新链', tier.rule, [...tier.words, hit.word], tier.evidence);
      continue;
    }
    links.add(hit.chain, hit.sense ? 'clause-word' : 'clause-chain', hit);
  }
  // The letter's own industry named in its clause, outside every name, where the thing acts (对氢能重点项目实行“双周调度”机制).
  if (subject && !government)
    for (const industry of context.industries.inClause(clause))
      links.addAt('产业链', 'clause-word', [industry], sentence);
  if (subject) {
    for (const hit of reading.objectHeads(clause, mention.start, mention.end)) links.add(hit.chain, 'object-head', hit);
    for (const hit of earnedTitles(context, clause, mention.start, mention.end))
      links.add(hit.chain, 'clause-word', hit);
  }
  const next = reading.clauses.next(clause);
  const acts = subject || standard || INSTRUMENT_BEFORE.test(lead);
  // A clause that reports an achievement (“四技”服务收入2.7亿元，集聚科研人员1277人) is a line of a list, not an action going on.
  const reports = reading.figures.firstIn(clause.start, clause.end) !== null;
  // The work may go on over more than one clause (“投拨结合”联动机制，采取创业投资与科技专项组合支持的方式，加大科技金融
  //支持高校院所成果转化的力度): each clause that goes on, naming no other thing, carries it.
  if (!government && own.length === 0 && !reports)
    for (
      let on = next, n = 0;
      on && n < MAX_CLAUSES_ON && goesOn(context, on, acts);
      on = reading.clauses.next(on), n++
    )
      for (const hit of reading.factsOf(on).free.filter(counts))
        if (hit.sense) links.add(hit.chain, 'next-clause', hit);
  // A clause with no subject of its own (开展“温州拍”“好成果”对接会等活动) goes on with the one before it
  // (重塑科技成果转移转化体系): that clause, when it names no other thing, sets the work it is part of.
  const previous = reading.clauses.clauses[clause.index - 1];
  if (
    !government &&
    own.length === 0 &&
    previous &&
    reading.clauses.next(previous) === clause &&
    previous.start >= sentence.start &&
    VERB_OPENING.test(text.slice(clause.start, mention.start).trimStart()) &&
    VERB_OPENING.test(text.slice(previous.start, previous.end).trimStart()) &&
    !reading.names.firstIn(previous.start, previous.end)
  )
    for (const hit of reading.factsOf(previous).free.filter(counts))
      if (hit.sense) links.add(hit.chain, 'prev-clause', hit);
  if (!government && own.length === 0 && previous && reading.clauses.next(previous) === clause)
    kindBefore(context, links, sentence, mention, previous);
  if (government) return links.all();
  frameLinks(context, links, sentence, clause);
  purposeLinks(context, links, sentence, clause);
  if (acts && clause.start <= sentence.start + 1) itemLinks(context, links, sentence);
  headingLinks(context, links, sentence, mention.start, mention.end);
  topicLinks(context, links, sentence, mention.start, mention.end);
  if (HINTED_KINDS.has(mention.kind)) techFinanceLinks(context, links, sentence);
  return links.all();
}

/** Ties a commitment: by the words of its own clause, by its frame, and by the heading above it. */
export function figureLinks(context: TieContext, figure: Figure, sentence: Sentence): ChainLink[] {
  const { reading } = context;
  const links = new Links(figure, sentence);
  for (const hit of reading.vocabulary.hits(reading.text, figure.start, figure.end))
    if (counts(hit) && hit.sense?.only !== 'name') links.add(hit.chain, 'commitment-words', hit);
  // What the commitment is about counts only when its own words say nothing (its own words are its topic).
  if (links.all().length === 0 && !reading.names.firstIn(figure.start, figure.end))
    commitmentTopic(context, links, sentence, figure.start);
  frameLinks(context, links, sentence, reading.clauses.at(figure.start));
  purposeLinks(context, links, sentence, reading.clauses.at(figure.start));
  headingLinks(context, links, sentence, figure.start, figure.end);
  return links.all();
}

/**
 * A clause that opens the sentence by naming one or two chains as its frame (围绕创新链产业链布局，深入实施…)
 * ties what the clauses after it name.
 */
function frameLinks(context: TieContext, links: Links, sentence: Sentence, clause: Clause): void {
  const { reading } = context;
  const first = reading.clauses.at(sentence.start);
  if (first.index >= clause.index) return;
  frameWords(context, links, first);
  if (reading.names.firstIn(first.start, first.end)) return;
  if (!FRAME_OPENING.test(reading.text.slice(first.start, first.end).trimStart())) return;
  const named = reading.factsOf(first).free.filter((h) => h.sense === null);
  const chains = new Set(named.map((h) => h.chain));
  if (chains.size > 2) return;
  for (const hit of named) links.addAt(hit.chain, 'frame-chain', [hit.word], first);
}

/**
 * A heading that names a thing as its topic (（三）深化大孵化集群建设。): the thing does what the first
 * sentence under the heading says (差异化布局专业孵化基地，打造一批符合新兴产业培育发展需求的孵化器).
 */
function topicLinks(context: TieContext, links: Links, sentence: Sentence, start: number, end: number): void {
  const { reading } = context;
  const letter = reading.letter;
  if (sentence.section === null) return;
  const section = letter.sections[sentence.section];
  if (start < section.title.start || end > section.title.end) return;
  const next = letter.sentences[sentence.index + 1];
  if (!next || next.section !== section.index) return;
  const hits = reading.sentenceHits(next, next.start, next.start).filter((h) => h.sense !== null && counts(h));
  for (const hit of hits) links.addAt(hit.chain, 'heading-topic', [hit.word], next);
}

/**
 * A commitment whose clause names nothing is about the thing named last before it in its sentence
 * (设立东川科创母基金，规模力争达到50亿元), else about what the heading above it names (（三）深化大孵化集群建设。…
 * 招引落地专业运营机构10家以上): it is on the chains that thing's own name carries.
 */
function commitmentTopic(context: TieContext, links: Links, sentence: Sentence, at: number): void {
  const { reading } = context;
  const letter = reading.letter;
  const before = reading.names.lastIn(sentence.start, at);
  if (before) {
    const name = reading.text.slice(before.start, before.end);
    if (!GOVERNMENT_BODY.test(name))
      for (const hit of reading.vocabulary.hits(reading.text, before.start, before.end))
        if (hit.sense !== null && counts(hit) && hit.sense.only !== 'name')
          links.addAt(hit.chain, 'subject-name', [name, hit.word], sentence);
    return;
  }
  for (let s = sentence.section; s !== null; s = letter.sections[s].parent) {
    const title = letter.sections[s].title;
    const name = reading.names.firstIn(title.start, title.end);
    if (!name) continue;
    const words = reading.vocabulary
      .hits(reading.text, name.start, name.end)
      .filter((h) => h.sense !== null && counts(h) && h.sense.only !== 'name');
    for (const hit of words)
      links.addAt(hit.chain, 'heading-topic', [reading.text.slice(name.start, name.end), hit.word], title);
    return;
  }
}

/**
 * A chain heading ties the lever it names (以大孵化集群战略为牵引 → 大孵化集群; the thing an item
 * under it is about: 一是贯彻落实“三位一体”工作 → 三位一体), and a thing whose own sentence does
 * the heading's work on one of its chains: a word of that chain, outside other things' names.
 */
function headingLinks(context: TieContext, links: Links, sentence: Sentence, start: number, end: number): void {
  const { reading, headings } = context;
  const letter = reading.letter;
  const heading = chainHeadingOf(letter, headings, sentence);
  const lever = heading?.levers.find((l) => l.start <= start && end <= l.end);
  if (heading && lever) {
    for (const chain of heading.chains) links.addHeading(chain, 'heading-lever', heading, [lever.text]);
    return;
  }
  const item = itemTitleHolding(letter, headings, sentence, start, end);
  if (item) {
    for (const chain of item.heading.chains) links.addHeading(chain, 'heading-lever', item.heading, [item.title.text]);
    return;
  }
  if (!heading) return;
  // The heading's work done by the thing's own nature: a fund under 加强金融赋能科技企业发展 serves firms.
  for (const serve of heading.serves)
    if (links.hasByName(serve.from)) links.addHeading(serve.to, 'heading-work', heading, [serve.to, serve.word]);
  // Work that carries one chain's matter into another (技术转移: innovation into industry) does the work of a heading
  // that joins the two (推动创新链和产业链精准对接).
  for (const [a, b] of heading.joins)
    for (const sense of links.namedSenses())
      if (
        sense.joins !== null &&
        ((sense.chain === a && sense.joins === b) || (sense.chain === b && sense.joins === a))
      )
        links.addHeading(sense.joins, 'heading-work', heading, [sense.joins, ...links.wordsOf(sense)]);
  const hits = reading.sentenceHits(sentence, start, end).filter((h) => h.sense !== null);
  for (const chain of heading.chains) {
    const hit = hits.find((h) => h.chain === chain && (counts(h) || heading.senses.has(h.sense!)));
    if (hit) links.addHeading(chain, 'heading-work', heading, [chain, hit.word], hit);
  }
}

/**
 * The head word after a thing's quoted name, shared by a run of quoted names: “5+5+N”产业 → 产业 ·
 * “温州拍”“好成果”对接会 · “科创指数”融资模式 → 融资 · “20+8”战略性新兴产业 → 产业 (the first chain word of the
 * noun phrase the quote opens, before any verb: “一港五谷”成为…产业培育地 heads nothing).
 */
function quoteHead(context: TieContext, mention: Mention): Hit[] {
  const text = context.reading.text;
  const rest = text.slice(mention.end, mention.end + 40);
  const close = CLOSING_MARK.exec(rest);
  if (!close) return [];
  const run = QUOTED_RUN.exec(rest.slice(close[0].length));
  const headStart = mention.end + close[0].length + (run ? run[0].length : 0);
  const clause = context.reading.clauses.at(mention.start);
  const [first] = context.reading.vocabulary
    .hits(text, headStart, Math.min(clause.end, headStart + 8))
    .filter((h) => counts(h) && h.sense?.only !== 'name');
  if (!first) return [];
  const gap = text.slice(headStart, first.start);
  return /[、“”"《》（）()]/.test(gap) || VERB_AFTER_LIST.test(gap) ? [] : [first];
}

/**
 * Whether a word of a thing's name counts for it: a word of only-names counts in the names of the kinds it is
 * for (银行 in an enterprise's: 绵阳市商业银行科技城支行), else in those of schemes, platforms and policies when hinted.
 */
function nameCounts(hit: Hit, kind: string, hinted: boolean): boolean {
  if (hit.sense?.only !== 'name') return true;
  return hit.sense.kinds ? hit.sense.kinds.includes(kind) : hinted;
}

/** What stands before a thing in its clause, back to where its list begins: 围绕“十个一”… → 围绕. */
function leadOf(context: TieContext, clauseStart: number, start: number): string {
  const { items } = context.reading.factsOf(context.reading.clauses.at(start));
  const inList = items.length > 0 && items[0].start <= start && start < items.at(-1)!.end;
  const listStart = inList ? items[0].start : start;
  return context.reading.text.slice(Math.max(clauseStart, listStart - 12), listStart).replace(/[“"《「『]+$/, '');
}

/**
 * The next clause carries the thing's work on when it names no other thing and opens with a verb (for a thing
 * that acts: its subject or its means), or with a verb of manner or purpose (for a thing that is only an object).
 */
function goesOn(context: TieContext, next: { start: number; end: number }, acts: boolean): boolean {
  const { reading } = context;
  const opening = reading.text.slice(next.start, next.end).trimStart();
  // A target of the work (深入开展“双清零一提升”行动，…，规上工业企业研发机构设置率…力争达到60%) goes on with it too.
  const target = acts && reading.commitments.firstIn(next.start, next.end) !== null;
  if (!target && !(acts ? VERB_OPENING : CONTINUING_OPENING).test(opening)) return false;
  return !reading.names.firstIn(next.start, next.end);
}
