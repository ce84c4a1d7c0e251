import { describe, inject, it } from 'vitest';
import { openStore } from '../../store/open-store.ts';
import { storeContract } from './contract.ts';

/**
 * The same contract against a real Neo4j: the one tests/store/neo4j-setup.ts
 * starts with neo4j-launcher, or the user's at NEO4J_URI. The database is cleared.
 */
const neo4j = inject('neo4j');
if ('uri' in neo4j) {
  storeContract(`Neo4j at ${neo4j.uri}`, () => openStore({ adapter: 'neo4j', ...neo4j }));
} else {
  describe.skip(`GraphStore contract: Neo4j (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}
