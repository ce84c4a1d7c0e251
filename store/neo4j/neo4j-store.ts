import type { ManagedTransaction } from 'neo4j-driver';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { InnographError, StoreBusyError, StoreUnavailableError } from '../../domain/errors.ts';
import { type ChainEdgeRow, chainPairs } from '../chain-matrix.ts';
import { fragmentsOf, type LetterFragment, lettersOf } from '../letter-fragments.ts';
import { storedLettersOf } from '../stored-letters.ts';
import {
  type ChainName,
  edgeKey,
  type EdgeType,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
} from '../../domain/model.ts';
import { normaliseName } from '../../domain/normalise.ts';
import { checkFirst, decodeCursor, encodeCursor } from '../paging.ts';
import type {
  ChainBasis,
  ChainPair,
  CommitmentFilter,
  GraphStore,
  NeighbourhoodOptions,
  NodeFilter,
  OverviewOptions,
  Page,
  PageArgs,
  RecurringNode,
  RecurringOptions,
  SearchHit,
  StoreHealth,
  StoreStats,
  StoreVersion,
  StoreWrite,
  Subgraph,
} from '../port.ts';
import { bigrams, searchKey } from '../search-score.ts';
import { checkHops, checkIds, checkNeighbourhood, checkOverview, checkSearch } from '../validate.ts';
import { chunks } from './batches.ts';
import { loadCypher } from './cypher-files.ts';
import { type Neo4jConfig, Neo4jExecutor } from './executor.ts';
import { firstLoad } from './bulk-load.ts';
import { importFirstLoad, launcherControl } from './bulk-import.ts';
import type { ChainLinks } from './chain-links.ts';
import { walkShortestPath } from './path-walk.ts';
import { remerge, transactions, writeChanges } from './letter-writes.ts';
import {
  edgeFromRecord,
  type EdgeRecord,
  evidenceOf,
  gramToken,
  integer,
  nodeFromRecord,
  type NodeRecord,
} from './rows.ts';

export type { Neo4jConfig };

const Q = Object.fromEntries(
  [
    'schema',
    'await-indexes',
    'layout',
    'set-layout',
    'write-lock',
    'write-lease-take',
    'write-lease-renew',
    'write-lease-release',
    'stored-letter-ids',
    'letter-digests',
    'set-letter-digests',
    'delete-letter-digests',
    'clear',
    'shared-nodes',
    'get-nodes',
    'find-nodes',
    'find-nodes-of-letter',
    'commitments',
    'recurring',
    'recurring-all-mentions',
    'search-grams',
    'search-all',
    'edges-of',
    'induced-edges',
    'neighbours',
    'overview',
    'shortest-path',
    'chain-links',
    'chain-links-kept',
    'set-chain-links',
    'stats',
    'health',
    'graph-version',
    'first-load-state',
    'counts',
  ].map((name) => [name, loadCypher(name)]),
);

/**
 * The storage layout this adapter writes (see cypher/schema.cypher); 1 was one node per entity with every letter's
 * mentions in lists, 2 read mentions and evidence from the parts at each request, 3 kept them on the merged node and
 * edge with one NodePart / EdgePart node per part, 4 keeps a letter's parts on one LetterParts node.
 */
const LAYOUT = 4;
/** A first load of this many letters or more goes through the launcher's importer when it can (Neo4jConfig.bulkImport). */
const BULK_IMPORT_FROM = 200;
/** Rows a statement sends at once. */
const BATCH = 2000;
/** How long a write lease lasts unless renewed (a third of it between renewals). */
const LEASE_MS = 60_000;
/** min(9, log2(1 + letters)) exactly as store/search-score.ts computes it, so Cypher ranks with the same numbers. */
const LETTER_BONUS = Array.from({ length: 512 }, (_, letters) => Math.min(9, Math.log2(1 + letters)));
/** Answers kept per graph version (as the embedded store's read index keeps 256). */
const ANSWERS = 256;
/** Nodes kept per graph version (cachedNodes): about as many as a 10,000-letter archive's letters and the things a page shows. */
const NODE_CACHE = 50_000;
/** Search: full-text queries of at most this many bigram terms each (Lucene refuses more than 1024 clauses). */
const TERMS_PER_QUERY = 1000;

/**
 * The Neo4j adapter: the only code that opens sessions. Every statement is a
 * file of cypher/ run with parameters. Each letter's parts of nodes and edges
 * are stored on one LetterParts node (letter-parts.ts); the merged node (an :Entity)
 * and edge (a relationship) are recomputed from the parts with the same
 * merge functions the embedded store uses (store/letter-fragments.ts), so a
 * replaced or removed letter leaves exactly what a fresh ingest of the others
 * gives. Writes take turns on a lock node; whole letters go in one
 * transaction. All sessions share one bookmark manager, so every read sees the
 * writes before it (causal consistency, on a cluster too).
 */
export class Neo4jStore implements GraphStore {
  private readonly db: Neo4jExecutor;

  constructor(config: Neo4jConfig) {
    this.db = new Neo4jExecutor(config);
  }

  describe(): string {
    return this.db.describe();
  }

  /** Checks the connection, applies the schema (constraints, indexes, full-text index) idempotently and refuses an older layout. */
  async connect(): Promise<void> {
    try {
      await this.db.probe();
      for (const statement of Q.schema.statements) await this.write((tx) => tx.run(statement));
      await this.write((tx) => tx.run(Q['await-indexes'].statements[0]));
      const layout = await this.read(async (tx) => (await tx.run(Q.layout.statements[0])).records[0]);
      const version = layout.get('version') as number | null;
      if (version !== LAYOUT && layout.get('hasEntities')) {
        throw new StoreUnavailableError(
          `${this.describe()} holds innograph data in an older layout (${version ?? 1}); empty it (innograph clear, or MATCH (n) DETACH DELETE n in Neo4j Browser) and ingest again`,
        );
      }
      if (version !== LAYOUT)
        await this.write((tx) => tx.run(Q['set-layout'].statements[0], { version: integer(LAYOUT) }));
    } catch (error) {
      await this.db.close();
      throw this.db.failure(error);
    }
  }

  /** A probe bounded in time (Neo4jExecutor.probe), so /health answers within 2 s even when Neo4j does not. */
  async health(): Promise<StoreHealth> {
    try {
      const nodes = (await this.db.probe(
        async (session) => (await session.run(Q.health.statements[0])).records[0].get('nodes') as number,
      )) as number;
      return { ok: true, adapter: 'neo4j', detail: this.describe(), nodes };
    } catch (error) {
      return { ok: false, adapter: 'neo4j', detail: this.db.failure(error).message };
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  // ---- writes ----

  /**
   * The write lease (cypher/write-lease-*.cypher) is taken before any work and renewed while the
   * write runs; a writer that dies leaves it to expire (LEASE_MS). `commit` writes the letters whose
   * part differs from what the store holds and removes the others, in letter order, a few whole
   * letters per transaction.
   */
  async beginWrite(options: { waitMs?: number } = {}): Promise<StoreWrite> {
    const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    const deadline = Date.now() + (options.waitMs ?? 0);
    for (;;) {
      const lease = await this.write(async (tx) =>
        (
          await tx.run(Q['write-lease-take'].statements[0], { owner, now: Date.now(), ttl: integer(LEASE_MS) })
        ).records[0].toObject(),
      );
      if (lease.granted) break;
      if (Date.now() >= deadline) {
        throw new StoreBusyError(
          `another innograph process (${String(lease.owner)}, since ${new Date(Number(lease.since)).toISOString()}) is writing ${this.describe()}; wait for it to finish (a writer that died gives the store back by ${new Date(Number(lease.expires)).toISOString()})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const renewal = setInterval(() => {
      void this.write((tx) =>
        tx.run(Q['write-lease-renew'].statements[0], { owner, now: Date.now(), ttl: integer(LEASE_MS) }),
      ).catch(() => undefined);
    }, LEASE_MS / 3);
    renewal.unref();
    let committed = false;
    return {
      // A first load cut short (first-load-begin.cypher) holds no letter: the next commit loads them all again.
      letters: async () => ((await this.firstLoadCutShort()) ? [] : storedLettersOf(this)),
      commit: async (graph, onProgress) => {
        if (committed) throw new InnographError('WRITE_COMMITTED', 'a store write commits once; begin another write');
        committed = true;
        // What a first load cut short wrote is cleared first: the store is then as before it, holding no letter.
        if (await this.firstLoadCutShort()) await this.clear();
        const letterIds = lettersOf(graph);
        const kept = new Set(letterIds);
        const [storedIds, digests, storedShared] = await this.read(async (tx) => [
          (await tx.run(Q['stored-letter-ids'].statements[0])).records.map((r) => r.get('letter') as string),
          new Map(
            (await tx.run(Q['letter-digests'].statements[0])).records.map((r) => [
              r.get('letter') as string,
              r.get('digest') as string,
            ]),
          ),
          (await tx.run(Q['shared-nodes'].statements[0])).records.map((r) => r.get('id') as string),
        ]);
        const removed = storedIds.filter((letter) => !kept.has(letter)).sort();
        const { fragments, shared } = fragmentsOf(graph, letterIds);
        const digestOf = new Map(fragments.map((f) => [f.letter, partDigest(f)]));
        const changed = fragments.filter((f) => digests.get(f.letter) !== digestOf.get(f.letter));
        if (shared.length > 0) await this.write((tx) => writeChanges(tx, [], shared));
        for (const letter of removed) {
          await this.write(async (tx) => {
            await writeChanges(tx, [{ letter, fragment: null }]);
            await tx.run(Q['delete-letter-digests'].statements[0], { letters: [letter] });
          });
        }
        // In letter order: a letter after every letter a node already has merges into the node as it is, without reading its other parts.
        const ordered = [...changed].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
        let loaded: ChainLinks | null = null;
        if (storedIds.length === 0 && ordered.length > 0) {
          // A first load (nothing stored): by Neo4j's importer (bulk-import.ts) or created once in large batches (bulk-load.ts).
          loaded = await this.firstLoad(
            ordered,
            new Set([...shared.map((n) => n.id), ...storedShared]),
            (letter) => digestOf.get(letter)!,
            owner,
            (done, total) => onProgress?.(done, total, ''),
          );
        }
        let done = 0;
        for (const batch of storedIds.length === 0 ? [] : transactions(ordered)) {
          onProgress?.(done, ordered.length, batch[0].letter);
          await this.write(async (tx) => {
            await writeChanges(
              tx,
              batch.map((fragment) => ({ letter: fragment.letter, fragment })),
            );
            const rows = batch.map((f) => ({ letter: f.letter, digest: digestOf.get(f.letter)! }));
            await tx.run(Q['set-letter-digests'].statements[0], { rows });
          });
          done += batch.length;
        }
        // Last, once no letter's edge holds them: the shared nodes the graph lacks now (a place of removed letters).
        const sharedIds = new Set(shared.map((n) => n.id));
        const dropShared = storedShared.filter((id) => !sharedIds.has(id));
        if (dropShared.length > 0) await this.write((tx) => writeChanges(tx, [], [], dropShared));
        // The chain matrix's input, kept for this version of the graph (readChainLinks).
        // A first load that wrote every tied thing knows it; else it is read.
        const { rows, nodes } =
          loaded && dropShared.length === 0
            ? loaded
            : await this.read(async (tx) => {
                const now = await this.chainLinksNow(tx);
                return { rows: now.rows, nodes: [...now.nodes.values()] };
              });
        const links = JSON.stringify({ rows, nodes } satisfies ChainLinks);
        await this.write(async (tx) => {
          await tx.run(Q['write-lock'].statements[0]);
          await tx.run(Q['set-chain-links'].statements[0], { json: links });
        });
        onProgress?.(ordered.length, ordered.length, '');
        const counts = await this.read(async (tx) => (await tx.run(Q.counts.statements[0])).records[0]);
        return {
          nodes: counts.get('nodes') as number,
          edges: counts.get('edges') as number,
          written: ordered.map((f) => f.letter),
          removed,
        };
      },
      release: async () => {
        clearInterval(renewal);
        await this.write((tx) => tx.run(Q['write-lease-release'].statements[0], { owner }));
      },
    };
  }

  /**
   * A first load: through Neo4j's batch importer where the innograph launcher runs Neo4j and the load is
   * large enough (bulk-import.ts), else by Cypher (bulk-load.ts). An import refused before it wrote
   * anything (rows CSV cannot carry, the importer failing) leaves the database as it was: Cypher loads.
   */
  private async firstLoad(
    fragments: LetterFragment[],
    existing: ReadonlySet<string>,
    digestOf: (letter: string) => string,
    owner: string,
    onProgress: (done: number, total: number) => void,
  ): Promise<ChainLinks | null> {
    const bulk = this.db.config.bulkImport ?? { minLetters: BULK_IMPORT_FROM };
    const control = bulk && fragments.length >= bulk.minLetters ? await launcherControl(this.db) : null;
    let refused: string | undefined;
    if (control) {
      try {
        onProgress(0, fragments.length);
        const phases: Record<string, number> = {};
        const links = await importFirstLoad(this.db, control, fragments, existing, digestOf, owner, phases);
        this.lastFirstLoad = { by: 'import', phases };
        return links;
      } catch (error) {
        const code = error instanceof InnographError ? error.code : '';
        if (code !== 'NEO4J_IMPORT_UNFIT' && code !== 'NEO4J_IMPORT_FAILED') throw error;
        refused = (error as Error).message;
      }
    }
    const links = await firstLoad(this.db, fragments, existing, digestOf, owner, onProgress);
    this.lastFirstLoad = { by: 'cypher', refused };
    return links;
  }

  /** How the last first load of this store object went: by the importer, or by Cypher (and why the importer refused it). */
  lastFirstLoad: { by: 'import' | 'cypher'; refused?: string; phases?: Record<string, number> } | null = null;

  /** Whether a first load was cut short (bulk-load.ts): what it wrote does not count, and the next commit clears it. */
  private async firstLoadCutShort(): Promise<boolean> {
    return this.read(
      async (tx) => (await tx.run(Q['first-load-state'].statements[0])).records[0].get('incomplete') === true,
    );
  }

  async clear(): Promise<void> {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
    await this.db.autoCommit(Q.clear.statements);
    // The chains stay, as the embedded store keeps them: merge them again from their own part alone.
    await this.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      const ids = (await tx.run(Q['shared-nodes'].statements[0])).records.map((r) => r.get('id') as string);
      if (ids.length > 0) await remerge(tx, ids, new Map());
    });
  }

  // ---- reads ----

  async getNodes(ids: readonly string[]): Promise<Array<GraphNode | null>> {
    checkIds(ids);
    const found = await this.cachedNodes([...ids]);
    return ids.map((id) => found.get(id) ?? null);
  }

  async findNodes(filter: NodeFilter, page: PageArgs): Promise<Page<GraphNode>> {
    const params = {
      kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null,
      chain: filter.chain || null,
      text: filter.text ? searchKey(filter.text) : null,
    };
    if (filter.letter)
      return this.paged(Q['find-nodes-of-letter'].statements[0], { ...params, letter: filter.letter }, page);
    return this.paged(Q['find-nodes'].statements[0], params, page);
  }

  async search(text: string, options: { kinds?: NodeKind[]; first: number }): Promise<SearchHit[]> {
    checkSearch(text, options.first);
    const key = searchKey(text);
    if (key === '') return [];
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : null;
    const grams = bigrams(key);
    const kept = JSON.stringify(['search', key, kinds, options.first]);
    return this.kept(kept, () => this.searchNow(key, grams, kinds, options.first));
  }

  private searchNow(key: string, grams: string[], kinds: NodeKind[] | null, first: number): Promise<SearchHit[]> {
    return this.read(async (tx) => {
      const limit = integer(first);
      const rows =
        grams.length === 0
          ? (await tx.run(Q['search-all'].statements[0], { key, kinds, bonus: LETTER_BONUS, limit })).records
          : (
              await tx.run(Q['search-grams'].statements[0], {
                queries: chunks([...new Set(grams)].map(gramToken), TERMS_PER_QUERY).map((t) => t.join(' ')),
                key,
                grams,
                kinds,
                bonus: LETTER_BONUS,
                limit,
              })
            ).records;
      const nodes = await this.nodesIn(
        tx,
        rows.map((r) => r.get('id') as string),
      );
      return rows
        .map((r) => ({ node: nodes.get(r.get('id') as string)!, score: r.get('score') as number }))
        .filter((h) => h.node);
    });
  }

  async edgesOf(
    ids: readonly string[],
    options: { types?: EdgeType[]; direction?: 'out' | 'in' | 'both' } = {},
  ): Promise<GraphEdge[]> {
    checkIds(ids);
    return this.read(async (tx) =>
      (
        await tx.run(Q['edges-of'].statements[0], {
          ids: [...ids],
          types: options.types && options.types.length > 0 ? options.types : null,
          direction: options.direction ?? 'both',
        })
      ).records
        .map((r) => edgeFromRecord(r.toObject() as EdgeRecord))
        .sort(byKey),
    );
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
        for (const chunk of chunks(frontier, BATCH)) {
          const params = {
            frontier: chunk,
            types,
            kinds,
            kept: [...kept],
            room: integer(options.limit - kept.size + 1),
          };
          const found = (await tx.run(Q.neighbours.statements[0], params)).records.map((r) => r.get('id') as string);
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
      const record = (
        await tx.run(Q.overview.statements[0], {
          kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null,
          limit: integer(options.limit),
        })
      ).records[0];
      const ids = record.get('ids') as string[];
      return this.induced(tx, ids, types, (record.get('total') as number) > ids.length);
    });
  }

  /**
   * The shortest path the embedded store returns: its length from SHORTEST 1
   * (bounded by maxHops, so a missing path is cheap), then its nodes from both
   * ends (path-walk.ts); between two nodes, the edge with the smallest key.
   */
  async shortestPath(from: string, to: string, maxHops: number, edgeTypes?: EdgeType[]): Promise<Subgraph | null> {
    checkHops(maxHops);
    const types = edgeTypes && edgeTypes.length > 0 ? edgeTypes : null;
    return this.read(async (tx) => {
      const found = (await tx.run(Q['shortest-path'].statements[maxHops - 1], { from, to, types })).records[0];
      if (!found) return null;
      const length = found.get('length') as number;
      const path = await walkShortestPath(tx, from, to, length, types);
      if (!path) return null;
      const nodes = await this.nodesIn(tx, path);
      const edges =
        length === 0
          ? []
          : (await tx.run(Q['induced-edges'].statements[0], { from: path, ids: path, types })).records.map((r) =>
              edgeFromRecord(r.toObject() as EdgeRecord),
            );
      const steps: GraphEdge[] = [];
      for (let i = 0; i + 1 < path.length; i++) {
        const between = edges.filter(
          (e) =>
            (e.source === path[i] && e.target === path[i + 1]) || (e.source === path[i + 1] && e.target === path[i]),
        );
        const edge = between.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1))[0];
        if (!edge) return null;
        steps.push(edge);
      }
      return { nodes: path.map((id) => nodes.get(id)!).filter(Boolean), edges: steps, capped: false };
    });
  }

  async commitments(filter: CommitmentFilter, page: PageArgs): Promise<Page<GraphNode>> {
    // A year or a letter given: the statement that starts from its index (cypher/commitments.cypher).
    const year = filter.year ?? null;
    return this.paged(
      Q.commitments.statements[year !== null ? 1 : filter.letter ? 2 : 0],
      {
        chain: filter.chain || null,
        year: year !== null && Number.isInteger(year) ? integer(year) : year,
        letter: filter.letter || null,
        unit: filter.unit || null,
        text: filter.text ? normaliseName(filter.text) : null,
      },
      page,
    );
  }

  private readonly memos = new Map<string, { version: number; value: Promise<unknown> }>();
  /** Answers kept per graph version (filtered lists of ids, searches), at most ANSWERS of them. */
  private readonly answers = new Map<string, { version: number; value: Promise<unknown> }>();

  async memo<T>(key: string, compute: (store: GraphStore) => Promise<T>): Promise<T> {
    return this.perVersion(this.memos as Map<string, { version: number; value: Promise<T> }>, key, () => compute(this));
  }

  /** Kept per set of bases while the graph's version (its count of writes) stays the same: the matrix reads every ADVANCES edge. */
  private readonly matrices = new Map<string, { version: number; value: Promise<ChainPair[]> }>();

  async chainMatrix(options: { bases?: ChainBasis[] } = {}): Promise<ChainPair[]> {
    const key = options.bases ? [...options.bases].sort().join(',') : '*';
    return this.perVersion(this.matrices, key, async () => {
      const { rows, nodes } = await this.perVersion(this.chainLinks, 'links', () => this.readChainLinks());
      return chainPairs(rows, (id) => nodes.get(id), options.bases);
    });
  }

  /** Every ADVANCES edge and the nodes they tie, read once per graph version whatever the bases asked. */
  private readonly chainLinks = new Map<
    string,
    { version: number; value: Promise<{ rows: ChainEdgeRow[]; nodes: Map<string, GraphNode> }> }
  >();

  /** An answer kept for this graph version among the last ANSWERS (a search, a filter's list of ids). */
  private kept<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.perVersion(this.answers as Map<string, { version: number; value: Promise<T> }>, key, compute, ANSWERS);
  }

  /**
   * A result that reads much of the graph, kept while the graph's version (its count of writes) stays the
   * same. One computation at a time per version: concurrent requests share it instead of each reading it all.
   */
  private async perVersion<T>(
    cache: Map<string, { version: number; value: Promise<T> }>,
    key: string,
    compute: () => Promise<T>,
    most = 16,
  ): Promise<T> {
    const version = await this.version();
    const cached = cache.get(key);
    if (cached?.version === version) return cached.value;
    // A few lists a version: a client varying its arguments cannot fill the memory.
    if (!cached && cache.size >= most) cache.delete(cache.keys().next().value!);
    const value = compute();
    cache.set(key, { version, value });
    value.catch(() => cache.delete(key));
    return value;
  }

  /** Every ADVANCES edge and the nodes it ties, for the matrix by the same function as the embedded store's (store/chain-matrix.ts). */
  private async readChainLinks(): Promise<{ rows: ChainEdgeRow[]; nodes: Map<string, GraphNode> }> {
    return this.read(async (tx) => {
      // As the last commit kept it, while no write followed (a clear, or a commit cut short, did).
      const kept = (await tx.run(Q['chain-links-kept'].statements[0])).records[0];
      if (kept.get('current') === true) {
        const { rows, nodes } = JSON.parse(kept.get('json') as string) as ChainLinks;
        return { rows, nodes: new Map(nodes.map((n) => [n.id, n])) };
      }
      return this.chainLinksNow(tx);
    });
  }

  /** Every ADVANCES edge and the nodes it ties, read from the graph. */
  private async chainLinksNow(
    tx: ManagedTransaction,
  ): Promise<{ rows: ChainEdgeRow[]; nodes: Map<string, GraphNode> }> {
    const rows = (await tx.run(Q['chain-links'].statements[0])).records.map((r): ChainEdgeRow => ({
      id: r.get('id') as string,
      chain: (r.get('chain') as string).slice('Chain:'.length) as ChainName,
      props: JSON.parse((r.get('propsJson') as string | null) ?? '{}'),
      evidence: evidenceOf({
        letters: r.get('eLetters') as string[] | null,
        starts: r.get('eStarts') as unknown[] | null,
        ends: r.get('eEnds') as unknown[] | null,
      }),
    }));
    return { rows, nodes: await this.nodesIn(tx, [...new Set(rows.map((r) => r.id))]) };
  }

  /** Each list (ids and the letters that count, in order) is kept per graph version; a page is a slice of it. */
  private readonly recurringLists = new Map<
    string,
    { version: number; value: Promise<Array<{ id: string; letters: string[] }>> }
  >();

  async recurring(options: RecurringOptions, page: PageArgs): Promise<Page<RecurringNode>> {
    const first = checkFirst(page.first);
    const skip = decodeCursor(page.after);
    const kinds = options.kinds && options.kinds.length > 0 ? [...new Set(options.kinds)].sort() : null;
    const everywhere = options.includeHeaderAndFooter === true;
    const rows = await this.perVersion(
      this.recurringLists,
      `${kinds?.join(',') ?? '*'}|${options.minLetters}|${everywhere}`,
      () =>
        this.read(async (tx) => {
          // The statement is chosen, not built: body mentions only (recurring.cypher) or all (recurring-all-mentions.cypher).
          const statement = (everywhere ? Q['recurring-all-mentions'] : Q.recurring).statements[0];
          const records = (await tx.run(statement, { kinds, minLetters: integer(options.minLetters) })).records;
          const list = records.map((r) => ({
            id: r.get('id') as string,
            letters: [...(r.get('letters') as string[])].sort(),
          }));
          // The embedded store's order: most letters first, then id as JavaScript compares strings.
          return list.sort((a, b) => b.letters.length - a.letters.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        }),
    );
    const slice = rows.slice(skip, skip + first);
    const nodes = await this.cachedNodes(slice.map((r) => r.id));
    const items = slice.filter((r) => nodes.has(r.id)).map((r) => ({ node: nodes.get(r.id)!, letters: r.letters }));
    const end = skip + slice.length;
    return {
      items,
      totalCount: rows.length,
      endCursor: slice.length > 0 ? encodeCursor(end) : null,
      hasNextPage: end < rows.length,
    };
  }

  /** The graph's count of writes names its state (the map is computed once per state: api/map/). */
  async graphVersion(): Promise<StoreVersion> {
    const version = await this.read(
      async (tx) => (await tx.run(Q['graph-version'].statements[0])).records[0].get('version') as number,
    );
    return { id: `neo4j-${Number(version)}`, path: null };
  }

  async stats(): Promise<StoreStats> {
    const record = await this.read(async (tx) => (await tx.run(Q.stats.statements[0])).records[0]);
    const byKind = (record.get('byKind') as Array<{ kind: NodeKind; count: number }>).sort((a, b) =>
      a.kind.localeCompare(b.kind),
    );
    const byEdgeType = (record.get('byEdgeType') as StoreStats['byEdgeType']).sort((a, b) =>
      a.type.localeCompare(b.type),
    );
    const byLetter = (
      record.get('byLetter') as Array<{
        letter: string;
        propsJson: string;
        counts: Array<{ type: string | null; count: number }>;
      }>
    )
      .map((row) => {
        const count = (type: string) => row.counts.find((c) => c.type === type)?.count ?? 0;
        return {
          letter: row.letter,
          source: String(JSON.parse(row.propsJson).source),
          mentions: count('MENTIONS'),
          commitments: count('COMMITS_TO'),
          achievements: count('REPORTS'),
        };
      })
      .sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
    return {
      nodes: byKind.reduce((s, k) => s + k.count, 0),
      edges: byEdgeType.reduce((s, t) => s + t.count, 0),
      letters: byLetter.length,
      byKind,
      byEdgeType,
      byLetter,
    };
  }

  // ---- helpers ----

  /** Nodes read at this graph version, the last NODE_CACHE of them: a node asked again (a letter, a page's things) costs no read. */
  private nodeCache = { version: -1, nodes: new Map<string, GraphNode>() };

  private async cachedNodes(ids: string[]): Promise<Map<string, GraphNode>> {
    const version = await this.version();
    if (this.nodeCache.version !== version) this.nodeCache = { version, nodes: new Map() };
    const cache = this.nodeCache.nodes;
    const out = new Map<string, GraphNode>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const node = cache.get(id);
      if (node) out.set(id, node);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const found = await this.read((tx) => this.nodesIn(tx, missing));
    if (cache.size + found.size > NODE_CACHE) cache.clear();
    for (const [id, node] of found) {
      cache.set(id, node);
      out.set(id, node);
    }
    return out;
  }

  /** The graph's count of writes (write-lock.cypher): answers kept at one count hold until the next write. */
  private version(): Promise<number> {
    return this.read(
      async (tx) => (await tx.run(Q['graph-version'].statements[0])).records[0].get('version') as number,
    );
  }

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
  private async induced(
    tx: ManagedTransaction,
    ids: string[],
    types: EdgeType[] | null,
    capped: boolean,
    known = new Map<string, GraphNode>(),
  ): Promise<Subgraph> {
    const missing = ids.filter((id) => !known.has(id));
    const nodes = new Map([...known, ...(await this.nodesIn(tx, missing))]);
    const edges: GraphEdge[] = [];
    for (const from of chunks(ids, 500)) {
      edges.push(
        ...(await tx.run(Q['induced-edges'].statements[0], { from, ids, types })).records.map((r) =>
          edgeFromRecord(r.toObject() as EdgeRecord),
        ),
      );
    }
    return { nodes: ids.map((id) => nodes.get(id)!).filter(Boolean), edges, capped };
  }

  /**
   * A page of a filtered list, in id order. The whole list of ids is kept per graph version (answers),
   * as the embedded store keeps its filters' lists: paging through it, or asking again, costs a page.
   */
  private async paged(statement: string, params: Record<string, unknown>, page: PageArgs): Promise<Page<GraphNode>> {
    const first = checkFirst(page.first);
    const skip = decodeCursor(page.after);
    const key = JSON.stringify([statement, params]);
    const ids = await this.kept(key, () =>
      this.read(
        async (tx) =>
          (await tx.run(statement, { ...params, skip: integer(0), limit: integer(2 ** 31 - 1) })).records[0].get(
            'page',
          ) as string[],
      ),
    );
    const slice = ids.slice(skip, skip + first);
    const nodes = await this.cachedNodes(slice);
    const items = slice.map((id) => nodes.get(id)!).filter(Boolean);
    const end = skip + items.length;
    return {
      items,
      totalCount: ids.length,
      endCursor: items.length > 0 ? encodeCursor(end) : null,
      hasNextPage: end < ids.length,
    };
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.db.read(work);
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.db.write(work);
  }
}

/** Edges in key order (type, source, target), as both stores answer edgesOf. */
function byKey(a: GraphEdge, b: GraphEdge): number {
  const [x, y] = [edgeKey(a), edgeKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A letter's part as one digest: equal parts, equal digests (the JSON of fragmentsOf is deterministic). */
function partDigest(fragment: LetterFragment): string {
  return createHash('sha256').update(JSON.stringify(fragment)).digest('hex');
}
