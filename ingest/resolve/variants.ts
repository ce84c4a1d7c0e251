import { isGenericName } from '../extract/generic.ts';
import type { EntityKind } from '../rules/name-suffixes.ts';
import { isRelativeName } from './scope.ts';

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

/**
 * `scope` is the place the names were written in (ingest/resolve/scope.ts): a name relative to its place
 * (市工业和信息化局, 我市科技局: scope.ts isRelativeName) is a variant only of a name of that place, never of another city's named beside it
 * (深圳市工业和信息化局 in a letter of 衡阳市).
 */
export function variantsIn(kind: EntityKind, names: string[], scope?: string): Variant[] {
  if (!VARIANT_KINDS.has(kind)) return [];
  const cores = [...new Set(names)]
    .map((name) => ({ name, ...coreOf(name) }))
    .filter((n) => n.core.length >= 6 && !isGenericName(n.core));
  const candidates = candidateIndex(cores);
  const found: Variant[] = [];
  for (const [index, short] of cores.entries()) {
    // 南江市…检测中心 and 北岭县…检测中心 name two places: only a name without a place (or with the same) can be a variant.
    const longer = candidates(short.core, index).filter(
      (c) =>
        c.name !== short.name &&
        c.core.length >= short.core.length &&
        (!c.place || !short.place || c.place === short.place) &&
        !(
          scope !== undefined &&
          c.place &&
          !short.place &&
          isRelativeName(kind, short.name) &&
          !scope.endsWith(c.place)
        ),
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

type Core = { name: string; core: string; place: string };

/**
 * The names whose core variantRule could join to a given core, in the order of `cores`: the same core, a core
 * one character longer that drops one to it, or a longer core ending with it. Looked up by keys made once per
 * name (its core, its cores less one character, its endings of six characters or more), not by comparing every
 * pair: a place's names grow with its letters, and the pairs with their square (seconds at 3,000 letters).
 */
function candidateIndex(cores: Core[]): (core: string, self: number) => Core[] {
  const byKey = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  for (const [index, { core }] of cores.entries()) {
    add(`=${core}`, index);
    for (let i = 0; i < core.length; i++) add(`-${core.slice(0, i)}${core.slice(i + 1)}`, index);
    for (let start = 1; core.length - start >= 6; start++) add(`>${core.slice(start)}`, index);
  }
  return (core, self) => {
    const found = new Set<number>();
    for (const key of [`=${core}`, `-${core}`, `>${core}`]) for (const index of byKey.get(key) ?? []) found.add(index);
    found.delete(self);
    return [...found].sort((a, b) => a - b).map((index) => cores[index]);
  };
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
