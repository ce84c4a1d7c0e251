import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openStoreFromEnv, readingCacheFor, storeOptionsHelp } from './store-config.ts';
import type { GraphStore } from '../store/port.ts';
import { wholeGraph } from '../store/whole-graph.ts';
import { removeSources } from '../ingest/ingest-files.ts';
import { waitSeconds } from './wait-option.ts';
import { fileTimeout } from './file-timeout.ts';
import { progressPrinter, seconds } from './progress.ts';
import { checkOutput, writeOutput } from './write-output.ts';

const storeFlags = {
  store: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function withStore<T>(
  flags: { store?: string; data?: string },
  work: (store: GraphStore) => Promise<T>,
): Promise<T> {
  const store = await openStoreFromEnv(flags);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function statsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...storeFlags, json: { type: 'boolean' } } });
  if (values.help) return (console.log(`innograph stats [--json]\n\n${storeOptionsHelp}`), 0);
  const stats = await withStore(values, (store) => store.stats());
  if (values.json) console.log(JSON.stringify(stats, null, 2));
  else {
    console.log(`${stats.letters} letters, ${stats.nodes} nodes, ${stats.edges} edges`);
    console.log(stats.byKind.map((k) => `  ${k.kind.padEnd(13)} ${k.count}`).join('\n'));
  }
  return 0;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...storeFlags, out: { type: 'string' } } });
  if (values.help || !values.out) {
    console.log(
      `innograph export --out FILE\n\nWrites every stored node and edge as GraphDocument JSON.\n${storeOptionsHelp}`,
    );
    return values.help ? 0 : 2;
  }
  await checkOutput(values.out);
  const document = await withStore(values, wholeGraph);
  await writeOutput(values.out, `${JSON.stringify(document, null, 1)}\n`);
  console.log(`export: ${document.nodes.length} nodes, ${document.edges.length} edges → ${values.out}`);
  return 0;
}

export async function removeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...storeFlags,
      'file-timeout': { type: 'string' },
      wait: { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(
      `innograph remove [--file-timeout S] [--wait S] [--quiet] <source...>\n\nRemoves letters by their file's base name (e.g. 000_c3f10cc589d1c01a.txt; a path such as data/letters/000_c3f10cc589d1c01a.txt names the same letter).\nThe graph is built again from the letters that stay, so it is what ingesting them alone gives; the\nstore takes it in one step (all or nothing). Stored letters whose reading is not kept are read again\nfrom their text under the time guard (--file-timeout, seconds, default 120); --wait S waits for\nanother writer (default 0: refuse at once); --quiet prints no progress and no line per removed letter,\nonly letters not found and the summary line.\nExit code: 0 all removed, 1 some were not in the store, 2 usage or store error.\n${storeOptionsHelp}`,
    );
    return values.help ? 0 : 2;
  }
  const timeout = fileTimeout('remove', values['file-timeout']);
  const wait = waitSeconds('remove', values.wait);
  if (timeout === null || wait === null) return 2;
  const started = performance.now();
  // Letters are identified by base name (as ingest stores them), so a path names the letter of its file.
  const sources = [...new Set(positionals.map((p) => basename(p)))];
  const result = await withStore(values, (store) =>
    removeSources(sources, store, {
      timeLimitMs: timeout * 1000,
      waitMs: wait * 1000,
      cache: readingCacheFor(values),
      onReread: progressPrinter('reading stored letters again', values.quiet),
      onStore: progressPrinter('storing', values.quiet),
    }),
  );
  if (!values.quiet) for (const source of result.removed) console.log(`removed ${source}`);
  for (const source of result.missing) console.log(`✗ ${source}: no such letter in the store`);
  const changed = result.commit ? Math.max(0, result.commit.written.length) : 0;
  console.log(
    `remove: ${result.removed.length} removed, ${result.missing.length} not found; ${changed} stored letters read differently without them and were written again${result.reread > 0 ? ` (${result.reread} read again from their text)` : ''}; ${seconds(performance.now() - started)}`,
  );
  const missing = result.missing.length;
  return missing > 0 ? 1 : 0;
}
