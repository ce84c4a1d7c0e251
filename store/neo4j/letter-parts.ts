import type { LetterFragment } from '../letter-fragments.ts';
import { edgeKey, type GraphEdge, type NodeKind } from '../../domain/model.ts';
import { inBody, letterBody } from '../letter-body.ts';
import { edgeVariant, nodeVariant, type StoredPart } from './rows.ts';

/**
 * Layout 4 keeps each letter's parts of nodes and edges on one LetterParts node
 * (the letter '' holds the parts no letter owns: the chains): two parallel
 * lists a kind, the ids (or edge keys) to find a part by, and each part as one
 * JSON string. Writing a letter is one node, not one node per part: layout 3
 * wrote an EdgePart node per letter and edge (about 600,000 at 10,000 letters)
 * and a NodePart per letter and node, each with two index entries.
 */

export type EdgeEnds = Pick<GraphEdge, 'type' | 'source' | 'target'>;

/** A letter's parts as the writes handle them. */
export interface LetterParts {
  letter: string;
  nodes: Array<{ id: string; kind?: NodeKind; part: StoredPart }>;
  edges: Array<{ key: string; ends: EdgeEnds; part: StoredPart }>;
}

/** A letter's fragment as parts: its version of each node and edge, its spans, and (nodes) whether it names the node in its body. */
export function partsOf({ letter, nodes, edges }: LetterFragment): LetterParts {
  const body = letterBody(letter, edges);
  return {
    letter,
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      part: {
        letter,
        variant: nodeVariant(node),
        starts: node.mentions.map((m) => m.start),
        ends: node.mentions.map((m) => m.end),
        body: node.mentions.some((m) => inBody(body, m)),
      },
    })),
    edges: edges.map((edge) => ({
      key: edgeKey(edge),
      ends: { type: edge.type, source: edge.source, target: edge.target },
      part: {
        letter,
        variant: edgeVariant(edge),
        starts: edge.evidence.map((e) => e.start),
        ends: edge.evidence.map((e) => e.end),
      },
    })),
  };
}

/** The row set-letter-parts.cypher writes for a letter. */
export function lettersPartsRow(parts: LetterParts) {
  return {
    letter: parts.letter,
    nodeIds: parts.nodes.map((n) => n.id),
    nodeParts: parts.nodes.map((n) => encodeNodePart(n.part)),
    edgeKeys: parts.edges.map((e) => e.key),
    edgeParts: parts.edges.map((e) => encodeEdgePart(e.ends, e.part)),
  };
}

export function encodeNodePart(part: StoredPart): string {
  return JSON.stringify([part.variant, part.body !== false, part.starts, part.ends]);
}

export function decodeNodePart(letter: string, json: string): StoredPart {
  const [variant, body, starts, ends] = JSON.parse(json) as [string, boolean, number[], number[]];
  return { letter, variant, body, starts, ends };
}

export function encodeEdgePart(ends: EdgeEnds, part: StoredPart): string {
  return JSON.stringify([ends.type, ends.source, ends.target, part.variant, part.starts, part.ends]);
}

export function decodeEdgePart(letter: string, json: string): { ends: EdgeEnds; part: StoredPart } {
  const [type, source, target, variant, starts, ends] = JSON.parse(json) as [
    EdgeEnds['type'],
    string,
    string,
    string,
    number[],
    number[],
  ];
  return { ends: { type, source, target }, part: { letter, variant, starts, ends } };
}

/** A LetterParts record as letter-parts.cypher returns it. */
export function partsOfRecord(r: { get(key: string): unknown }): LetterParts {
  const letter = r.get('letter') as string;
  const nodeIds = (r.get('nodeIds') as string[] | null) ?? [];
  const nodeParts = (r.get('nodeParts') as string[] | null) ?? [];
  const edgeKeys = (r.get('edgeKeys') as string[] | null) ?? [];
  const edgeParts = (r.get('edgeParts') as string[] | null) ?? [];
  return {
    letter,
    nodes: nodeIds.map((id, i) => ({ id, part: decodeNodePart(letter, nodeParts[i]) })),
    edges: edgeKeys.map((key, i) => ({ key, ...decodeEdgePart(letter, edgeParts[i]) })),
  };
}

/** Distinct letters of a merged edge's evidence (each part of an edge has evidence in its letter). */
export function lettersOfEvidence(eLetters: unknown): string[] {
  return [...new Set(((eLetters as string[] | null) ?? []).map(String))];
}
