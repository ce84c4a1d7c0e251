import { lstat, readdir } from 'node:fs/promises';
import { sep } from 'node:path';

/**
 * File names that are not UTF-8. A folder unpacked from a zip made on a
 * Chinese Windows holds names in GBK (关于….txt as C9 CF D3 DA …); Node reads
 * such a name as replacement characters, so two letters of different names
 * looked like one (one was skipped without a word) and none could be opened.
 * Here a name is shown as UTF-8 when it is, else as GB18030 (GBK's superset)
 * when that reads, else with its bytes spelt out — always one string per
 * name — and a shown path is taken back to the bytes on disk to open it.
 */
export function nameOf(raw: Buffer): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(raw);
    } catch {
      // Not this encoding: try the next.
    }
  }
  return `${new TextDecoder('utf-8').decode(raw)} [bytes ${raw.toString('hex')}]`;
}

/** The path to open for a shown path: itself when it exists, else the same path with each name's bytes on disk. */
export async function pathOnDisk(shown: string): Promise<string | Buffer> {
  if (
    await lstat(shown).then(
      () => true,
      () => false,
    )
  )
    return shown;
  const parts = shown.split(sep);
  let at: Buffer = Buffer.from(parts[0] === '' ? sep : parts[0]);
  for (const [i, part] of parts.entries()) {
    if (i === 0 || part === '') continue;
    const entries = await readdir(at, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
    const raw = entries.find((entry) => nameOf(entry) === part) ?? Buffer.from(part);
    at = Buffer.concat([at, at[at.length - 1] === sep.charCodeAt(0) ? Buffer.alloc(0) : Buffer.from(sep), raw]);
  }
  return at;
}
