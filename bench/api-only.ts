import { writeFile } from 'node:fs/promises';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { machine } from './machine.ts';
import { benchQueries, measureApi } from './measure-api.ts';
import { serveProcess } from './serve-process.ts';

/**
 * The API part of `bench run` alone, on any embedded store:
 *   node --import tsx bench/api-only.ts STORE [--workers 2] [--clients 50] [--seconds 5] [--only a,b] [--out FILE]
 * The same queries, clients and figures as `bench run --skip-ingest` (measure-api.ts), without copying the store
 * into bench/out.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const store = args[0];
const workers = Number(flag('workers', '2'));
const clients = Number(flag('clients', '50'));
const seconds = Number(flag('seconds', '5'));
const only = flag('only', '');
const out = flag('out', '');

const served = await serveProcess({ data: store }, workers);
const asked = new MemoryStore({ path: store });
try {
  const all = await benchQueries(asked);
  const queries = only ? Object.fromEntries(only.split(',').map((k) => [k, all[k]])) : all;
  const results = await measureApi(served, queries, clients, seconds, (q) =>
    console.error(`api: ${q}, 1 client then ${clients} (${workers} server workers)`),
  );
  for (const r of results)
    console.log(
      `${r.query.padEnd(18)} alone p50 ${r.aloneP50.toFixed(0)} first ${r.aloneFirst.toFixed(0)} | ${clients}: p50 ${r.p50.toFixed(0)} p95 ${r.p95.toFixed(0)} max ${r.max.toFixed(0)} rps ${r.rps.toFixed(0)} failed ${r.errors}/${r.requests} | MiB ${r.serverRssBeforeMiB} → ${r.serverRssPeakMiB} → ${r.serverRssAfterMiB}`,
    );
  if (out)
    await writeFile(
      out,
      `${JSON.stringify({ when: new Date().toISOString(), machine: machine(), api: { graph: store, letters: 10000, clients, serverWorkers: workers, results } }, null, 2)}\n`,
    );
} finally {
  await asked.close();
  await served.stop();
}
