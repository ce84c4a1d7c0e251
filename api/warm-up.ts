import type { GraphStore } from '../store/port.ts';
import type { InnographServer } from './create-server.ts';
import { letterHeaders } from './resolvers/explored-graph.ts';

/**
 * What a server computes once per graph version before it answers: the
 * indexes behind search, the filtered lists, each node's chains, the chain
 * matrix (its ties, and the matrix for all bases and for each set of them), the ranked
 * list behind `recurring`, the ledger, the letters' headers and the numbered
 * links that `connections` reads, and the stats. Asked through the API itself (in process, not over the
 * network: with several workers, a request to the shared port could reach
 * another one), so what is kept is exactly what a request would keep.
 *
 * Without it the first request of each kind on each worker paid for these —
 * 20 s for the first search of a 10,000-letter store on a busy machine, with
 * every request behind it waiting.
 */
const BASES = ['NAME', 'HEADING', 'SENTENCE', 'VOCABULARY'];
/** Every set of bases a client can ask the chain matrix for (15 and all): a set first asked under load waited seconds. */
const BASIS_SETS = [
  null,
  ...Array.from({ length: 2 ** BASES.length - 1 }, (_, m) => BASES.filter((_, i) => (m + 1) & (1 << i))),
];

export const WARM_QUERIES: readonly string[] = [
  '{ search(text: "科技", first: 1) { score } }',
  '{ commitments(first: 1) { totalCount } }',
  '{ entities(chain: "创新链", first: 1) { totalCount } }',
  ...BASIS_SETS.map((set) => `{ chainMatrix${set ? `(bases: [${set.join(', ')}])` : ''} { count } }`),
  '{ recurring(minLetters: 2, first: 1) { totalCount } }',
  '{ recurring(minLetters: 2, includeHeaderAndFooter: true, first: 1) { totalCount } }',
  '{ ledger(first: 1) { totalCount } }',
  '{ stats { nodes } }',
];

/** Asks the warm-up queries of a server in turn; returns the ms it took and the queries that failed (a store that cannot open yet). */
export async function warmUp(server: InnographServer, store: GraphStore): Promise<{ ms: number; failed: number }> {
  const started = performance.now();
  let failed = 0;
  for (const query of WARM_QUERIES) {
    const response = await server.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-innograph': 'warm-up' },
      body: JSON.stringify({ query }),
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (!response.ok || answer.errors) failed++;
  }
  await letterHeaders(store).catch(() => failed++);
  // The links connections walks, by number (the embedded store; null elsewhere).
  await store.connectionLinks?.().catch(() => failed++);
  return { ms: performance.now() - started, failed };
}

/**
 * Warms each new graph version the server reloads (another process ingested or removed letters): checked every
 * `everyMs`, off the request path. Returns the function that stops it.
 */
export function warmEachVersion(server: InnographServer, store: GraphStore, everyMs = 1000): () => void {
  let warmed: string | null = null;
  let busy = false;
  const check = async () => {
    if (busy || !store.graphVersion) return;
    busy = true;
    try {
      const id = (await store.graphVersion()).id;
      if (warmed === null) warmed = id;
      else if (id !== warmed) {
        warmed = id;
        await warmUp(server, store);
      }
    } catch {
      // The store cannot be read now: its requests say so; try again at the next tick.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
