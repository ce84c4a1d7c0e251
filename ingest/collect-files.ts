import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { nameOf } from './read/file-names.ts';
import { LETTER_EXTENSIONS } from './read/read-letter-file.ts';

/**
 * The files an ingest reads: each path as given if it is a file (whatever its
 * extension, so that a wrong one is reported), and every letter file below a
 * folder, recursively, in a stable order. Paths that do not exist are returned
 * as missing, not thrown, so the rest of the batch goes on. A path that exists
 * but cannot be followed (a link in a loop) is passed on, for the reader to
 * say why. Links to folders are followed, each folder read once (a link back
 * up the tree is not a loop). Names that are not UTF-8 are shown decoded
 * (read/file-names.ts), so that each is read, not skipped.
 */
export async function collectLetterFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) (info.code === 'ENOENT' ? missing : files).push(path);
    else if (info.isDirectory()) files.push(...(await walk(path, path, seen)));
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(onDisk: string | Buffer, shown: string, seen: Set<string>): Promise<string[]> {
  const info = await stat(onDisk);
  // A folder reached twice (through a link) is read once.
  if (seen.has(`${info.dev}:${info.ino}`)) return [];
  seen.add(`${info.dev}:${info.ino}`);
  const entries = (await readdir(onDisk, { withFileTypes: true, encoding: 'buffer' }))
    .map((entry) => ({ entry, name: nameOf(entry.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const found: string[] = [];
  for (const { entry, name } of entries) {
    if (name.startsWith('.')) continue;
    const raw = typeof onDisk === 'string' ? Buffer.from(join(onDisk, '/')) : Buffer.concat([onDisk, Buffer.from('/')]);
    const path = Buffer.concat([raw, entry.name]);
    const folder =
      entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (folder) found.push(...(await walk(path, join(shown, name), seen)));
    else if (LETTER_EXTENSIONS.includes(extname(name).toLowerCase())) found.push(join(shown, name));
  }
  return found;
}
