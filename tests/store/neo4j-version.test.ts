import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neo4jVersion } from '../../neo4j-launcher/neo4j.ts';
import { REPO_ROOT } from '../helpers/seeds.ts';

/** One Neo4j version for the project: the launcher's (pom.xml) and docker compose's image must agree. */
describe('the Neo4j version', () => {
  it('docker-compose.yml runs the Neo4j Community image of the launcher’s version, a 5.26 LTS release', () => {
    const version = neo4jVersion();
    expect(version).toMatch(/^5\.26\.\d+$/);
    const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const images = [...compose.matchAll(/^\s*image:\s*neo4j:(\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual([`${version}-community`]);
  });
});
