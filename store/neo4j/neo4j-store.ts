import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { BadRequestError, StoreUnavailableError } from '../errors.ts';
import { fragmentsOf } from '../letter-fragments.ts';
import { CHAINS, type ChainName, type GraphDocument, type GraphNode } from '../model.ts';
import { normaliseName } from '../normalise.ts';
import { checkFirst, decodeCursor, encodeCursor } from '../paging.ts';
import type { ChainBasis, ChainPair, CommitmentFilter, GraphStore, NeighbourhoodOptions, NodeFilter, OverviewOptions, Page, PageArgs, RecurringNode, RecurringOptions, StoreCounts, StoreHealth, StoreStats, Subgraph } from '../port.ts';
import { matchScore } from '../search-score.ts';
import { checkHops, checkIds, checkNeighbourhood, checkOverview, checkSearch } from '../validate.ts';
import { loadCypher } from './cypher-files.ts';
import { edgeFromRecord, edgeRows, type NodeRecord, nodeFromRecord, nodeRows } from './rows.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

const Q = Object.fromEntries([
  'schema', 'merge-nodes', 'merge-edges', 'remove-letter-mentions', 'remove-letter-evidence', 'delete-orphans', 'clear',
  'get-nodes', 'find-nodes', 'search-fulltext', 'search-contains', 'edges-of', 'shortest-path', 'commitments', 'chain-links',
  'stats', 'health', 'letter-exists', 'overview', 'await-indexes', 'recurring',
].map((name) => [name, loadCypher(name)]));
const BATCH = 1000;

/**
 * The Neo4j adapter: the only code that opens sessions. Every statement is a
 * file of cypher/ run with parameters; reads and writes go through managed
 * transactions (executeRead/executeWrite), so the driver retries transient
 * errors; one transaction per letter, so a letter is stored whole or not at all.
 */
export class Neo4jStore implements GraphStore {
  private readonly driver: Driver;

  constructor(private readonly config: Neo4jConfig) {
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
  }

  describe(): string {
    return `Neo4j at ${this.config.uri}${this.config.database ? ` (database ${this.config.database})` : ''}`;
  }

  /** Checks the connection and applies the schema (constraints, indexes, full-text index), idempotently. */
  async connect(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.config.database });
      for (const statement of Q.schema.statements) await this.write((tx) => tx.run(statement));
      await this.write((tx) => tx.run(Q['await-indexes'].statements[0]));
    } catch (error) {
      await this.driver.close();
      throw this.unavailable(error);
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const nodes = await this.read(async (tx) => (await tx.run(Q.health.statements[0])).records[0].get('nodes') as number);
      return { ok: true, adapter: 'neo4j', detail: this.describe(), nodes };
    } catch (error) {
      return { ok: false, adapter: 'neo4j', detail: this.unavailable(error).message };
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async replaceLetters(graph: GraphDocument, letterIds: string[], onProgress?: (done: number, total: number, letter: string) => void): Promise<StoreCounts> {
    const { fragments, shared } = fragmentsOf(graph, letterIds);
    await this.write((tx) => tx.run(Q['merge-nodes'].statements[0], { rows: nodeRows({ nodes: shared.filter((n) => n.kind === 'Chain') }, null) }));
    for (const [index, fragment] of fragments.entries()) {
      onProgress?.(index, fragments.length, fragment.letter);
      await this.write(async (tx) => {
        const touched = await this.dropLetter(tx, fragment.letter);
        for (const rows of chunks(nodeRows(fragment, fragment.letter))) await tx.run(Q['merge-nodes'].statements[0], { rows });
        for (const rows of chunks(edgeRows(fragment, fragment.letter))) await tx.run(Q['merge-edges'].statements[0], { rows });
        await tx.run(Q['delete-orphans'].statements[0], { ids: touched });
      });
    }
    onProgress?.(fragments.length, fragments.length, '');
    const stats = await this.stats();
    return { nodes: stats.nodes, edges: stats.edges };
  }

  async removeLetter(letterId: string): Promise<boolean> {
    return this.write(async (tx) => {
      const exists = (await tx.run(Q['letter-exists'].statements[0], { letter: letterId })).records[0].get('exists') as boolean;
      if (!exists) return false;
      const touched = await this.dropLetter(tx, letterId);
      await tx.run(Q['delete-orphans'].statements[0], { ids: touched });
      return true;
    });
  }

  async clear(): Promise<void> {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
    const session = this.driver.session({ database: this.config.database });
    try {
      await session.run(Q.clear.statements[0]);
    } catch (error) {
      throw this.unavailable(error);
    } finally {
      await session.close();
    }
  }

  async getNodes(ids: readonly string[]): Promise<Array<GraphNode | null>> {
    checkIds(ids);
    const found = await this.read(async (tx) => (await tx.run(Q['get-nodes'].statements[0], { ids: [...ids] })).records.map((r) => nodeFromRecord(r.get('node') as NodeRecord)));
    const byId = new Map(found.map((n) => [n.id, n]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async findNodes(filter: NodeFilter, page: PageArgs): Promise<Page<GraphNode>> {
    return this.paged(Q['find-nodes'].statements[0], {
      kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null, chain: filter.chain ?? null, letter: filter.letter ?? null,
      text: filter.text ? normaliseName(filter.text).toLowerCase() : null,
    }, page);
  }

  async search(text: string, options: { kinds?: GraphNode['kind'][]; first: number }) {
    checkSearch(text, options.first);
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : null;
    const limit = neo4j.int(options.first * 5);
    const candidates = await this.read(async (tx) => {
      const contains = await tx.run(Q['search-contains'].statements[0], { text: normaliseName(text).toLowerCase(), kinds, limit });
      const fulltext = await tx.run(Q['search-fulltext'].statements[0], { query: luceneEscape(text), kinds, limit });
      return [...contains.records, ...fulltext.records].map((r) => nodeFromRecord(r.get('node') as NodeRecord));
    });
    const unique = [...new Map(candidates.map((n) => [n.id, n])).values()];
    return unique.map((node) => ({ node, score: matchScore(node, text) })).filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : 1)).slice(0, options.first);
  }

  async edgesOf(ids: readonly string[], options: { types?: string[]; direction?: 'out' | 'in' | 'both' } = {}) {
    checkIds(ids);
    return this.read(async (tx) => (await tx.run(Q['edges-of'].statements[0], {
      ids: [...ids], types: options.types && options.types.length > 0 ? options.types : null, direction: options.direction ?? 'both',
    })).records.map((r) => edgeFromRecord(r.toObject() as Parameters<typeof edgeFromRecord>[0])));
  }

  /** Breadth-first with one edges-of query a hop, the same semantics as the embedded adapter. */
  async neighbourhood(ids: readonly string[], options: NeighbourhoodOptions): Promise<Subgraph> {
    checkIds(ids);
    checkNeighbourhood(options);
    const types = options.edgeTypes && options.edgeTypes.length > 0 ? options.edgeTypes : undefined;
    const kept = new Map((await this.getNodes(ids)).filter((n): n is GraphNode => n !== null).map((n) => [n.id, n]));
    let frontier = [...kept.keys()];
    let capped = false;
    for (let hop = 0; hop < options.depth && frontier.length > 0 && !capped; hop++) {
      const edges = await this.edgesOf(frontier.slice(0, 200), { types });
      const others = [...new Set(edges.flatMap((e) => [e.source, e.target]).filter((id) => !kept.has(id)))].sort();
      const fetched = (await this.getNodesInChunks(others)).filter((n) => !options.kinds || options.kinds.length === 0 || options.kinds.includes(n.kind));
      frontier = [];
      for (const node of fetched) {
        if (kept.size >= options.limit) {
          capped = true;
          break;
        }
        kept.set(node.id, node);
        frontier.push(node.id);
      }
    }
    const all = await this.edgesOf([...kept.keys()].slice(0, 200), { types, direction: 'out' });
    return { nodes: [...kept.values()], edges: all.filter((e) => kept.has(e.source) && kept.has(e.target)), capped };
  }

  async overview(options: OverviewOptions): Promise<Subgraph> {
    checkOverview(options);
    const record = await this.read(async (tx) => (await tx.run(Q.overview.statements[0], {
      kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null, limit: neo4j.int(options.limit),
    })).records[0]);
    const nodes = (record.get('nodes') as NodeRecord[]).map(nodeFromRecord);
    const kept = new Set(nodes.map((n) => n.id));
    const edges = [];
    const types = options.edgeTypes && options.edgeTypes.length > 0 ? options.edgeTypes : undefined;
    for (const chunk of chunks([...kept], 200)) edges.push(...(await this.edgesOf(chunk, { types, direction: 'out' })).filter((e) => kept.has(e.target)));
    return { nodes, edges, capped: (record.get('total') as number) > nodes.length };
  }

  async shortestPath(from: string, to: string, maxHops: number, edgeTypes?: string[]): Promise<Subgraph | null> {
    checkHops(maxHops);
    const types = edgeTypes && edgeTypes.length > 0 ? edgeTypes : null;
    const found = await this.read(async (tx) => (await tx.run(Q['shortest-path'].statements[0], { from, to, maxHops: neo4j.int(maxHops), types })).records[0]);
    if (!found) return null;
    const ids = found.get('ids') as string[];
    const steps = found.get('steps') as Array<{ type: string; source: string; target: string }>;
    const nodes = (await this.getNodes(ids)).filter((n): n is GraphNode => n !== null);
    const edges = await this.edgesOf(ids);
    return { nodes, edges: steps.map((s) => edges.find((e) => e.type === s.type && e.source === s.source && e.target === s.target)!).filter(Boolean), capped: false };
  }

  async commitments(filter: CommitmentFilter, page: PageArgs): Promise<Page<GraphNode>> {
    return this.paged(Q.commitments.statements[0], {
      chain: filter.chain ?? null, year: filter.year ?? null, letter: filter.letter ?? null, unit: filter.unit ?? null, text: filter.text ?? null,
    }, page);
  }

  async chainMatrix(options: { bases?: ChainBasis[] } = {}): Promise<ChainPair[]> {
    const rows = await this.read(async (tx) => (await tx.run(Q['chain-links'].statements[0], { bases: options.bases ?? null })).records.map((r) => r.toObject()));
    const byChain = new Map<string, Map<string, typeof rows[number]>>(CHAINS.map((c) => [c, new Map()]));
    for (const row of rows) byChain.get(row.chain as string)?.set(row.id as string, row);
    const ids = [...new Set(rows.map((r) => r.id as string))];
    const nodes = new Map((await this.getNodesInChunks(ids)).map((n) => [n.id, n]));
    const evidence = (row: typeof rows[number]) => (row.letters as string[]).map((letter, i) => ({ letter, start: Number((row.starts as number[])[i]), end: Number((row.ends as number[])[i]) }));
    const pairs: ChainPair[] = [];
    CHAINS.forEach((a, i) => CHAINS.slice(i).forEach((b) => {
      const left = byChain.get(a)!;
      const right = byChain.get(b)!;
      const both = [...left.keys()].filter((id) => right.has(id) && nodes.has(id)).sort();
      pairs.push({ a: a as ChainName, b: b as ChainName, count: both.length, nodes: both.map((id) => ({ node: nodes.get(id)!, evidence: a === b ? evidence(left.get(id)!) : [...evidence(left.get(id)!), ...evidence(right.get(id)!)] })) });
    }));
    return pairs;
  }

  async recurring(options: RecurringOptions, page: PageArgs): Promise<Page<RecurringNode>> {
    const found = await this.paged(Q.recurring.statements[0], { kinds: options.kinds && options.kinds.length > 0 ? options.kinds : null, minLetters: neo4j.int(options.minLetters) }, page);
    return { ...found, items: found.items.map((node) => ({ node, letters: [...new Set(node.mentions.map((m) => m.letter))].sort() })) };
  }

  async stats(): Promise<StoreStats> {
    const record = await this.read(async (tx) => (await tx.run(Q.stats.statements[0])).records[0]);
    const byKind = (record.get('byKind') as Array<{ kind: GraphNode['kind']; count: number }>).sort((a, b) => a.kind.localeCompare(b.kind));
    const byEdgeType = (record.get('byEdgeType') as StoreStats['byEdgeType']).sort((a, b) => a.type.localeCompare(b.type));
    const byLetter = (record.get('byLetter') as Array<{ letter: string; propsJson: string; counts: Array<{ type: string | null; count: number }> }>).map((row) => {
      const count = (type: string) => row.counts.find((c) => c.type === type)?.count ?? 0;
      return { letter: row.letter, source: String(JSON.parse(row.propsJson).source), mentions: count('MENTIONS'), commitments: count('COMMITS_TO'), achievements: count('REPORTS') };
    }).sort((a, b) => a.letter.localeCompare(b.letter));
    return {
      nodes: byKind.reduce((s, k) => s + k.count, 0), edges: byEdgeType.reduce((s, t) => s + t.count, 0), letters: byLetter.length, byKind, byEdgeType, byLetter,
    };
  }

  private async getNodesInChunks(ids: string[]): Promise<GraphNode[]> {
    const found: GraphNode[] = [];
    for (const chunk of chunks(ids, 200)) found.push(...(await this.getNodes(chunk)).filter((n): n is GraphNode => n !== null));
    return found;
  }

  private async paged(statement: string, params: Record<string, unknown>, page: PageArgs): Promise<Page<GraphNode>> {
    const first = checkFirst(page.first);
    const skip = decodeCursor(page.after);
    const record = await this.read(async (tx) => (await tx.run(statement, { ...params, skip: neo4j.int(skip), limit: neo4j.int(first) })).records[0]);
    const items = (record.get('page') as NodeRecord[]).map(nodeFromRecord);
    const total = record.get('total') as number;
    const end = skip + items.length;
    return { items, totalCount: total, endCursor: items.length > 0 ? encodeCursor(end) : null, hasNextPage: end < total };
  }

  private async dropLetter(tx: ManagedTransaction, letter: string): Promise<string[]> {
    const touched = (await tx.run(Q['remove-letter-mentions'].statements[0], { letter })).records[0]?.get('touched') as string[] | undefined;
    await tx.run(Q['remove-letter-evidence'].statements[0], { letter });
    return touched ?? [];
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw this.unavailable(error);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw this.unavailable(error);
    } finally {
      await session.close();
    }
  }

  /** Driver errors as domain errors: what failed, where (never the password), and what to check. */
  private unavailable(error: unknown): Error {
    if (error instanceof StoreUnavailableError || error instanceof BadRequestError) return error;
    const code = error instanceof Neo4jError ? error.code : '';
    const where = this.describe();
    if (code === 'ServiceUnavailable' || code === 'SessionExpired') return new StoreUnavailableError(`${where} cannot be reached; is the server running and NEO4J_URI right?`, { cause: error });
    if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) return new StoreUnavailableError(`${where} refused the credentials; check NEO4J_USER and NEO4J_PASSWORD`, { cause: error });
    if (code.includes('DatabaseNotFound')) return new StoreUnavailableError(`${where}: the database does not exist; check NEO4J_DATABASE or create it`, { cause: error });
    return new StoreUnavailableError(`${where} failed: ${(error as Error).message}`, { cause: error });
  }
}

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Lucene's special characters, escaped, so a name like “5+5+N” is searched as text. */
function luceneEscape(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}
