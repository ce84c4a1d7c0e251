import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '../store/port.ts';
import type { ServedStore } from './serve-process.ts';

export interface ApiFigures {
  query: string;
  /** How many different queries of this kind the clients took turns with. */
  variants: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** The slowest request under load, ms. */
  max: number;
  rps: number;
  /** The server's resident memory (all its processes) before this kind was asked and after the 50 clients, MiB. */
  serverRssBeforeMiB: number;
  serverRssAfterMiB: number;
  /** The most it held while this kind was asked (sampled every 250 ms), MiB. */
  serverRssPeakMiB: number;
  /** One client alone, each variant asked twice: the median, and the very first request (nothing kept yet). */
  aloneP50: number;
  aloneFirst: number;
}

const SEARCHES = ['实验室', '科技', '创新', '人才', '基金', '园区', '平台', '孵化', '研究院', '中心', '企业', '产业'];
const CHAINS = ['创新链', '产业链', '资金链', '人才链'];
const STATUSES = ['MET', 'NOT_MET', 'PARTLY', 'SUPERSEDED', 'NO_COMPARABLE_REPORT', 'NO_LATER_REPORT'];

/**
 * Queries of the kinds an analyst and the explorer send, each kind in several
 * variants (other words, things, years) taken in turn, so that no figure is
 * one answer asked again: ids come from the store itself.
 */
export async function benchQueries(store: GraphStore): Promise<Record<string, string[]>> {
  const things = (await store.overview({ kinds: ['Platform', 'Enterprise', 'Policy', 'Programme'], limit: 24 })).nodes;
  const ids = things.map((n) => JSON.stringify(n.id));
  const pairs = Array.from({ length: 8 }, (_, i) => [ids[i], ids[(i + 5) % ids.length]]);
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  return {
    search: SEARCHES.map((text) => `{ search(text: "${text}", first: 10) { score node { id kind name } } }`),
    nodeWithMentions: ids
      .slice(0, 16)
      .map(
        (id) =>
          `{ node(id: ${id}) { id name letterCount mentions(first: 50) { text sentence { text } letter { ... on Letter { docNumber } } } } }`,
      ),
    neighbourhood2: ids
      .slice(0, 8)
      .map(
        (id) =>
          `{ neighbourhood(ids: [${id}], depth: 2, limit: 500) { capped nodes { id kind name } edges { type source target } } }`,
      ),
    path: pairs.map(
      ([a, b]) =>
        `{ path(from: ${a}, to: ${b}, maxHops: 4, edgeTypes: [MENTIONS, CONCERNS, SUPPORTS, PART_OF]) { nodes { id } edges { type } } }`,
    ),
    chainMatrix: ['[HEADING, SENTENCE]', '[HEADING]', '[SENTENCE, VOCABULARY]', '[HEADING, SENTENCE, VOCABULARY]'].map(
      (bases) => `{ chainMatrix(bases: ${bases}) { a { name } b { name } count } }`,
    ),
    commitments: years.flatMap((year) =>
      CHAINS.slice(0, 2).map(
        (chain) =>
          `{ commitments(filter: { year: ${year}, chain: "${chain}" }, first: 20) { totalCount nodes { text value unit year } } }`,
      ),
    ),
    connections: pairs.map(
      ([a, b]) =>
        `{ connections(from: ${a}, to: ${b}, maxHops: 4, first: 5) { capped paths { hops cost via { name } edges { type evidence { sentence { text } } } } } }`,
    ),
    recurring: [2, 3, 4, 5].flatMap((min) =>
      ['[Platform, Policy]', '[Programme, Enterprise]'].map(
        (kinds) =>
          `{ recurring(kinds: ${kinds}, minLetters: ${min}, first: 20) { totalCount nodes { letterCount node { name } } } }`,
      ),
    ),
    ledger: STATUSES.map(
      (status) =>
        `{ ledger(filter: { status: ${status} }, first: 20) { totalCount nodes { year commitment { id text } indicator { name } status { status reason } } } }`,
    ),
  };
}

/** Loads a served store from a separate process, one query kind at a time: one client alone, then `clients`. */
export async function measureApi(
  served: ServedStore,
  queries: Record<string, string[]>,
  clients: number,
  seconds: number,
  onQuery?: (name: string) => void,
): Promise<ApiFigures[]> {
  const url = `${served.url}/graphql`;
  const figures: ApiFigures[] = [];
  for (const [name, variants] of Object.entries(queries)) {
    onQuery?.(name);
    const serverRssBeforeMiB = served.rssMiB();
    let serverRssPeakMiB = serverRssBeforeMiB;
    const sampler = setInterval(() => (serverRssPeakMiB = Math.max(serverRssPeakMiB, served.rssMiB())), 250);
    // One client alone first: what a query costs, before queueing behind 49 others.
    const alone = await runClient(url, variants, 1, 0, 2);
    const result = await runClient(url, variants, clients, seconds).finally(() => clearInterval(sampler));
    figures.push({
      query: name,
      variants: variants.length,
      ...result,
      aloneP50: alone.p50,
      aloneFirst: alone.first,
      serverRssBeforeMiB,
      serverRssAfterMiB: served.rssMiB(),
      serverRssPeakMiB: Math.max(serverRssPeakMiB, served.rssMiB()),
    });
  }
  return figures;
}

type ClientResult = Omit<
  ApiFigures,
  'query' | 'variants' | 'aloneP50' | 'aloneFirst' | 'serverRssBeforeMiB' | 'serverRssAfterMiB' | 'serverRssPeakMiB'
> & { first: number };

function runClient(
  url: string,
  queries: string[],
  clients: number,
  seconds: number,
  rounds = 0,
): Promise<ClientResult> {
  const script = fileURLToPath(new URL('./load-client.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, url, JSON.stringify(queries), String(clients), String(seconds), String(rounds)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load client exited with ${code}`)),
    );
  });
}
