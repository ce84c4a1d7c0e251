import type { GraphDocument } from '../../domain/model.ts';

/** Every node and edge of a graph as one comparable line, sorted, so a difference names what differs. */
export function lines(graph: GraphDocument): string[] {
  return [
    ...graph.nodes.map(
      (n) => `${n.id} ${n.name} ${JSON.stringify(n.aliases)} ${JSON.stringify(n.props)} ${JSON.stringify(n.mentions)}`,
    ),
    ...graph.edges.map(
      (e) => `${e.type} ${e.source} → ${e.target} ${JSON.stringify(e.props)} ${JSON.stringify(e.evidence)}`,
    ),
  ].sort();
}
