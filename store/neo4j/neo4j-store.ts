import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { InnographError, StoreUnavailableError } from '../errors.ts';
import { fragmentsOf, type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import { CHAINS, type ChainName, edgeKey, type EdgeType, type GraphDocument, type GraphEdge, type GraphNode, type NodeKind } from '../model.ts';
import { normaliseName } from '../normalise.ts';
import { checkFirst, decodeCursor, encodeCursor } from '../paging.ts';
import type { ChainBasis, ChainPair, CommitmentFilter, GraphStore, NeighbourhoodOptions, NodeFilter, OverviewOptions, Page, PageArgs, RecurringNode, RecurringOptions, SearchHit, StoreCounts, StoreHealth, StoreStats, Subgraph } from '../port.ts';
import { bigrams, searchKey } from '../search-score.ts';
import { checkHops, checkIds, checkNeighbourhood, checkOverview, checkSearch } from '../validate.ts';
import { loadCypher } from './cypher-files.ts';
import {
  edgeFromRecord, edgePartRow, gramToken, type EdgeRecord, edgeVariant, evidenceOf, integer, mergedEdgeRow, mergedNodeRow, nodeFromRecord, nodeFromVariant,
  type NodeRecord, nodeVariant, num, type PartRecord, partRow, type StoredPart,
} from './rows.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

const Q = Object.fromEntries([
  'schema', 'await-indexes', 'layout', 'set-layout', 'write-lock', 'node-parts-of-letters', 'edge-parts-of-letters', 'node-state', 'edge-state',
  'node-variants', 'edge-variants', 'delete-node-parts', 'delete-edge-parts', 'create-node-parts', 'create-edge-parts', 'upsert-nodes', 'delete-nodes',
  'upsert-edges', 'delete-edges', 'letter-exists', 'clear', 'shared-nodes', 'get-nodes', 'find-nodes', 'find-nodes-of-letter', 'commitments',
  'recurring', 'search-grams', 'search-all', 'edges-of', 'induced-edges', 'neighbours', 'overview', 'shortest-path', 'path-step', 'chain-links',
  'stats', 'health',
].map((name) => [name, loadCypher(name)]));

/** The storage layout this adapter writes (see cypher/schema.cypher); 1 was one node per entity with every letter's mentions in lists. */
const LAYOUT = 2;
/** Rows a statement sends at once, and the parts a write transaction holds before it commits (whole letters only). */
const BATCH = 2000;
const PARTS_PER_TRANSACTION = 5000;
/** min(9, log2(1 + letters)) exactly as store/search-score.ts computes it, so Cypher ranks with the same numbers. */
const LETTER_BONUS = Array.from({ length: 512 }, (_, letters) => Math.min(9, Math.log2(1 + letters)));
/** Search: full-text queries of at most this many bigram terms each (Lucene refuses more than 1024 clauses). */
const TERMS_PER_QUERY = 1000;

type Change = { letter: string; fragment: LetterFragment | null };

/**
 * The Neo4j adapter: the only code that opens sessions. Every statement is a
 * file of cypher/ run with parameters. Each letter's part of a node or an edge
 * is stored as its own NodePart / EdgePart node; the merged node (an :Entity)
 * and edge (a relationship) are recomputed from the parts with the same
 * merge functions the embedded store uses (store/letter-fragments.ts), so a
 * replaced or removed letter leaves exactly what a fresh ingest of the others
 * gives. Writes take turns on a lock node; whole letters go in one
 * transaction. All sessions share one bookmark manager, so every read sees the
 * writes before it (causal consistency, on a cluster too).
 */
export class Neo4jStore implements GraphStore {
  private readonly driver: Driver;
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(private readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  }

  describe(): string {
    return `Neo4j at ${this.config.uri}${this.config.database ? ` (database ${this.config.database})` : ''}`;
  }

  /** Checks the connection, applies the schema (constraints, indexes, full-text index) idempotently and refuses an older layout. */
  async connect(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.config.database });
      for (const statement of Q.schema.statements) await this.write((tx) => tx.run(statement));
      await this.write((tx) => tx.run(Q['await-indexes'].statements[0]));
      const layout = await this.read(async (tx) => (await tx.run(Q.layout.statements[0])).records[0]);
      const version = layout.get('version') as number | null;
      if (version !== LAYOUT && layout.get('hasEntities')) {
        throw new StoreUnavailableError(`${this.describe()} holds innograph data in an older layout (${version ?? 1}); empty it (innograph clear, or MATCH (n) DETACH DELETE n in Neo4j Browser) and ingest again`);
      }
      if (version !== LAYOUT) await this.write((tx) => tx.run(Q['set-layout'].statements[0], { version: integer(LAYOUT) }));
    } catch (error) {
      await this.driver.close();
      throw this.failure(error);
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const nodes = await this.read(async (tx) => (await tx.run(Q.health.statements[0])).records[0].get('nodes') as number);
      return { ok: true, adapter: 'neo4j', detail: this.describe(), nodes };
    } catch (error) {
      return { ok: false, adapter: 'neo4j', detail: this.failure(error).message };
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  // ---- writes ----

  async replaceLetters(graph: GraphDocument, letterIds: string[], onProgress?: (done: number, total: number, letter: string) => void): Promise<StoreCounts> {
    const { fragments, shared } = fragmentsOf(graph, letterIds);
    if (shared.length > 0) await this.write((tx) => this.writeChanges(tx, [], shared));
    // In letter order: a letter after every letter a node already has merges into the node as it is, without reading its other parts.
    const ordered = [...fragments].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
    let done = 0;
    for (const batch of transactions(ordered)) {
      onProgress?.(done, ordered.length, batch[0].letter);
      await this.write((tx) => this.writeChanges(tx, batch.map((fragment) => ({ letter: fragment.letter, fragment }))));
      done += batch.length;
    }
    onProgress?.(ordered.length, ordered.length, '');
    const stats = await this.stats();
    return { nodes: stats.nodes, edges: stats.edges };
  }

  async removeLetter(letterId: string): Promise<boolean> {
    return this.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      const exists = (await tx.run(Q['letter-exists'].statements[0], { letter: letterId })).records[0].get('exists') as boolean;
      if (exists) await this.writeChanges(tx, [{ letter: letterId, fragment: null }]);
      return exists;
    });
  }

  async clear(): Promise<void> {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
    const session = this.session();
    try {
      for (const statement of Q.clear.statements) await session.run(statement);
    } catch (error) {
      throw this.failure(error);
    } finally {
      await session.close();
    }
    // The chains stay, as the embedded store keeps them: merge them again from their own part alone.
    await this.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      const ids = (await tx.run(Q['shared-nodes'].statements[0])).records.map((r) => r.get('id') as string);
      if (ids.length > 0) await this.remerge(tx, ids, new Map());
    });
  }

  /**
   * Replaces letters' parts (a null fragment removes the letter) and the shared
   * parts of the given nodes, then merges again every node and edge whose parts
   * changed. A node gaining parts from letters after all it has is merged
   * incrementally (the merge is a fold in letter order); any other change reads
   * every part of that node or edge and merges from scratch.
   */
  private async writeChanges(tx: ManagedTransaction, changes: Change[], shared: GraphNode[] = []): Promise<void> {
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
      for (const node of fragment?.nodes ?? []) {
        kinds.set(node.id, node.kind);
        put(newNodes, node.id, { letter, variant: nodeVariant(node), starts: node.mentions.map((m) => m.start), ends: node.mentions.map((m) => m.end) });
      }
      for (const edge of fragment?.edges ?? []) {
        const key = edgeKey(edge);
        edgeEnds.set(key, { type: edge.type, source: edge.source, target: edge.target });
        put(newEdges, key, { letter, variant: edgeVariant(edge), starts: edge.evidence.map((e) => e.start), ends: edge.evidence.map((e) => e.end) });
      }
    }
    for (const node of shared) {
      kinds.set(node.id, node.kind);
      put(newNodes, node.id, { letter: '', variant: nodeVariant(node), starts: [], ends: [] });
    }

    // What the letters (and the shared parts) held before.
    const oldNodes = new Map<string, Map<string, StoredPart>>();
    const oldEdges = new Map<string, Map<string, StoredPart>>();
    const partOf = (r: { get(key: string): unknown }): StoredPart => ({ letter: r.get('letter') as string, variant: r.get('variant') as string, starts: (r.get('starts') as unknown[]).map(num), ends: (r.get('ends') as unknown[]).map(num) });
    if (letters.length > 0) {
      for (const r of (await tx.run(Q['node-parts-of-letters'].statements[0], { letters, ids: null })).records) put(oldNodes, r.get('id') as string, partOf(r));
      for (const r of (await tx.run(Q['edge-parts-of-letters'].statements[0], { letters })).records) {
        put(oldEdges, r.get('key') as string, partOf(r));
        edgeEnds.set(r.get('key') as string, { type: r.get('type'), source: r.get('source'), target: r.get('target') });
      }
    }
    if (shared.length > 0) {
      for (const r of (await tx.run(Q['node-parts-of-letters'].statements[0], { letters: [''], ids: shared.map((n) => n.id) })).records) put(oldNodes, r.get('id') as string, partOf(r));
    }

    // Parts: rewritten whole for these letters.
    if (letters.length > 0) {
      await tx.run(Q['delete-node-parts'].statements[0], { letters, ids: null });
      await tx.run(Q['delete-edge-parts'].statements[0], { letters });
    }
    if (shared.length > 0) await tx.run(Q['delete-node-parts'].statements[0], { letters: [''], ids: shared.map((n) => n.id) });
    for (const rows of chunks([...newNodes].flatMap(([id, parts]) => [...parts.values()].map((p) => partRow(id, p))))) await tx.run(Q['create-node-parts'].statements[0], { rows });
    for (const rows of chunks([...newEdges].flatMap(([key, parts]) => [...parts.values()].map((p) => edgePartRow(key, edgeEnds.get(key)!, p))))) await tx.run(Q['create-edge-parts'].statements[0], { rows });

    // Nodes whose merge changes: a part added, removed or with another version.
    const nodePlan = plan(oldNodes, newNodes);
    const state = new Map<string, { kind: NodeKind; name: string; aliases: string[]; propsJson: string; lastLetter: string | null; letterCount: number; shared: boolean }>();
    for (const ids of chunks([...nodePlan.keys()])) {
      for (const r of (await tx.run(Q['node-state'].statements[0], { ids })).records) {
        state.set(r.get('id') as string, { kind: r.get('kind'), name: r.get('name'), aliases: r.get('aliases') ?? [], propsJson: r.get('propsJson'), lastLetter: r.get('lastLetter'), letterCount: r.get('letterCount') ?? 0, shared: r.get('shared') === true });
      }
    }
    const upserts: ReturnType<typeof mergedNodeRow>[] = [];
    const full: string[] = [];
    for (const [id, { added, appendOnly }] of nodePlan) {
      const now = state.get(id);
      if (appendOnly && now && added.every((p) => p.letter > (now.lastLetter ?? ''))) {
        const base: GraphNode = { id, kind: now.kind, name: now.name, aliases: now.aliases, props: JSON.parse(now.propsJson), mentions: [] };
        const merged = mergeNodes([base, ...added.map((p) => nodeFromVariant(id, now.kind, p.variant))]);
        upserts.push(mergedNodeRow(merged, { lastLetter: added.at(-1)!.letter, letterCount: now.letterCount + added.filter((p) => p.letter !== '').length, shared: now.shared }));
      } else full.push(id);
    }
    for (const rows of chunks(upserts)) await tx.run(Q['upsert-nodes'].statements[0], { rows });
    await this.remerge(tx, full, kinds);

    // Edges likewise (after the nodes, so that both ends exist).
    const edgePlan = plan(oldEdges, newEdges);
    const edgeState = new Map<string, { propsJson: string; lastLetter: string | null }>();
    const ends = (key: string) => edgeEnds.get(key)!;
    for (const keys of chunks([...edgePlan.keys()])) {
      for (const r of (await tx.run(Q['edge-state'].statements[0], { rows: keys.map(ends) })).records) edgeState.set(r.get('key') as string, { propsJson: r.get('propsJson'), lastLetter: r.get('lastLetter') });
    }
    const edgeUpserts: ReturnType<typeof mergedEdgeRow>[] = [];
    const fullEdges: string[] = [];
    for (const [key, { added, appendOnly }] of edgePlan) {
      const now = edgeState.get(key);
      if (appendOnly && now && added.every((p) => p.letter > (now.lastLetter ?? ''))) {
        const base: GraphEdge = { ...ends(key), props: JSON.parse(now.propsJson), evidence: [] } as GraphEdge;
        const merged = mergeEdges([base, ...added.map((p) => ({ ...base, props: JSON.parse(p.variant) }))]);
        edgeUpserts.push(mergedEdgeRow(key, merged, added.at(-1)!.letter));
      } else fullEdges.push(key);
    }
    const deletions: Array<Pick<GraphEdge, 'type' | 'source' | 'target'>> = [];
    for (const keys of chunks(fullEdges)) {
      const parts = new Map<string, Array<{ letter: string; variant: string }>>();
      for (const r of (await tx.run(Q['edge-variants'].statements[0], { keys })).records) {
        const key = r.get('key') as string;
        parts.set(key, [...(parts.get(key) ?? []), { letter: r.get('letter'), variant: r.get('variant') }]);
      }
      for (const key of keys) {
        const found = byLetter(parts.get(key) ?? []);
        if (found.length === 0) {
          deletions.push(ends(key));
          continue;
        }
        const base = ends(key);
        const merged = mergeEdges(found.map((p) => ({ ...base, props: JSON.parse(p.variant), evidence: [] }) as GraphEdge));
        edgeUpserts.push(mergedEdgeRow(key, merged, found.at(-1)!.letter));
      }
    }
    for (const rows of chunks(deletions)) await tx.run(Q['delete-edges'].statements[0], { rows });
    for (const rows of chunks(edgeUpserts)) await tx.run(Q['upsert-edges'].statements[0], { rows });
  }

  /** Merges nodes again from every part they hold (deleting those left with none). */
  private async remerge(tx: ManagedTransaction, ids: string[], kinds: Map<string, NodeKind>): Promise<void> {
    for (const chunk of chunks(ids)) {
      const parts = new Map<string, Array<{ letter: string; variant: string }>>();
      for (const r of (await tx.run(Q['node-variants'].statements[0], { ids: chunk })).records) {
        const id = r.get('id') as string;
        parts.set(id, [...(parts.get(id) ?? []), { letter: r.get('letter'), variant: r.get('variant') }]);
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
        rows.push(mergedNodeRow(merged, { lastLetter: letters.at(-1)?.letter ?? null, letterCount: letters.length, shared: found[0].letter === '' }));
      }
      if (gone.length > 0) await tx.run(Q['delete-nodes'].statements[0], { ids: gone });
      if (rows.length > 0) await tx.run(Q['upsert-nodes'].statements[0], { rows });
    }
  }

  // ---- reads ----

  async getNodes(ids: readonly string[]): Promise<Array<GraphNode | null>> {
    checkIds(ids);
    const found = await this.read((tx) => this.nodesIn(tx, [...ids]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async findNodes(filter: NodeFilter, page: PageArgs): Promise<Page<GraphNode>> {
    const params = { kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null, chain: filter.chain || null, text: filter.text ? searchKey(filter.text) : null };
    if (filter.letter) return this.paged(Q['find-nodes-of-letter'].statements[0], { ...params, letter: filter.letter }, page);
    return this.paged(Q['find-nodes'].statements[0], params, page);
  }

  async search(text: string, options: { kinds?: NodeKind[]; first: number }): Promise<SearchHit[]> {
    checkSearch(text, options.first);
    const key = searchKey(text);
    if (key === '') return [];
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : null;
    const grams = bigrams(key);
    return this.read(async (tx) => {
      const limit = integer(options.first);
      const rows = grams.length === 0
        ? (await tx.run(Q['search-all'].statements[0], { key, kinds, bonus: LETTER_BONUS, limit })).records
        : (await tx.run(Q['search-grams'].statements[0], { queries: chunks([...new Set(grams)].map(gramToken), TERMS_PER_QUERY).map((t) => t.join(' ')), key, grams, kinds, bonus: LETTER_BONUS, limit })).records;
      const nodes = await this.nodesIn(tx, rows.map((r) => r.get('id') as string));
      return rows.map((r) => ({ node: nodes.get(r.get('id') as string)!, score: r.get('score') as number })).filter((h) => h.node);
    });
  }

  async edgesOf(ids: readonly string[], options: { types?: EdgeType[]; direction?: 'out' | 'in' | 'both' } = {}): Promise<GraphEdge[]> {
    checkIds(ids);
    return this.read(async (tx) => (await tx.run(Q['edges-of'].statements[0], {
      ids: [...ids], types: options.types && options.types.length > 0 ? options.types : null, direction: options.direction ?? 'both',
    })).records.map((r) => edgeFromRecord(r.toObject() as EdgeRecord)).sort(byKey));
  }

  /**
   * Breadth-first, one query a hop, the same semantics as the embedded
   * adapter: each hop adds the new neighbours in id order until the limit.
   * Every frontier node is expanded (no cut before the next hop), and the
   * edges among all kept nodes are returned.
   */
  async neighbourhood(ids: readonly string[], options: NeighbourhoodOptions): Promise<Subgraph> {
    checkIds(ids);
    checkNeighbourhood(options);
    const types = options.edgeTypes && options.edgeTypes.length > 0 ? options.edgeTypes : null;
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : null;
    return this.read(async (tx) => {
      const start = await this.nodesIn(tx, [...new Set(ids)]);
      const kept = new Set(ids.filter((id) => start.has(id)));
      let frontier = [...kept];
      let capped = false;
      for (let hop = 0; hop < options.depth && frontier.length > 0 && !capped; hop++) {
        const next: string[] = [];
        for (const chunk of chunks(frontier)) {
          const found = (await tx.run(Q.neighbours.statements[0], { frontier: chunk, types, kinds })).records.map((r) => r.get('id') as string);
          next.push(...found);
        }
        frontier = [];
        for (const id of [...new Set(next)].sort()) {
          if (kept.has(id)) continue;
          if (kept.size >= options.limit) {
            capped = true;
            break;
          }
          kept.add(id);
          frontier.push(id);
        }
      }
      return this.induced(tx, [...kept], types, capped, start);
    });
  }

  async overview(options: OverviewOptions): Promise<Subgraph> {
    checkOverview(options);
    const types = options.edgeTypes && options.edgeTypes.length > 0 ? options.edgeTypes : null;
    return this.read(async (tx) => {
      const record = (await tx.run(Q.overview.statements[0], { kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null, limit: integer(options.limit) })).records[0];
      const ids = record.get('ids') as string[];
      return this.induced(tx, ids, types, (record.get('total') as number) > ids.length);
    });
  }

  /**
   * The shortest path the embedded store returns: its length from SHORTEST 1
   * (bounded by maxHops, so a missing path is cheap), then walked back from
   * `to`, each step to the neighbour first by id that is one link nearer
   * `from`; between two nodes, the edge with the smallest key.
   */
  async shortestPath(from: string, to: string, maxHops: number, edgeTypes?: EdgeType[]): Promise<Subgraph | null> {
    checkHops(maxHops);
    const types = edgeTypes && edgeTypes.length > 0 ? edgeTypes : null;
    return this.read(async (tx) => {
      const found = (await tx.run(Q['shortest-path'].statements[maxHops - 1], { from, to, types })).records[0];
      if (!found) return null;
      const length = found.get('length') as number;
      const path = [to];
      for (let hops = length - 1; hops > 0; hops--) {
        const step = (await tx.run(Q['path-step'].statements[0], { at: path[0], from, hops: integer(hops), types })).records[0];
        if (!step) return null;
        path.unshift(step.get('id') as string);
      }
      if (length > 0) path.unshift(from);
      const nodes = await this.nodesIn(tx, path);
      const edges = length === 0 ? [] : (await tx.run(Q['induced-edges'].statements[0], { from: path, ids: path, types })).records.map((r) => edgeFromRecord(r.toObject() as EdgeRecord));
      const steps: GraphEdge[] = [];
      for (let i = 0; i + 1 < path.length; i++) {
        const between = edges.filter((e) => (e.source === path[i] && e.target === path[i + 1]) || (e.source === path[i + 1] && e.target === path[i]));
        const edge = between.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1))[0];
        if (!edge) return null;
        steps.push(edge);
      }
      return { nodes: path.map((id) => nodes.get(id)!).filter(Boolean), edges: steps, capped: false };
    });
  }

  async commitments(filter: CommitmentFilter, page: PageArgs): Promise<Page<GraphNode>> {
    return this.paged(Q.commitments.statements[0], {
      chain: filter.chain || null, year: filter.year === undefined || filter.year === null ? null : Number.isInteger(filter.year) ? integer(filter.year) : filter.year,
      letter: filter.letter || null, unit: filter.unit || null, text: filter.text ? normaliseName(filter.text) : null,
    }, page);
  }

  async chainMatrix(options: { bases?: ChainBasis[] } = {}): Promise<ChainPair[]> {
    return this.read(async (tx) => {
      const rows = (await tx.run(Q['chain-links'].statements[0], { bases: options.bases ?? null })).records.map((r) => ({ id: r.get('id') as string, chain: (r.get('chain') as string).slice('Chain:'.length), evidence: evidenceOf(r.get('parts') as PartRecord[]) }));
      const byChain = new Map<string, Map<string, (typeof rows)[number]>>(CHAINS.map((c) => [c, new Map()]));
      for (const row of rows) byChain.get(row.chain)?.set(row.id, row);
      const nodes = await this.nodesIn(tx, [...new Set(rows.map((r) => r.id))]);
      const pairs: ChainPair[] = [];
      CHAINS.forEach((a, i) => CHAINS.slice(i).forEach((b) => {
        const left = byChain.get(a)!;
        const right = byChain.get(b)!;
        const both = [...left.keys()].filter((id) => right.has(id) && nodes.has(id)).sort();
        pairs.push({ a: a as ChainName, b: b as ChainName, count: both.length, nodes: both.map((id) => ({ node: nodes.get(id)!, evidence: a === b ? left.get(id)!.evidence : [...left.get(id)!.evidence, ...right.get(id)!.evidence] })) });
      }));
      return pairs;
    });
  }

  async recurring(options: RecurringOptions, page: PageArgs): Promise<Page<RecurringNode>> {
    const found = await this.paged(Q.recurring.statements[0], { kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null, minLetters: integer(options.minLetters) }, page);
    return { ...found, items: found.items.map((node) => ({ node, letters: [...new Set(node.mentions.map((m) => m.letter))].sort() })) };
  }

  async stats(): Promise<StoreStats> {
    const record = await this.read(async (tx) => (await tx.run(Q.stats.statements[0])).records[0]);
    const byKind = (record.get('byKind') as Array<{ kind: NodeKind; count: number }>).sort((a, b) => a.kind.localeCompare(b.kind));
    const byEdgeType = (record.get('byEdgeType') as StoreStats['byEdgeType']).sort((a, b) => a.type.localeCompare(b.type));
    const byLetter = (record.get('byLetter') as Array<{ letter: string; propsJson: string; counts: Array<{ type: string | null; count: number }> }>).map((row) => {
      const count = (type: string) => row.counts.find((c) => c.type === type)?.count ?? 0;
      return { letter: row.letter, source: String(JSON.parse(row.propsJson).source), mentions: count('MENTIONS'), commitments: count('COMMITS_TO'), achievements: count('REPORTS') };
    }).sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
    return {
      nodes: byKind.reduce((s, k) => s + k.count, 0), edges: byEdgeType.reduce((s, t) => s + t.count, 0), letters: byLetter.length, byKind, byEdgeType, byLetter,
    };
  }

  // ---- helpers ----

  private async nodesIn(tx: ManagedTransaction, ids: string[]): Promise<Map<string, GraphNode>> {
    const found = new Map<string, GraphNode>();
    for (const chunk of chunks(ids, 500)) {
      for (const r of (await tx.run(Q['get-nodes'].statements[0], { ids: chunk })).records) {
        const node = nodeFromRecord(r.get('node') as NodeRecord);
        found.set(node.id, node);
      }
    }
    return found;
  }

  /** The nodes (in the given order) and the edges among them, of the given types. */
  private async induced(tx: ManagedTransaction, ids: string[], types: EdgeType[] | null, capped: boolean, known = new Map<string, GraphNode>()): Promise<Subgraph> {
    const missing = ids.filter((id) => !known.has(id));
    const nodes = new Map([...known, ...(await this.nodesIn(tx, missing))]);
    const edges: GraphEdge[] = [];
    for (const from of chunks(ids, 500)) {
      edges.push(...(await tx.run(Q['induced-edges'].statements[0], { from, ids, types })).records.map((r) => edgeFromRecord(r.toObject() as EdgeRecord)));
    }
    return { nodes: ids.map((id) => nodes.get(id)!).filter(Boolean), edges, capped };
  }

  private async paged(statement: string, params: Record<string, unknown>, page: PageArgs): Promise<Page<GraphNode>> {
    const first = checkFirst(page.first);
    const skip = decodeCursor(page.after);
    return this.read(async (tx) => {
      const record = (await tx.run(statement, { ...params, skip: integer(skip), limit: integer(first) })).records[0];
      const ids = record.get('page') as string[];
      const total = record.get('total') as number;
      const nodes = await this.nodesIn(tx, ids);
      const items = ids.map((id) => nodes.get(id)!).filter(Boolean);
      const end = skip + items.length;
      return { items, totalCount: total, endCursor: items.length > 0 ? encodeCursor(end) : null, hasNextPage: end < total };
    });
  }

  private session() {
    return this.driver.session({ database: this.config.database, bookmarkManager: this.bookmarks });
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session();
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw this.failure(error);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session();
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw this.failure(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Driver errors as domain errors. The server out of reach, refusing the
   * credentials or without the database: STORE_UNAVAILABLE, with what to
   * check. Neo4j refusing or failing a statement (a Cypher or procedure error,
   * a memory or time limit): STORE_QUERY_FAILED — the store is up, this query
   * failed. innograph's own errors pass as they are.
   */
  private failure(error: unknown): Error {
    if (error instanceof InnographError) return error;
    if (!(error instanceof Neo4jError)) return error as Error;
    const code = error.code ?? '';
    const where = this.describe();
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.includes('DatabaseUnavailable')) {
      return new StoreUnavailableError(`${where} cannot be reached; is the server running and NEO4J_URI right?`, { cause: error });
    }
    if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit') || code.includes('CredentialsExpired')) {
      return new StoreUnavailableError(`${where} refused the credentials; check NEO4J_USER and NEO4J_PASSWORD`, { cause: error });
    }
    if (code.includes('DatabaseNotFound')) return new StoreUnavailableError(`${where}: the database does not exist; check NEO4J_DATABASE or create it`, { cause: error });
    return new InnographError('STORE_QUERY_FAILED', `${where} could not answer this query (${code || 'error'}): ${error.message.split('\n')[0]}`, { cause: error });
  }
}

/** Whole letters, in order, grouped so one transaction holds about PARTS_PER_TRANSACTION parts. */
function transactions(fragments: LetterFragment[]): LetterFragment[][] {
  const groups: LetterFragment[][] = [];
  let size = Infinity;
  for (const fragment of fragments) {
    const parts = fragment.nodes.length + fragment.edges.length;
    if (size + parts > PARTS_PER_TRANSACTION) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(fragment);
    size += parts;
  }
  return groups;
}

/**
 * For every node or edge whose merge may change: the parts added (in letter
 * order), and whether parts were only added (none removed, none with another
 * version). Parts whose version is unchanged (only their spans moved) do not change the merge.
 */
function plan(before: Map<string, Map<string, StoredPart>>, after: Map<string, Map<string, StoredPart>>): Map<string, { added: StoredPart[]; appendOnly: boolean }> {
  const out = new Map<string, { added: StoredPart[]; appendOnly: boolean }>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key) ?? new Map<string, StoredPart>();
    const now = after.get(key) ?? new Map<string, StoredPart>();
    const removed = [...old.keys()].some((letter) => !now.has(letter));
    const changed = [...now].some(([letter, part]) => old.has(letter) && old.get(letter)!.variant !== part.variant);
    const added = [...now.values()].filter((part) => !old.has(part.letter)).sort((a, b) => (a.letter < b.letter ? -1 : 1));
    if (!removed && !changed && added.length === 0) continue;
    out.set(key, { added, appendOnly: !removed && !changed });
  }
  return out;
}

/** Edges in key order (type, source, target), as both stores answer edgesOf. */
function byKey(a: GraphEdge, b: GraphEdge): number {
  const [x, y] = [edgeKey(a), edgeKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function byLetter<T extends { letter: string }>(parts: T[]): T[] {
  return [...parts].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
}


function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

