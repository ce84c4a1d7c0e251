import type { LetterFragment } from '../letter-fragments.ts';

/** Rows in slices of `size`, as UNWIND statements send them. */
export function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Whole letters, in order, grouped so one transaction holds about `partsPerTransaction` parts. */
export function letterGroups(fragments: LetterFragment[], partsPerTransaction: number): LetterFragment[][] {
  const groups: LetterFragment[][] = [];
  let size = Infinity;
  for (const fragment of fragments) {
    const parts = fragment.nodes.length + fragment.edges.length;
    if (size + parts > partsPerTransaction) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(fragment);
    size += parts;
  }
  return groups;
}
