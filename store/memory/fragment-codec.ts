import type { LetterFragment } from '../letter-fragments.ts';
import type { Evidence, GraphEdge, GraphNode } from '../../domain/model.ts';

/**
 * A fragment's line in a segment. Every evidence span of a fragment belongs to
 * its letter, so spans are stored as flat [start, end, start, end, …] lists
 * without the letter: a third of the bytes, and fewer objects to parse.
 */
interface EncodedFragment {
  letter: string;
  nodes: Array<Omit<GraphNode, 'mentions'> & { mentions: number[] }>;
  edges: Array<Omit<GraphEdge, 'evidence'> & { evidence: number[] }>;
}

export function encodeFragment(fragment: LetterFragment): EncodedFragment {
  return {
    letter: fragment.letter,
    nodes: fragment.nodes.map((node) => ({ ...node, mentions: flat(node.mentions) })),
    edges: fragment.edges.map((edge) => ({ ...edge, evidence: flat(edge.evidence) })),
  };
}

/** Turns a parsed line into a fragment in place (the parsed objects are fresh: no need to copy them). */
export function decodeFragment(encoded: EncodedFragment): LetterFragment {
  const { letter } = encoded;
  const spans = (flatList: unknown): Evidence[] => {
    if (!Array.isArray(flatList)) throw new TypeError('evidence is not a list');
    const out: Evidence[] = [];
    for (let i = 0; i + 1 < flatList.length; i += 2)
      out.push({ letter, start: flatList[i] as number, end: flatList[i + 1] as number });
    return out;
  };
  if (!Array.isArray(encoded.nodes) || !Array.isArray(encoded.edges)) throw new TypeError('nodes or edges missing');
  const fragment = encoded as unknown as LetterFragment;
  for (const node of fragment.nodes) node.mentions = spans(node.mentions);
  for (const edge of fragment.edges) edge.evidence = spans(edge.evidence);
  return fragment;
}

function flat(evidence: Evidence[]): number[] {
  const out: number[] = [];
  for (const e of evidence) out.push(e.start, e.end);
  return out;
}

type Damaged = (why: string) => Error;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkNode(node: unknown, where: string, damaged: Damaged): void {
  if (
    !isObject(node) ||
    typeof node.id !== 'string' ||
    typeof node.kind !== 'string' ||
    typeof node.name !== 'string' ||
    !Array.isArray(node.aliases) ||
    !isObject(node.props) ||
    !Array.isArray(node.mentions)
  ) {
    throw damaged(`a node of ${where} lacks its id, kind, name, aliases, props or mentions`);
  }
}

/**
 * The shape the merged graph relies on, checked once at load: a file with a
 * valid header but a broken body is reported as a damaged store, not met
 * later as a TypeError in the middle of a request.
 */
export function checkFragment(fragment: unknown, damaged: Damaged): LetterFragment {
  if (
    !isObject(fragment) ||
    typeof fragment.letter !== 'string' ||
    !Array.isArray(fragment.nodes) ||
    !Array.isArray(fragment.edges)
  ) {
    throw damaged('a fragment lacks its letter, nodes or edges');
  }
  for (const node of fragment.nodes) checkNode(node, fragment.letter, damaged);
  for (const edge of fragment.edges as unknown[]) {
    if (
      !isObject(edge) ||
      typeof edge.type !== 'string' ||
      typeof edge.source !== 'string' ||
      typeof edge.target !== 'string' ||
      !isObject(edge.props) ||
      !Array.isArray(edge.evidence)
    ) {
      throw damaged(`an edge of ${fragment.letter} lacks its type, ends, props or evidence`);
    }
  }
  return fragment as unknown as LetterFragment;
}

export function checkShared(shared: unknown, damaged: Damaged): GraphNode[] {
  if (shared === undefined) return [];
  if (!Array.isArray(shared)) throw damaged('the shared nodes are not a list');
  for (const node of shared) checkNode(node, 'the shared nodes', damaged);
  return shared as GraphNode[];
}
