import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';
import { ALIAS_GROUPS } from '../lexicon/aliases.ts';
import { joinBackReferences } from './back-references.ts';
import { type NameJoin, NameGroups } from './name-groups.ts';
import { scopeOfLetter } from './scope.ts';
import { variantsIn } from './variants.ts';

/**
 * The resolution stage: one node per real thing across the letters. Its value
 * says, for each name as written in a letter's scope, which node it is, and
 * which names were joined by which rule (the alias lexicon, back-references
 * within a letter, variants of one name within a place).
 */
export interface Resolution {
  /** The node a name written in a letter of `scope` is: its id, name and other names. */
  resolve(mention: Pick<Mention, 'kind' | 'name'>, scope: string): ResolvedName;
  /** Names joined as variants, said so on their node (`mergedFrom`), keyed `kind|scope|name`. */
  mergedFrom: Map<string, string[]>;
  joins: NameJoin[];
}

export interface ResolvedName {
  id: string;
  name: string;
  aliases: string[];
}

/** Resolves the names of letters given in source order (ingest/pipeline.ts graphOfLetters sorts them). */
export function resolveNames(ordered: LetterExtraction[]): Resolution {
  const groups = new NameGroups();
  for (const group of ALIAS_GROUPS)
    for (const name of group.names.slice(1)) groups.join(group.kind, group.names[0], name, null, 'alias lexicon');
  // Variants of one name within a place (校（院）科技成果转化联合办公室 = 温州市校（院）地…) are found first,
  // so that they resolve within the place; then joined, and said so on the node.
  const namesByPlace = new Map<string, { kind: Mention['kind']; scope: string; names: Map<string, Set<string>> }>();
  for (const extraction of ordered) {
    const scope = scopeOfLetter(extraction.letter);
    for (const mention of extraction.mentions) {
      if (mention.rule.startsWith('header')) continue;
      const entry = namesByPlace.get(`${mention.kind}@${scope}`) ?? { kind: mention.kind, scope, names: new Map() };
      namesByPlace.set(`${mention.kind}@${scope}`, entry);
      entry.names.set(mention.name, (entry.names.get(mention.name) ?? new Set()).add(extraction.letter.source));
    }
  }
  const variants = [...namesByPlace.values()].flatMap(({ kind, scope, names }) =>
    variantsIn(kind, [...names.keys()], scope).map((variant) => ({ variant, scope, names })),
  );
  for (const { variant } of variants) groups.localise(variant.kind, variant.name);
  for (const extraction of ordered) {
    const scope = scopeOfLetter(extraction.letter);
    for (const mention of extraction.mentions) groups.add(mention.kind, mention.name, scope);
    joinBackReferences(extraction, groups);
  }
  const mergedFrom = new Map<string, string[]>();
  for (const { variant, scope, names } of variants) {
    groups.join(variant.kind, variant.of, variant.name, scope, `${variant.rule} variant`);
    const seen = [...names.get(variant.name)!].sort().join(', ');
    mergedFrom.set(`${variant.kind}|${scope}|${variant.name}`, [
      `${variant.name} (${variant.rule} variant of ${variant.of}; in ${seen})`,
    ]);
  }
  const canonical = groups.canonical();
  // The chain and graph stages ask for each mention (a name recurs in a letter and across letters): the groups no
  // longer change, so a name's answer in a scope is worked out once.
  const answers = new Map<string, ResolvedName>();
  return {
    resolve(mention, scope) {
      const asked = `${mention.kind}\u0000${scope}\u0000${mention.name}`;
      let answer = answers.get(asked);
      if (!answer) {
        const key = groups.keyOf(mention.kind, mention.name, scope);
        const entry = canonical.get(key) ?? { id: key, name: mention.name, aliases: [] };
        answers.set(asked, (answer = { id: entry.id, name: entry.name, aliases: entry.aliases }));
      }
      return { id: answer.id, name: answer.name, aliases: answer.aliases };
    },
    mergedFrom,
    joins: groups.joins,
  };
}
