import { fragmentsOf } from '../letter-fragments.ts';
import type { GraphDocument, GraphNode } from '../model.ts';
import { pageOf } from '../paging.ts';
import type { GraphStore, StoreCounts, StoreHealth } from '../port.ts';
import { checkHops, checkIds, checkNeighbourhood, checkOverview, checkSearch } from '../validate.ts';
import { MergedGraph } from './memory-graph.ts';
import * as q from './queries.ts';
import { ReadIndex } from './read-index.ts';
import { type FileStamp, lockSnapshot, readSnapshot, sameStamp, type Snapshot, stampOf, writeSnapshot } from './snapshot-file.ts';

export interface MemoryStoreOptions {
  /** The snapshot file; null keeps everything in memory (tests, dry runs). */
  path: string | null;
}

/**
 * The embedded adapter: the whole graph in memory (graphology), persisted as
 * one snapshot file. Before each read it checks the file's stamp and reloads
 * when another process (an `innograph ingest`) has written it, so a running
 * server sees new letters without a restart.
 */
export class MemoryStore implements GraphStore {
  private merged = new MergedGraph();
  /** Derived read structures of the current graph; dropped whenever the graph changes. */
  private index: ReadIndex | null = null;
  private stamp: FileStamp | null = null;
  private loaded = false;

  constructor(private readonly options: MemoryStoreOptions) {}

  describe(): string {
    return this.options.path ? `embedded store ${this.options.path}` : 'in-memory store';
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.fresh();
      return { ok: true, adapter: 'memory', detail: this.describe(), nodes: this.merged.graph.order };
    } catch (error) {
      return { ok: false, adapter: 'memory', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {}

  async replaceLetters(graph: GraphDocument, letterIds: string[], onProgress?: (done: number, total: number, letter: string) => void): Promise<StoreCounts> {
    return this.write((merged) => {
      const { fragments, shared } = fragmentsOf(graph, letterIds);
      merged.putShared(shared);
      merged.setLetters(fragments.map((fragment) => ({ letter: fragment.letter, fragment })));
      onProgress?.(letterIds.length, letterIds.length, '');
    });
  }

  async removeLetter(letterId: string): Promise<boolean> {
    let removed = false;
    await this.write((merged) => {
      removed = merged.hasLetter(letterId);
      if (removed) merged.setLetters([{ letter: letterId, fragment: null }]);
    });
    return removed;
  }

  async clear(): Promise<void> {
    await this.write((merged) => merged.setLetters(merged.letters().map((f) => ({ letter: f.letter, fragment: null }))));
  }

  async getNodes(ids: readonly string[]) {
    const graph = await this.graph();
    return checkIds(ids).map((id) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : null));
  }

  async findNodes(filter: Parameters<GraphStore['findNodes']>[0], page: Parameters<GraphStore['findNodes']>[1]) {
    return pageOf(q.findNodes(await this.readIndex(), filter), page);
  }

  async search(text: string, options: { kinds?: GraphNode['kind'][]; first: number }) {
    checkSearch(text, options.first);
    return q.search(await this.readIndex(), text, options.kinds, options.first);
  }

  async edgesOf(ids: readonly string[], options: Parameters<GraphStore['edgesOf']>[1] = {}) {
    return q.edgesOf(await this.graph(), checkIds(ids), options.types, options.direction);
  }

  async neighbourhood(ids: readonly string[], options: Parameters<GraphStore['neighbourhood']>[1]) {
    return q.neighbourhood(await this.graph(), checkIds(ids), checkNeighbourhood(options));
  }

  async overview(options: Parameters<GraphStore['overview']>[0]) {
    return q.overview(await this.graph(), checkOverview(options));
  }

  async shortestPath(from: string, to: string, maxHops: number, edgeTypes?: Parameters<GraphStore['shortestPath']>[3]) {
    return q.shortestPath(await this.graph(), from, to, checkHops(maxHops), edgeTypes);
  }

  async commitments(filter: Parameters<GraphStore['commitments']>[0], page: Parameters<GraphStore['commitments']>[1]) {
    return pageOf(q.commitments(await this.readIndex(), filter), page);
  }

  async chainMatrix(options: Parameters<GraphStore['chainMatrix']>[0] = {}) {
    return q.chainMatrix(await this.readIndex(), options.bases);
  }

  async recurring(options: Parameters<GraphStore['recurring']>[0], page: Parameters<GraphStore['recurring']>[1]) {
    return pageOf(q.recurring(await this.readIndex(), options), page);
  }

  async stats() {
    return q.stats(await this.graph());
  }

  private async graph() {
    await this.fresh();
    return this.merged.graph;
  }

  private async readIndex(): Promise<ReadIndex> {
    await this.fresh();
    this.index ??= new ReadIndex(this.merged.graph);
    return this.index;
  }

  /** Reloads the snapshot when the file changed since it was read (or was never read). */
  private async fresh(): Promise<void> {
    const path = this.options.path;
    if (!path) return;
    const stamp = await stampOf(path);
    if (this.loaded && sameStamp(stamp, this.stamp)) return;
    this.merged = fromSnapshot(await readSnapshot(path));
    this.index = null;
    this.stamp = stamp;
    this.loaded = true;
  }

  private async write(change: (merged: MergedGraph) => void): Promise<StoreCounts> {
    const path = this.options.path;
    this.index = null;
    if (!path) {
      change(this.merged);
      return { nodes: this.merged.graph.order, edges: this.merged.graph.size };
    }
    const release = await lockSnapshot(path);
    try {
      // Start from what is on disk now: another writer may have finished since this process last read.
      const merged = fromSnapshot(await readSnapshot(path));
      change(merged);
      await writeSnapshot(path, toSnapshot(merged));
      this.merged = merged;
      this.index = null;
      this.stamp = await stampOf(path);
      this.loaded = true;
      return { nodes: merged.graph.order, edges: merged.graph.size };
    } finally {
      await release();
    }
  }
}

function fromSnapshot(snapshot: Snapshot): MergedGraph {
  const merged = new MergedGraph();
  merged.putShared(snapshot.shared);
  merged.setLetters(snapshot.fragments.map((fragment) => ({ letter: fragment.letter, fragment })));
  return merged;
}

function toSnapshot(merged: MergedGraph): Snapshot {
  return { format: 'innograph-snapshot', version: 1, shared: merged.sharedNodes(), fragments: merged.letters() };
}
