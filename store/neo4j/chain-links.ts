import type { ChainEdgeRow } from '../chain-matrix.ts';
import type { GraphNode } from '../../domain/model.ts';

/**
 * The chain matrix's input (every ADVANCES edge to a chain, and the things they tie), read once at the
 * end of each commit and kept as JSON (set-chain-links.cypher), so the matrix of a 10,000-letter graph
 * is one kept value to read instead of every tie's evidence and every tied thing's mentions per server.
 */
export interface ChainLinks {
  rows: ChainEdgeRow[];
  nodes: GraphNode[];
}
