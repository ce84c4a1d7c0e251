import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openStoreFromEnv, storeOptionsHelp } from './store-config.ts';
import type { GraphStore } from '../store/port.ts';
import { wholeGraph } from '../store/whole-graph.ts';
import { removeLetters } from '../ingest/ingest-plan.ts';
import { fileTimeout } from './file-timeout.ts';
import { progressPrinter } from './progress.ts';

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
  const document = await withStore(values, wholeGraph);
  await writeFile(values.out, `${JSON.stringify(document, null, 1)}\n`);
  console.log(`export: ${document.nodes.length} nodes, ${document.edges.length} edges → ${values.out}`);
  return 0;
}

export async function removeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...storeFlags, 'file-timeout': { type: 'string' } },
  });
  if (values.help || positionals.length === 0) {
    console.log(
      `innograph remove [--file-timeout S] <source...>\n\nRemoves letters by their file's base name (e.g. 000_c3f10cc589d1c01a.txt; a path such as data/letters/000_c3f10cc589d1c01a.txt names the same letter).\nStored letters that found or resolved a mention thanks to a removed one are read again without it,\neach under the time guard (--file-timeout, seconds, default 120).\n${storeOptionsHelp}`,
    );
    return values.help ? 0 : 2;
  }
  const timeout = fileTimeout('remove', values['file-timeout']);
  if (timeout === null) return 2;
  let missing = 0;
  await withStore(values, async (store) => {
    // Letters are identified by base name (as ingest stores them), so a path names the letter of its file.
    const sources = [...new Set(positionals.map((p) => basename(p)))];
    // Stored letters that found or resolved a mention thanks to a removed one are read again without it.
    const plan = await removeLetters(
      store,
      sources.map((source) => `Letter:${source}`),
      { timeLimitMs: timeout * 1000, onReread: progressPrinter('reading again') },
    );
    for (const warning of plan.warnings) console.error(`⚠ ${warning}`);
    for (const source of sources) {
      const removed = plan.removed.includes(`Letter:${source}`);
      if (!removed) missing++;
      console.log(removed ? `removed ${source}` : `✗ ${source}: no such letter in ${store.describe()}`);
    }
    if (plan.reread.length > 0)
      console.log(
        `read again: ${plan.reread.length} stored letters whose mentions depended on the removed ones (${plan.reread.slice(0, 8).join(', ')}${plan.reread.length > 8 ? `, and ${plan.reread.length - 8} more` : ''})`,
      );
  });
  return missing > 0 ? 1 : 0;
}
