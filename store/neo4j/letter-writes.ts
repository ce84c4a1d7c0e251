import type { ManagedTransaction } from 'neo4j-driver';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import { edgeKey, type GraphEdge, type GraphNode, type NodeKind } from '../../domain/model.ts';
import { inBody, letterBody } from '../letter-body.ts';
import { chunks as slices, letterGroups } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import {
  edgePartRow,
  edgeVariant,
  mergedEdgeRow,
  mergedNodeRow,
  nodeFromVariant,
  nodeVariant,
  num,
  partRow,
  spansOf,
  type StoredPart,
} from './rows.ts';

/**
 * The Neo4j adapter's writes. Each letter's part of a node or an edge is a
 * NodePart / EdgePart node; the merged node (an :Entity) and edge (a
 * relationship) are merged again from the parts with the embedded store's
 * merge functions (store/letter-fragments.ts) whenever their parts change.
 */
const Q = Object.fromEntries(
  [
    'write-lock',
    'node-parts-of-letters',
    'edge-parts-of-letters',
    'node-state',
    'edge-state',
    'node-variants',
    'edge-variants',
    'delete-node-parts',
    'delete-edge-parts',
    'create-node-parts',
    'create-edge-parts',
    'upsert-nodes',
    'delete-nodes',
    'create-edges',
    'update-edges',
    'delete-edges',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows a statement sends at once, and the parts a write transaction holds before it commits (whole letters only). */
const BATCH = 2000;
const PARTS_PER_TRANSACTION = 5000;
const chunks = <T>(rows: T[]): T[][] => slices(rows, BATCH);

/** A letter to store (its fragment) or to remove (null). */
export type Change = { letter: string; fragment: LetterFragment | null };

/**
 * Replaces letters' parts (a null fragment removes the letter) and the shared
 * parts of the given nodes, then merges again every node and edge whose parts
 * changed. A node gaining parts from letters after all it has is merged
 * incrementally (the merge is a fold in letter order); any other change reads
 * every part of that node or edge and merges from scratch.
 */
export async function writeChanges(
  tx: ManagedTransaction,
  changes: Change[],
  shared: GraphNode[] = [],
  dropShared: string[] = [],
): Promise<void> {
  await tx.run(Q['write-lock'].statements[0]);
  const letters = changes.map((c) => c.letter);
  const newNodes = new Map<string, Map<string, StoredPart>>();
  const kinds = new Map<string, NodeKind>();
  const newEdges = new Map<string, Map<string, StoredPart>>();
  const edgeEnds = new Map<string, Pick<GraphEdge, 'type' | 'source' | 'target'>>();
  const put = (map: Map<string, Map<string, StoredPart>>, key: string, part: StoredPart) => {
    let parts = map.get(key);
    if (!parts) map.set(key, (parts = new Map()));
    parts.set(part.letter, part);
  };
  for (const { letter, fragment } of changes) {
    const body = fragment ? letterBody(letter, fragment.edges) : undefined;
    for (const node of fragment?.nodes ?? []) {
      kinds.set(node.id, node.kind);
      put(newNodes, node.id, {
        letter,
        variant: nodeVariant(node),
        starts: node.mentions.map((m) => m.start),
        ends: node.mentions.map((m) => m.end),
        body: node.mentions.some((m) => inBody(body, m)),
      });
    }
    for (const edge of fragment?.edges ?? []) {
      const key = edgeKey(edge);
      edgeEnds.set(key, { type: edge.type, source: edge.source, target: edge.target });
      put(newEdges, key, {
        letter,
        variant: edgeVariant(edge),
        starts: edge.evidence.map((e) => e.start),
        ends: edge.evidence.map((e) => e.end),
      });
    }
  }
  for (const node of shared) {
    kinds.set(node.id, node.kind);
    put(newNodes, node.id, { letter: '', variant: nodeVariant(node), starts: [], ends: [] });
  }

  // What the letters (and the shared parts) held before.
  const oldNodes = new Map<string, Map<string, StoredPart>>();
  const oldEdges = new Map<string, Map<string, StoredPart>>();
  if (letters.length > 0) {
    for (const r of (await tx.run(Q['node-parts-of-letters'].statements[0], { letters, ids: null })).records)
      put(oldNodes, r.get('id') as string, partOf(r));
    for (const r of (await tx.run(Q['edge-parts-of-letters'].statements[0], { letters })).records) {
      put(oldEdges, r.get('key') as string, partOf(r));
      edgeEnds.set(r.get('key') as string, { type: r.get('type'), source: r.get('source'), target: r.get('target') });
    }
  }
  // The shared parts rewritten, and those dropped (a node no letter names any more: it goes with its last part).
  const sharedIds = [...shared.map((n) => n.id), ...dropShared];
  if (sharedIds.length > 0) {
    for (const r of (await tx.run(Q['node-parts-of-letters'].statements[0], { letters: [''], ids: sharedIds })).records)
      put(oldNodes, r.get('id') as string, partOf(r));
  }

  // Parts: rewritten whole for these letters.
  if (letters.length > 0) {
    await tx.run(Q['delete-node-parts'].statements[0], { letters, ids: null });
    await tx.run(Q['delete-edge-parts'].statements[0], { letters });
  }
  if (sharedIds.length > 0) await tx.run(Q['delete-node-parts'].statements[0], { letters: [''], ids: sharedIds });
  for (const rows of chunks([...newNodes].flatMap(([id, parts]) => [...parts.values()].map((p) => partRow(id, p)))))
    await tx.run(Q['create-node-parts'].statements[0], { rows });
  for (const rows of chunks(
    [...newEdges].flatMap(([key, parts]) => [...parts.values()].map((p) => edgePartRow(key, edgeEnds.get(key)!, p))),
  ))
    await tx.run(Q['create-edge-parts'].statements[0], { rows });

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
  await remerge(tx, full, kinds);

  // Edges likewise (after the nodes, so that both ends exist).
  const edgePlan = plan(oldEdges, newEdges);
  const edgeState = new Map<string, { propsJson: string; lastLetter: string | null }>();
  const ends = (key: string) => edgeEnds.get(key)!;
  for (const keys of chunks([...edgePlan.keys()])) {
    for (const r of (await tx.run(Q['edge-state'].statements[0], { rows: keys.map(ends) })).records)
      edgeState.set(r.get('key') as string, { propsJson: r.get('propsJson'), lastLetter: r.get('lastLetter') });
  }
  const edgeUpserts: ReturnType<typeof mergedEdgeRow>[] = [];
  const fullEdges: string[] = [];
  for (const [key, { added, appendOnly }] of edgePlan) {
    const now = edgeState.get(key);
    if (appendOnly && now && added.every((p) => p.letter > (now.lastLetter ?? ''))) {
      const base: GraphEdge = { ...ends(key), props: JSON.parse(now.propsJson), evidence: [] } as GraphEdge;
      const merged = mergeEdges([base, ...added.map((p) => ({ ...base, props: JSON.parse(p.variant) }))]);
      edgeUpserts.push(mergedEdgeRow(key, merged, added.at(-1)!.letter, spansOf(added, true)));
    } else fullEdges.push(key);
  }
  const deletions: Array<Pick<GraphEdge, 'type' | 'source' | 'target'>> = [];
  for (const keys of chunks(fullEdges)) {
    const parts = new Map<string, StoredPart[]>();
    for (const r of (await tx.run(Q['edge-variants'].statements[0], { keys })).records) {
      const key = r.get('key') as string;
      parts.set(key, [...(parts.get(key) ?? []), partOf(r)]);
    }
    for (const key of keys) {
      const found = byLetter(parts.get(key) ?? []);
      if (found.length === 0) {
        deletions.push(ends(key));
        continue;
      }
      const base = ends(key);
      const merged = mergeEdges(
        found.map((p) => ({ ...base, props: JSON.parse(p.variant), evidence: [] }) as GraphEdge),
      );
      edgeUpserts.push(mergedEdgeRow(key, merged, found.at(-1)!.letter, spansOf(found, false)));
    }
  }
  for (const rows of chunks(deletions)) await tx.run(Q['delete-edges'].statements[0], { rows });
  // MERGE with a dynamic type is slow: the state read above says which edges exist.
  for (const rows of chunks(edgeUpserts.filter((row) => edgeState.has(row.key))))
    await tx.run(Q['update-edges'].statements[0], { rows });
  for (const rows of chunks(edgeUpserts.filter((row) => !edgeState.has(row.key))))
    await tx.run(Q['create-edges'].statements[0], { rows });
}

/** A stored part as a statement returns it (body: node parts only). */
const partOf = (r: { get(key: string): unknown; has(key: string): boolean }): StoredPart => ({
  letter: r.get('letter') as string,
  variant: r.get('variant') as string,
  starts: (r.get('starts') as unknown[]).map(num),
  ends: (r.get('ends') as unknown[]).map(num),
  ...(r.has('body') ? { body: r.get('body') !== false } : {}),
});

/** Merges nodes again from every part they hold (deleting those left with none). */
export async function remerge(tx: ManagedTransaction, ids: string[], kinds: Map<string, NodeKind>): Promise<void> {
  for (const chunk of chunks(ids)) {
    const parts = new Map<string, StoredPart[]>();
    for (const r of (await tx.run(Q['node-variants'].statements[0], { ids: chunk })).records) {
      const id = r.get('id') as string;
      parts.set(id, [...(parts.get(id) ?? []), partOf(r)]);
    }
    const rows: ReturnType<typeof mergedNodeRow>[] = [];
    const gone: string[] = [];
    for (const id of chunk) {
      const found = byLetter(parts.get(id) ?? []);
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
function plan(
  before: Map<string, Map<string, StoredPart>>,
  after: Map<string, Map<string, StoredPart>>,
): Map<string, { added: StoredPart[]; appendOnly: boolean }> {
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

function byLetter<T extends { letter: string }>(parts: T[]): T[] {
  return [...parts].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
}
