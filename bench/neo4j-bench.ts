import { existsSync } from 'node:fs';
import { commitGraph } from '../store/commit-graph.ts';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { progressPrinter, seconds } from '../cli/progress.ts';
import { graphOfLetters, readLetters } from '../ingest/pipeline.ts';
import { missingTools, type RunningNeo4j, startNeo4j } from '../neo4j-launcher/neo4j.ts';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { openStore, storeConfigFrom } from '../store/open-store.ts';
import type { GraphDocument } from '../domain/model.ts';
import type { GraphStore } from '../store/port.ts';
import { generateCorpus } from './corpus.ts';
import { machine } from './machine.ts';
import { type ApiFigures, benchQueries, measureApi } from './measure-api.ts';
import { serveProcess, type StoreToServe } from './serve-process.ts';
import { availableParallelism, loadavg } from 'node:os';
import { wholeGraph } from '../store/whole-graph.ts';
import { Neo4jStore } from '../store/neo4j/neo4j-store.ts';

export const NEO4J_BENCH_HELP = `innograph bench neo4j [--sizes 1000,10000] [--clients 50] [--api-seconds 5] [--skip-api]
                      [--reuse-stores | --stores A.json,B.json] [--out bench/neo4j-results.json]
  The embedded store beside Neo4j on the same corpus (bench/corpus/N) and the
  same queries: store write time of each size, then API latency on the largest,
  and the ratio Neo4j / embedded. Uses NEO4J_URI when set (its database is
  cleared), else starts neo4j-launcher (needs java, javac, mvn) and reports its start-up time.
  --reuse-stores takes each graph from the embedded store bench run left in
  bench/out/store-N.json instead of extracting the corpus again; --stores takes
  them from the embedded stores named (e.g. made by innograph ingest /tmp/c10k --data S).
  Each graph is written to Neo4j twice, side by side: by Cypher (UNWIND batches) and
  the way a first load goes by default (through Neo4j's importer where the launcher runs Neo4j).`;

export interface Neo4jResults {
  when: string;
  machine: Record<string, unknown>;
  neo4j: { startupSeconds?: number; uri?: string };
  /** The machine's load average (1 minute) when the run started and when it ended: others may share it. */
  load?: { start: number; end: number };
  ingest: IngestRow[];
  api: { graph: string; clients: number; results: ApiRow[] | 'skipped' };
}

interface IngestRow {
  size: number;
  nodes: number;
  edges: number;
  embeddedWriteSeconds: number;
  /** The first load as it goes by default: through the launcher's importer when it can (bulk-import.ts). */
  neo4jWriteSeconds: number;
  ratio: number;
  /** How that load went: 'import', or 'cypher' (no launcher, or the importer refused: see firstLoadRefused). */
  firstLoadBy?: string;
  firstLoadRefused?: string;
  /** Where the time of an import went (bulk-import.ts): files, the launcher (import, restart), schema, empty lists, end. */
  firstLoadPhasesMs?: Record<string, number>;
  /** The same first load by Cypher alone (bulk-load.ts), in the same run. */
  neo4jCypherWriteSeconds?: number;
  cypherRatio?: number;
}
interface ApiRow {
  query: string;
  embeddedAloneP50: number;
  neo4jAloneP50: number;
  embeddedP50: number;
  neo4jP50: number;
  neo4jP95: number;
  neo4jErrors: number;
  ratio: number;
}

export async function neo4jBenchCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'reuse-stores': { type: 'boolean' },
      stores: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000' },
      clients: { type: 'string', default: '50' },
      'api-seconds': { type: 'string', default: '5' },
      'skip-api': { type: 'boolean' },
      out: { type: 'string', default: 'bench/neo4j-results.json' },
    },
  });
  const stores = values.stores?.split(',') ?? null;
  const sizes = stores ? stores.map((_, i) => i) : values.sizes.split(',').map(Number);
  if (!stores && sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('innograph bench neo4j: --sizes takes whole numbers ≥ 1, e.g. 1000,10000');
    return 2;
  }
  const missing = process.env.NEO4J_URI ? null : missingTools();
  if (missing) {
    console.error(`innograph bench neo4j: ${missing}; or set NEO4J_URI to a Neo4j whose database may be cleared`);
    return 2;
  }
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  let server: RunningNeo4j | null = null;
  let graphDb: GraphStore | null = null;
  let byCypher: Neo4jStore | null = null;
  let embedded: MemoryStore | null = null;
  await mkdir('bench/out', { recursive: true });
  try {
    if (!process.env.NEO4J_URI)
      server = await startNeo4j({ heapMb: 2048, pageCacheMb: 1024, log: (line) => console.error(line) });
    const config = server
      ? ({ adapter: 'neo4j', uri: server.uri, user: 'neo4j', password: '' } as const)
      : storeConfigFrom({ store: 'neo4j' });
    graphDb = await openStore(config);
    if (config.adapter !== 'neo4j') throw new Error('innograph bench neo4j: no Neo4j configured');
    byCypher = new Neo4jStore({ ...config, bulkImport: false });
    await byCypher.connect();
    const ingest: IngestRow[] = [];
    let lastSnapshot = '';
    for (const index of sizes) {
      const { graph, ids } = stores
        ? await graphOfStore(stores[index])
        : values['reuse-stores']
          ? await graphOfStore(join('bench/out', `store-${index}.json`))
          : await graphOfCorpus(index);
      const size = ids.length;
      const snapshot = join('bench/out', `neo4j-bench-embedded-${size}.json`);
      // The store and everything kept beside it (its segments, its image): a fresh store each run.
      for (const file of await readdir('bench/out'))
        if (file.startsWith(basename(snapshot))) await rm(join('bench/out', file), { recursive: true, force: true });
      embedded = new MemoryStore({ path: snapshot });
      lastSnapshot = snapshot;
      const embeddedWriteSeconds = await timed(() => commitGraph(embedded!, graph));
      console.error(`  embedded store write ${embeddedWriteSeconds.toFixed(1)} s; Neo4j write by Cypher…`);
      await byCypher.clear();
      const neo4jCypherWriteSeconds = await timed(() =>
        commitGraph(byCypher!, graph, { onProgress: progressPrinter(`  Neo4j by Cypher ${size}`) }),
      );
      const a = await embedded.stats();
      const agree = async (how: string) => {
        const b = await graphDb!.stats();
        if (a.nodes !== b.nodes || a.edges !== b.edges)
          throw new Error(
            `the stores disagree: embedded ${a.nodes} nodes ${a.edges} edges, Neo4j ${how} ${b.nodes} nodes ${b.edges} edges`,
          );
      };
      await agree('by Cypher');
      console.error(`  Neo4j write by Cypher ${neo4jCypherWriteSeconds.toFixed(1)} s; Neo4j first load…`);
      await graphDb.clear();
      const neo4jWriteSeconds = await timed(() =>
        commitGraph(graphDb!, graph, { onProgress: progressPrinter(`  Neo4j ${size}`) }),
      );
      await agree('first load');
      const firstLoad = graphDb instanceof Neo4jStore ? graphDb.lastFirstLoad : null;
      ingest.push({
        size,
        nodes: a.nodes,
        edges: a.edges,
        embeddedWriteSeconds,
        neo4jWriteSeconds,
        ratio: neo4jWriteSeconds / embeddedWriteSeconds,
        firstLoadBy: firstLoad?.by,
        firstLoadRefused: firstLoad?.refused,
        firstLoadPhasesMs: firstLoad?.phases,
        neo4jCypherWriteSeconds,
        cypherRatio: neo4jCypherWriteSeconds / embeddedWriteSeconds,
      });
      if (firstLoad?.phases) console.error(`  first load's phases (ms): ${JSON.stringify(firstLoad.phases)}`);
      console.error(
        `  Neo4j first load (${firstLoad?.by ?? '?'}) ${neo4jWriteSeconds.toFixed(1)} s (${(neo4jWriteSeconds / embeddedWriteSeconds).toFixed(1)} × embedded; by Cypher ${(neo4jCypherWriteSeconds / embeddedWriteSeconds).toFixed(1)} ×)`,
      );
    }
    const clients = Number(values.clients);
    const secondsEach = Number(values['api-seconds']);
    let api: ApiRow[] | 'skipped' = 'skipped';
    if (!values['skip-api']) {
      const onQuery = (store: string) => (q: string) =>
        console.error(`api on ${store}: ${q}, 1 client then ${clients}`);
      const queries = await benchQueries(embedded!);
      const workers = availableParallelism();
      const measure = async (store: StoreToServe, name: string) => {
        const served = await serveProcess(store, workers);
        try {
          return await measureApi(served, queries, clients, secondsEach, onQuery(name));
        } finally {
          await served.stop();
        }
      };
      const left = await measure({ data: lastSnapshot }, 'embedded');
      const right = await measure({ neo4jUri: server?.uri ?? process.env.NEO4J_URI! }, 'Neo4j');
      api = left.map((e: ApiFigures) => {
        const n = right.find((r) => r.query === e.query)!;
        return {
          query: e.query,
          embeddedAloneP50: e.aloneP50,
          neo4jAloneP50: n.aloneP50,
          embeddedP50: e.p50,
          neo4jP50: n.p50,
          neo4jP95: n.p95,
          neo4jErrors: n.errors,
          ratio: n.aloneP50 / e.aloneP50,
        };
      });
    }
    const results: Neo4jResults = {
      when: new Date().toISOString(),
      machine: machine(),
      neo4j: server ? { startupSeconds: server.startupMs / 1000, uri: server.uri } : { uri: process.env.NEO4J_URI },
      load: { start: loadAtStart, end: loadavg()[0] },
      ingest,
      api: { graph: `${ingest.at(-1)?.size ?? 0} letters`, clients, results: api },
    };
    await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(neo4jTable(results));
    console.log(`bench neo4j: ${sizes.length} sizes → ${values.out} in ${seconds(performance.now() - started)}`);
    return 0;
  } finally {
    await graphDb?.close();
    await byCypher?.close();
    await server?.stop();
  }
}

async function graphOfCorpus(size: number): Promise<{ graph: GraphDocument; ids: string[] }> {
  const corpus = join('bench/corpus', String(size));
  if (!existsSync(corpus))
    await generateCorpus({
      letters: size,
      out: corpus,
      seedDir: 'data/letters',
      onProgress: progressPrinter(`  corpus ${size}`),
    });
  console.error(`${size} letters: reading and extracting`);
  const { letters } = await readLetters([corpus], progressPrinter(`  extracting ${size}`));
  return { graph: graphOfLetters(letters), ids: letters.map((l) => `Letter:${l.letter.source}`) };
}

/** The graph an embedded store holds, as one GraphDocument (every node with all its mentions, every edge with all its evidence). */
async function graphOfStore(path: string): Promise<{ graph: GraphDocument; ids: string[] }> {
  if (!existsSync(path))
    throw new Error(`${path} does not exist: run innograph bench run first, or leave out --reuse-stores`);
  console.error(`reading the graph of ${path}`);
  const store = new MemoryStore({ path });
  const graph = await wholeGraph(store);
  await store.close();
  return { graph, ids: graph.nodes.filter((n) => n.kind === 'Letter').map((n) => n.id) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

export function neo4jTable(results: {
  neo4j: { startupSeconds?: number };
  ingest: IngestRow[];
  api: { clients: number; results: ApiRow[] | 'skipped' };
}): string {
  const lines = [
    results.neo4j.startupSeconds ? `Neo4j start-up ${results.neo4j.startupSeconds.toFixed(1)} s` : 'Neo4j at NEO4J_URI',
    '',
    'letters   nodes    edges  embedded write s  Neo4j write s  Neo4j/embedded  by  | by Cypher s  Cypher/embedded',
  ];
  for (const r of results.ingest)
    lines.push(
      `${String(r.size).padStart(7)} ${String(r.nodes).padStart(7)} ${String(r.edges).padStart(8)} ${r.embeddedWriteSeconds.toFixed(1).padStart(17)} ${r.neo4jWriteSeconds.toFixed(1).padStart(14)} ${r.ratio.toFixed(1).padStart(15)}  ${(r.firstLoadBy ?? '').padEnd(6)}| ${(r.neo4jCypherWriteSeconds?.toFixed(1) ?? '-').padStart(11)} ${(r.cypherRatio?.toFixed(1) ?? '-').padStart(16)}`,
    );
  if (Array.isArray(results.api.results)) {
    lines.push(
      '',
      `api (ms)          alone p50: embedded  Neo4j  ratio | ${results.api.clients} clients p50: embedded  Neo4j  Neo4j p95  errors`,
    );
    for (const r of results.api.results) {
      lines.push(
        `${r.query.padEnd(18)} ${r.embeddedAloneP50.toFixed(1).padStart(19)} ${r.neo4jAloneP50.toFixed(1).padStart(6)} ${r.ratio.toFixed(1).padStart(6)} | ${r.embeddedP50.toFixed(1).padStart(21)} ${r.neo4jP50.toFixed(1).padStart(6)} ${r.neo4jP95.toFixed(1).padStart(10)} ${String(r.neo4jErrors).padStart(7)}`,
      );
    }
  }
  return lines.join('\n');
}
