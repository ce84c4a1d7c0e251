import { defineConfig } from 'vitest/config';

/** The tests that need a Neo4j server: one project, its files one after another (they share the database). */
const NEO4J_TESTS = ['tests/store/neo4j-*.test.ts', 'tests/api/store-parity.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A page that is still drawing or asking the API is polled for up to 10 s (vitest's default is 1 s): on a
    // loaded machine a path or a panel's answer can take longer than a second, and a poll that never matches
    // still fails.
    expect: { poll: { timeout: 10_000 } },
    // The browser and CLI tests start servers and processes; two workers fit this 2-core machine.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line with the counts.
    reporters: ['default', ['json', { outputFile: 'tests/artifacts/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: ['**/node_modules/**', ...NEO4J_TESTS] },
      },
      // tests/store/neo4j-setup.ts starts neo4j-launcher (or uses NEO4J_URI) and stops it when the run ends.
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: NEO4J_TESTS,
          globalSetup: ['tests/store/neo4j-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
