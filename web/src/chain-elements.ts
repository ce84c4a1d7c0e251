import type { ElementDefinition } from 'cytoscape';
import { shortLabel } from './elements.ts';

/**
 * The four-chain view as elements: each chain a compound area; a thing that
 * advances one chain sits inside it, one that advances several sits between
 * them, tied to each; the links between chains are weighted by how many
 * things bridge them.
 */
export interface MatrixPair {
  a: { name: string };
  b: { name: string };
  count: number;
  nodes: Array<{ node: { id: string; kind: string; name: string; letterCount: number } }>;
}

export const CHAIN_VIEW_KINDS = ['Programme', 'Platform', 'Commitment', 'Policy', 'Enterprise'];

/** Where the four chains sit: innovation top left, industry top right, capital bottom left, talent bottom right. */
const ANCHOR_POSITIONS = [{ x: -380, y: -260 }, { x: 380, y: -260 }, { x: -380, y: 260 }, { x: 380, y: 260 }];

export function chainElements(matrix: MatrixPair[], kinds: string[] = CHAIN_VIEW_KINDS): ElementDefinition[] {
  const chainsOf = new Map<string, { node: MatrixPair['nodes'][number]['node']; chains: string[] }>();
  for (const pair of matrix.filter((p) => p.a.name === p.b.name)) {
    for (const { node } of pair.nodes) {
      if (!kinds.includes(node.kind)) continue;
      const entry = chainsOf.get(node.id) ?? { node, chains: [] };
      entry.chains.push(pair.a.name);
      chainsOf.set(node.id, entry);
    }
  }
  const areas = [...new Set(matrix.map((p) => p.a.name))];
  // Each area holds an invisible anchor that the layout pins to a corner, so the four chains keep their places
  // and what bridges two of them is pulled in between.
  const elements: ElementDefinition[] = areas.flatMap((chain, i): ElementDefinition[] => [
    { group: 'nodes', data: { id: `area:${chain}`, label: chain, chainArea: chain, kind: 'ChainArea' } },
    { group: 'nodes', classes: 'anchor', data: { id: `anchor:${chain}`, parent: `area:${chain}`, kind: 'Anchor', label: '', anchor: ANCHOR_POSITIONS[i % ANCHOR_POSITIONS.length] } },
  ]);
  for (const { node, chains } of chainsOf.values()) {
    const inside = chains.length === 1;
    elements.push({ group: 'nodes', data: { id: node.id, kind: node.kind, name: node.name, label: shortLabel(node), weight: node.letterCount, chains, ...(inside ? { parent: `area:${chains[0]}` } : {}) } });
    if (!inside) for (const chain of chains) elements.push({ group: 'edges', data: { id: `tie:${node.id}:${chain}`, source: node.id, target: `anchor:${chain}`, type: 'ADVANCES' } });
  }
  for (const pair of matrix) {
    if (pair.a.name === pair.b.name || pair.count === 0) continue;
    elements.push({ group: 'edges', classes: 'chain-link', data: { id: `link:${pair.a.name}:${pair.b.name}`, source: `area:${pair.a.name}`, target: `area:${pair.b.name}`, weight: pair.count, label: String(pair.count), a: pair.a.name, b: pair.b.name } });
  }
  return elements;
}
