import type { Evidence, GraphEdge, GraphNode, NodeKind, EdgeType } from '../model.ts';
import type { LetterFragment } from '../letter-fragments.ts';

/** Conversions between the GraphDocument model and the property layout in Neo4j (lists, JSON props). */

export interface NodeRecord {
  id: string;
  kind: string;
  name: string;
  aliases: string[] | null;
  propsJson: string | null;
  mentionLetters: string[] | null;
  mentionStarts: unknown[] | null;
  mentionEnds: unknown[] | null;
}

const num = (v: unknown) => (typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v));

export function nodeFromRecord(r: NodeRecord): GraphNode {
  const letters = r.mentionLetters ?? [];
  return {
    id: r.id, kind: r.kind as NodeKind, name: r.name, aliases: [...(r.aliases ?? [])].sort(),
    props: r.propsJson ? JSON.parse(r.propsJson) : {},
    mentions: letters.map((letter, i) => ({ letter, start: num(r.mentionStarts![i]), end: num(r.mentionEnds![i]) })),
  };
}

export function edgeFromRecord(r: { type: string; source: string; target: string; propsJson: string | null; letters: string[] | null; starts: unknown[] | null; ends: unknown[] | null }): GraphEdge {
  return {
    type: r.type as EdgeType, source: r.source, target: r.target, props: r.propsJson ? JSON.parse(r.propsJson) : {},
    evidence: (r.letters ?? []).map((letter, i): Evidence => ({ letter, start: num(r.starts![i]), end: num(r.ends![i]) })),
  };
}

const BASIS_RANK: Record<string, number> = { heading: 0, sentence: 1, vocabulary: 2 };

export function nodeRows(fragment: Pick<LetterFragment, 'nodes'>, letter: string | null) {
  return fragment.nodes.map((n) => ({
    id: n.id, kind: n.kind, name: n.name, aliases: n.aliases, propsJson: JSON.stringify(n.props), letter,
    starts: n.mentions.map((m) => m.start), ends: n.mentions.map((m) => m.end),
    year: typeof n.props.year === 'number' ? n.props.year : null,
    unit: typeof n.props.unit === 'string' ? n.props.unit : null,
    value: typeof n.props.value === 'number' ? n.props.value : null,
    text: typeof n.props.text === 'string' ? n.props.text : null,
    commitmentLetter: typeof n.props.letter === 'string' ? n.props.letter : null,
  }));
}

export function edgeRows(fragment: Pick<LetterFragment, 'edges'>, letter: string) {
  return fragment.edges.map((e) => ({
    type: e.type, source: e.source, target: e.target, propsJson: JSON.stringify(e.props),
    basis: typeof e.props.basis === 'string' ? e.props.basis : null,
    basisRank: typeof e.props.basis === 'string' ? BASIS_RANK[e.props.basis] ?? null : null,
    letter, starts: e.evidence.map((x) => x.start), ends: e.evidence.map((x) => x.end),
  }));
}

export { num };
