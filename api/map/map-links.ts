import type { MapThing } from './map-model.ts';

/**
 * The ties between things the map is built on. Two things named in the body
 * of the same letter are tied, by as many letters as name both; a sentence
 * that states a link (SUPPORTS, PART_OF) ties them more firmly. A letter that
 * names 20 things makes 190 pairs, so at 10,000 letters there are some
 * 650,000: each thing keeps only its strongest few (strongestLinks), by the
 * share of their letters they have in common (cosine: shared / √(a × b)), so a
 * thing named twice, both times beside a rare platform, is tied to that
 * platform rather than to the hub every letter names.
 */
export interface Pair {
  a: number;
  b: number;
  /** Letters naming both in their body. */
  letters: number;
  stated: 'supports' | 'part-of' | null;
}
export interface WeightedPair extends Pair {
  weight: number;
}

/** Every pair of things named in the same letter body, keyed a × n + b (a < b), and each thing's count of partners. */
export function togetherPairs(things: MapThing[]): { pairs: Map<number, Pair>; degree: number[]; count: number } {
  const n = things.length;
  const byLetter = new Map<string, number[]>();
  things.forEach((thing, i) => {
    for (const letter of new Set(thing.letters)) {
      const list = byLetter.get(letter);
      if (list) list.push(i);
      else byLetter.set(letter, [i]);
    }
  });
  const pairs = new Map<number, Pair>();
  for (const members of byLetter.values()) {
    members.sort((a, b) => a - b);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const key = members[i] * n + members[j];
        const pair = pairs.get(key);
        if (pair) pair.letters++;
        else pairs.set(key, { a: members[i], b: members[j], letters: 1, stated: null });
      }
  }
  const degree = new Array<number>(n).fill(0);
  for (const p of pairs.values()) {
    degree[p.a]++;
    degree[p.b]++;
  }
  return { pairs, degree, count: pairs.size };
}

/** A stated link weighs as much as sharing every letter; a co-mention by the share of letters in common. */
export function tieWeight(pair: Pair, letters: readonly number[]): number {
  const shared = pair.letters / Math.sqrt(Math.max(1, letters[pair.a]) * Math.max(1, letters[pair.b]));
  return pair.stated ? 1 + shared : shared;
}

/** The union of each thing's `ties` strongest pairs (ties broken by more letters, then by index: deterministic). */
export function strongestLinks(
  pairs: Map<number, Pair>,
  letters: readonly number[],
  n: number,
  ties: number,
): WeightedPair[] {
  const best: WeightedPair[][] = Array.from({ length: n }, () => []);
  const better = (p: WeightedPair, q: WeightedPair) =>
    p.weight - q.weight || p.letters - q.letters || q.a - p.a || q.b - p.b;
  const offer = (i: number, pair: WeightedPair) => {
    const list = best[i];
    if (list.length < ties) {
      list.push(pair);
      return;
    }
    // Replace the weakest when this one is stronger (lists are short: a scan is as fast as a heap).
    let weakest = 0;
    for (let k = 1; k < list.length; k++) if (better(list[k], list[weakest]) < 0) weakest = k;
    if (better(pair, list[weakest]) > 0) list[weakest] = pair;
  };
  for (const pair of pairs.values()) {
    const weighted = { ...pair, weight: tieWeight(pair, letters) };
    offer(pair.a, weighted);
    offer(pair.b, weighted);
  }
  const kept = new Map<number, WeightedPair>();
  for (const list of best) for (const p of list) kept.set(p.a * n + p.b, p);
  // Every stated link is drawn: it is what a sentence says, not a statistic.
  for (const [key, p] of pairs) if (p.stated && !kept.has(key)) kept.set(key, { ...p, weight: tieWeight(p, letters) });
  return [...kept.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}
