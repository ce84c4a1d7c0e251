import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { missingTools, startNeo4j } from '../../neo4j-launcher/neo4j.ts';

/**
 * Global setup of the `neo4j` test project (vitest.config.ts): gives the Neo4j
 * tests a server. NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
 * names one of the user's, which the tests clear; otherwise, when java, javac
 * and mvn are on PATH, neo4j-launcher starts Neo4j Community on a free port
 * and stops it by its pid when the run ends. Without them the Neo4j tests are
 * skipped with the reason printed, unless INNOGRAPH_REQUIRE_NEO4J=1 (CI), which
 * makes that a failure. INNOGRAPH_TEST_NEO4J=off skips them on purpose.
 */
export const PID_FILE = 'tests/artifacts/neo4j.pid';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database?: string } | { skip: string };
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const required = process.env.INNOGRAPH_REQUIRE_NEO4J === '1';
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
    });
    console.log(`Neo4j tests: on NEO4J_URI=${process.env.NEO4J_URI} (its database is cleared)`);
    return undefined;
  }
  const skip = process.env.INNOGRAPH_TEST_NEO4J === 'off' ? 'INNOGRAPH_TEST_NEO4J=off' : missingTools();
  if (skip) {
    if (required) throw new Error(`INNOGRAPH_REQUIRE_NEO4J=1 but the test Neo4j cannot start: ${skip}`);
    console.warn(`skipping the Neo4j tests: ${skip}; set NEO4J_URI to use a running Neo4j`);
    project.provide('neo4j', { skip });
    return undefined;
  }
  const neo4j = await startNeo4j({ log: (line) => console.log(line) });
  mkdirSync('tests/artifacts', { recursive: true });
  writeFileSync(PID_FILE, `${neo4j.pid}\n`);
  console.log(
    `Neo4j tests: test server up in ${(neo4j.startupMs / 1000).toFixed(1)} s at ${neo4j.uri} (pid ${neo4j.pid})`,
  );
  project.provide('neo4j', { uri: neo4j.uri, user: 'neo4j', password: '' });
  return async () => {
    await neo4j.stop();
    rmSync(PID_FILE, { force: true });
  };
}
