import { isGenericName } from '../extract/generic.ts';
import type { EntityKind } from '../rules/name-suffixes.ts';

/**
 * Names of one thing written differently by letters of one place:
 *   温州市校（院）地科技成果转化联合办公室 · 校（院）科技成果转化联合办公室 · 成果转化联合办公室.
 * Within a kind and a place, two names are variants when, with the place
 * before them and what stands in brackets set aside, they are equal, differ by
 * one character, or the shorter ends the longer (and ends no other name of the
 * place). The shorter must be a name of its own (six characters or more, not a
 * category). Each join is returned with its rule, so it can be shown.
 */
export interface Variant {
  kind: EntityKind;
  name: string;
  of: string;
  rule: 'bracket' | 'one-character' | 'prefix';
}

/** The kinds whose names can be variants of one another. */
export const VARIANT_KINDS = new Set<string>(['Platform', 'Programme', 'Organization', 'Enterprise']);
const LEADING_PLACE = /^(?:[\u4e00-\u9fa5]{2,6}?(?:省|市|县|区)(?=[\u4e00-\u9fa5]{4})|省|市|县|区|全市|我市)/;

/** The name without its place and brackets (温州市校（院）地… → 校地…), and the place it named ('' for 市, 省 or none). */
export function coreOf(name: string): { core: string; place: string } {
  const bare = name.replace(/[（(][^）)]{0,8}[）)]/g, '');
  const place = LEADING_PLACE.exec(bare)?.[0] ?? '';
  return { core: bare.slice(place.length), place: place.length > 1 && !/^(?:全市|我市)$/.test(place) ? place : '' };
}

export function variantsIn(kind: EntityKind, names: string[]): Variant[] {
  if (!VARIANT_KINDS.has(kind)) return [];
  const cores = [...new Set(names)]
    .map((name) => ({ name, ...coreOf(name) }))
    .filter((n) => n.core.length >= 6 && !isGenericName(n.core));
  const found: Variant[] = [];
  for (const short of cores) {
    // 南江市…检测中心 and 北岭县…检测中心 name two places: only a name without a place (or with the same) can be a variant.
    const longer = cores.filter(
      (c) =>
        c.name !== short.name &&
        c.core.length >= short.core.length &&
        (!c.place || !short.place || c.place === short.place),
    );
    const matches = longer.map((c) => ({ c, r: variantRule(short, c) })).filter((x) => x.r !== null);
    // One thing only: 成果转化联合办公室 ends one office of the place, and 检测中心 of two places is no one's variant.
    if (new Set(matches.map(({ c }) => `${c.place}|${c.core}`)).size !== 1) continue;
    for (const { c, r } of matches) {
      // Two spellings with the same core are one pair: keep the direction from the shorter (or smaller) name.
      if (r === 'bracket' && c.core.length === short.core.length && c.name.length < short.name.length) continue;
      found.push({ kind, name: short.name, of: c.name, rule: r! });
    }
  }
  return found;
}

/**
 * How two names of one kind would join by their cores and places (see
 * coreOf), or null: equal cores, one character apart, or the shorter ending
 * the longer, in the same place or where either names none. (variantsIn adds
 * the conditions on the set of names: six characters, no category, one thing.)
 */
export function variantRule(
  a: { core: string; place: string },
  b: { core: string; place: string },
): Variant['rule'] | null {
  if (a.place && b.place && a.place !== b.place) return null;
  const [short, long] = a.core.length <= b.core.length ? [a.core, b.core] : [b.core, a.core];
  if (long === short) return 'bracket';
  if (long.length === short.length + 1 && dropsOne(long, short)) return 'one-character';
  if (long.length > short.length && long.endsWith(short)) return 'prefix';
  return null;
}

/** Whether `short` is `long` with one character left out. */
function dropsOne(long: string, short: string): boolean {
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
