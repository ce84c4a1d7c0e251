import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { allCypherFiles, loadCypher } from '../../store/neo4j/cypher-files.ts';
import { REPO_ROOT } from '../helpers/seeds.ts';

const files = allCypherFiles();

describe('every Cypher file passes Neo4j’s own parser and semantic analysis', () => {
  it('there are Cypher files', () => expect(files.length).toBeGreaterThan(10));

  it.each(files.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    for (const statement of file.statements) {
      const { diagnostics } = lintCypherQuery(statement, { parameters: file.params });
      const errors = diagnostics.filter((d) => d.severity === 1).map((d) => d.message);
      expect(errors, statement).toEqual([]);
    }
  });

  it('the linter does catch errors (an undeclared parameter, an unknown variable, bad syntax)', () => {
    const messages = (q: string) =>
      lintCypherQuery(q, { parameters: {} })
        .diagnostics.filter((d) => d.severity === 1)
        .map((d) => d.message)
        .join(' ');
    expect(messages('MATCH (n) WHERE n.id = $id RETURN n')).toMatch(/Parameter \$id is not defined/);
    expect(messages('MATCH (n) RETURN m')).toMatch(/Variable `m` not defined/);
    expect(messages('MATCH (n RETURN n')).not.toBe('');
  });

  it('every parameter a file uses is declared at its top, and every declared one is used', () => {
    for (const file of files) {
      const used = new Set([...file.statements.join('\n').matchAll(/\$(\w+)/g)].map((m) => m[1]));
      expect([...used].sort(), file.name).toEqual(Object.keys(file.params).sort());
    }
  });
});

describe('the Neo4j adapter', () => {
  const adapterFiles = readdirSync(join(REPO_ROOT, 'store/neo4j'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(REPO_ROOT, 'store/neo4j', f), 'utf8'));

  it('loads every statement it runs from cypher/', async () => {
    const names = adapterFiles.flatMap((source) =>
      [...(/Object\.fromEntries\(\s*\[([\s\S]*?)\]\.map/.exec(source)?.[1] ?? '').matchAll(/'([\w-]+)'/g)].map(
        (m) => m[1],
      ),
    );
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(() => loadCypher(name)).not.toThrow();
    await import('../../store/neo4j/neo4j-store.ts');
  });

  it('never builds Cypher from strings: every run takes a statement from cypher/ and parameters', () => {
    const runs = adapterFiles.flatMap((source) => [...source.matchAll(/\.run\(([^,)]+)/g)].map((m) => m[1].trim()));
    expect(runs.length).toBeGreaterThan(20);
    for (const first of runs)
      expect(first).toMatch(/^(Q\[?['.\w-]+\]?\.statements\[(0|maxHops - 1)\]|Q\.\w+\.statements\[0\]|statement)$/);
    for (const source of adapterFiles) expect(source).not.toMatch(/`[^`]*(MATCH|MERGE|CREATE)[^`]*\$\{/);
  });

  it('only store/neo4j imports neo4j-driver', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          path.endsWith('.ts') &&
          !path.startsWith('store/neo4j/') &&
          /from 'neo4j-driver'/.test(readFileSync(join(REPO_ROOT, path), 'utf8'))
        )
          offenders.push(path);
      }
    };
    for (const dir of ['api', 'ingest', 'store', 'cli', 'web', 'bench']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
