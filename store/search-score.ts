import type { GraphNode } from '../domain/model.ts';
import { normaliseName } from '../domain/normalise.ts';

/**
 * How well a node's name and aliases match a Chinese query, for search
 * ranking. Exact > prefix > substring > alias; a query that is not a
 * substring still matches by shared character bigrams (the way a CJK
 * full-text analyzer does), so 孵化集群 finds 大孵化器集群. Ties go to the
 * node more letters mention.
 */
export interface SearchForms {
  /** The name is a clause of a letter (a commitment, an achievement), not the name of a thing. */
  clause: boolean;
  name: string;
  aliases: string[];
  grams: Set<string>;
  letters: number;
}

export const searchKey = (text: string) => normaliseName(text).toLowerCase();

/** A node's names in the form search compares them in; an index computes this once per node. */
export function searchForms(
  node: Pick<GraphNode, 'name' | 'aliases' | 'mentions'> & { kind?: GraphNode['kind'] },
): SearchForms {
  const name = searchKey(node.name);
  const aliases = node.aliases.map(searchKey);
  return {
    clause: node.kind !== undefined && CLAUSE_KINDS.includes(node.kind),
    name,
    aliases,
    grams: new Set([name, ...aliases].flatMap(bigrams)),
    letters: new Set(node.mentions.map((m) => m.letter)).size,
  };
}

/**
 * Kinds whose "name" is a clause of a letter: 瓯江实验室累计孵化企业120家 contains 瓯江实验室 as any sentence
 * about it does. Such a clause ranks below every thing whose own name matches (its score is halved unless it is
 * the exact query), so typing a name and Enter opens the thing, not a sentence about it.
 */
export const CLAUSE_KINDS: readonly GraphNode['kind'][] = ['Commitment', 'Achievement'];

export function matchScore(
  node: Pick<GraphNode, 'name' | 'aliases' | 'mentions'> & { kind?: GraphNode['kind'] },
  query: string,
): number {
  return scoreForms(searchForms(node), searchKey(query));
}

/** `q` is a search key (searchKey). */
export function scoreForms(forms: SearchForms, q: string): number {
  if (q === '') return 0;
  const { name, aliases } = forms;
  let score = 0;
  if (name === q) score = 100;
  else if (aliases.includes(q)) score = 90;
  else if (name.startsWith(q)) score = 80;
  else if (name.includes(q)) score = 60;
  else if (aliases.some((a) => a.includes(q))) score = 50;
  else {
    const grams = bigrams(q);
    if (grams.length > 0) {
      const shared = grams.filter((g) => forms.grams.has(g)).length / grams.length;
      if (shared >= 0.5) score = 30 * shared;
    }
  }
  if (score === 0) return 0;
  if (forms.clause && score < 100) score /= 2;
  return score + Math.min(9, Math.log2(1 + forms.letters));
}

export function bigrams(text: string): string[] {
  if (text.length < 2) return [];
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
}
