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
  return strongestLinksAt(pairs, letters, n, [ties])[0];
}

/**
 * strongestLinks for several counts of ties at once (the layout's 8, the drawing's 3): a thing's 3 strongest are the
 * first 3 of its 8, so the 650,000 pairs of 10,000 letters are weighed and offered once. Each thing's list remembers
 * its weakest entry, so an offer weaker than that (most of them) is turned away without a scan.
 */
export function strongestLinksAt(
  pairs: Map<number, Pair>,
  letters: readonly number[],
  n: number,
  counts: readonly number[],
): WeightedPair[][] {
  const all = [...pairs.values()];
  const weight = new Float64Array(all.length);
  all.forEach((p, q) => (weight[q] = tieWeight(p, letters)));
  // > 0: pair q is stronger than pair s.
  const better = (q: number, s: number) =>
    weight[q] - weight[s] || all[q].letters - all[s].letters || all[s].a - all[q].a || all[s].b - all[q].b;
  const most = Math.max(0, ...counts);
  const best: number[][] = Array.from({ length: n }, () => []);
  const weakest = new Int32Array(n);
  const offer = (i: number, q: number) => {
    const list = best[i];
    if (list.length < most) {
      list.push(q);
      if (list.length === most) weakest[i] = weakestOf(list, better);
      return;
    }
    if (most === 0 || better(q, list[weakest[i]]) <= 0) return;
    list[weakest[i]] = q;
    weakest[i] = weakestOf(list, better);
  };
  for (let q = 0; q < all.length; q++) {
    offer(all[q].a, q);
    offer(all[q].b, q);
  }
  for (const list of best) list.sort((q, s) => better(s, q));
  return counts.map((ties) => {
    const kept = new Map<number, WeightedPair>();
    const keep = (q: number) => {
      const p = all[q];
      if (!kept.has(p.a * n + p.b)) kept.set(p.a * n + p.b, { ...p, weight: weight[q] });
    };
    for (const list of best) for (let k = 0; k < Math.min(ties, list.length); k++) keep(list[k]);
    // Every stated link is drawn: it is what a sentence says, not a statistic.
    for (let q = 0; q < all.length; q++) if (all[q].stated) keep(q);
    return [...kept.values()].sort((p, q) => p.a - q.a || p.b - q.b);
  });
}

function weakestOf(list: number[], better: (q: number, s: number) => number): number {
  let at = 0;
  for (let k = 1; k < list.length; k++) if (better(list[k], list[at]) < 0) at = k;
  return at;
}
