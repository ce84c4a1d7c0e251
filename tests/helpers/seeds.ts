import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample letters the project ships (copies of shared/seeds), and scratch folders for tests. */
export const LETTERS_DIR = fileURLToPath(new URL('../../data/letters/', import.meta.url));
export const GOLD_DIR = fileURLToPath(new URL('../../../shared/gold/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SEED_FILES = readdirSync(LETTERS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export function seedPath(prefix: string): string {
  const file = SEED_FILES.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed letter starts with ${prefix}`);
  return join(LETTERS_DIR, file);
}

export function seedText(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'innograph-test-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
