import type { GraphDocument } from '../domain/model.ts';
import type { GraphStore, StoreCommit, WriteProgress } from './port.ts';

/**
 * The store's own write as one call: make the store hold exactly `graph`, in one commit under the
 * write lock. Letters go in through ingest/ingest-files.ts; this serves what writes a graph that is
 * already built — the stores' contract tests and the store benchmarks.
 */
export async function commitGraph(
  store: GraphStore,
  graph: GraphDocument,
  options: { waitMs?: number; onProgress?: WriteProgress } = {},
): Promise<StoreCommit> {
  const write = await store.beginWrite({ waitMs: options.waitMs });
  try {
    return await write.commit(graph, options.onProgress);
  } finally {
    await write.release();
  }
}
