import type { GraphDocument } from '../../domain/model.ts';
import { commitGraph as commit } from '../../store/commit-graph.ts';
import type { GraphStore, StoreCommit } from '../../store/port.ts';

/**
 * For tests of the store port itself, with hand-made graphs: make the store hold exactly `graph`.
 * Letters go in through ingestFiles (ingest/ingest-files.ts).
 */
export function commitGraph(store: GraphStore, graph: GraphDocument): Promise<StoreCommit> {
  return commit(store, graph, { waitMs: 30_000 });
}

/** Several letters' graphs as one document, as if each letter had been built on its own (their parts kept apart). */
export function together(...graphs: GraphDocument[]): GraphDocument {
  return { nodes: graphs.flatMap((g) => g.nodes), edges: graphs.flatMap((g) => g.edges) };
}
