import type { GraphDocument, GraphEdge, GraphNode } from '../domain/model.ts';
import { LIMITS, type GraphStore } from './port.ts';

/**
 * Every node a store holds, with all its mentions, and every edge with all its
 * evidence, read page by page through the port (so it works on any adapter):
 * what `innograph export` writes, and what tests and benchmarks compare.
 */
export async function wholeGraph(store: GraphStore): Promise<GraphDocument> {
  const nodes: GraphNode[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes({}, { first: LIMITS.pageSize, after });
    nodes.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  const edges: GraphEdge[] = [];
  for (let i = 0; i < nodes.length; i += LIMITS.ids)
    edges.push(
      ...(await store.edgesOf(
        nodes.slice(i, i + LIMITS.ids).map((n) => n.id),
        { direction: 'out' },
      )),
    );
  return { nodes, edges };
}
