import type { GraphEdge, GraphNode } from '../../domain/model.ts';

/**
 * What the embedded store's reads (queries.ts, read-index.ts) ask of a graph:
 * the part of graphology's API they use. Two graphs provide it — the
 * graphology graph a store builds by merging letter fragments (memory-graph.ts),
 * which takes changes, and the read-only graph of a stored image (image-graph.ts),
 * which opens a large store in a fraction of the time.
 */
export interface ReadGraph {
  readonly order: number;
  readonly size: number;
  hasNode(id: string): boolean;
  getNodeAttributes(id: string): GraphNode;
  degree(id: string): number;
  forEachNode(callback: (id: string, node: GraphNode) => void): void;
  mapNodes<T>(callback: (id: string, node: GraphNode) => T): T[];
  filterNodes(callback: (id: string, node: GraphNode) => boolean): string[];
  forEachEdge(callback: (key: string, edge: GraphEdge) => void): void;
  forEachEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void;
  forEachOutEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void;
  forEachInEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void;
}
