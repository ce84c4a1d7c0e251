import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { progressPrinter, seconds } from '../cli/progress.ts';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { generateCorpus } from './corpus.ts';
import { machine } from './machine.ts';
import { type ApiFigures, benchQueries, measureApi } from './measure-api.ts';
import { serveProcess } from './serve-process.ts';
import { childJson } from './child-json.ts';
import { measureCeiling } from './measure-ceiling.ts';
import { defaultWorkers } from '../ingest/worker-pool.ts';
import { neo4jBenchCommand, type Neo4jResults, neo4jTable } from './neo4j-bench.ts';
import { missingTools } from '../neo4j-launcher/neo4j.ts';
import { readFile } from 'node:fs/promises';
import type { IngestFigures } from './measure-ingest.ts';
import type { FormatFigures } from './measure-formats.ts';
import { measureWeb } from './measure-web.ts';
import { formatTable, type IngestRow } from './results-table.ts';
import { mapTable, measureMap } from './measure-map.ts';

export const BENCH_HELP = `innograph bench corpus --letters N --out DIR [--seed S]
  Writes N synthetic letters of the genre (bench data only, not for quality claims).

innograph bench run [--sizes 1000,10000,30000] [--api-size 10000] [--clients 50] [--api-seconds 5]
                    [--workers N] [--neo4j-sizes 1000,10000]
                    [--skip-ingest] [--skip-api] [--skip-neo4j] [--skip-web] [--out bench/results.json]
  (npm run bench.) Generates the corpora it lacks (bench/corpus/N), then
  measures, per size, ingest in a process of its own (read→parse→extract→
  resolve, embedded store write, size, load, peak memory) beside jieba alone
  tagging the same text (the ceiling); API latency of \`innograph serve
  --workers N\` (default: one per core) on the --api-size graph, one client
  alone then 50, with the server's memory before and after and the slowest
  request; the embedded store beside Neo4j (innograph bench neo4j
  --reuse-stores, when Java and Maven or NEO4J_URI are there); and the
  explorer's first view and the ecosystem map (layout, panning) in headless Chromium.
  --skip-ingest reuses the stores an earlier run left in bench/out; --skip-neo4j
  keeps the figures of the last \`innograph bench neo4j\` (bench/neo4j-results.json).
  Prints a table and writes the figures with the machine's description.

innograph bench churn [--letters 2000] [--clients 50] [--seconds 30] [--out bench/churn.json]
  Serves an embedded store of N letters to concurrent clients while letters
  are ingested and removed by other processes; reports failed requests,
  latency and the server's peak memory.

innograph bench neo4j [--sizes 1000,10000] [--clients 50] [--api-seconds 5] [--skip-api]
  The embedded store beside Neo4j (neo4j-launcher, or NEO4J_URI): store write
  time and API latency on the same corpus and queries, and their ratio.`;

export async function benchCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'corpus') return corpusCommand(rest);
  if (sub === 'run') return runCommand(rest);
  if (sub === 'churn') return churnCommand(rest);
  if (sub === 'neo4j') return (await import('./neo4j-bench.ts')).neo4jBenchCommand(rest);
  console.log(BENCH_HELP);
  return sub === '--help' || sub === '-h' ? 0 : 2;
}

async function churnCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      letters: { type: 'string', default: '2000' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      out: { type: 'string', default: 'bench/churn.json' },
    },
  });
  const size = Number(values.letters);
  const corpus = join('bench/corpus', String(size));
  if (!existsSync(corpus))
    await generateCorpus({
      letters: size,
      out: corpus,
      seedDir: 'data/letters',
      onProgress: progressPrinter(`  corpus ${size}`),
    });
  await mkdir('bench/out', { recursive: true });
  const { measureChurn } = await import('./measure-churn.ts');
  const figures = await measureChurn(
    corpus,
    join('bench/out', `churn-store-${size}.json`),
    Number(values.clients),
    Number(values.seconds),
    (line) => console.error(line),
  );
  await writeFile(
    values.out,
    `${JSON.stringify({ when: new Date().toISOString(), machine: machine(), ...figures }, null, 2)}\n`,
  );
  console.log(
    `churn: ${figures.letters} letters, ${figures.clients} clients, ${figures.seconds} s: ${figures.requests} requests, ${figures.errors} failed; ` +
      `p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms; ${figures.changes} ingests/removes; ` +
      `server peak RSS ${figures.serverPeakRssMiB} MiB${figures.serverAlive ? '' : '; THE SERVER DIED'}`,
  );
  return figures.errors > 0 || !figures.serverAlive ? 1 : 0;
}

async function corpusCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { letters: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const letters = Number(values.letters);
  if (!Number.isInteger(letters) || letters < 1 || !values.out) {
    console.error('innograph bench corpus: give --letters N (a whole number ≥ 1) and --out DIR');
    return 2;
  }
  const started = performance.now();
  const result = await generateCorpus({
    letters,
    out: values.out,
    seed: values.seed ? Number(values.seed) : 42,
    seedDir: 'data/letters',
    onProgress: progressPrinter('writing letters'),
  });
  console.log(
    `bench corpus: ${result.files} letters, ${(result.bytes / 2 ** 20).toFixed(1)} MB → ${values.out} in ${seconds(performance.now() - started)}`,
  );
  return 0;
}

const NEO4J_RESULTS = 'bench/neo4j-results.json';

/** The figures of the last `innograph bench neo4j` run, or 'skipped' when there is none or it cannot be read. */
async function keptNeo4jFigures(): Promise<Neo4jResults | string> {
  if (!existsSync(NEO4J_RESULTS)) return 'skipped';
  try {
    return JSON.parse(await readFile(NEO4J_RESULTS, 'utf8')) as Neo4jResults;
  } catch (error) {
    return `skipped (${NEO4J_RESULTS} unreadable: ${(error as Error).message})`;
  }
}

/**
 * Neo4j beside the embedded store on the graphs this run built (bench neo4j
 * --reuse-stores, its own results file too), or why it was not measured.
 */
async function neo4jFigures(sizes: string, clients: string, apiSeconds: string): Promise<Neo4jResults | string> {
  const missing = process.env.NEO4J_URI ? null : missingTools();
  if (missing) return `not measured: ${missing} (or set NEO4J_URI)`;
  const out = NEO4J_RESULTS;
  const args = ['--reuse-stores', '--sizes', sizes, '--clients', clients, '--api-seconds', apiSeconds, '--out', out];
  if ((await neo4jBenchCommand(args)) !== 0) return 'not measured: innograph bench neo4j failed (see above)';
  return JSON.parse(await readFile(out, 'utf8')) as Neo4jResults;
}

async function runCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,30000' },
      'api-size': { type: 'string' },
      'neo4j-sizes': { type: 'string', default: '1000,10000' },
      'skip-neo4j': { type: 'boolean' },
      clients: { type: 'string', default: '50' },
      'api-seconds': { type: 'string', default: '5' },
      'skip-api': { type: 'boolean' },
      'skip-web': { type: 'boolean' },
      'skip-ingest': { type: 'boolean' },
      workers: { type: 'string', default: String(availableParallelism()) },
      out: { type: 'string', default: 'bench/results.json' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const started = performance.now();
  const ingest: IngestRow[] = [];
  const formats: Array<FormatFigures & { size: number }> = [];
  await mkdir('bench/out', { recursive: true });
  for (const size of values['skip-ingest'] ? [] : sizes) {
    const corpus = join('bench/corpus', String(size));
    if (!existsSync(corpus)) {
      console.error(`generating ${size} letters into ${corpus}`);
      await generateCorpus({
        letters: size,
        out: corpus,
        seedDir: 'data/letters',
        onProgress: progressPrinter(`  corpus ${size}`),
      });
    }
    console.error(`ingest ${size} letters (a process of its own)`);
    const snapshot = join('bench/out', `store-${size}.json`);
    // Past Node's default heap at 30,000 letters: the peak is what is measured, not a crash.
    const figures = await childJson<IngestFigures>(
      'ingest-child',
      [corpus, snapshot, `  extracting ${size}`],
      ['--max-old-space-size=16384'],
    );
    console.error(`  jieba alone on the same ${size} letters (the ceiling)`);
    const ceiling = await measureCeiling(corpus, defaultWorkers(size));
    const dryRunSeconds = figures.extractSeconds + figures.resolveSeconds;
    ingest.push({
      size,
      ...figures,
      ceilingSeconds: ceiling.seconds,
      ceilingWorkers: ceiling.workers,
      ceilingRatio: ceiling.seconds / dryRunSeconds,
    });
    // A size whose formats cannot be measured is said and skipped: the ingest figures of the run are kept.
    try {
      formats.push({
        size,
        ...(await childJson<FormatFigures>('formats-child', [snapshot], ['--max-old-space-size=16384'])),
      });
    } catch (error) {
      console.error(`  the store formats at ${size} letters were not measured: ${(error as Error).message}`);
    }
    console.error(
      `  ${figures.lettersPerSecond.toFixed(0)} letters/s to graph (${((100 * ceiling.seconds) / dryRunSeconds).toFixed(1)} % of jieba alone); store write ${figures.storeWriteSeconds.toFixed(2)} s, load ${figures.storeLoadSeconds.toFixed(2)} s, peak ${figures.peakRssMiB} MiB`,
    );
  }
  const largest = join('bench/out', `store-${Math.max(...sizes)}.json`);
  const apiSize = Number(values['api-size'] ?? (sizes.includes(10_000) ? 10_000 : Math.max(...sizes)));
  const apiStore = join('bench/out', `store-${apiSize}.json`);
  const store = new MemoryStore({ path: largest });
  // Loaded here only for the explorer's figures (the API is measured on its own server).
  if (!values['skip-web']) await store.stats();
  const clients = Number(values.clients);
  const workers = Number(values.workers);
  let api: ApiFigures[] | 'skipped' = 'skipped';
  if (!values['skip-api']) {
    const served = await serveProcess({ data: apiStore }, workers);
    const asked = new MemoryStore({ path: apiStore });
    try {
      api = await measureApi(served, await benchQueries(asked), clients, Number(values['api-seconds']), (q) =>
        console.error(`api: ${q}, 1 client then ${clients} (${workers} server workers)`),
      );
    } finally {
      await asked.close();
      await served.stop();
    }
  }
  // The explorer's first view on each archive of 1,000 letters or more.
  const firstView = await Promise.all(
    sizes
      .filter((n) => n >= 1000)
      .map(async (letters) => ({
        letters,
        store:
          letters === Math.max(...sizes)
            ? store
            : new MemoryStore({ path: join('bench/out', `store-${letters}.json`) }),
      })),
  );
  // --skip-web keeps the explorer's figures of the earlier run in the file, as they were, with their date: they are other work's.
  const earlier = existsSync(values.out)
    ? (JSON.parse(await readFile(values.out, 'utf8')) as { when?: string; web?: unknown; map?: unknown })
    : {};
  const earlierWeb =
    values['skip-web'] && (typeof earlier.web === 'object' || typeof earlier.map === 'object')
      ? { when: earlier.when, web: earlier.web, map: earlier.map }
      : undefined;
  const web = values['skip-web']
    ? 'skipped'
    : // The whole archive is the map now (?all=1 shows it, measured below): the retired whole-graph canvas is not.
      await measureWeb(firstView, null, (what) => console.error(`web: ${what}`));
  // The ecosystem map at each archive of 1,000 letters or more (bench/measure-map.ts, issue 25).
  const map = values['skip-web'] ? 'skipped' : await measureMap(firstView, (what) => console.error(`web: ${what}`));
  const results = {
    when: new Date().toISOString(),
    machine: machine(),
    ingest,
    formats,
    api: { graph: apiStore, letters: apiSize, clients, serverWorkers: workers, results: api },
    neo4j: 'being measured' as Neo4jResults | string,
    web,
    map,
    ...(earlierWeb ? { earlierWeb } : {}),
  };
  // Written before Neo4j is measured (the longest part), and again with its figures.
  await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log([formatTable(results), ...mapTable(map)].join('\n'));
  // --skip-neo4j keeps the last `innograph bench neo4j` run's figures (bench/neo4j-results.json), with their own date.
  const neo4j = values['skip-neo4j']
    ? await keptNeo4jFigures()
    : await neo4jFigures(values['neo4j-sizes'], values.clients, values['api-seconds']);
  results.neo4j = neo4j;
  await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
  if (typeof neo4j === 'object')
    console.log(
      `\nNeo4j beside the embedded store (${neo4j.when}${values['skip-neo4j'] ? `, kept from ${NEO4J_RESULTS}` : ''})\n${neo4jTable(neo4j)}`,
    );
  else console.log(`\nNeo4j: ${neo4j}`);
  console.log(
    `bench: ${sizes.length} corpus sizes, ${Array.isArray(api) ? api.length : 0} API queries, ${typeof web === 'string' ? 0 : web.firstView.length + web.whole.length} web measurements → ${values.out} in ${seconds(performance.now() - started)}`,
  );
  return 0;
}
