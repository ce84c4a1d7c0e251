/**
 * The ceiling of ingest: segmenting and tagging the letters' text with jieba
 * alone, as its own process (bench/measure-ceiling.ts runs one per worker).
 * Reads the files named on stdin-less argv (a JSON list in a file), tags each
 * whole text as ingest's tokenizer does, and prints how many characters it tagged.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8')) as string[];
const jieba = Jieba.withDict(dict);
let characters = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  characters += text.length;
  jieba.tag(text, true);
}
process.stdout.write(JSON.stringify({ characters }));
