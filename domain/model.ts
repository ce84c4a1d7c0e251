/**
 * The graph model shared by ingest, the stores and the API: the GraphDocument
 * of design.md ("The GraphDocument"). Plain JSON, so it can be exported,
 * diffed and fed to the evaluation.
 */

export const NODE_KINDS = [
  'Letter',
  'Proposal',
  'Person',
  'Organization',
  'Platform',
  'Enterprise',
  'Policy',
  'Programme',
  'Commitment',
  'Achievement',
  'Chain',
  'Indicator',
  // A province, city or county with its GB/T 2260 code (ingest/place): where a letter is from.
  'Place',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_TYPES = [
  'ANSWERS',
  'PROPOSED_BY',
  'ISSUED_BY',
  'CONTACT',
  'CC',
  'MENTIONS',
  'COMMITS_TO',
  'REPORTS',
  'CONCERNS',
  'SUPPORTS',
  'ADVANCES',
  'PART_OF',
  'MEASURES',
  // Letter → Place (where it is from, with the source and confidence), Place → Place (the division it belongs to).
  'IN_PLACE',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export const CHAINS = ['创新链', '产业链', '资金链', '人才链'] as const;
export type ChainName = (typeof CHAINS)[number];

/** A span of a letter's cleaned text (see ingest/read/clean.ts): `text.slice(start, end)`. */
export interface Evidence {
  letter: string;
  start: number;
  end: number;
}

export type PropValue = string | number | boolean | null | string[] | number[];
export type Props = Record<string, PropValue>;

// Type aliases, not interfaces: graphology's attribute types need an index signature.
export type GraphNode = {
  id: string;
  kind: NodeKind;
  name: string;
  aliases: string[];
  props: Props;
  mentions: Evidence[];
};

export type GraphEdge = {
  type: EdgeType;
  source: string;
  target: string;
  props: Props;
  evidence: Evidence[];
};

export interface GraphDocument {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function isChainName(value: string): value is ChainName {
  return (CHAINS as readonly string[]).includes(value);
}

/** The key that identifies an edge: one edge per (type, source, target). */
export function edgeKey(edge: Pick<GraphEdge, 'type' | 'source' | 'target'>): string {
  return `${edge.type}|${edge.source}|${edge.target}`;
}
