import type { ManagedTransaction } from 'neo4j-driver';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import type { GraphEdge, GraphNode, NodeKind } from '../../domain/model.ts';
import { chunks as slices, letterGroups } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import {
  decodeEdgePart,
  decodeNodePart,
  type EdgeEnds,
  type LetterParts,
  lettersOfEvidence,
  lettersPartsRow,
  partsOf,
  partsOfRecord,
} from './letter-parts.ts';
import { mergedEdgeRow, mergedNodeRow, nodeFromVariant, nodeVariant, spansOf, type StoredPart } from './rows.ts';

/**
 * The Neo4j adapter's writes. Each letter's parts of nodes and edges are one
 * LetterParts node (letter-parts.ts); the merged node (an :Entity) and edge (a
 * relationship) are merged again from the parts with the embedded store's
 * merge functions (store/letter-fragments.ts) whenever their parts change.
 */
const Q = Object.fromEntries(
  [
    'write-lock',
    'letter-parts',
    'set-letter-parts',
    'delete-letter-parts',
    'node-state',
    'edge-state',
    'node-parts-of',
    'edge-parts-of',
    'dangling-letters',
    'add-dangling-letters',
    'upsert-nodes',
    'delete-nodes',
    'create-edges',
    'update-edges',
    'delete-edges',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows a statement sends at once, and the parts a write transaction holds before it commits (whole letters only). */
const BATCH = 2000;
const LETTERS_PER_STATEMENT = 200;
const PARTS_PER_TRANSACTION = 5000;
const chunks = <T>(rows: T[]): T[][] => slices(rows, BATCH);

/** A letter to store (its fragment) or to remove (null). */
export type Change = { letter: string; fragment: LetterFragment | null };

type PartsByKey = Map<string, Map<string, StoredPart>>;

/**
 * Replaces letters' parts (a null fragment removes the letter) and the shared
 * parts of the given nodes, then merges again every node and edge whose parts
 * changed. A node gaining parts from letters after all it has is merged
 * incrementally (the merge is a fold in letter order); any other change reads
 * every other part of that node or edge and merges from scratch.
 */
export async function writeChanges(
  tx: ManagedTransaction,
  changes: Change[],
  shared: GraphNode[] = [],
  dropShared: string[] = [],
): Promise<void> {
  await tx.run(Q['write-lock'].statements[0]);
  const letters = changes.map((c) => c.letter);
  const newNodes: PartsByKey = new Map();
  const kinds = new Map<string, NodeKind>();
  const newEdges: PartsByKey = new Map();
  const edgeEnds = new Map<string, EdgeEnds>();
  const written: LetterParts[] = [];
  for (const { fragment } of changes) {
    if (!fragment) continue;
    const parts = partsOf(fragment);
    written.push(parts);
    for (const { id, kind, part } of parts.nodes) {
      kinds.set(id, kind!);
      put(newNodes, id, part);
    }
    for (const { key, ends, part } of parts.edges) {
      edgeEnds.set(key, ends);
      put(newEdges, key, part);
    }
  }
  for (const node of shared) {
    kinds.set(node.id, node.kind);
    put(newNodes, node.id, { letter: '', variant: nodeVariant(node), starts: [], ends: [] });
  }

  // What the letters (and the shared part of the given nodes) held before.
  const sharedIds = new Set([...shared.map((n) => n.id), ...dropShared]);
  const rewritten = [...letters, ...(sharedIds.size > 0 ? [''] : [])];
  const oldNodes: PartsByKey = new Map();
  const oldEdges: PartsByKey = new Map();
  let sharedBefore: LetterParts = { letter: '', nodes: [], edges: [] };
  if (rewritten.length > 0) {
    for (const record of (await tx.run(Q['letter-parts'].statements[0], { letters: rewritten })).records) {
      const parts = partsOfRecord(record);
      if (parts.letter === '') sharedBefore = parts;
      for (const { id, part } of parts.nodes) if (parts.letter !== '' || sharedIds.has(id)) put(oldNodes, id, part);
      for (const { key, ends, part } of parts.edges) {
        put(oldEdges, key, part);
        edgeEnds.set(key, ends);
      }
    }
  }

  // Parts: each letter's rewritten whole; the shared part keeps the nodes not named here.
  const removed = changes.filter((c) => !c.fragment).map((c) => c.letter);
  if (removed.length > 0) await tx.run(Q['delete-letter-parts'].statements[0], { letters: removed });
  if (sharedIds.size > 0) {
    written.push({
      letter: '',
      nodes: [
        ...sharedBefore.nodes.filter((n) => !sharedIds.has(n.id)),
        ...shared.map((node) => ({ id: node.id, part: newNodes.get(node.id)!.get('')! })),
      ],
      edges: [],
    });
  }
  for (const rows of slices(written.map(lettersPartsRow), LETTERS_PER_STATEMENT))
    await tx.run(Q['set-letter-parts'].statements[0], { rows });

  // Nodes whose merge changes: a part added, removed or with another version.
  const nodePlan = plan(oldNodes, newNodes);
  const state = new Map<
    string,
    {
      kind: NodeKind;
      name: string;
      aliases: string[];
      propsJson: string;
      lastLetter: string | null;
      letterCount: number;
      shared: boolean;
    }
  >();
  for (const ids of chunks([...nodePlan.keys()])) {
    for (const r of (await tx.run(Q['node-state'].statements[0], { ids })).records) {
      state.set(r.get('id') as string, {
        kind: r.get('kind'),
        name: r.get('name'),
        aliases: r.get('aliases') ?? [],
        propsJson: r.get('propsJson'),
        lastLetter: r.get('lastLetter'),
        letterCount: r.get('letterCount') ?? 0,
        shared: r.get('shared') === true,
      });
    }
  }
  const upserts: ReturnType<typeof mergedNodeRow>[] = [];
  const full: string[] = [];
  for (const [id, { added, appendOnly }] of nodePlan) {
    const now = state.get(id);
    if (appendOnly && now && added.every((p) => p.letter > (now.lastLetter ?? ''))) {
      const base: GraphNode = {
        id,
        kind: now.kind,
        name: now.name,
        aliases: now.aliases,
        props: JSON.parse(now.propsJson),
        mentions: [],
      };
      const merged = mergeNodes([base, ...added.map((p) => nodeFromVariant(id, now.kind, p.variant))]);
      upserts.push(
        mergedNodeRow(
          merged,
          {
            lastLetter: added.at(-1)!.letter,
            letterCount: now.letterCount + added.filter((p) => p.letter !== '').length,
            shared: now.shared,
          },
          spansOf(added, true),
        ),
      );
    } else full.push(id);
  }
  for (const rows of chunks(upserts)) await tx.run(Q['upsert-nodes'].statements[0], { rows });
  await remerge(tx, full, kinds, rewritten, newNodes);

  // Edges likewise (after the nodes, so that both ends exist).
  const edgePlan = plan(oldEdges, newEdges);
  const edgeState = new Map<string, { propsJson: string; lastLetter: string | null; letters: string[] }>();
  const ends = (key: string) => edgeEnds.get(key)!;
  for (const keys of chunks([...edgePlan.keys()])) {
    for (const r of (await tx.run(Q['edge-state'].statements[0], { rows: keys.map((key) => ({ key, ...ends(key) })) }))
      .records)
      edgeState.set(r.get('key') as string, {
        propsJson: r.get('propsJson'),
        lastLetter: ((r.get('eLetters') as string[] | null) ?? []).at(-1) ?? null,
        letters: lettersOfEvidence(r.get('eLetters')),
      });
  }
  const edgeUpserts: ReturnType<typeof mergedEdgeRow>[] = [];
  const fullEdges: string[] = [];
  for (const [key, { added, appendOnly }] of edgePlan) {
    const now = edgeState.get(key);
    if (appendOnly && now && added.every((p) => p.letter > (now.lastLetter ?? ''))) {
      const base: GraphEdge = { ...ends(key), props: JSON.parse(now.propsJson), evidence: [] } as GraphEdge;
      const merged = mergeEdges([base, ...added.map((p) => ({ ...base, props: JSON.parse(p.variant) }))]);
      edgeUpserts.push(mergedEdgeRow(key, merged, spansOf(added, true)));
    } else fullEdges.push(key);
  }
  // An edge no relationship stands for may still have parts in other letters: those written while one of its ends was missing.
  const dangling = fullEdges.some((key) => !edgeState.has(key))
    ? ((await tx.run(Q['dangling-letters'].statements[0])).records[0].get('letters') as string[])
    : [];
  const skip = new Set(rewritten);
  const deletions: EdgeEnds[] = [];
  for (const keys of chunks(fullEdges)) {
    const parts = new Map<string, StoredPart[]>();
    for (const key of keys) parts.set(key, [...(newEdges.get(key)?.values() ?? [])]);
    const rows = keys
      .map((key) => ({ key, letters: (edgeState.get(key)?.letters ?? dangling).filter((l) => !skip.has(l)) }))
      .filter((row) => row.letters.length > 0);
    if (rows.length > 0) {
      for (const r of (await tx.run(Q['edge-parts-of'].statements[0], { rows })).records) {
        const key = r.get('key') as string;
        parts.get(key)!.push(decodeEdgePart(r.get('letter') as string, r.get('part') as string).part);
      }
    }
    for (const key of keys) {
      const found = byLetter(parts.get(key)!);
      if (found.length === 0) {
        if (edgeState.has(key)) deletions.push(ends(key));
        continue;
      }
      const base = ends(key);
      const merged = mergeEdges(
        found.map((p) => ({ ...base, props: JSON.parse(p.variant), evidence: [] }) as GraphEdge),
      );
      edgeUpserts.push(mergedEdgeRow(key, merged, spansOf(found, false)));
    }
  }
  for (const rows of chunks(deletions)) await tx.run(Q['delete-edges'].statements[0], { rows });
  // MERGE with a dynamic type is slow: the state read above says which edges exist.
  for (const rows of chunks(edgeUpserts.filter((row) => edgeState.has(row.key))))
    await tx.run(Q['update-edges'].statements[0], { rows });
  const notWritten = new Set<string>();
  for (const rows of chunks(edgeUpserts.filter((row) => !edgeState.has(row.key)))) {
    const created = new Set((await tx.run(Q['create-edges'].statements[0], { rows })).records.map((r) => r.get('key')));
    for (const row of rows) if (!created.has(row.key)) for (const l of row.eLetters) notWritten.add(l);
  }
  if (notWritten.size > 0) await tx.run(Q['add-dangling-letters'].statements[0], { letters: [...notWritten] });
}

/**
 * Merges nodes again from every part they hold (deleting those left with none): the parts of the letters
 * in `skip` are `added` (this transaction rewrites them), the others are read.
 */
export async function remerge(
  tx: ManagedTransaction,
  ids: string[],
  kinds: Map<string, NodeKind>,
  skip: string[] = [],
  added: PartsByKey = new Map(),
): Promise<void> {
  for (const chunk of chunks(ids)) {
    const parts = new Map<string, StoredPart[]>(chunk.map((id) => [id, [...(added.get(id)?.values() ?? [])]]));
    for (const r of (await tx.run(Q['node-parts-of'].statements[0], { ids: chunk, skip })).records) {
      const id = r.get('id') as string;
      parts.get(id)!.push(decodeNodePart(r.get('letter') as string, r.get('part') as string));
    }
    const rows: ReturnType<typeof mergedNodeRow>[] = [];
    const gone: string[] = [];
    for (const id of chunk) {
      const found = byLetter(parts.get(id)!);
      if (found.length === 0) {
        gone.push(id);
        continue;
      }
      const kind = kinds.get(id) ?? (id.slice(0, id.indexOf(':')) as NodeKind);
      const merged = mergeNodes(found.map((p) => nodeFromVariant(id, kind, p.variant)));
      const letters = found.filter((p) => p.letter !== '');
      rows.push(
        mergedNodeRow(
          merged,
          {
            lastLetter: letters.at(-1)?.letter ?? null,
            letterCount: letters.length,
            shared: found[0].letter === '',
          },
          spansOf(found, false),
        ),
      );
    }
    if (gone.length > 0) await tx.run(Q['delete-nodes'].statements[0], { ids: gone });
    if (rows.length > 0) await tx.run(Q['upsert-nodes'].statements[0], { rows });
  }
}

/** Whole letters, in order, grouped so one transaction holds about PARTS_PER_TRANSACTION parts. */
export function transactions(fragments: LetterFragment[]): LetterFragment[][] {
  return letterGroups(fragments, PARTS_PER_TRANSACTION);
}

/**
 * For every node or edge whose merge may change: the parts added (in letter
 * order), and whether parts were only added (none removed, none with another
 * version, spans or body: the merged node or edge keeps its spans and body letters).
 */
function plan(before: PartsByKey, after: PartsByKey): Map<string, { added: StoredPart[]; appendOnly: boolean }> {
  const out = new Map<string, { added: StoredPart[]; appendOnly: boolean }>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key) ?? new Map<string, StoredPart>();
    const now = after.get(key) ?? new Map<string, StoredPart>();
    const removed = [...old.keys()].some((letter) => !now.has(letter));
    const changed = [...now].some(([letter, part]) => old.has(letter) && !samePart(old.get(letter)!, part));
    const added = [...now.values()]
      .filter((part) => !old.has(part.letter))
      .sort((a, b) => (a.letter < b.letter ? -1 : 1));
    if (!removed && !changed && added.length === 0) continue;
    out.set(key, { added, appendOnly: !removed && !changed });
  }
  return out;
}

/** The same version, spans and body: the merged node or edge, which keeps the spans, stays as it is. */
function samePart(a: StoredPart, b: StoredPart): boolean {
  return (
    a.variant === b.variant &&
    (a.body ?? true) === (b.body ?? true) &&
    a.starts.length === b.starts.length &&
    a.starts.every((s, i) => s === b.starts[i] && a.ends[i] === b.ends[i])
  );
}

function put(map: PartsByKey, key: string, part: StoredPart): void {
  let parts = map.get(key);
  if (!parts) map.set(key, (parts = new Map()));
  parts.set(part.letter, part);
}

function byLetter<T extends { letter: string }>(parts: T[]): T[] {
  return [...parts].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
}
