import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { planIngest } from '../ingest/ingest-plan.ts';
import { graphOfLetters, readLetters, summarise } from '../ingest/pipeline.ts';
import { openStoreFromEnv, storeOptionsHelp } from './store-config.ts';
import { fileTimeout } from './file-timeout.ts';
import { progressPrinter, seconds } from './progress.ts';

export const INGEST_HELP = `innograph ingest [options] <file|folder>...

Reads reply letters (.txt in UTF-8/GBK, .docx, .html, .pdf with a text layer),
extracts the graph and writes it to the store, replacing each letter's
previous version. Folders are read recursively.

Options:
  --dry-run          do not touch the store
  --out FILE         also write the GraphDocument JSON to FILE
  --quiet            no progress, only the summary line
  --file-timeout S   reject a file still being read after S seconds (default 120);
                     stored letters read again for the new ones are under it too
${storeOptionsHelp}
A letter ingested alone gives the graph it would in a batch: names that
stored letters taught are looked for in it, and stored letters holding a name
it teaches are read again (from the text the store keeps) and written with it.
Two files with one document number are reported (⚠).

Exit code: 0 when every file was read (some may be partial), 1 when a file
could not be read at all, 2 on a usage or store error.`;

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      'file-timeout': { type: 'string' },
      store: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (console.log(INGEST_HELP), 0);
  if (positionals.length === 0) {
    console.error('innograph ingest: name at least one letter file or folder (e.g. data/letters)');
    return 2;
  }
  const timeout = fileTimeout('ingest', values['file-timeout']);
  if (timeout === null) return 2;
  const started = performance.now();
  const { letters, outcomes, warnings } = await readLetters(positionals, progressPrinter('reading', values.quiet), {
    timeLimitMs: timeout * 1000,
  });
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') console.error(`✗ ${outcome.file}: ${outcome.problems.join('; ')}`);
    else if (outcome.status === 'partial' && !values.quiet)
      console.error(`△ ${outcome.file}: ${outcome.problems.join('; ')}`);
  }
  let graph = graphOfLetters(letters);
  let stored = 'dry run, store untouched';
  if (letters.length === 0) {
    for (const warning of warnings) console.error(`⚠ ${warning}`);
    stored = 'nothing stored (no letter was read)';
  } else if (values['dry-run']) {
    for (const warning of warnings) console.error(`⚠ ${warning}`);
  } else {
    const store = await openStoreFromEnv({ store: values.store, data: values.data });
    try {
      // Stored letters read again for the new ones are under the same time guard.
      const plan = await planIngest(store, letters, {
        timeLimitMs: timeout * 1000,
        onReread: progressPrinter('reading again', values.quiet),
      });
      for (const warning of plan.warnings) console.error(`⚠ ${warning}`);
      graph = plan.graph;
      const result = await store.replaceLetters(graph, plan.letterIds, progressPrinter('storing', values.quiet));
      const reread =
        plan.reread.length > 0 ? `; ${plan.reread.length} stored letters read again for names the new ones teach` : '';
      stored = `stored in ${store.describe()} (${result.nodes} nodes, ${result.edges} edges in store${reread})`;
    } finally {
      await store.close();
    }
  }
  if (values.out) await writeFile(values.out, `${JSON.stringify(graph, null, 1)}\n`);
  const counts = summarise(outcomes);
  console.log(
    `ingest: ${outcomes.length} files → ${counts.read} read, ${counts.partial} partial, ${counts.rejected} rejected; ` +
      `${graph.nodes.length} nodes, ${graph.edges.length} edges; ${stored}; ${seconds(performance.now() - started)}`,
  );
  return counts.rejected > 0 ? 1 : 0;
}
