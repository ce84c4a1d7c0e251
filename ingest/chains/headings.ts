import type { ChainName } from '../../domain/model.ts';
import type { ParsedLetter, Sentence } from '../parse/parse-letter.ts';
import type { Section } from '../parse/sections.ts';
import type { Coverage } from './clauses.ts';
import {
  CHAIN_SERVING,
  CHAINS_SIDE_BY_SIDE,
  DOCUMENT_HEAD,
  HEADING_LEVER,
  JOINING_AFTER,
  SERVING_VERB,
} from './grammar.ts';
import type { ChainVocabulary, Hit, Sense } from './vocabulary.ts';

/**
 * A heading that names chains: （二）以大孵化集群战略为牵引，完善科教融汇机制，推动创新链和产业链精准对接。
 * What it names holds for its lever (大孵化集群) and for the things under it whose
 * own sentence does the heading's work; a thing that only sits under it inherits nothing.
 */
export interface ChainHeading {
  section: number;
  chains: ChainName[];
  /** The part of the heading that names the chains: the evidence of its ties. */
  start: number;
  end: number;
  /** The means the heading names (以…为牵引 · 依托…): a thing named there is its lever. */
  levers: Array<{ start: number; end: number; text: string }>;
  /** Weak senses the heading itself speaks of (突出企业创新主体地位 → firms): under it their words count. */
  senses: Set<Sense>;
  /**
   * What the heading says one chain's matter does for another's (加强金融赋能科技企业发展: finance → firms):
   * a thing on the serving chain by its own name does that work, so it is on the served chain too.
   */
  serves: Array<{ from: ChainName; to: ChainName; word: string }>;
  /**
   * Two chains the heading joins (推动创新链和产业链精准对接 · 强化产业链和人才链融合发展): work that by its nature
   * carries one chain's matter into the other's (technology transfer, industry-education integration) does its work.
   */
  joins: Array<[ChainName, ChainName]>;
}

/**
 * The chain headings of a letter, by section. A section's heading runs over the
 * numbered line up to its first 一是 (（五）以科技金融融合发展为核心。加强金融赋能科技企业发展，驱动产业链和资金链协同创新。);
 * only its first sentences that name no thing are the heading — in a report
 * paragraph the rest of the line is its body.
 */
export function chainHeadings(letter: ParsedLetter, names: Coverage, vocabulary: ChainVocabulary): ChainHeading[] {
  const headings: ChainHeading[] = [];
  for (const section of letter.sections) {
    const span = headingPart(letter.text, section, names);
    const hits = vocabulary.hits(letter.text, span.start, span.end);
    const chains = [...new Set(hits.filter((h) => h.sense === null).map((h) => h.chain))];
    if (chains.length === 0) continue;
    const senses = new Set(hits.filter((h) => h.sense?.weak).map((h) => h.sense!));
    const joins = joinsIn(letter.text, hits);
    const serves = [...servesIn(letter.text, hits, chains), ...meansJoined(joins)];
    headings[section.index] = {
      section: section.index,
      chains,
      ...span,
      levers: leversIn(letter.text, span),
      senses,
      serves,
      joins,
    };
  }
  return headings;
}

function headingPart(text: string, section: Section, names: Coverage): { start: number; end: number } {
  const { start, end } = section.heading;
  let to = section.title.end;
  while (to < end) {
    let stop = to + 1;
    while (stop < end && text[stop] !== '。') stop++;
    if (names.firstIn(to, stop)) break;
    to = Math.min(end, stop + 1);
  }
  return { start, end: Math.max(to, section.title.end) };
}

function leversIn(text: string, span: { start: number; end: number }): ChainHeading['levers'] {
  const heading = text.slice(span.start, span.end);
  const levers: ChainHeading['levers'] = [];
  for (const pattern of HEADING_LEVER)
    for (const match of heading.matchAll(pattern)) {
      const lever = match.groups!.lever;
      const start = span.start + match.index! + match[0].indexOf(lever);
      levers.push({ start, end: start + lever.length, text: lever });
    }
  return levers;
}

/** 创新链和产业链精准对接 · 产业链和人才链融合发展: two chains named side by side, then a word of joining. */
function joinsIn(text: string, hits: Hit[]): ChainHeading['joins'] {
  const joins: ChainHeading['joins'] = [];
  const named = hits.filter((h) => h.sense === null);
  for (let i = 0; i + 1 < named.length; i++) {
    const [a, b] = [named[i], named[i + 1]];
    if (a.chain === b.chain || !CHAINS_SIDE_BY_SIDE.test(text.slice(a.end, b.start))) continue;
    if (JOINING_AFTER.test(text.slice(b.end, b.end + 8))) joins.push([a.chain, b.chain]);
  }
  return joins;
}

/**
 * Money and people are means another chain's work is done with: a heading that joins 资金链 or 人才链 with another
 * chain (促进资金链与创新链融合 · 深化人才链与产业链融合) says that its funds, loans and talent schemes go into that chain's
 * work, so a thing on the means' chain by its own name (“低空科创贷” · “钛谷英才”计划) serves the other.
 */
const MEANS_CHAINS: ReadonlySet<ChainName> = new Set<ChainName>(['资金链', '人才链']);

function meansJoined(joins: ChainHeading['joins']): ChainHeading['serves'] {
  const serves: ChainHeading['serves'] = [];
  for (const [a, b] of joins)
    for (const [from, to] of [
      [a, b],
      [b, a],
    ])
      if (MEANS_CHAINS.has(from) && !MEANS_CHAINS.has(to)) serves.push({ from, to, word: to });
  return serves;
}

/** X赋能Y · X服务Y · X支持Y · X助力Y within one clause of the heading, Y on a chain the heading names. */
function servesIn(text: string, hits: Hit[], chains: ChainName[]): ChainHeading['serves'] {
  const serves: ChainHeading['serves'] = [];
  // Two chains named, one serving the other (推动资金链服务创新链 · 畅通资金链，服务创新链).
  const named = hits.filter((h) => h.sense === null);
  for (let i = 0; i + 1 < named.length; i++) {
    const [server, served] = [named[i], named[i + 1]];
    if (server.chain !== served.chain && CHAIN_SERVING.test(text.slice(server.end, served.start)))
      serves.push({ from: server.chain, to: served.chain, word: served.word });
  }
  const words = hits.filter((h) => h.sense !== null);
  for (const server of words)
    for (const served of words) {
      if (served.start <= server.end || served.chain === server.chain || !chains.includes(served.chain)) continue;
      const between = text.slice(server.end, served.start);
      if (SERVING_VERB.test(between) && !/[，。；]/.test(between))
        serves.push({ from: server.chain, to: served.chain, word: served.word });
    }
  return serves;
}

/** The nearest heading above a sentence that names chains (the innermost decides). */
export function chainHeadingOf(
  letter: ParsedLetter,
  headings: ChainHeading[],
  sentence: Sentence,
): ChainHeading | null {
  for (let s = sentence.section; s !== null; s = letter.sections[s].parent) if (headings[s]) return headings[s];
  return null;
}

/** The item (一是…) section whose title holds [start, end), when it stands under a chain heading: its title names its lever. */
export function itemTitleHolding(
  letter: ParsedLetter,
  headings: ChainHeading[],
  sentence: Sentence,
  start: number,
  end: number,
): { heading: ChainHeading; title: { start: number; end: number; text: string } } | null {
  if (sentence.section === null) return null;
  const section = letter.sections[sentence.section];
  if (section.markerType !== 'item' || start < section.title.start || end > section.title.end) return null;
  for (let s = section.parent; s !== null; s = letter.sections[s].parent)
    if (headings[s]) return { heading: headings[s], title: section.title };
  return null;
}

/**
 * The item (一是推进科技条例落地落实。) under a chain heading whose title names a document of its body by the
 * document's head (条例 → 《温州市民营企业科技创新促进条例》): the document is the item's lever, as if named in the title.
 */
export function itemTitleNaming(
  letter: ParsedLetter,
  headings: ChainHeading[],
  sentence: Sentence,
  name: string,
): { heading: ChainHeading; title: { start: number; end: number; text: string }; head: string } | null {
  if (sentence.section === null) return null;
  const section = letter.sections[sentence.section];
  const head = DOCUMENT_HEAD.exec(name)?.[0];
  if (section.markerType !== 'item' || !head || !section.title.text.includes(head)) return null;
  for (let s = section.parent; s !== null; s = letter.sections[s].parent)
    if (headings[s]) return { heading: headings[s], title: section.title, head };
  return null;
}
