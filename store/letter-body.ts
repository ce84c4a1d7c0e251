import type { EdgeType, Evidence, GraphEdge } from '../domain/model.ts';

/**
 * Where a letter's own content stands: after its header (the title and the
 * reply's reference to the proposal, where its ANSWERS link's evidence ends)
 * and before its footer (where its first signature, contact or 抄送 copy line
 * starts: ISSUED_BY, CONTACT, CC). What a letter names only outside it is
 * boilerplate every letter has — 市府办 on every copy line — not something
 * the letters discuss. The connections search (api/resolvers/explored-graph.ts)
 * and `recurring` in both stores (store/memory/queries.ts, cypher/recurring.cypher)
 * draw the line the same way.
 */
export const HEADER_LINK_TYPES: readonly EdgeType[] = ['ANSWERS', 'CC', 'ISSUED_BY', 'CONTACT'];

export interface LetterBody {
  /** Offset just after the header: the end of the ANSWERS evidence, 0 when there is none. */
  start: number;
  /** Offset where the footer starts, Infinity when there is none. */
  end: number;
}

/** A letter's body from its own header links (edges from the letter, evidence in the letter). */
export function letterBody(letter: string, headerLinks: Iterable<GraphEdge>): LetterBody {
  const body: LetterBody = { start: 0, end: Number.POSITIVE_INFINITY };
  for (const edge of headerLinks) {
    if (edge.source !== letter || !HEADER_LINK_TYPES.includes(edge.type)) continue;
    for (const e of edge.evidence) {
      if (e.letter !== letter) continue;
      if (edge.type === 'ANSWERS') body.start = Math.max(body.start, e.end);
      else body.end = Math.min(body.end, e.start);
    }
  }
  return body;
}

export function inBody(body: LetterBody | undefined, evidence: Evidence): boolean {
  return !body || (evidence.start >= body.start && evidence.end <= body.end);
}
