import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { LETTER_EXTENSIONS } from './read/read-letter-file.ts';

/**
 * The files an ingest reads: each path as given if it is a file (whatever its
 * extension, so that a wrong one is reported), and every letter file below a
 * folder, recursively, in a stable order. Paths that do not exist are returned
 * as missing, not thrown, so the rest of the batch goes on.
 */
export async function collectLetterFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) missing.push(path);
    else if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (LETTER_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}
