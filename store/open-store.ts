import { resolve } from 'node:path';
import { InnographError } from '../domain/errors.ts';
import { MemoryStore } from './memory/memory-store.ts';
import type { GraphStore } from './port.ts';

/**
 * How to reach a store. `embedded` (the default) needs nothing; `neo4j` reads
 * the connection from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
 */
export type StoreConfig =
  | { adapter: 'embedded'; path: string | null }
  | { adapter: 'neo4j'; uri: string; user: string; password: string; database?: string };

export const DEFAULT_SNAPSHOT = 'data/innograph.snapshot.json';

/** `reload: 'background'` (the server) loads another process's change off the request path (see MemoryStore). */
export async function openStore(
  config: StoreConfig,
  options: { reload?: 'on-read' | 'background' } = {},
): Promise<GraphStore> {
  if (config.adapter === 'embedded')
    return new MemoryStore({ path: config.path === null ? null : resolve(config.path), reload: options.reload });
  // Only store/neo4j imports neo4j-driver; load it only when asked for.
  const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
  const store = new Neo4jStore(config);
  await store.connect();
  return store;
}

/** The store named by flags and environment: --store embedded|neo4j, --data FILE, INNOGRAPH_STORE, INNOGRAPH_DATA, NEO4J_*. */
export function storeConfigFrom(
  flags: { store?: string; data?: string },
  env: NodeJS.ProcessEnv = process.env,
): StoreConfig {
  const adapter = flags.store ?? env.INNOGRAPH_STORE ?? (env.NEO4J_URI && !flags.data ? 'neo4j' : 'embedded');
  if (adapter === 'embedded') return { adapter, path: flags.data ?? env.INNOGRAPH_DATA ?? DEFAULT_SNAPSHOT };
  if (adapter === 'neo4j') {
    if (!env.NEO4J_URI)
      throw new InnographError(
        'STORE_CONFIG',
        'the neo4j store needs NEO4J_URI (e.g. neo4j://localhost:7687), NEO4J_USER and NEO4J_PASSWORD',
      );
    return {
      adapter,
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    };
  }
  throw new InnographError('STORE_CONFIG', `unknown store "${adapter}"; use embedded or neo4j`);
}
