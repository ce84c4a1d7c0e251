import type { EntityKind } from '../rules/name-suffixes.ts';
import { normaliseName } from '../../store/normalise.ts';
import { pushTo } from '../../store/multimap.ts';

/**
 * One node per real thing: names of one kind that denote the same thing are
 * joined (union-find), whatever letter or order they come in. The node's name
 * is the fullest name of its group (the longest; ties by code point), so ids
 * do not depend on the order letters are read in.
 */
export class NameGroups {
  private readonly parent = new Map<string, string>();
  private readonly display = new Map<string, string>();

  /** Registers a name as written; returns its key. */
  add(kind: EntityKind, name: string): string {
    const key = keyOf(kind, name);
    if (!this.parent.has(key)) this.parent.set(key, key);
    const shown = this.display.get(key);
    // Of two spellings with one normalised form, keep the smallest by code point, so order does not matter.
    if (shown === undefined || name < shown) this.display.set(key, name);
    return key;
  }

  join(kind: EntityKind, a: string, b: string): void {
    const ra = this.find(this.add(kind, a));
    const rb = this.find(this.add(kind, b));
    if (ra !== rb) this.parent.set(ra, rb);
  }

  private find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }

  /** For every key, the canonical name of its group and the group's other names. */
  canonical(): Map<string, { name: string; aliases: string[] }> {
    const members = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      pushTo(members, root, key);
    }
    const result = new Map<string, { name: string; aliases: string[] }>();
    for (const keys of members.values()) {
      const names = keys.map((k) => this.display.get(k)!);
      const name = [...names].sort((a, b) => normaliseName(b).length - normaliseName(a).length || (a < b ? -1 : a > b ? 1 : 0))[0];
      const aliases = [...new Set(names.filter((n) => normaliseName(n) !== normaliseName(name)))].sort();
      for (const key of keys) result.set(key, { name, aliases });
    }
    return result;
  }
}

export function keyOf(kind: EntityKind, name: string): string {
  return `${kind}:${normaliseName(name)}`;
}
