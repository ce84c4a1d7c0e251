import type { ElementDefinition } from 'cytoscape';
import type { ApiEdge, ApiNode, ApiSubgraph } from './model.ts';
import { placeNote } from './place-label.ts';

/**
 * GraphQL results to Cytoscape elements. Node data keeps what the filters
 * need (kind, chains, letters) and `weight`, the number of letters that
 * mention the node, which sets its size. Edges whose ends are not in the set
 * are dropped, so a subgraph is always drawable.
 */
export function toElements(subgraph: Pick<ApiSubgraph, 'nodes' | 'edges'>): ElementDefinition[] {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  return [
    ...subgraph.nodes.map(nodeElement),
    ...subgraph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(edgeElement),
  ];
}

export function nodeElement(node: ApiNode): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      kind: node.kind,
      group: node.kind,
      // The place joins the label where another thing drawn has the same name (labelsWithPlaces).
      label: shortLabel(node),
      name: node.name,
      weight: node.letterCount,
      chains: [...new Set((node.chains ?? []).map((c) => c.chain.name))],
    },
  };
}

export function edgeElement(edge: ApiEdge): ElementDefinition {
  return { group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type } };
}

/** Commitments and letters have long names; the label keeps the start. */
export function shortLabel(node: Pick<ApiNode, 'kind' | 'name'>): string {
  const max = node.kind === 'Commitment' || node.kind === 'Achievement' ? 14 : 18;
  return node.name.length > max ? `${node.name.slice(0, max)}…` : node.name;
}

/** Elements of `incoming` not already in `present` (by id): what an expand adds. */
export function newElements(present: Set<string>, incoming: ElementDefinition[]): ElementDefinition[] {
  return incoming.filter((e) => !present.has(String(e.data.id)));
}

/** Node sizes from 18 to 44 by the square root of letters, relative to `max` (the most-mentioned thing of the view). */
export function withSizes(elements: ElementDefinition[], max: number): ElementDefinition[] {
  return elements.map((e) =>
    e.group === 'nodes'
      ? {
          ...e,
          data: {
            ...e.data,
            size: Math.round(18 + 26 * Math.sqrt(Math.min(1, Number(e.data.weight ?? 0) / Math.max(1, max)))),
          },
        }
      : e,
  );
}

export function maxWeight(elements: ElementDefinition[]): number {
  return Math.max(1, ...elements.filter((e) => e.group === 'nodes').map((e) => Number(e.data.weight ?? 0)));
}

/** A title per kind for the summary: its name and how many of how many are shown. */
export function groupTitles(
  elements: ElementDefinition[],
  totals: Map<string, number>,
  title: (kind: string, shown: number, total: number) => string,
): ElementDefinition[] {
  const shown = new Map<string, number>();
  for (const e of elements)
    if (e.group === 'nodes') shown.set(String(e.data.kind), (shown.get(String(e.data.kind)) ?? 0) + 1);
  return [...shown].map(([kind, n]) => ({
    group: 'nodes',
    classes: 'group-title',
    data: {
      id: `title:${kind}`,
      kind: 'GroupTitle',
      group: kind,
      shown: n,
      total: totals.get(kind) ?? n,
      label: title(kind, n, totals.get(kind) ?? n),
    },
  }));
}

/**
 * Each node's label, with its place beside the name (区科技局（北京市朝阳区）) where another node of the list has the
 * same name: four 市政府 of four cities are four labels; the one 市府办 of a one-city archive keeps its short label.
 */
export function labelsWithPlaces(nodes: Array<{ id: string; kind: string; name: string }>): Map<string, string> {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(n.name, (count.get(n.name) ?? 0) + 1);
  return new Map(
    nodes.map((n) => [n.id, `${shortLabel(n)}${(count.get(n.name) ?? 0) > 1 ? placeNote(n.id, 'zh') : ''}`]),
  );
}
