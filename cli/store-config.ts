import { openStore, storeConfigFrom } from '../store/open-store.ts';
import type { GraphStore } from '../store/port.ts';

export const storeOptionsHelp = `  --store KIND       embedded (default) or neo4j (env INNOGRAPH_STORE; neo4j reads
                     NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
  --data FILE        the embedded store's snapshot (env INNOGRAPH_DATA,
                     default data/innograph.snapshot.json)`;

export function openStoreFromEnv(flags: { store?: string; data?: string }): Promise<GraphStore> {
  return openStore(storeConfigFrom(flags));
}
