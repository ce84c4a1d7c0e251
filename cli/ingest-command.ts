import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { graphOfLetters, readLetters, summarise } from '../ingest/pipeline.ts';
import { openStoreFromEnv, storeOptionsHelp } from './store-config.ts';
import { progressPrinter, seconds } from './progress.ts';

export const INGEST_HELP = `innograph ingest [options] <file|folder>...

Reads reply letters (.txt in UTF-8/GBK, .docx, .html, .pdf with a text layer),
extracts the graph and writes it to the store, replacing each letter's
previous version. Folders are read recursively.

Options:
  --dry-run          do not touch the store
  --out FILE         also write the GraphDocument JSON to FILE
  --quiet            no progress, only the summary line
${storeOptionsHelp}
Exit code: 0 when every file was read (some may be partial), 1 when a file
could not be read at all, 2 on a usage or store error.`;

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, out: { type: 'string' }, quiet: { type: 'boolean' }, store: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(INGEST_HELP), 0;
  if (positionals.length === 0) {
    console.error('innograph ingest: name at least one letter file or folder (e.g. data/letters)');
    return 2;
  }
  const started = performance.now();
  const { letters, outcomes } = await readLetters(positionals, progressPrinter('reading', values.quiet));
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') console.error(`✗ ${outcome.file}: ${outcome.problems.join('; ')}`);
    else if (outcome.status === 'partial' && !values.quiet) console.error(`△ ${outcome.file}: ${outcome.problems.join('; ')}`);
  }
  const graph = graphOfLetters(letters);
  if (values.out) await writeFile(values.out, `${JSON.stringify(graph, null, 1)}\n`);
  let stored = 'dry run, store untouched';
  if (!values['dry-run']) {
    const store = await openStoreFromEnv({ store: values.store, data: values.data });
    try {
      const result = await store.replaceLetters(graph, letters.map((l) => `Letter:${l.letter.source}`), progressPrinter('storing', values.quiet));
      stored = `stored in ${store.describe()} (${result.nodes} nodes, ${result.edges} edges in store)`;
    } finally {
      await store.close();
    }
  }
  const counts = summarise(outcomes);
  console.log(`ingest: ${outcomes.length} files → ${counts.read} read, ${counts.partial} partial, ${counts.rejected} rejected; ` +
    `${graph.nodes.length} nodes, ${graph.edges.length} edges; ${stored}; ${seconds(performance.now() - started)}`);
  return counts.rejected > 0 ? 1 : 0;
}
