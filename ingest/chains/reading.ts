import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';
import { type Clause, ClauseIndex, Coverage } from './clauses.ts';
import { BUILDS_NEXT, BUILT_AFTER, CONTEXT_BEFORE, PARTNER_BEFORE, VERB_AFTER_LIST } from './grammar.ts';
import { type ChainVocabulary, type Hit, VOCABULARY } from './vocabulary.ts';

/**
 * What the chain stage reads of one letter, each part once: its clauses, the
 * spans its things' names cover, and for each clause the chain words that
 * belong to no thing's name and to no item of a list — the words a thing
 * standing in that clause may take as its own. Clause facts are computed when
 * first asked for and kept, so a clause of 20,000 titles is read once, not
 * once per title.
 */
export interface ListItem {
  start: number;
  end: number;
  /** The chain words inside the item, outside any thing's name. */
  hits: Hit[];
}

export interface ClauseFacts {
  clause: Clause;
  /** Words outside every name and every list item: the clause's own predicate and objects. */
  free: Hit[];
  /** The free words and those of the list's last item. */
  shared: Hit[];
  /** A thing stands in the clause other than as its frame (not after 围绕, 对准, 根据 …). */
  actor: boolean;
  /** The chain words that end a thing's name in the clause: its head (数据实验室 → 实验室). */
  heads: Hit[];
  /** The items of a 、 list in the clause (none without a list): a word in one item is not its neighbour's. */
  items: ListItem[];
}

// A list ends at 等 (科技特派员、科技副总、科技轻骑队、科技特派团等专项行动), not at the 等 of a word
// (…职业技术学院开展陶瓷职业技能等级认定: 等级 · 等同 · 等待 · 等候).
const LIST_END = '等';
const NOT_LIST_END_AFTER = /[级同待候]/;
const OPENERS = '“"「『《〈（(';
const CLOSERS = '”"」』》〉）)';

export class ChainReading {
  readonly clauses: ClauseIndex;
  readonly names: Coverage;
  private readonly facts = new Map<number, ClauseFacts>();
  private readonly sentenceClauses = new Map<number, ClauseFacts[]>();

  /** The spans of the letter's achievements: a clause that reports one is a line of a report, not an action going on. */
  readonly figures: Coverage;
  /** The spans of the letter's commitments: the targets of the work a clause before names. */
  readonly commitments: Coverage;

  constructor(
    readonly letter: ParsedLetter,
    names: Array<{ start: number; end: number }>,
    readonly vocabulary: ChainVocabulary = VOCABULARY,
    figures: Array<{ start: number; end: number }> = [],
    commitments: Array<{ start: number; end: number }> = [],
  ) {
    this.clauses = new ClauseIndex(letter.text);
    this.names = new Coverage(names);
    this.figures = new Coverage(figures);
    this.commitments = new Coverage(commitments);
  }

  get text(): string {
    return this.letter.text;
  }

  factsOf(clause: Clause): ClauseFacts {
    let facts = this.facts.get(clause.index);
    if (!facts) this.facts.set(clause.index, (facts = this.readClause(clause)));
    return facts;
  }

  /**
   * The words a thing at [start, end) may take from its clause: the free ones and, when it stands in a list,
   * those of its own item only; outside the list, the list is what it does or holds (成为…产业培育地、技术创新策源地…).
   */
  ownHits(clause: Clause, start: number, end: number): Hit[] {
    const facts = this.factsOf(clause);
    const item = itemHolding(facts.items, start, end);
    if (item) return [...facts.free, ...item.hits.filter((h) => h.end <= start || h.start >= end)];
    return facts.items.length > 0 ? [...facts.free, ...facts.items.flatMap((i) => i.hits)] : facts.free;
  }

  /**
   * The heads of the names after a thing in its clause, outside its list: what it builds or runs
   * (支持数安港布局建设“数据实验室” → 实验室).
   */
  objectHeads(clause: Clause, start: number, end: number): Hit[] {
    const facts = this.factsOf(clause);
    // Its list's other items are its neighbours, not its objects (新城智谷、数字经济产业园等项目).
    const item = itemHolding(facts.items, start, end);
    const after = item ? Math.max(end, facts.items.at(-1)!.end) : end;
    return facts.heads.filter((h) => h.start >= after);
  }

  /**
   * The words a thing may take from its whole sentence: in its own clause the free words and its own
   * item's; in the other clauses that name no thing, the free words and those of a list's last item,
   * where a head the items share stands (支持天使轮、种子期、初创期、成长期科技企业发展).
   */
  sentenceHits(sentence: Sentence, start: number, end: number): Hit[] {
    let clauses = this.sentenceClauses.get(sentence.index);
    if (!clauses) {
      clauses = this.clauses.within(sentence.start, sentence.end).map((c) => this.factsOf(c));
      this.sentenceClauses.set(sentence.index, clauses);
    }
    const own = this.clauses.at(start);
    // A clause with a thing acting in it speaks of that thing (深入推进助企惠民“十件实事”): its words stay
    // there. One whose things only frame it (指导职业院校对准我市“5+5+N”产业优化专业设置) does not.
    return clauses.flatMap((facts) =>
      facts.clause === own ? this.ownHits(own, start, end) : facts.actor ? [] : facts.shared,
    );
  }

  private readClause(clause: Clause): ClauseFacts {
    const hits = this.vocabulary
      .hits(this.text, clause.start, clause.end)
      .filter((h) => !h.sense?.only && !this.names.holding(h.start, h.end));
    const items = this.listItems(clause);
    const free: Hit[] = [];
    for (const hit of hits) {
      const item = itemHolding(items, hit.start, hit.end);
      (item ? item.hits : free).push(hit);
    }
    const shared = items.length > 0 ? [...free, ...items.at(-1)!.hits] : free;
    let actor = false;
    const heads: Hit[] = [];
    for (
      let name = this.names.firstIn(clause.start, clause.end);
      name;
      name = this.names.firstIn(name.end, clause.end)
    ) {
      const lead = this.text.slice(Math.max(clause.start, name.start - 12), name.start).replace(/[“"《「『]+$/, '');
      if (!CONTEXT_BEFORE.test(lead)) actor = true;
      // A partner (正与鹏城实验室联合推进…) is not what the thing builds or runs.
      if (PARTNER_BEFORE.test(lead)) continue;
      const words = this.vocabulary
        .hits(this.text, name.start, name.end)
        .filter((h) => h.sense !== null && !h.sense.weak && h.sense.only !== 'name');
      const head = words.filter((h) => h.end === name!.end);
      // A name that builds the next one (推动西江…研究院建设动力电池检测公共服务平台) is the builder pushed, not the object.
      if (BUILDS_NEXT.test(this.text.slice(name.end, clause.end)) && this.names.firstIn(name.end, clause.end)) continue;
      // A name that does not end in a chain word, built there (支持国际云软件谷核心区内大孵化集群建设), is what its words are.
      heads.push(...(head.length > 0 ? head.slice(-1) : BUILT_AFTER.test(this.text.slice(name.end)) ? words : []));
    }
    return { clause, free, shared, items, actor, heads };
  }

  /**
   * The items of the clause's 、 list: every part between two 、, the first part
   * from its first name on (a verb may open it: 开展科技特派员、…), the last part up
   * to 等 or to the end of its first name (…、行业企业等深化… goes on with the shared work).
   */
  private listItems(clause: Clause): ListItem[] {
    const text = this.text;
    const cuts: number[] = [];
    let depth = 0;
    for (let i = clause.start; i < clause.end; i++) {
      const c = text[i];
      if (OPENERS.includes(c) && !(c === '"' && depth > 0)) depth++;
      else if (CLOSERS.includes(c) && depth > 0) depth--;
      else if (c === '、' && depth === 0) cuts.push(i);
    }
    if (cuts.length === 0) return [];
    const items: ListItem[] = [];
    // The first item starts at the segment's first name, unless a verb follows that name: then the name is the
    // clause's subject and the list its object (推动“一港五谷”成为|未来新兴产业培育地、技术创新策源地…).
    const first = this.names.firstIn(clause.start, cuts[0]);
    let firstStart = first ? first.start : clause.start;
    if (first) {
      const verb = VERB_AFTER_LIST.exec(text.slice(first.end, cuts[0]));
      if (verb) firstStart = first.end + verb.index + verb[0].length;
    }
    items.push({ start: firstStart, end: cuts[0], hits: [] });
    for (let k = 1; k < cuts.length; k++) items.push({ start: cuts[k - 1] + 1, end: cuts[k], hits: [] });
    const lastStart = cuts.at(-1)! + 1;
    let etc = lastStart;
    while (etc < clause.end && (text[etc] !== LIST_END || NOT_LIST_END_AFTER.test(text[etc + 1] ?? ''))) etc++;
    let lastEnd = clause.end;
    const name = this.names.firstIn(lastStart, clause.end);
    if (etc < clause.end) lastEnd = etc + 1;
    else if (name && /^[“"「『《]*$/.test(text.slice(lastStart, name.start).trim())) {
      lastEnd = name.end;
      while (lastEnd < clause.end && CLOSERS.includes(text[lastEnd])) lastEnd++;
    } else {
      const verb = VERB_AFTER_LIST.exec(text.slice(lastStart, clause.end));
      if (verb) lastEnd = lastStart + verb.index;
    }
    items.push({ start: lastStart, end: lastEnd, hits: [] });
    return items;
  }
}

/** The list item (items are in text order, disjoint) that holds [start, end), by binary search. */
function itemHolding(items: ListItem[], start: number, end: number): ListItem | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end < end) lo = mid + 1;
    else if (items[mid].start > start) hi = mid - 1;
    else return items[mid];
  }
  return undefined;
}
