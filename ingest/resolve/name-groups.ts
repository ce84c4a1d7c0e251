import type { EntityKind } from '../rules/name-suffixes.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { pushTo } from '../../domain/multimap.ts';
import { isRelativeName } from './scope.ts';

/**
 * One node per real thing: names of one kind that denote the same thing are
 * joined (union-find), whatever letter or order they come in. The node's name
 * is the preferred name of its group if one was declared (the proposal body
 * 市人大, not its written 石家庄市第十四届人民代表大会), else the fullest name (the
 * longest; ties by code point), so ids do not depend on the order letters are
 * read in. A name that means something only where it is written (市科技局,
 * see scope.ts) is keyed with its letter's scope, so it never joins another
 * city's.
 */
/** Two names joined as one thing: `name` resolves to the thing named `to`, by `rule`, within `scope` (null: everywhere). */
export interface NameJoin {
  kind: EntityKind;
  name: string;
  to: string;
  scope: string | null;
  rule: string;
}

export class NameGroups {
  private readonly parent = new Map<string, string>();
  private readonly display = new Map<string, string>();
  private readonly preferred = new Set<string>();
  private readonly local = new Set<string>();
  /** Every join asked for, with the rule that asked (for `innograph explain`'s resolution stage). */
  readonly joins: NameJoin[] = [];

  /**
   * Makes a name resolve within each letter's place from now on, as 市科技局 does: a name found to be
   * a variant of a place's own name (校（院）…联合办公室) must not join another city's same words.
   */
  localise(kind: EntityKind, name: string): void {
    this.local.add(`${kind}:${normaliseName(name)}`);
  }

  /** The key of a name written in a letter of the given scope. */
  keyOf(kind: EntityKind, name: string, scope: string | null = null): string {
    const base = `${kind}:${normaliseName(name)}`;
    return scope && (this.local.has(base) || isRelativeName(kind, name)) ? `${base}@${scope}` : base;
  }

  /** Registers a name as written, in a letter of the given scope; returns its key. */
  add(kind: EntityKind, name: string, scope: string | null = null): string {
    const key = this.keyOf(kind, name, scope);
    if (!this.parent.has(key)) this.parent.set(key, key);
    const shown = this.display.get(key);
    // Of two spellings with one normalised form, keep the smallest by code point, so order does not matter.
    if (shown === undefined || name < shown) this.display.set(key, name);
    return key;
  }

  join(kind: EntityKind, a: string, b: string, scope: string | null = null, rule = 'join'): void {
    this.joins.push({ kind, name: b, to: a, scope, rule });
    const ra = this.find(this.add(kind, a, scope));
    const rb = this.find(this.add(kind, b, scope));
    if (ra !== rb) this.parent.set(ra, rb);
  }

  /** Makes `name` its group's name whatever longer names join it. */
  prefer(kind: EntityKind, name: string, scope: string | null = null): void {
    this.preferred.add(this.add(kind, name, scope));
  }

  private find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }

  /** For every key, the node id and name of its group and the group's other names. */
  canonical(): Map<string, { id: string; name: string; aliases: string[] }> {
    const members = new Map<string, string[]>();
    for (const key of this.parent.keys()) pushTo(members, this.find(key), key);
    const result = new Map<string, { id: string; name: string; aliases: string[] }>();
    for (const keys of members.values()) {
      const order = (a: string, b: string) =>
        Number(this.preferred.has(b)) - Number(this.preferred.has(a)) ||
        normaliseName(this.display.get(b)!).length - normaliseName(this.display.get(a)!).length ||
        (a < b ? -1 : a > b ? 1 : 0);
      const id = [...keys].sort(order)[0];
      const name = this.display.get(id)!;
      const aliases = [
        ...new Set(keys.map((k) => this.display.get(k)!).filter((n) => normaliseName(n) !== normaliseName(name))),
      ].sort();
      for (const key of keys) result.set(key, { id, name, aliases });
    }
    return result;
  }
}
