import { edgeKey, type GraphDocument, type GraphEdge, type GraphNode } from '../../domain/model.ts';
import type { ImageSource } from './image-encode.ts';
import { byLetter, notesAsMerged, tidy } from './memory-graph.ts';

/**
 * A committed GraphDocument as the source of the store's image, without making it a graphology graph first
 * (MergedGraph.ofDocument took 3 of the 20 s a one-letter change into 10,000 letters spent committing, for a
 * graph the `innograph ingest` process never reads). The nodes and edges are those ofDocument puts in its
 * graph, in the same order — every node, and each edge with evidence whose ends are nodes — so the image's
 * bytes are the same. Null when ofDocument would not take the document as it is (a node twice, aliases or
 * evidence out of merge order: a document written by hand), or its edges are not in key order as
 * GraphBuilder makes them: it is then merged from the letters' parts.
 */
export function documentImageSource(
  document: GraphDocument,
  /** The key of each of the document's edges (edgeKey), when the caller has them. */
  keyOf: readonly string[] = document.edges.map(edgeKey),
): ImageSource | null {
  const ids = new Set<string>();
  for (const node of document.nodes) {
    if (ids.has(node.id) || !tidy(node) || !byLetter(node.mentions)) return null;
    ids.add(node.id);
  }
  // Edges in key order (as GraphBuilder sorts them), so that a key seen twice is one after the other.
  const edges: GraphEdge[] = [];
  const keys: string[] = [];
  let previous: string | null = null;
  for (let e = 0; e < document.edges.length; e++) {
    const edge = document.edges[e];
    if (edge.evidence.length === 0 || !ids.has(edge.source) || !ids.has(edge.target)) continue;
    const key = keyOf[e];
    if ((previous !== null && key <= previous) || !byLetter(edge.evidence) || !notesAsMerged(edge)) return null;
    previous = key;
    edges.push(edge);
    keys.push(key);
  }
  return {
    order: document.nodes.length,
    size: edges.length,
    inKeyOrder: true,
    forEachNode(callback: (id: string, node: GraphNode) => void) {
      for (const node of document.nodes) callback(node.id, node);
    },
    forEachEdge(callback: (key: string, edge: GraphEdge) => void) {
      for (let e = 0; e < edges.length; e++) callback(keys[e], edges[e]);
    },
  };
}
