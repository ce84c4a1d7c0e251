import type { ChainName, EdgeType, Evidence, GraphDocument, GraphEdge, GraphNode, NodeKind } from '../domain/model.ts';
import type { BridgeTie, ChainBasis } from '../domain/chain-ties.ts';
import type { LinkNumbers } from './link-numbers.ts';

/**
 * The one interface ingest writes through and the API reads through
 * (design.md, "Storage"). Two adapters implement it: store/memory (embedded,
 * the default) and store/neo4j. tests/store/contract.ts holds the assertions
 * both must pass.
 */
export interface GraphStore {
  /** Where the data lives, for messages (never a password). */
  describe(): string;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
  /**
   * Optional: a view whose reads all answer from the graph as it is now, for
   * one API request, so a change landing mid-request cannot mix two versions.
   */
  pinned?(): Promise<GraphStore>;
  /**
   * Optional: `compute` run once per version of the graph, its answer kept
   * while the graph stays the same and shared by concurrent callers, so a
   * question that reads much of the graph (the API's ledger, every letter's
   * body) costs a request what its answer costs. `compute` reads through the
   * store it is given, which answers from that version.
   */
  memo?<T>(key: string, compute: (store: GraphStore) => Promise<T>): Promise<T>;
  /**
   * Optional: names the graph's current state, the same as long as nothing
   * changed, so that what is derived from the whole graph (the ecosystem map,
   * api/map/) is computed once per state and kept beside the store.
   */
  graphVersion?(): Promise<StoreVersion>;
  /**
   * Optional: this version's links by number (store/link-numbers.ts), made once per version, so that a search
   * walking tens of thousands of links (the API's connections) need not ask the store for each step. Null or
   * absent: the search walks through edgesOf (the Neo4j adapter).
   */
  connectionLinks?(): Promise<LinkNumbers | null>;

  // Writes: one writer at a time, each change all or nothing (design.md, "Storage").
  /**
   * Takes the store's write lock before any work is done: waits up to `waitMs` (default 0, refuse at once)
   * for another writer, then throws StoreBusyError naming it. Under the lock the write reads the stored
   * letters and commits the graph the store must hold after; `release` ends it (always, in `finally`).
   * Ingest goes through `ingestFiles` / `removeSources` (ingest/ingest-files.ts), which compute that graph
   * from every stored letter, so the graph is a function of the set of letters, whatever the order of changes.
   */
  beginWrite(options?: { waitMs?: number }): Promise<StoreWrite>;
  /** Removes everything but the four chains, in one step (tests, and a user starting over). */
  clear(): Promise<void>;

  // Reads.
  getNodes(ids: readonly string[]): Promise<Array<GraphNode | null>>;
  findNodes(filter: NodeFilter, page: PageArgs): Promise<Page<GraphNode>>;
  search(text: string, options: { kinds?: NodeKind[]; first: number }): Promise<SearchHit[]>;
  /** Edges touching the given nodes (either end), optionally of some types and one direction; in key order (type, source, target). */
  edgesOf(
    ids: readonly string[],
    options?: { types?: EdgeType[]; direction?: 'out' | 'in' | 'both' },
  ): Promise<GraphEdge[]>;
  neighbourhood(ids: readonly string[], options: NeighbourhoodOptions): Promise<Subgraph>;
  /** The whole graph for a first view: the most-mentioned nodes of the given kinds (at most limit) and the edges among them. */
  overview(options: OverviewOptions): Promise<Subgraph>;
  /** The shortest path in either direction, of at most maxHops links, over the given edge types only (all when none). */
  shortestPath(from: string, to: string, maxHops: number, edgeTypes?: EdgeType[]): Promise<Subgraph | null>;
  commitments(filter: CommitmentFilter, page: PageArgs): Promise<Page<GraphNode>>;
  chainMatrix(options?: { bases?: ChainBasis[] }): Promise<ChainPair[]>;
  /** Things mentioned by at least minLetters letters (in their body, unless includeHeaderAndFooter), most letters first, then by id (what recurs across letters). */
  recurring(options: RecurringOptions, page: PageArgs): Promise<Page<RecurringNode>>;
  stats(): Promise<StoreStats>;
}

export type { BridgeTie, ChainBasis } from '../domain/chain-ties.ts';

export interface StoreVersion {
  /** The embedded store's manifest digest; Neo4j's count of writes; a counter for a store in memory. */
  id: string;
  /** The store's file (embedded): files derived from it are kept beside it. Null for Neo4j and a store in memory. */
  path: string | null;
}

/** A write under the store's lock (GraphStore.beginWrite). */
export interface StoreWrite {
  /** The letters the store holds, read under the lock: what the next graph is computed from. */
  letters(): Promise<StoredLetter[]>;
  /**
   * Makes the store hold exactly `graph`: letters it does not hold are removed, and only the letters whose
   * part changed (store/letter-fragments.ts) are written. All or nothing: after a crash at any moment the
   * store opens as the old state or the new one. Once per write.
   */
  commit(graph: GraphDocument, onProgress?: WriteProgress): Promise<StoreCommit>;
  /** Gives the lock back; a write not committed leaves the store as it was. */
  release(): Promise<void>;
}

export type WriteProgress = (done: number, total: number, letter: string) => void;

/** A stored letter as ingest reads it again: the text it was read from (Letter.props.text) and how. */
export interface StoredLetter {
  id: string;
  source: string;
  format: string;
  encoding: string;
  text: string;
  /** The place the user gave when it was ingested (its GB/T 2260 code, Letter.props.givenPlace), if any. */
  place?: string | null;
}

export interface StoreCommit extends StoreCounts {
  /** Letters whose part was written (new or changed), and letters removed; sorted. */
  written: string[];
  removed: string[];
}

export interface StoreHealth {
  ok: boolean;
  adapter: 'memory' | 'neo4j';
  detail: string;
  nodes?: number;
}

export interface StoreCounts {
  nodes: number;
  edges: number;
}

export interface NodeFilter {
  kinds?: NodeKind[];
  chain?: ChainName;
  /** A Letter id: nodes that letter mentions. */
  letter?: string;
  /** Chinese substring of the name or an alias (normalised). */
  text?: string;
}

export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface SearchHit {
  node: GraphNode;
  score: number;
}

export interface NeighbourhoodOptions {
  depth: number;
  kinds?: NodeKind[];
  edgeTypes?: EdgeType[];
  /** Most nodes returned; `capped` says when more were reachable. */
  limit: number;
}

export interface OverviewOptions {
  kinds?: NodeKind[];
  edgeTypes?: EdgeType[];
  limit: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  capped: boolean;
}

export interface CommitmentFilter {
  chain?: ChainName;
  year?: number;
  letter?: string;
  unit?: string;
  text?: string;
}

export interface RecurringOptions {
  /** Kinds to list; none: every kind but Letter and Chain. */
  kinds?: NodeKind[];
  /** At least 1. */
  minLetters: number;
  /**
   * Count a letter that names the thing only in its header or footer (title,
   * signature, contact, 抄送 copy line, 印发 line; store/letter-body.ts).
   * Default false: such a letter does not count, so the offices every letter
   * is copied to do not top the list.
   */
  includeHeaderAndFooter?: boolean;
}

export interface RecurringNode {
  node: GraphNode;
  /** The ids of the letters that count for it (see RecurringOptions.includeHeaderAndFooter), sorted. */
  letters: string[];
}

/**
 * Two chains (or one chain twice, for what advances it alone) and the nodes that advance both,
 * with how many letters the cell rests on, and each node's ties with their reasons (store/chain-matrix.ts).
 */
export interface ChainPair {
  a: ChainName;
  b: ChainName;
  count: number;
  /** How many letters tie the cell's things; byLetter: how many of its things each letter ties, most first. */
  letters: number;
  byLetter: Array<{ letter: string; count: number }>;
  nodes: Array<{ node: GraphNode; evidence: Evidence[]; ties: BridgeTie[] }>;
}

export interface StoreStats {
  nodes: number;
  edges: number;
  letters: number;
  byKind: Array<{ kind: NodeKind; count: number }>;
  byEdgeType: Array<{ type: EdgeType; count: number }>;
  byLetter: Array<{ letter: string; source: string; mentions: number; commitments: number; achievements: number }>;
}

/** Caps every adapter applies, so no request can ask for the whole graph at once. */
export const LIMITS = {
  pageSize: 200,
  neighbourhoodDepth: 3,
  neighbourhoodNodes: 2000,
  overviewNodes: 10000,
  pathHops: 8,
  searchResults: 100,
  ids: 200,
} as const;
