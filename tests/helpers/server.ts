import { createServer, type ServerOptions } from '../../api/create-server.ts';
import { generateCorpus } from '../../bench/corpus.ts';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { LETTERS_DIR } from './seeds.ts';

export interface GqlResult {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** A store holding the five seed letters. */
export async function seededStore(path: string | null = null): Promise<MemoryStore> {
  const store = new MemoryStore({ path });
  // Known letters: read in this thread, without starting the time guard's worker for every test file.
  await ingestFiles([LETTERS_DIR], store, { workers: 0 });
  return store;
}

/** A store holding `letters` synthetic letters (bench/corpus.ts), generated into `dir`. */
export async function syntheticStore(letters: number, dir: string): Promise<MemoryStore> {
  await generateCorpus({ letters, out: dir, seedDir: LETTERS_DIR });
  const store = new MemoryStore({ path: null });
  await ingestFiles([dir], store);
  return store;
}

/** The real HTTP server on a free port, and a client for it. */
export async function startServer(store: GraphStore, options: Partial<ServerOptions> = {}) {
  const server = createServer({ store, ...options });
  const url = await server.listen(0);
  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GqlResult> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };
  return { url, gql, close: () => server.close() };
}
