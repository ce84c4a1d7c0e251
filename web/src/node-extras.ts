import type { Gql } from './api-client.ts';
import type { Store } from './state.ts';

/**
 * What the year and chain filters need of each drawn node — the years of the letters that mention it, the chains
 * it advances — asked after the first paint (for a hub of ten thousand letters they cost most), 200 at a time.
 */
export async function loadExtras(store: Store, gql: Gql): Promise<void> {
  const known = store.get().years;
  const missing = [...store.get().nodes.keys()].filter((id) => !known.has(id));
  const years = new Map<string, number[]>();
  const chainsOf = new Map<string, string[]>();
  for (let i = 0; i < missing.length; i += 200) {
    const data = await gql<{
      appearances: Array<{ id: string; years: number[] }>;
      nodes: Array<{ id: string; chains: Array<{ chain: { name: string } }> } | null>;
    }>(
      'query Extras($ids: [ID!]!) { appearances(ids: $ids) { id years } nodes(ids: $ids) { id chains { chain { name } } } }',
      { ids: missing.slice(i, i + 200) },
    );
    for (const a of data.appearances) years.set(a.id, a.years);
    for (const n of data.nodes) if (n) chainsOf.set(n.id, [...new Set(n.chains.map((c) => c.chain.name))]);
  }
  // One change at the end: each one re-derives the whole canvas, 25 times over for the whole graph's 5,000 things.
  if (missing.length > 0)
    store.set({
      years: new Map([...store.get().years, ...years]),
      chainsOf: new Map([...store.get().chainsOf, ...chainsOf]),
    });
}
