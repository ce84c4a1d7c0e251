/**
 * A child process for the crash test: writes two versions of one letter to an
 * embedded store, alternately, until it is killed. Prints "ready" after the
 * first write.
 */
import { readFileSync } from 'node:fs';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { parseLetter } from '../../ingest/parse/parse-letter.ts';
import { graphOfLetters } from '../../ingest/pipeline.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';

const [path, letterFile] = process.argv.slice(2);
const source = 'letter.txt';
const text = readFileSync(letterFile, 'utf8');
const versions = [
  text,
  text.replace('温科提复〔2024〕109号', '温科提复〔2024〕999号').replace(/[^。\n]*正泰集团[^。\n]*。/, ''),
].map((t) =>
  graphOfLetters([extractLetter(parseLetter({ source, path: source, format: 'txt', encoding: 'utf-8', text: t }))]),
);
const store = new MemoryStore({ path });
for (let i = 0; ; i++) {
  await store.replaceLetters(versions[i % 2], [`Letter:${source}`]);
  if (i === 0) process.stdout.write('ready\n');
}
