import type { ChainName } from '../../domain/model.ts';
import type { Mention } from '../extract/mention.ts';
import type { Sentence } from '../parse/parse-letter.ts';
import type { Clause } from './clauses.ts';
import { FRAME_AIM, KIND_AFTER_QUOTE, PAYS, SUMMED_LIST, TECH_FINANCE } from './grammar.ts';
import { counts, type Links, type TieContext } from './links.ts';
import type { Hit } from './vocabulary.ts';
import { chainHeadingOf } from './headings.ts';

/**
 * Ties read from what stands around a thing rather than from its own clause (issue 21, the families of the chain
 * gold's misses): the aim its sentence opens on, the kind the clause before names, the things entered into it,
 * the list its quoted name sums up.
 */
/**
 * The aim the sentence's first clause ends on, after its actors (推动在温高校、新型研发机构等创新主体围绕产业转型升级和技术进步，
 * 开展有组织科研，…实施…“揭榜挂帅”核心技术攻关): the work of the clauses after it is done for that aim.
 * Only an aim of words, not of names (围绕“5+5”产业 is the thing served, not the aim of a chain's work).
 */
export function frameWords(context: TieContext, links: Links, first: Clause): void {
  const { reading } = context;
  const text = reading.text.slice(first.start, first.end);
  const aim = FRAME_AIM.exec(text);
  if (!aim) return;
  const from = first.start + aim.index + aim[0].length;
  if (reading.names.firstIn(from, first.end)) return;
  for (const hit of reading.factsOf(first).free)
    if (hit.start >= from && hit.sense !== null && !hit.sense.weak && counts(hit))
      links.addAt(hit.chain, 'frame-word', [aim[0], hit.word], first, hit.sense.sense);
}

/**
 * A quoted name of a kind the clause before names by a chain word (涌现出…等特色孵化模式，“建引育”一体化模式入选…):
 * the thing is one more of that kind (孵化 → 创新链).
 */
export function kindBefore(
  context: TieContext,
  links: Links,
  sentence: Sentence,
  mention: Mention,
  previous: Clause,
): void {
  const { reading } = context;
  const kind = KIND_AFTER_QUOTE.exec(reading.text.slice(mention.end, reading.clauses.at(mention.start).end))?.[1];
  if (!kind || previous.start < sentence.start) return;
  const before = reading.text.slice(previous.start, previous.end);
  for (let at = before.indexOf(kind); at >= 0; at = before.indexOf(kind, at + 1)) {
    const kindStart = previous.start + at;
    const hit = reading
      .factsOf(previous)
      .free.find((h) => h.sense !== null && counts(h) && h.end <= kindStart && kindStart - h.end <= 2);
    if (hit) links.addAt(hit.chain, 'kind-before', [hit.word, kind], sentence, hit.sense!.sense);
  }
}

/**
 * A thing others are entered into (瓯江实验室和激光智能装备技术创新中心列入全省“双十”布局) is on the chains every
 * one of them is on by its own name (实验室, 创新中心 → 创新链).
 */
export function memberLinks(context: TieContext, links: Links, sentence: Sentence, from: number, to: number): void {
  const { reading } = context;
  const text = reading.text;
  let shared: Map<ChainName, string[]> | null = null;
  for (let name = reading.names.firstIn(from, to); name; name = reading.names.firstIn(name.end, to)) {
    const own = new Map<ChainName, string[]>();
    for (const hit of reading.vocabulary.hits(text, name.start, name.end))
      if (hit.sense === null || (counts(hit) && !hit.sense.weak && hit.sense.only === null))
        own.set(hit.chain, [...(own.get(hit.chain) ?? []), hit.word]);
    if (shared === null) shared = own;
    else
      for (const [chain, words] of shared)
        if (own.has(chain)) shared.set(chain, [...words, ...own.get(chain)!]);
        else shared.delete(chain);
  }
  for (const [chain, words] of shared ?? []) links.addAt(chain, 'member-names', [...new Set(words)], sentence);
}

/**
 * The one-word items of a list right before a thing's quoted name, which the name sums up: 教育、科技、人才“三位一体”
 * → 教育, 科技, 人才 (words that count in a name count here).
 */
export function summedList(context: TieContext, mention: Mention): Hit[] {
  const { reading } = context;
  const clause = reading.clauses.at(mention.start);
  const before = reading.text.slice(clause.start, mention.start);
  const list = SUMMED_LIST.exec(before);
  if (!list) return [];
  const start = clause.start + list.index + list[0].indexOf(list[1]);
  const end = start + list[1].length;
  if (reading.names.firstIn(start, end)) return [];
  return reading.vocabulary.hits(reading.text, start, end).filter(counts);
}

/**
 * The thing the first clause of an item acts by (二是提升企业研发能力。深入开展“双清零一提升”行动，…) is the
 * item's means: it does the work the item's title names by words of their own (研发 → 创新链; not 企业, a weak word).
 */
export function itemLinks(context: TieContext, links: Links, sentence: Sentence): void {
  const { reading } = context;
  const letter = reading.letter;
  if (sentence.section === null) return;
  const section = letter.sections[sentence.section];
  if (section.markerType !== 'item' || sentence.start < section.title.end) return;
  const first = letter.sentences.find((s) => s.section === section.index && s.start >= section.title.end);
  if (first !== sentence) return;
  const hits = reading.vocabulary
    .hits(reading.text, section.title.start, section.title.end)
    .filter(
      (h) => h.sense !== null && !h.sense.weak && h.sense.only === null && !reading.names.holding(h.start, h.end),
    );
  for (const hit of hits) links.addAt(hit.chain, 'heading-topic', [hit.word], section.title, hit.sense!.sense);
}

/**
 * A document whose measure, told right after it in its sentence, pays fiscal money (出台《…产业发展扶持办法》（肇高管〔2022〕12号），
 * 对企业研发投入给予最高500万元补助 · 落实《…管理办法（试行）》（…，以下简称《办法》），对经认定的概念验证中心…给予最高200万元补助):
 * it puts money into that work (资金链). Only up to the next document or the next ；: the measure is this one's.
 */
/** How far after a document its measure may be told: its number and short name in brackets, then one clause. */
const PAYS_WINDOW = 120;

export function paysLinks(context: TieContext, links: Links, sentence: Sentence, mention: Mention): void {
  const { reading } = context;
  const text = reading.text;
  // A window of the clauses right after it, not the rest of its sentence: a line of 20,000 titles is read once per title.
  const window = text.slice(mention.end, Math.min(sentence.end, mention.end + PAYS_WINDOW));
  const after = window.split('；')[0];
  const pays = PAYS.exec(after);
  if (!pays) return;
  // Its number and short name in brackets are its own; the measure is the clause right after it, with no other
  // document before (落实《…》，实施“瓷都工匠”培育工程，…，对获评人员给予一次性奖励 is the programme's money).
  const between = after.slice(0, pays.index).replace(/[（(][^（）()]*[）)]/g, '');
  if (/[《、和与及，,]/.test(between)) return;
  links.addAt('资金链', 'next-clause', [pays[1]], sentence);
  // …and works on what it pays for (对企业研发投入给予…补助 → 研发).
  const from = mention.end + pays.index;
  for (const hit of reading.vocabulary.hits(text, from, from + pays[0].length))
    if (hit.sense !== null && counts(hit) && !hit.sense.weak && hit.sense.only === null && hit.chain !== '资金链')
      links.addAt(hit.chain, 'next-clause', [hit.word], sentence, hit.sense.sense);
}

/**
 * Money for technology: under a heading of 科技金融 (（三）科技金融逐步深化 · （四）深化科技金融 · （六）强化科技金融服务), a
 * fund or loan product on 资金链 by its own name (“常科贷” · 常德市天使投资引导基金) serves innovation (创新链) — the heading
 * says whom it serves. Not the banks and guarantors under it: a lender is judged by where its own clause sends the credit.
 */
export function techFinanceLinks(context: TieContext, links: Links, sentence: Sentence): void {
  const { reading } = context;
  const letter = reading.letter;
  // A heading that names its chains (以科技金融融合发展为核心…驱动产业链和资金链协同创新) has said which: its words add none.
  if (sentence.section === null || !links.hasByName('资金链') || chainHeadingOf(letter, context.headings, sentence))
    return;
  const title = letter.sections[sentence.section].title;
  const finance = TECH_FINANCE.exec(reading.text.slice(title.start, title.end));
  if (finance) links.addAt('创新链', 'heading-topic', [finance[0]], title);
}
