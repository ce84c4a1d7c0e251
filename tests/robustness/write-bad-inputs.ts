/**
 * Writes the bad-input corpus (tests/robustness/bad-inputs.ts) to a folder, to
 * try by hand: `npx tsx tests/robustness/write-bad-inputs.ts /tmp/bad && innograph ingest --dry-run /tmp/bad/*`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { badInputs } from './bad-inputs.ts';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: npx tsx tests/robustness/write-bad-inputs.ts DIR');
  process.exit(2);
}
await mkdir(out, { recursive: true });
const letter = await readFile(new URL('../../data/letters/004_b9feebffa1582534.txt', import.meta.url), 'utf8');
const kinds = badInputs(letter);
for (const kind of kinds) await writeFile(join(out, kind.name), await kind.bytes());
console.log(`${kinds.length} bad inputs → ${out}`);
