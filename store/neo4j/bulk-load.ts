import type { ManagedTransaction } from 'neo4j-driver';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import type { GraphEdge, GraphNode } from '../../domain/model.ts';
import { chunks, letterGroups } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import { type EdgeEnds, lettersPartsRow, partsOf } from './letter-parts.ts';
import { mergedEdgeRow, mergedNodeRow, nodeFromVariant, spansOf, type StoredPart } from './rows.ts';

/**
 * The first load of letters into a store that holds none (a new database, or one just cleared): every
 * part is new, so nothing is read back. Each letter's parts are one LetterParts node (letter-parts.ts). The merged nodes and edges are folded here, in letter order,
 * with the same merge functions as letter-writes.ts (a transaction's letters merged into the state the
 * transactions before it left), and written with UNWIND batches in a few large transactions of whole
 * letters each, each with its letters' digests: a load cut short leaves whole letters, which the next
 * commit completes by its ordinary path (the digests say which are there).
 */
const Q = Object.fromEntries(
  [
    'write-lock',
    'set-letter-parts',
    'add-dangling-letters',
    'upsert-nodes',
    'create-edges',
    'update-edges',
    'set-letter-digests',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows a statement sends at once (letters' parts: letters), and the parts one transaction holds (whole letters only). */
const BATCH = 5000;
const LETTERS_PER_STATEMENT = 200;
const PARTS_PER_TRANSACTION = 60_000;

interface NodeState {
  node: GraphNode;
  lastLetter: string;
  letterCount: number;
}

interface EdgeState {
  edge: GraphEdge;
  /** Written as a relationship: both its ends existed (an edge whose end is missing is not written, as in letter-writes.ts, until it is). */
  written: boolean;
  /** Until it is written, its parts so far (its evidence, written whole when it is). */
  parts: StoredPart[];
}

/** Folds and writes the letters' parts (fragments in letter order); `digestOf` gives each letter's digest. */
export class BulkLoad {
  private readonly nodes = new Map<string, NodeState>();
  private readonly edges = new Map<string, EdgeState>();
  /** The states a transaction computed, kept once it committed (settle): a retried transaction folds again from the same start. */
  private pendingNodes = new Map<string, NodeState>();
  private pendingEdges = new Map<string, EdgeState>();

  /** `existing`: the ids of the nodes the store holds before the load (the shared nodes: chains, places). */
  constructor(private readonly existing: ReadonlySet<string>) {}

  /** Whole letters, in order, grouped so one transaction holds about PARTS_PER_TRANSACTION parts. */
  static transactions(fragments: LetterFragment[]): LetterFragment[][] {
    return letterGroups(fragments, PARTS_PER_TRANSACTION);
  }

  /** Writes one group of letters (after every letter of the groups before it) in the transaction given. */
  async write(tx: ManagedTransaction, group: LetterFragment[], digestOf: (letter: string) => string): Promise<void> {
    this.pendingNodes = new Map();
    this.pendingEdges = new Map();
    await tx.run(Q['write-lock'].statements[0]);
    const addedNodes = new Map<string, { kind: GraphNode['kind']; parts: StoredPart[] }>();
    const addedEdges = new Map<string, { ends: EdgeEnds; parts: StoredPart[] }>();
    const letterRows: ReturnType<typeof lettersPartsRow>[] = [];
    for (const fragment of group) {
      const parts = partsOf(fragment);
      letterRows.push(lettersPartsRow(parts));
      for (const { id, kind, part } of parts.nodes) {
        const entry = addedNodes.get(id) ?? { kind: kind!, parts: [] };
        entry.parts.push(part);
        addedNodes.set(id, entry);
      }
      for (const { key, ends, part } of parts.edges) {
        const entry = addedEdges.get(key) ?? { ends, parts: [] };
        entry.parts.push(part);
        addedEdges.set(key, entry);
      }
    }
    for (const rows of chunks(letterRows, LETTERS_PER_STATEMENT))
      await tx.run(Q['set-letter-parts'].statements[0], { rows });

    // Each node's merge: the state before this group, then this group's parts in letter order (letter-writes.ts's append).
    const upserts: ReturnType<typeof mergedNodeRow>[] = [];
    for (const [id, { kind, parts }] of addedNodes) {
      const before = this.nodes.get(id);
      const added = parts.map((p) => nodeFromVariant(id, kind, p.variant));
      const node = mergeNodes(before ? [before.node, ...added] : added);
      const state = {
        node,
        lastLetter: parts.at(-1)!.letter,
        letterCount: (before?.letterCount ?? 0) + parts.length,
      };
      this.pendingNodes.set(id, state);
      // Appended: the lists stored by the transactions before hold exactly the parts before these.
      upserts.push(
        mergedNodeRow(
          node,
          { lastLetter: state.lastLetter, letterCount: state.letterCount, shared: false },
          spansOf(parts, true),
        ),
      );
    }
    for (const rows of chunks(upserts, BATCH)) await tx.run(Q['upsert-nodes'].statements[0], { rows });

    const created: ReturnType<typeof mergedEdgeRow>[] = [];
    const updated: ReturnType<typeof mergedEdgeRow>[] = [];
    for (const [key, { ends, parts }] of addedEdges) {
      const before = this.edges.get(key);
      const base = { ...ends, evidence: [] } as unknown as GraphEdge;
      const added = parts.map((p) => ({ ...base, props: JSON.parse(p.variant) }) as GraphEdge);
      const edge = mergeEdges(before ? [{ ...base, props: before.edge.props }, ...added] : added);
      if (before?.written) {
        updated.push(mergedEdgeRow(key, edge, spansOf(parts, true)));
        this.pendingEdges.set(key, { edge, written: true, parts: [] });
      } else {
        const all = [...(before?.parts ?? []), ...parts];
        const written = this.exists(ends.source) && this.exists(ends.target);
        if (written) created.push(mergedEdgeRow(key, edge, spansOf(all, false)));
        this.pendingEdges.set(key, { edge, written, parts: written ? [] : all });
      }
    }
    for (const rows of chunks(updated, BATCH)) await tx.run(Q['update-edges'].statements[0], { rows });
    for (const rows of chunks(created, BATCH)) await tx.run(Q['create-edges'].statements[0], { rows });
    // Letters holding parts of edges not written yet (an end missing): where a later write looks for their parts.
    const pending = new Set<string>();
    for (const state of this.pendingEdges.values()) for (const part of state.parts) pending.add(part.letter);
    if (pending.size > 0) await tx.run(Q['add-dangling-letters'].statements[0], { letters: [...pending] });

    const rows = group.map((f) => ({ letter: f.letter, digest: digestOf(f.letter) }));
    await tx.run(Q['set-letter-digests'].statements[0], { rows });
  }

  /** Keeps what the last transaction wrote, once it has committed. */
  settle(): void {
    for (const [id, state] of this.pendingNodes) this.nodes.set(id, state);
    for (const [key, state] of this.pendingEdges) this.edges.set(key, state);
    this.pendingNodes = new Map();
    this.pendingEdges = new Map();
  }

  private exists(id: string): boolean {
    return this.nodes.has(id) || this.pendingNodes.has(id) || this.existing.has(id);
  }
}
