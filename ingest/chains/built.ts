import type { Sentence } from '../parse/parse-letter.ts';
import type { Clause } from './clauses.ts';
import { BUILD_GAP, DIRECTIVE_CLAUSE, PURPOSE_OPENING, TECHNOLOGY_TITLE, TITLE_EARNED } from './grammar.ts';
import { type Links, type TieContext } from './links.ts';
import type { Hit } from './vocabulary.ts';

/** How many names after a thing its builder's gap may run over (the partners of a long list). */
const MAX_NAMES_ON = 8;

/**
 * What a thing builds or launches with others, as the clause goes on from it: 联合西南大学、重庆文理学院共建永川数字农业研究院
 * (both schools build a research institute) · 跨通供应链与义乌工商职业技术学院共建义乌跨境电商人才实训中心 · 联合富滇银行红河分行推出
 * “红科贷”产品 · 依托漳州市医院建设漳州市医学创新转化中心. The builder works on what the built thing is: the chain word its
 * name ends in (研究院, 贷, 产业园), or the last one it holds (…人才实训中心 → 实训).
 */
export function builtLinks(context: TieContext, links: Links, from: number, clause: Clause): void {
  const { reading } = context;
  const text = reading.text;
  let skeleton = '';
  let at = from;
  for (let n = 0; n < MAX_NAMES_ON; n++) {
    const name = reading.names.firstIn(at, clause.end);
    if (!name) return;
    skeleton += text.slice(at, name.start);
    // A short name declared in brackets (（以下简称“恒源变压器”）) is part of the thing, not a partner.
    const gap = skeleton.replace(/[（(][^（）()]*[）)]/g, '').replace(/[“"《「『]+$/, '');
    if (BUILD_GAP.test(gap)) {
      const words = reading.vocabulary
        .hits(text, name.start, name.end)
        .filter((h) => h.sense !== null && !h.sense.weak && h.sense.only === null);
      const last = words.at(-1);
      const built = text.slice(name.start, name.end);
      const heads = words.filter((h) => last && h.start === last.start);
      // A head whose work carries its chain into another (实训: training for firms' jobs) takes that chain too when the
      // name names it (六盘水新能源产教融合实训基地 · 义乌跨境电商人才实训中心).
      const joined = heads.flatMap((h) => words.filter((w) => w !== h && w.chain === h.sense!.joins));
      for (const hit of [...heads, ...joined])
        links.addAt(hit.chain, 'object-head', [built, hit.word], clause, hit.sense!.sense);
      return;
    }
    skeleton += 'N';
    at = name.end;
  }
}

/**
 * A clause of the sentence, other than the thing's own, that says which one to three chains the sentence's work
 * joins (…实施跨境电商万人培训计划，…，推动人才链与产业链有效衔接): the things doing that work are on those chains.
 * It names no thing itself, and no more than three chains (推动创新链产业链资金链人才链深度融合 is the slogan).
 */
export function purposeLinks(context: TieContext, links: Links, sentence: Sentence, own: Clause): void {
  const { reading } = context;
  // A document followed (结合《…》精神) is the frame of the work, not one doing it.
  if (DIRECTIVE_CLAUSE.test(reading.text.slice(own.start, own.end))) return;
  const clauses = reading.clauses.within(sentence.start, sentence.end);
  for (const clause of clauses) {
    if (clause.index === own.index || reading.names.firstIn(clause.start, clause.end)) continue;
    // Before the thing, only the sentence's opening clause says what its work joins (推动资金链与创新链、产业链精准对接，到2025年…);
    // a purpose set inside a longer opening (为提升…，实现创新链与产业链深度融合，结合《…》精神，…发布了…) is the frame of another's work.
    if (clause.index < own.index && clause !== clauses[0]) continue;
    if (!PURPOSE_OPENING.test(reading.text.slice(clause.start, clause.end).trimStart())) continue;
    const named = reading.factsOf(clause).free.filter((h) => h.sense === null);
    const chains = new Set(named.map((h) => h.chain));
    if (chains.size === 0 || chains.size > 3) continue;
    for (const hit of named) links.addAt(hit.chain, 'frame-chain', [hit.word], clause);
  }
}

/**
 * The title a thing earns in its clause, after it or the list it stands in (田园优品、竹韵生态等企业入选市级科技型企业): a title
 * naming technology makes it one of the innovative firms its words count (科技型企业, 高新技术企业 — words that count only in
 * a thing's own name or a commitment, never as firms served).
 */
export function earnedTitles(context: TieContext, clause: Clause, start: number, end: number): Hit[] {
  const { reading } = context;
  const { items } = reading.factsOf(clause);
  const inList = items.length > 0 && items[0].start <= start && end <= items.at(-1)!.end;
  const after = inList ? Math.max(end, items.at(-1)!.end) : end;
  const earned = TITLE_EARNED.exec(reading.text.slice(after, clause.end));
  if (!earned) return [];
  return reading.vocabulary
    .hits(reading.text, after + earned[0].length, clause.end)
    .filter((h) => h.sense?.only === 'own' && TECHNOLOGY_TITLE.test(h.word));
}
