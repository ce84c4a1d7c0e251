import type { EdgeType, GraphEdge } from '../domain/model.ts';

/**
 * A graph version's links by number, made once per version (the embedded
 * store's store/memory/link-index.ts), for a search that walks tens of
 * thousands of links per request — "what connects A and B"
 * (api/resolvers/indexed-explored.ts), the shortest path (store/memory/path-search.ts) — without making an object of each one
 * or asking the store for each step. Nodes and links are numbered from 0; a
 * link's number is its rank in key order (type, source, target), the order
 * GraphStore.edgesOf answers in, so sorting numbers sorts links as edgesOf does.
 */
export interface LinkNumbers {
  readonly nodeCount: number;
  readonly linkCount: number;
  numberOf(id: string): number | undefined;
  idOf(node: number): string;
  /** Each node's place among the ids in string order: nodes compared by it sort as their ids do. */
  readonly rank: Int32Array;
  /** Each node's links of every type, as the store's graph counts them (a loop twice). */
  readonly degree: Int32Array;
  /** Each node's kind, as a place in `kinds`. */
  readonly kind: Uint8Array;
  readonly kinds: readonly string[];
  /** 1 for a node of kind Letter. */
  readonly letter: Uint8Array;
  /** Each link's ends. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Each link's type, as a place in `types`. */
  readonly type: Uint8Array;
  readonly types: readonly EdgeType[];
  /** The links of node n, either way, in link order: linkList[linkStart[n]] up to linkList[linkStart[n + 1]]; a loop once. */
  readonly linkStart: Int32Array;
  readonly linkList: Int32Array;
  /**
   * For a MENTIONS link, 1 when its letter names the thing in its body (some evidence in the letter, after its
   * header and before its footer: store/letter-body.ts); 0 for every other link.
   */
  readonly mentionInBody: Uint8Array;
  /** The link as the store's reads give it. */
  edge(link: number): GraphEdge;
}
