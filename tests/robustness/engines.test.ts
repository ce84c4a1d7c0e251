import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/seeds.ts';

/**
 * `npm ci` warns (EBADENGINE) for every locked package whose `engines` refuse
 * the Node that runs it. innograph says which Node it needs in its own
 * `engines`; every locked package must accept the lowest such version, so
 * an install on a supported Node prints no such warning.
 */
const EXCEPTIONS: Record<string, string> = {
  // The Cypher linter used by tests/store/cypher-lint.test.ts only: it declares Node ≥24.11 and runs on 20.
  'node_modules/@neo4j-cypher/language-support': 'test-only Cypher linter (declares Node >=24.11.1, works on 20)',
};

describe('dependencies fit the Node innograph declares', () => {
  it('every locked package accepts the lowest Node of innograph’s engines', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
    const refusing = Object.entries(lock.packages as Record<string, { version: string; engines?: { node?: string } }>)
      .filter(
        ([path, info]) =>
          path && info.engines?.node && !semver.satisfies(lowest, info.engines.node) && !EXCEPTIONS[path],
      )
      .map(([path, info]) => `${path}@${info.version} wants node ${info.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
