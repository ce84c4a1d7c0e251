import { describe, expect, it } from 'vitest';
import { coreOf, variantRule, type Variant, variantsIn } from '../../ingest/resolve/variants.ts';
import { isGenericName } from '../../ingest/extract/generic.ts';

/** variantsIn as it was written first: every pair of a place's names compared (quadratic, plainly right). */
function everyPair(names: string[]): Variant[] {
  const cores = [...new Set(names)]
    .map((name) => ({ name, ...coreOf(name) }))
    .filter((n) => n.core.length >= 6 && !isGenericName(n.core));
  const found: Variant[] = [];
  for (const short of cores) {
    const longer = cores.filter(
      (c) =>
        c.name !== short.name &&
        c.core.length >= short.core.length &&
        (!c.place || !short.place || c.place === short.place),
    );
    const matches = longer.map((c) => ({ c, r: variantRule(short, c) })).filter((x) => x.r !== null);
    if (new Set(matches.map(({ c }) => `${c.place}|${c.core}`)).size !== 1) continue;
    for (const { c, r } of matches) {
      if (r === 'bracket' && c.core.length === short.core.length && c.name.length < short.name.length) continue;
      found.push({ kind: 'Platform', name: short.name, of: c.name, rule: r! });
    }
  }
  return found;
}

/** A small deterministic random source, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('variants found by index', () => {
  // Names built to meet every rule: places before them, brackets, a character dropped, one name ending another.
  const places = ['', '南江市', '北岭县', '东川区', '全市'];
  const words = ['科技', '成果', '转化', '联合', '办公室', '创新', '服务', '中心', '孵化', '平台', '校（院）', '地'];
  it.each([1, 2, 3, 4, 5])('give what comparing every pair gives (seed %i)', (seed) => {
    const next = random(seed);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const names: string[] = [];
    for (let i = 0; i < 300; i++) {
      const base = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(words)).join('');
      const name = pick(places) + base;
      names.push(name);
      const chars = [...base];
      if (next() < 0.4) chars.splice(Math.floor(next() * chars.length), 1);
      if (next() < 0.4) chars.splice(0, Math.floor(next() * 3));
      names.push(pick(places) + chars.join(''));
    }
    const expected = everyPair(names);
    expect(expected.length).toBeGreaterThan(20);
    expect(variantsIn('Platform', names)).toEqual(expected);
  });
});
