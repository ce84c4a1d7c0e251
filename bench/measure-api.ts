import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from '../api/create-server.ts';
import type { GraphStore } from '../store/port.ts';

export interface ApiFigures {
  query: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  aloneP50: number;
}

/** Queries of the kinds an analyst and the explorer send, with ids taken from the store itself. */
export async function benchQueries(store: GraphStore): Promise<Record<string, string>> {
  const platforms = (await store.overview({ kinds: ['Platform'], limit: 2 })).nodes;
  const [a, b] = platforms.map((n) => JSON.stringify(n.id));
  return {
    search: '{ search(text: "实验室", first: 10) { score node { id kind name } } }',
    nodeWithMentions: `{ node(id: ${a}) { id name letterCount mentions(first: 50) { text sentence { text } letter { ... on Letter { docNumber } } } } }`,
    neighbourhood2: `{ neighbourhood(ids: [${a}], depth: 2, limit: 500) { capped nodes { id kind name } edges { type source target } } }`,
    path: `{ path(from: ${a}, to: ${b}, maxHops: 4, edgeTypes: [MENTIONS, CONCERNS, SUPPORTS, PART_OF]) { nodes { id } edges { type } } }`,
    chainMatrix: '{ chainMatrix(bases: [HEADING, SENTENCE]) { a { name } b { name } count } }',
    commitments:
      '{ commitments(filter: { year: 2024, chain: "人才链" }, first: 20) { totalCount nodes { text value unit year } } }',
    connections: `{ connections(from: ${a}, to: ${b}, maxHops: 4, first: 5) { capped paths { hops cost via { name } edges { type evidence { sentence { text } } } } } }`,
    recurring:
      '{ recurring(kinds: [Platform, Policy], minLetters: 2, first: 20) { totalCount nodes { letterCount node { name } letters { letter { id } } } } }',
  };
}

/** Serves `store` here and loads it from a separate process, one query kind at a time. */
export async function measureApi(
  store: GraphStore,
  clients: number,
  seconds: number,
  onQuery?: (name: string) => void,
): Promise<ApiFigures[]> {
  const server = createServer({ store });
  const url = `${await server.listen(0)}/graphql`;
  const figures: ApiFigures[] = [];
  try {
    for (const [name, query] of Object.entries(await benchQueries(store))) {
      onQuery?.(name);
      // One client alone first: the time a query costs, before queueing behind 49 others.
      const alone = await runClient(url, query, 1, Math.min(2, seconds));
      const result = await runClient(url, query, clients, seconds);
      figures.push({ query: name, ...result, aloneP50: alone.p50 });
    }
  } finally {
    await server.close();
  }
  return figures;
}

function runClient(url: string, query: string, clients: number, seconds: number): Promise<Omit<ApiFigures, 'query'>> {
  const script = fileURLToPath(new URL('./load-client.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, url, JSON.stringify(query), String(clients), String(seconds)],
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
