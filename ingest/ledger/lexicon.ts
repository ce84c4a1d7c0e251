import file from '../lexicon/indicators.json' with { type: 'json' };

/**
 * The ledger's vocabulary (ingest/lexicon/indicators.json), read once and
 * turned into the lookups the matcher needs. Keys starting with $ are comments.
 */
export interface Dimension {
  name: string;
  /** The unit values are shown in; empty: the figure's own unit (家, 个 … all factor 1). */
  base: string;
  factor: number;
}

const visible = <T>(record: Record<string, T>): Array<[string, T]> =>
  Object.entries(record).filter(([key]) => !key.startsWith('$'));
const longestFirst = (words: string[]) => [...new Set(words)].sort((a, b) => b.length - a.length);

const canonical = new Map<string, string>();
for (const [name, variants] of visible(file.synonyms as Record<string, string | string[]>)) {
  if (!Array.isArray(variants)) continue;
  canonical.set(name, name);
  for (const variant of variants) canonical.set(variant, name);
}

const dimensions = new Map<string, Dimension>();
for (const [name, entry] of visible(file.dimensions as Record<string, unknown>)) {
  const { base, units } = entry as { base: string; units: Record<string, number> };
  for (const [unit, factor] of Object.entries(units)) dimensions.set(unit, { name, base, factor });
}

export const LEDGER_WORDS = {
  scopes: longestFirst(visible(file.scopes).map(([word]) => word)),
  scopeLabel: new Map(visible(file.scopes)),
  increment: longestFirst(file.increment),
  cumulative: longestFirst(file.cumulative),
  rate: longestFirst(file.rate),
  leadWords: longestFirst(file.leadWords),
  closingWords: longestFirst(file.closingWords),
  nounFollows: longestFirst(file.nounFollows),
  trailingWords: longestFirst(file.trailingWords),
  generic: new Set(file.generic),
  minNameLength: file.minNameLength,
};

/** The canonical noun for a variant, or the noun itself. */
export function canonicalNoun(noun: string): string {
  return canonical.get(noun) ?? noun;
}

export function isKnownNoun(noun: string): boolean {
  return canonical.has(noun);
}

/** The kind of a unit and its factor to the kind's base unit; undefined for units the ledger does not compare (年, 个月 …). */
export function dimensionOf(unit: string): Dimension | undefined {
  return dimensions.get(unit);
}
