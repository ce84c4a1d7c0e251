import { describe, expect, it } from 'vitest';
import { removeSources } from '../../ingest/ingest-files.ts';
import type { MemoryStore } from '../../store/memory/memory-store.ts';
import type { CommitmentFilter, NodeFilter } from '../../store/port.ts';
import { seededStore } from '../helpers/server.ts';
import { SEED_FILES } from '../helpers/seeds.ts';

/**
 * The embedded store keeps the answers of searches and filtered lists for
 * one version of the graph (store/memory/read-index.ts `once`): asked again
 * or paged through, they are the answers a store that never asked gives, and
 * after a write they are those of the new graph, never the old one's.
 */
const SEARCHES = ['实验室', '科技', '创新', '人才', '基金'];
const COMMITMENTS: CommitmentFilter[] = [{}, { year: 2024 }, { chain: '人才链' }, { text: '企业' }];
const FILTERS: NodeFilter[] = [{ text: '实验室' }, { chain: '创新链', kinds: ['Platform'] }, { text: '科技' }];

async function answers(store: MemoryStore) {
  return {
    search: await Promise.all(SEARCHES.map((t) => store.search(t, { first: 20 }))),
    commitments: await Promise.all(
      COMMITMENTS.map((f) => paged((after) => store.commitments(f, { first: 200, after }))),
    ),
    found: await Promise.all(FILTERS.map((f) => paged((after) => store.findNodes(f, { first: 200, after })))),
  };
}

/** Every item of a list, asked `size` at a time through its cursor. */
async function paged<T>(
  ask: (after: string | null) => Promise<{ items: T[]; endCursor: string | null; hasNextPage: boolean }>,
) {
  const items: T[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page = await ask(after);
    items.push(...page.items);
    after = page.endCursor;
    more = page.hasNextPage;
  }
  return items;
}

describe('answers kept per graph version (embedded store)', () => {
  it('asked again, they equal a fresh store’s first answers; hits reordered by a caller do not change them', async () => {
    const kept = await seededStore();
    const first = await answers(kept);
    expect(first.search.some((hits) => hits.length > 0)).toBe(true);
    expect(first.commitments[0].length).toBeGreaterThan(0);
    first.search.forEach((hits) => hits.reverse());
    expect(await answers(kept)).toEqual(await answers(await seededStore()));
  }, 60_000);

  it('paged two at a time, a list is the whole list', async () => {
    const store = await seededStore();
    for (const filter of COMMITMENTS) {
      const whole = await paged((after) => store.commitments(filter, { first: 200, after }));
      const pages = await paged((after) => store.commitments(filter, { first: 2, after }));
      expect(pages.map((n) => n.id)).toEqual(whole.map((n) => n.id));
    }
    for (const filter of FILTERS) {
      const whole = await paged((after) => store.findNodes(filter, { first: 200, after }));
      const pages = await paged((after) => store.findNodes(filter, { first: 2, after }));
      expect(pages.map((n) => n.id)).toEqual(whole.map((n) => n.id));
    }
  }, 60_000);

  it('after a letter is removed, the answers are the smaller graph’s, not the kept ones', async () => {
    const store = await seededStore();
    const before = await answers(store);
    const source = SEED_FILES[0];
    const removal = await removeSources([source], store, { workers: 0 });
    expect(removal.removed).toEqual([source]);
    const after = await answers(store);
    expect(after).not.toEqual(before);
    const fresh = await seededStore();
    await removeSources([source], fresh, { workers: 0 });
    expect(after).toEqual(await answers(fresh));
  }, 60_000);
});
