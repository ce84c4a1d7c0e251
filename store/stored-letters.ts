import { storedLetterOfNode } from './letter-fragments.ts';
import { LIMITS, type GraphStore, type StoredLetter } from './port.ts';

/**
 * The letters a store holds, as ingest reads them again (the text each was read from), through the
 * port's reads: what the Neo4j adapter's write reads under its lease, and what `innograph explain
 * --with-store` reads without one.
 */
export async function storedLettersOf(store: GraphStore): Promise<StoredLetter[]> {
  const letters: StoredLetter[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes({ kinds: ['Letter'] }, { first: LIMITS.pageSize, after });
    for (const node of page.items) {
      const letter = storedLetterOfNode(node);
      if (letter) letters.push(letter);
    }
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return letters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
