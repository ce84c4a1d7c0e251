import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { progressPrinter, seconds } from '../cli/progress.ts';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { generateCorpus } from './corpus.ts';
import { machine } from './machine.ts';
import { measureApi } from './measure-api.ts';
import { type IngestFigures, measureIngest } from './measure-ingest.ts';
import { type FormatFigures, measureFormats } from './measure-formats.ts';
import { measureWeb, type WebFigures } from './measure-web.ts';
import { mapTable, measureMap } from './measure-map.ts';

export const BENCH_HELP = `innograph bench corpus --letters N --out DIR [--seed S]
  Writes N synthetic letters of the genre (bench data only, not for quality claims).

innograph bench run [--sizes 100,1000,10000] [--clients 50] [--api-seconds 5]
                    [--web-sizes 2000,5000] [--skip-ingest] [--skip-api] [--skip-web]
                    [--out bench/results.json]
  Generates the corpora it lacks (bench/corpus/N), then measures ingest
  (read→parse→extract→resolve, embedded store write, size, load), API latency
  under concurrent load from a separate process on the largest graph, and the
  explorer's first layout and panning frame time in headless Chromium.
  --skip-ingest reuses the store an earlier run left in bench/out.
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

async function runCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      clients: { type: 'string', default: '50' },
      'api-seconds': { type: 'string', default: '5' },
      'web-sizes': { type: 'string', default: '2000,5000' },
      'skip-api': { type: 'boolean' },
      'skip-web': { type: 'boolean' },
      'skip-ingest': { type: 'boolean' },
      out: { type: 'string', default: 'bench/results.json' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const started = performance.now();
  const ingest: Array<IngestFigures & { size: number }> = [];
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
    console.error(`ingest ${size} letters`);
    const figures = await measureIngest(
      corpus,
      join('bench/out', `store-${size}.json`),
      progressPrinter(`  extracting ${size}`),
    );
    ingest.push({ size, ...figures });
    formats.push({ size, ...(await measureFormats(join('bench/out', `store-${size}.json`))) });
    console.error(
      `  ${figures.lettersPerSecond.toFixed(0)} letters/s to graph; store write ${figures.storeWriteSeconds.toFixed(2)} s, load ${figures.storeLoadSeconds.toFixed(2)} s`,
    );
  }
  const largest = join('bench/out', `store-${Math.max(...sizes)}.json`);
  const store = new MemoryStore({ path: largest });
  await store.stats();
  const clients = Number(values.clients);
  const api = values['skip-api']
    ? 'skipped'
    : await measureApi(store, clients, Number(values['api-seconds']), (q) =>
        console.error(`api: ${q}, 1 client then ${clients}`),
      );
  // The explorer's first view on each archive of 1,000 letters or more; the whole-graph mode on the largest.
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
  const web = values['skip-web']
    ? 'skipped'
    : await measureWeb(firstView, { store, sizes: values['web-sizes'].split(',').map(Number) }, (what) =>
        console.error(`web: ${what}`),
      );
  // The ecosystem map at each archive of 1,000 letters or more (bench/measure-map.ts, issue 25).
  const map = values['skip-web'] ? 'skipped' : await measureMap(firstView, (what) => console.error(`web: ${what}`));
  const results = {
    when: new Date().toISOString(),
    machine: machine(),
    ingest,
    formats,
    api: { graph: largest, clients, results: api },
    web,
    map,
  };
  await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log([formatTable(results), ...mapTable(map)].join('\n'));
  console.log(
    `bench: ${sizes.length} corpus sizes, ${Array.isArray(api) ? api.length : 0} API queries, ${typeof web === 'string' ? 0 : web.firstView.length + web.whole.length} web measurements → ${values.out} in ${seconds(performance.now() - started)}`,
  );
  return 0;
}

function formatTable(results: {
  machine: Record<string, unknown>;
  ingest: Array<IngestFigures & { size: number }>;
  formats: Array<FormatFigures & { size: number }>;
  api: { results: unknown; clients: number };
  web: unknown;
}): string {
  const lines = [
    `machine: ${Object.values(results.machine).join(' · ')}`,
    '',
    'ingest   letters/s   MB/s  extract s  resolve s  store write s  store MB  load s  nodes   edges   peak MiB',
  ];
  for (const r of results.ingest) {
    lines.push(
      `${String(r.size).padStart(6)} ${r.lettersPerSecond.toFixed(0).padStart(10)} ${r.megabytesPerSecond.toFixed(2).padStart(6)} ${r.extractSeconds.toFixed(2).padStart(10)} ${r.resolveSeconds.toFixed(2).padStart(10)} ${r.storeWriteSeconds.toFixed(2).padStart(14)} ${(r.storeBytes / 2 ** 20).toFixed(1).padStart(9)} ${r.storeLoadSeconds.toFixed(2).padStart(7)} ${String(r.nodes).padStart(6)} ${String(r.edges).padStart(7)} ${String(r.peakRssMiB).padStart(9)}`,
    );
  }
  if (results.formats.length > 0) {
    lines.push(
      '',
      'embedded store  image: MB  open s  load s  write s | fragments only: MB  load s | one-letter change s | single JSON file (before): MB  write s  load s',
    );
    for (const r of results.formats) {
      lines.push(
        `${String(r.size).padStart(6)} ${(r.imageBytes / 2 ** 20).toFixed(1).padStart(18)} ${r.imageOpenSeconds.toFixed(2).padStart(7)} ${r.imageLoadSeconds.toFixed(2).padStart(7)} ${r.imageWriteSeconds.toFixed(2).padStart(8)} | ${(r.segmentedBytes / 2 ** 20).toFixed(1).padStart(18)} ${r.segmentedLoadSeconds.toFixed(2).padStart(7)} | ${r.segmentedOneLetterSeconds.toFixed(3).padStart(19)} | ${(r.singleFileBytes / 2 ** 20).toFixed(1).padStart(29)} ${r.singleFileWriteSeconds.toFixed(2).padStart(8)} ${r.singleFileLoadSeconds.toFixed(2).padStart(7)}`,
      );
    }
  }
  if (Array.isArray(results.api.results)) {
    lines.push('', `api (ms)          alone p50 | ${results.api.clients} clients: p50     p95     p99   req/s  errors`);
    for (const r of results.api.results as Array<{
      query: string;
      aloneP50: number;
      p50: number;
      p95: number;
      p99: number;
      rps: number;
      errors: number;
    }>) {
      lines.push(
        `${r.query.padEnd(18)} ${r.aloneP50.toFixed(1).padStart(8)} | ${r.p50.toFixed(1).padStart(18)} ${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${r.rps.toFixed(0).padStart(7)} ${String(r.errors).padStart(7)}`,
      );
    }
  }
  if (results.web && typeof results.web === 'object') {
    const web = results.web as WebFigures;
    lines.push('', 'explorer first view   letters  nodes  ready ms (navigation to drawn)');
    for (const r of web.firstView)
      lines.push(`${String(r.letters).padStart(29)} ${String(r.nodes).padStart(6)} ${String(r.readyMs).padStart(9)}`);
    lines.push(
      '',
      'explorer whole graph  nodes  renderer  ready ms  layout ms  links drawn  scripted pan ms (median / p95)  mouse drag ms (median / p95, after)',
    );
    for (const r of web.whole)
      lines.push(
        `${String(r.nodes).padStart(27)}  ${r.renderer.padEnd(8)} ${r.error ? `failed: ${r.error}` : `${String(r.readyMs).padStart(9)} ${String(r.layoutMs).padStart(10)} ${String(r.drawnEdges).padStart(12)}   ${`${r.frameMsMedian} / ${r.frameMsP95}`.padEnd(31)} ${r.dragFrameMsMedian} / ${r.dragFrameMsP95}, ${r.afterDragMs}`}`,
      );
  } else lines.push('', `web: ${String(results.web)}`);
  return lines.join('\n');
}
