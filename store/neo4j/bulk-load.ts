import type { ManagedTransaction } from 'neo4j-driver';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import type { EdgeType, GraphEdge, NodeKind } from '../../domain/model.ts';
import { chunks } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import { type EdgeEnds, type LetterParts, lettersPartsRow, partsOf } from './letter-parts.ts';
import { mergedEdgeRow, mergedNodeRow, nodeFromVariant, spansOf, type StoredPart } from './rows.ts';

/**
 * The first load of letters into a store that holds none (a new database, or one just cleared): every
 * node and edge is new, so each is folded once in innograph, from every letter's part in letter order,
 * with the merge functions of letter-writes.ts, and created once (CREATE, not MERGE) in large UNWIND
 * batches: the letters' parts, then the nodes, then the edges one type a statement, their ends found by
 * the id constraint's index. The filters' indexes and the full-text index are dropped before and built
 * again after, in one pass over the nodes (load-indexes-drop.cypher).
 *
 * A load is many transactions, so it is marked under way in its first (first-load-begin.cypher) and
 * the mark removed in its last: a load cut short leaves the mark, the store then counts no letter,
 * and the next commit clears what the load wrote and loads again (neo4j-store.ts).
 */
const Q = Object.fromEntries(
  [
    'write-lock',
    'first-load-begin',
    'first-load-end',
    'load-letter-parts',
    'load-nodes',
    'load-edges',
    'upsert-nodes',
    'add-dangling-letters',
    'load-indexes-drop',
    'schema',
    'await-indexes',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows a statement sends (letters' parts: letters), and statements a transaction holds. */
const LETTERS_PER_STATEMENT = 250;
const NODES_PER_STATEMENT = 5000;
const EDGES_PER_STATEMENT = 10_000;
const STATEMENTS_PER_TRANSACTION = 10;

type Run = (tx: ManagedTransaction) => Promise<unknown>;

/** How a load runs its transactions (Neo4jExecutor's write, with retries) and statements outside one (schema). */
export interface LoadTarget {
  write(work: Run): Promise<unknown>;
  autoCommit(statements: string[]): Promise<void>;
}

/**
 * Writes `fragments` (every letter of the graph, in letter order) into a store holding no letter.
 * `existing`: the ids of the nodes it holds (the shared nodes: chains, places); `owner` names the writer.
 */
export async function firstLoad(
  target: LoadTarget,
  fragments: LetterFragment[],
  existing: ReadonlySet<string>,
  digestOf: (letter: string) => string,
  owner: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const fold = foldLetters(fragments);
  const written = (id: string) => fold.nodes.has(id) || existing.has(id);
  const edges = [...fold.edges.values()];
  const writtenEdges = edges.filter((e) => written(e.ends.source) && written(e.ends.target));
  // Letters holding parts of edges not written (an end missing): where a later write looks for their parts.
  const dangling = new Set<string>();
  for (const e of edges)
    if (!written(e.ends.source) || !written(e.ends.target)) for (const p of e.parts) dangling.add(p.letter);

  const total = fragments.length + fold.nodes.size + writtenEdges.length;
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    onProgress?.(Math.floor((fragments.length * done) / total), fragments.length);
  };

  await target.write(async (tx) => {
    await tx.run(Q['write-lock'].statements[0]);
    await tx.run(Q['first-load-begin'].statements[0], { owner });
  });
  await target.autoCommit(Q['load-indexes-drop'].statements);

  await inTransactions(target, chunks(fold.letters, LETTERS_PER_STATEMENT), async (tx, letters) => {
    const rows = letters.map((parts) => ({ ...lettersPartsRow(parts), digest: digestOf(parts.letter) }));
    await tx.run(Q['load-letter-parts'].statements[0], { rows });
    progress(letters.length);
  });

  // Nodes the store holds already (a chain now mentioned) are merged into, as the incremental path would.
  const ids = [...fold.nodes.keys()];
  await inTransactions(target, chunks(ids, NODES_PER_STATEMENT), async (tx, chunk) => {
    const created: ReturnType<typeof mergedNodeRow>[] = [];
    const merged: ReturnType<typeof mergedNodeRow>[] = [];
    for (const id of chunk) {
      const { kind, parts } = fold.nodes.get(id)!;
      const node = mergeNodes(parts.map((p) => nodeFromVariant(id, kind, p.variant)));
      const row = mergedNodeRow(
        node,
        { lastLetter: parts.at(-1)!.letter, letterCount: parts.length, shared: false },
        spansOf(parts, existing.has(id)),
      );
      (existing.has(id) ? merged : created).push(row);
    }
    if (created.length > 0) await tx.run(Q['load-nodes'].statements[0], { rows: created });
    if (merged.length > 0) await tx.run(Q['upsert-nodes'].statements[0], { rows: merged });
    progress(chunk.length);
  });

  const byType = new Map<EdgeType, FoldedEdge[]>();
  for (const e of writtenEdges) {
    const list = byType.get(e.ends.type);
    if (list) list.push(e);
    else byType.set(e.ends.type, [e]);
  }
  const statements = [...byType].flatMap(([type, list]) =>
    chunks(list, EDGES_PER_STATEMENT).map((chunk) => ({ type, chunk })),
  );
  await inTransactions(target, statements, async (tx, { type, chunk }) => {
    const rows = chunk.map(({ key, ends, parts }) => {
      const base = { ...ends, evidence: [] } as unknown as GraphEdge;
      const edge = mergeEdges(parts.map((p) => ({ ...base, props: JSON.parse(p.variant) }) as GraphEdge));
      const { source, target, propsJson, eLetters, eStarts, eEnds } = mergedEdgeRow(key, edge, spansOf(parts, false));
      return { source, target, propsJson, eLetters, eStarts, eEnds };
    });
    await tx.run(Q['load-edges'].statements[0], { type, rows });
    progress(chunk.length);
  });

  // The indexes, built in one pass each, online before the load counts as done.
  await target.autoCommit(Q.schema.statements);
  await target.autoCommit(Q['await-indexes'].statements);
  await target.write(async (tx) => {
    await tx.run(Q['write-lock'].statements[0]);
    if (dangling.size > 0) await tx.run(Q['add-dangling-letters'].statements[0], { letters: [...dangling] });
    await tx.run(Q['first-load-end'].statements[0]);
  });
}

interface FoldedEdge {
  key: string;
  ends: EdgeEnds;
  parts: StoredPart[];
}

/** Every letter's parts, and each node's and edge's parts across letters, in letter order. */
function foldLetters(fragments: LetterFragment[]): {
  letters: LetterParts[];
  nodes: Map<string, { kind: NodeKind; parts: StoredPart[] }>;
  edges: Map<string, FoldedEdge>;
} {
  const letters: LetterParts[] = [];
  const nodes = new Map<string, { kind: NodeKind; parts: StoredPart[] }>();
  const edges = new Map<string, FoldedEdge>();
  for (const fragment of fragments) {
    const parts = partsOf(fragment);
    letters.push(parts);
    for (const { id, kind, part } of parts.nodes) {
      const entry = nodes.get(id);
      if (entry) entry.parts.push(part);
      else nodes.set(id, { kind: kind!, parts: [part] });
    }
    for (const { key, ends, part } of parts.edges) {
      const entry = edges.get(key);
      if (entry) entry.parts.push(part);
      else edges.set(key, { key, ends, parts: [part] });
    }
  }
  return { letters, nodes, edges };
}

/** Statements in transactions of STATEMENTS_PER_TRANSACTION each. */
async function inTransactions<T>(
  target: LoadTarget,
  items: T[],
  run: (tx: ManagedTransaction, item: T) => Promise<void>,
): Promise<void> {
  for (const group of chunks(items, STATEMENTS_PER_TRANSACTION)) {
    await target.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      for (const item of group) await run(tx, item);
    });
  }
}
