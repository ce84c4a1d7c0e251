import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGoldDir } from '../../ingest/eval/gold.ts';
import { addTally, ENTITY_KINDS, f1, scoreLetter, type Tally } from '../../ingest/eval/score.ts';
import { graphOfTexts } from '../helpers/extract.ts';

/**
 * Letters written for this project in layouts and wordings the rules had not met (portal tables padded with
 * spaces, labels on their own lines, a 会办意见, a party's sector as proposer, a letter flattened onto one
 * line, an unclosed 《), each with its annotation written before extraction was first run on it
 * (tests/fixtures/written-blind/README.md gives the first readings). Scored as the shared judge scores:
 * entities and commitments, and the header fields the annotation fills.
 */
const DIR = fileURLToPath(new URL('../fixtures/written-blind/', import.meta.url));
const texts = Object.fromEntries(
  readdirSync(`${DIR}texts`)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(`${DIR}texts/${f}`, 'utf8')]),
);

/**
 * Each round at the F1 it reaches after the rules its misses led to (README of the fixtures: first readings 0.878,
 * 0.896, 0.857, 0.951, 0.922, 0.915), never below what was measured: round 3 keeps one miss (0.992), round 5 one gold
 * convention (500万元 as 万元) (0.992 since round 7's headings rule); round 6 (g) reaches 0.981 after its rules and
 * the short forms of round 7's session (three names without a known suffix still missed, two categories read as
 * names); round 7 (h, first reading 0.864) reaches 0.974 after the rules its misses led to (names without a known
 * suffix and two categories left: the README's table); round 8 (i, first reading 0.914, held out until this session)
 * reaches 0.974 after the rules its misses led to. Round 9 (j, written blind by author9, first reading 0.906 with one
 * header field missed: j4's proposer, a Mongolian name without a surname) and round 10 (k, written blind by author10
 * as letters come off portals, page chrome and all; first reading 0.927, 0.935 with round 8's rules), held out until
 * the session of 8 December, reach 0.974 and 0.982 read alone after the rules their misses led to (a page's measure
 * under its chrome, fields of industry, divisions, a firm's head and trade word, banners' bodies, units, a zone's
 * short name inside longer names, a level and 以上 opening a class); j4's proposer is still missed. Issue 20's rules of
 * the same session (kinds of site after a verb of building or a count, a name's left edge past 协同创新 and a number split off
 * a place's word, a zone serving as a platform) bring g to 0.992 and i to 0.985 read with rounds b–k. Round 11 (l,
 * written blind by
 * author11 on 8 December: a WeChat post, a task table, a proposal page of the CPPCC site; held out: no rule is written
 * on it, and the engineers writing rules do not open it) stands at its first reading, 0.886 read with the other rounds
 * (0.888 alone), two header fields missed.
 */
const ROUND_BARS: Record<string, number> = {
  b: 1.0,
  c: 1.0,
  d: 0.99,
  e: 1.0,
  f: 0.99,
  g: 0.99,
  h: 0.975,
  i: 0.98,
  j: 0.97,
  k: 0.98,
  l: 0.88,
};
/** Filled header fields a round may still miss, never more than measured (none for round 7 since its seconders named in the body are read; none for round 8 since those who signed jointly, i1's 联名人 and i3's members, are; round 9's j4's proposer, a Mongolian name without a surname; round 11's l3 second member, named only in the body, and l6's cc under its full name). */
const HEADER_MISSES: Record<string, number> = { j: 1, l: 2 };

describe('letters written blind, in layouts the rules were not written on', () => {
  it('reads every letter, scores each round at its bar and every filled header field, and stores no lead unit as a proposer', async () => {
    const golds = await readGoldDir(`${DIR}gold`);
    const graph = graphOfTexts(texts);
    const rounds = new Map<string, Tally>();
    const headerMissed = new Map<string, number>();
    const misses: string[] = [];
    for (const gold of golds) {
      const score = scoreLetter(gold, graph);
      expect(score, `${gold.file} is read`).not.toBeNull();
      const round = gold.file[0];
      let total = rounds.get(round) ?? { gold: 0, found: 0, matched: 0 };
      for (const kind of ENTITY_KINDS) total = addTally(total, score!.kinds[kind]);
      rounds.set(round, addTally(total, score!.commitments));
      headerMissed.set(round, (headerMissed.get(round) ?? 0) + score!.filled.fields - score!.filled.correct);
      misses.push(...score!.misses.map((m) => `${gold.file} missed ${m.kind}:${m.name}`));
      misses.push(...score!.extras.map((m) => `${gold.file} extra ${m.kind}:${m.name}`));
    }
    expect([...rounds.keys()].sort()).toEqual(Object.keys(ROUND_BARS).sort());
    for (const [round, total] of rounds)
      expect(f1(total).f1, `round ${round}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(ROUND_BARS[round]);
    for (const [round, missed] of headerMissed)
      expect(missed, `round ${round}: filled header fields missed`).toBeLessThanOrEqual(HEADER_MISSES[round] ?? 0);
    // A co-handling opinion's addressee (the lead unit) is never a proposer: the body names who proposed it.
    const opinions = graph.nodes.filter((n) => n.kind === 'Letter' && /(?:会办|协办)意见/.test(String(n.props.text)));
    expect(opinions.length).toBeGreaterThanOrEqual(2);
    for (const opinion of opinions) {
      const gold = golds.find((g) => g.file === opinion.props.source)!;
      const proposal = graph.edges.find((e) => e.source === opinion.id && e.type === 'ANSWERS')!.target;
      const proposers = graph.edges
        .filter((e) => e.source === proposal && e.type === 'PROPOSED_BY')
        .map((e) => graph.nodes.find((n) => n.id === e.target)!.name);
      // Every proposer read is one the annotation names (never the lead unit), and at least one is read; a proposer
      // missed is a filled header field missed, counted against HEADER_MISSES above (j4's Mongolian name).
      const named = gold.letter.proposers.map((p) => p.name);
      expect(proposers.length, String(opinion.props.source)).toBeGreaterThan(0);
      expect(named, String(opinion.props.source)).toEqual(expect.arrayContaining(proposers));
    }
  });
});
