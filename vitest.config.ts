import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The browser and CLI tests start servers and processes; two workers fit this 2-core machine.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one plain closing line with the counts.
    reporters: ['default', ['json', { outputFile: 'tests/artifacts/vitest.json' }]],
  },
});
