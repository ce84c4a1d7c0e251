import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The Cypher of cypher/*.cypher: one file a purpose, its parameters named at
 * the top as `// @param name <example JSON>`. The Neo4j adapter runs only
 * these texts, always with parameters; the tests lint each with Neo4j's own
 * parser and semantic analysis, the examples standing in for the values.
 */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

export interface CypherFile {
  name: string;
  text: string;
  /** Each statement (schema.cypher holds several, separated by ;). */
  statements: string[];
  params: Record<string, unknown>;
}

export function loadCypher(name: string): CypherFile {
  const text = readFileSync(`${CYPHER_DIR}${name}.cypher`, 'utf8');
  const params: Record<string, unknown> = {};
  for (const match of text.matchAll(/^\/\/ @param (\w+) (.+)$/gm)) params[match[1]] = JSON.parse(match[2]);
  const body = text
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n');
  const statements = body
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
  return { name, text, statements, params };
}

export function allCypherFiles(): CypherFile[] {
  return readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => loadCypher(f.replace(/\.cypher$/, '')));
}
