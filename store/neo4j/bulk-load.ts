import type { Integer, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import type { ChainName, EdgeType, GraphEdge, NodeKind } from '../../domain/model.ts';
import type { ChainLinks } from './chain-links.ts';
import { chunks } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import { type EdgeEnds, type LetterParts, lettersPartsRow, partsOf } from './letter-parts.ts';
import {
  evidenceOf,
  integer,
  mergedEdgeRow,
  mergedNodeRow,
  nodeFromVariant,
  spansOf,
  type StoredPart,
} from './rows.ts';

/**
 * The first load of letters into a store that holds none (a new database, or one just cleared): every
 * node and edge is new, so each is folded once in innograph, from every letter's part in letter order,
 * with the merge functions of letter-writes.ts, and created once (CREATE, not MERGE) in large UNWIND
 * batches: the letters' parts, then the nodes (each returns its element id), then the edges one type a
 * statement, their ends found by element id. The indexes stay while it writes: dropping them and
 * building them after cost Neo4j 5.26 the same CPU at 10,000 letters (73 s either way) and took longer
 * (155 s against 126 s, load 3-7), and left search without its index meanwhile.
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
    'node-elements',
    'upsert-nodes',
    'add-dangling-letters',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows a statement sends (letters' parts: letters), and statements a transaction holds. */
const LETTERS_PER_STATEMENT = 250;
const NODES_PER_STATEMENT = 5000;
const EDGES_PER_STATEMENT = 10_000;
const STATEMENTS_PER_TRANSACTION = 10;

type Run = (tx: ManagedTransaction) => Promise<unknown>;

/** How a load runs its transactions (Neo4jExecutor's write, with retries). */
export interface LoadTarget {
  write(work: Run): Promise<unknown>;
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
): Promise<ChainLinks | null> {
  const { fold, writtenEdges, dangling, tied, links } = planLoad(fragments, existing);

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

  await inTransactions(
    target,
    chunks(fold.letters, LETTERS_PER_STATEMENT),
    async (letters) => ({
      statement: Q['load-letter-parts'].statements[0],
      params: { rows: letters.map((parts) => ({ ...lettersPartsRow(parts), digest: digestOf(parts.letter) })) },
      rows: letters.length,
    }),
    progress,
  );

  // Each node's element id, by which the edges find their ends.
  const elements = new Map<string, string>();
  // Nodes the store holds already (a chain now mentioned) are merged into, as the incremental path would.
  const ids = [...fold.nodes.keys()];
  await inTransactions(
    target,
    chunks(ids, NODES_PER_STATEMENT),
    async (chunk) => {
      const created: ReturnType<typeof mergedNodeRow>[] = [];
      const merged: ReturnType<typeof mergedNodeRow>[] = [];
      for (const [i, id] of chunk.entries()) {
        const { node, spans, row } = foldedNodeRow(fold, id, existing);
        (existing.has(id) ? merged : created).push(row);
        if (tied.has(id)) links.nodes.push({ ...node, mentions: evidenceOf(spans) });
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
      }
      return {
        statement: Q['load-nodes'].statements[0],
        params: { rows: created },
        rows: chunk.length,
        before:
          merged.length > 0 ? { statement: Q['upsert-nodes'].statements[0], params: { rows: merged } } : undefined,
      };
    },
    progress,
    (records) => {
      for (const r of records) elements.set(r.get('id') as string, r.get('element') as string);
    },
  );
  const shared = [...new Set(writtenEdges.flatMap((e) => [e.ends.source, e.ends.target]))].filter(
    (id) => !elements.has(id),
  );
  await target.write(async (tx) => {
    for (const chunk of chunks(shared, NODES_PER_STATEMENT))
      for (const r of (await tx.run(Q['node-elements'].statements[0], { ids: chunk })).records)
        elements.set(r.get('id') as string, r.get('element') as string);
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
  await inTransactions(
    target,
    statements,
    async ({ type, chunk }) => {
      // The ends as places in one list of element ids a statement: each sent once.
      const place = new Map<string, Integer>();
      const ends: string[] = [];
      const at = (id: string) => {
        let i = place.get(id);
        if (!i) {
          place.set(id, (i = integer(ends.length)));
          ends.push(elements.get(id)!);
        }
        return i;
      };
      const rows = [];
      for (const [i, folded] of chunk.entries()) {
        const { propsJson, eLetters, eStarts, eEnds } = foldedEdgeRow(folded, links);
        rows.push({ s: at(folded.ends.source), t: at(folded.ends.target), propsJson, eLetters, eStarts, eEnds });
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
      }
      return { statement: Q['load-edges'].statements[0], params: { type, ends, rows }, rows: chunk.length };
    },
    progress,
  );

  await target.write(async (tx) => {
    await tx.run(Q['write-lock'].statements[0]);
    if (dangling.size > 0) await tx.run(Q['add-dangling-letters'].statements[0], { letters: [...dangling] });
    await tx.run(Q['first-load-end'].statements[0]);
  });
  // A thing tied to a chain that this load did not write (a shared node) is read back instead.
  return links.nodes.length === tied.size ? links : null;
}

/**
 * What a first load writes: the letters' parts folded by node and edge, the edges whose ends exist, the
 * letters holding a part of an edge not written (dangling-letters.cypher), and the things tied to a chain.
 */
export function planLoad(fragments: LetterFragment[], existing: ReadonlySet<string>) {
  const fold = foldLetters(fragments);
  const written = (id: string) => fold.nodes.has(id) || existing.has(id);
  const edges = [...fold.edges.values()];
  const writtenEdges = edges.filter((e) => written(e.ends.source) && written(e.ends.target));
  // Letters holding parts of edges not written (an end missing): where a later write looks for their parts.
  const dangling = new Set<string>();
  for (const e of edges)
    if (!written(e.ends.source) || !written(e.ends.target)) for (const p of e.parts) dangling.add(p.letter);

  // The chain matrix's input (chain-links.ts), from the nodes and edges as they are written: no read after.
  const ties = writtenEdges.filter((e) => e.ends.type === 'ADVANCES' && e.ends.target.startsWith('Chain:'));
  const tied = new Set(ties.map((e) => e.ends.source));
  const links: ChainLinks = { rows: [], nodes: [] };
  return { fold, writtenEdges, dangling, tied, links };
}

export interface FoldedEdge {
  key: string;
  ends: EdgeEnds;
  parts: StoredPart[];
}

export type Folded = ReturnType<typeof foldLetters>;

/** A node of the load merged from its parts, and its row as load-nodes.cypher (or upsert-nodes.cypher for a node the store holds) writes it. */
export function foldedNodeRow(fold: Folded, id: string, existing: ReadonlySet<string>) {
  const { kind, parts } = fold.nodes.get(id)!;
  const node = mergeNodes(parts.map((p) => nodeFromVariant(id, kind, p.variant)));
  const spans = spansOf(parts, existing.has(id));
  const row = mergedNodeRow(
    node,
    { lastLetter: parts.at(-1)!.letter, letterCount: parts.length, shared: false },
    spans,
  );
  return { node, spans, row };
}

/** An edge merged from its parts: its columns as load-edges.cypher writes them; a tie to a chain is added to `links`. */
export function foldedEdgeRow({ key, ends, parts }: FoldedEdge, links: ChainLinks) {
  const base = { ...ends, evidence: [] } as unknown as GraphEdge;
  const edge = mergeEdges(parts.map((p) => ({ ...base, props: JSON.parse(p.variant) }) as GraphEdge));
  const { propsJson, eLetters, eStarts, eEnds } = mergedEdgeRow(key, edge, spansOf(parts, false));
  if (ends.type === 'ADVANCES' && ends.target.startsWith('Chain:')) {
    const chain = ends.target.slice('Chain:'.length) as ChainName;
    const evidence = evidenceOf({ letters: eLetters, starts: eStarts, ends: eEnds });
    links.rows.push({ id: ends.source, chain, props: edge.props, evidence });
  }
  return { propsJson, eLetters, eStarts, eEnds };
}

/** Every letter's parts, and each node's and edge's parts across letters, in letter order. */
export function foldLetters(fragments: LetterFragment[]): {
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

/** A statement to run, its parameters, the rows it writes, and a statement to run before it (merged nodes). */
interface Prepared {
  statement: string;
  params: Record<string, unknown>;
  rows: number;
  before?: { statement: string; params: Record<string, unknown> };
}

/** Lets the event loop turn (the driver sends and reads) while rows are made. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const YIELD_EVERY = 500;

/**
 * Statements in transactions of STATEMENTS_PER_TRANSACTION each. The next statement's rows are made while
 * Neo4j runs the one before: innograph and Neo4j work at once instead of in turn.
 */
async function inTransactions<T>(
  target: LoadTarget,
  items: T[],
  prepare: (item: T) => Promise<Prepared>,
  progress: (rows: number) => void,
  onRecords: (records: Neo4jRecord[]) => void = () => {},
): Promise<void> {
  for (const group of chunks(items, STATEMENTS_PER_TRANSACTION)) {
    await target.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      let next = await prepare(group[0]);
      for (let i = 0; i < group.length; i++) {
        const now = next;
        if (now.before) {
          const { statement, params } = now.before;
          await tx.run(statement, params);
        }
        const { statement, params } = now;
        const running = tx.run(statement, params);
        if (i + 1 < group.length) next = await prepare(group[i + 1]);
        onRecords((await running).records);
        progress(now.rows);
      }
    });
  }
}
