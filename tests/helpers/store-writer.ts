/**
 * A child process for the crash test: ingests two versions of one letter into
 * an embedded store, alternately, until it is killed. Prints "ready" after the
 * first write.
 */
import { readFileSync } from 'node:fs';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';

const [path, letterFile] = process.argv.slice(2);
const source = 'letter.txt';
const text = readFileSync(letterFile, 'utf8');
const versions = [
  text,
  text.replace('温科提复〔2024〕109号', '温科提复〔2024〕999号').replace(/[^。\n]*正泰集团[^。\n]*。/, ''),
].map((t) => ({ source, path: source, format: 'txt' as const, encoding: 'utf-8', text: t }));
const store = new MemoryStore({ path });
for (let i = 0; ; i++) {
  await ingestTexts([versions[i % 2]], store, { workers: 0, waitMs: 10_000 });
  if (i === 0) process.stdout.write('ready\n');
}
