import { parseArgs } from 'node:util';
import { ingestFiles } from '../ingest/ingest-files.ts';
import { summarise } from '../ingest/pipeline.ts';
import { openStoreFromEnv, readingCacheFor, storeOptionsHelp } from './store-config.ts';
import { fileTimeout } from './file-timeout.ts';
import { waitSeconds } from './wait-option.ts';
import { progressPrinter, seconds } from './progress.ts';
import { checkOutput, writeOutput } from './write-output.ts';

/** Warnings listed under --quiet before the rest are only counted. */
const QUIET_WARNINGS = 10;

export const INGEST_HELP = `innograph ingest [options] <file|folder>...

Reads reply letters (.txt in UTF-8/GBK, .docx, .html, .pdf with a text layer),
extracts the graph and writes it to the store, replacing each letter's
previous version. Folders are read recursively.

Options:
  --dry-run          do not touch the store
  --out FILE         also write the GraphDocument JSON to FILE
  --quiet            no progress and no partial reads listed; rejected files, the
                     first ${QUIET_WARNINGS} warnings (and how many more) and the summary line
  --file-timeout S   reject a file still being read after S seconds (default 120);
                     stored letters read again from their text are under it too
  --wait S           wait up to S seconds for another writer to finish (default 0:
                     refuse at once with STORE_BUSY, before any work is done)
  --place PLACE      the place of these letters, by name (温岭市, 北京市朝阳区) or
                     GB/T 2260 code (331081): the first clue of the place stage,
                     kept with each letter; a name of two places is refused
${storeOptionsHelp}
The graph is built from every letter the store holds with the new ones, so
it is the same whatever the order or batching of ingests and removals; the
store takes it in one step (all or nothing) and writes only the letters
whose part changed. Readings of stored letters are kept between runs beside
the store (<snapshot>.readings, or INNOGRAPH_READINGS); a letter whose
reading is not there, or was made by other rules, is read again from the
text the store keeps. Two files with one document number are reported (⚠).

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
      wait: { type: 'string' },
      place: { type: 'string' },
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
  if (values.out) await checkOutput(values.out);
  const timeout = fileTimeout('ingest', values['file-timeout']);
  const wait = waitSeconds('ingest', values.wait);
  if (timeout === null || wait === null) return 2;
  const started = performance.now();
  const options = {
    place: values.place,
    timeLimitMs: timeout * 1000,
    waitMs: wait * 1000,
    onProgress: progressPrinter('reading', values.quiet),
    onReread: progressPrinter('reading stored letters again', values.quiet),
    onStore: progressPrinter('storing', values.quiet),
  };
  const store = values['dry-run'] ? null : await openStoreFromEnv({ store: values.store, data: values.data });
  let result;
  try {
    result = await ingestFiles(positionals, store, { ...options, cache: store ? readingCacheFor(values) : null });
  } finally {
    await store?.close();
  }
  const { outcomes, warnings, graph, commit, reread } = result;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') console.error(`✗ ${outcome.file}: ${outcome.problems.join('; ')}`);
    else if (outcome.status === 'partial' && !values.quiet)
      console.error(`△ ${outcome.file}: ${outcome.problems.join('; ')}`);
  }
  // Quiet: a batch of thousands (an archive where numbers repeat) names the first few and counts the rest.
  const shown = values.quiet ? warnings.slice(0, QUIET_WARNINGS) : warnings;
  for (const warning of shown) console.error(`⚠ ${warning}`);
  if (shown.length < warnings.length)
    console.error(`⚠ … and ${warnings.length - shown.length} more warnings (run without --quiet to list them all)`);
  const counts = summarise(outcomes);
  let stored = 'dry run, store untouched';
  if (store && !commit) stored = 'nothing stored (no letter was read)';
  else if (store && commit) {
    const again = reread > 0 ? `; ${reread} stored letters read again from their text` : '';
    stored = `stored in ${store.describe()}: ${commit.written.length} letters written, ${commit.removed.length} removed (${commit.nodes} nodes, ${commit.edges} edges in store${again})`;
  }
  if (values.out) await writeOutput(values.out, `${JSON.stringify(graph, null, 1)}\n`);
  console.log(
    `ingest: ${outcomes.length} files → ${counts.read} read, ${counts.partial} partial, ${counts.rejected} rejected; ` +
      `${graph.nodes.length} nodes, ${graph.edges.length} edges; ${stored}; ${seconds(performance.now() - started)}`,
  );
  return counts.rejected > 0 ? 1 : 0;
}
