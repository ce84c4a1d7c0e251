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
  name: string;
  aliases: string[];
  grams: Set<string>;
  letters: number;
}

export const searchKey = (text: string) => normaliseName(text).toLowerCase();

/** A node's names in the form search compares them in; an index computes this once per node. */
export function searchForms(node: Pick<GraphNode, 'name' | 'aliases' | 'mentions'>): SearchForms {
  const name = searchKey(node.name);
  const aliases = node.aliases.map(searchKey);
  return {
    name,
    aliases,
    grams: new Set([name, ...aliases].flatMap(bigrams)),
    letters: new Set(node.mentions.map((m) => m.letter)).size,
  };
}

export function matchScore(node: Pick<GraphNode, 'name' | 'aliases' | 'mentions'>, query: string): number {
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
  return score + Math.min(9, Math.log2(1 + forms.letters));
}

export function bigrams(text: string): string[] {
  if (text.length < 2) return [];
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
}
