import { describe, it } from 'vitest';
import { openStore, storeConfigFrom } from '../../store/open-store.ts';
import { storeContract } from './contract.ts';

/**
 * The same contract against a real Neo4j, when NEO4J_URI names one
 * (docker compose up neo4j; NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=… npm test).
 * The database is cleared first: point it at a database for tests.
 */
if (process.env.NEO4J_URI) {
  storeContract(`Neo4j at ${process.env.NEO4J_URI}`, () => openStore(storeConfigFrom({ store: 'neo4j' })));
} else {
  console.warn('skipping the Neo4j contract suite: NEO4J_URI is not set (no Neo4j server runs on this machine); the Cypher is linted by tests/store/cypher-lint.test.ts');
  describe.skip('GraphStore contract: Neo4j (NEO4J_URI not set)', () => {
    it('runs when NEO4J_URI is set', () => {});
  });
}
