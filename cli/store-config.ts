import { resolve } from 'node:path';
import { ReadingCache } from '../ingest/reading-cache.ts';
import { openStore, type StoreConfig, storeConfigFrom } from '../store/open-store.ts';
import type { GraphStore } from '../store/port.ts';

export const storeOptionsHelp = `  --store KIND       embedded (default) or neo4j (env INNOGRAPH_STORE; neo4j reads
                     NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
  --data FILE        the embedded store's snapshot (env INNOGRAPH_DATA,
                     default data/innograph.snapshot.json)`;

export function openStoreFromEnv(flags: { store?: string; data?: string }): Promise<GraphStore> {
  return openStore(storeConfigFrom(flags));
}

/**
 * Where readings of stored letters are kept between runs (ingest/reading-cache.ts): beside the
 * embedded store's snapshot, or, for Neo4j, in data/neo4j.readings (env INNOGRAPH_READINGS for either).
 */
export function readingCacheFor(flags: { store?: string; data?: string }, env = process.env): ReadingCache {
  if (env.INNOGRAPH_READINGS) return new ReadingCache(resolve(env.INNOGRAPH_READINGS));
  const config: StoreConfig = storeConfigFrom(flags, env);
  return new ReadingCache(
    resolve(config.adapter === 'embedded' && config.path ? `${config.path}.readings` : 'data/neo4j.readings'),
  );
}
