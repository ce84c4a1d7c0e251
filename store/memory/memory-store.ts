import { readFile } from 'node:fs/promises';
import { commitPlan, fragmentsOf, type LetterFragment, lettersOf, storedLetterOf } from '../letter-fragments.ts';
import { InnographError, StoreBusyError } from '../../domain/errors.ts';
import { edgeKey, type GraphDocument, type GraphNode } from '../../domain/model.ts';
import { pageOf } from '../paging.ts';
import type { LinkNumbers } from '../link-numbers.ts';
import type {
  GraphStore,
  StoreCounts,
  StoreHealth,
  StoreStats,
  StoredLetter,
  StoreVersion,
  StoreWrite,
} from '../port.ts';
import { checkHops, checkIds, checkNeighbourhood, checkOverview, checkSearch } from '../validate.ts';
import { documentImageSource } from './document-image.ts';
import { lettersToCompare } from './image-diff.ts';
import type { ImageSource } from './image-encode.ts';
import { readImage, removeOtherImages, writeImage } from './image-file.ts';
import type { ImageGraph } from './image-graph.ts';
import { MergedGraph } from './memory-graph.ts';
import * as q from './queries.ts';
import type { ReadGraph } from './read-graph.ts';
import { ReadIndex } from './read-index.ts';
import { type DiskState, fragmentLine, manifestDigest, readStore, sameLines, writeStore } from './segments.ts';
import { type FileStamp, lockSnapshot, sameStamp, stampOf } from './snapshot-file.ts';

export interface MemoryStoreOptions {
  /** The store's manifest file (store/memory/segments.ts); null keeps everything in memory (tests, dry runs). */
  path: string | null;
  /**
   * How a change written by another process (an `innograph ingest`) reaches
   * this one. `on-read` (default): a read that finds the manifest changed waits
   * for the reload, shared by all reads. `background` (the server): a timer
   * checks the manifest and loads a changed store off the request path;
   * reads keep answering from the version they have until the new one is ready.
   */
  reload?: 'on-read' | 'background';
  /** How often the background reload looks at the manifest, in ms. */
  pollMs?: number;
}

let inMemoryStates = 0;

/**
 * One version of the graph: what a read works on from start to end. Either
 * merged from the letters' fragments (`merged`, which a write can change in
 * place) or opened from the store's image (read-only; a write merges anew).
 */
class Version {
  private index: ReadIndex | null = null;
  stats: StoreStats | undefined;
  /** Answers computed once for this version (GraphStore.memo). */
  memos = new Map<string, Promise<unknown>>();
  /** Handed to a request (pinned): it must not change any more; the next write builds a new graph. */
  shared = false;
  readonly graph: ReadGraph;
  /** Names this state (StoreVersion.id): the manifest's digest, or a new number each time a store in memory changes. */
  id: string;
  constructor(
    readonly merged: MergedGraph | null,
    readonly disk: DiskState | null,
    readonly stamp: FileStamp | null,
    image?: ReadGraph,
    id?: string,
  ) {
    this.graph = merged?.graph ?? image!;
    this.id = id ?? `memory-${++inMemoryStates}`;
  }
  readIndex(): ReadIndex {
    this.index ??= new ReadIndex(this.graph);
    return this.index;
  }
  dropIndex(): void {
    this.index = null;
    this.stats = undefined;
    this.memos = new Map();
  }
}

/**
 * The embedded adapter: the whole graph in memory (graphology), persisted as
 * per-letter fragments in segment files (store/memory/segments.ts). A change
 * made by another process is loaded once (single-flight), reusing every
 * fragment that did not change; reads never see a graph change under them.
 */
export class MemoryStore implements GraphStore {
  private version: Version | null;
  private loading: Promise<Version> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** How many times the files were read into a new graph version (one per change seen, however many reads asked). */
  loads = 0;
  /** How many of those loads opened the store's image instead of merging every letter's fragment. */
  imageLoads = 0;
  /** Why the last write could not leave an image (the store is whole; it only opens more slowly), or null. */
  imageProblem: string | null = null;

  /** The last failed load and the manifest it read: not read again until the file changes. */
  private failure: { stamp: FileStamp | null; error: unknown } | null = null;
  /** The in-memory store's current writer, until it releases (beginWrite). */
  private writing: Promise<void> | null = null;

  constructor(
    private readonly options: MemoryStoreOptions,
    fixed?: Version,
  ) {
    this.version = fixed ?? (options.path ? null : new Version(new MergedGraph(), null, null));
    if (options.path && options.reload === 'background') {
      this.timer = setInterval(() => {
        void this.checkInBackground();
      }, options.pollMs ?? 200);
      this.timer.unref();
    }
  }

  describe(): string {
    return this.options.path ? `embedded store ${this.options.path}` : 'in-memory store';
  }

  async health(): Promise<StoreHealth> {
    try {
      const version = await this.current();
      return { ok: true, adapter: 'memory', detail: this.describe(), nodes: version.graph.order };
    } catch (error) {
      return { ok: false, adapter: 'memory', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A read-only view on the current version, for one request: its reads all answer from the same graph. */
  async pinned(): Promise<GraphStore> {
    const version = await this.current();
    version.shared = true;
    return new PinnedMemoryStore(this, version);
  }

  async memo<T>(key: string, compute: (store: GraphStore) => Promise<T>): Promise<T> {
    const version = await this.current();
    let answer = version.memos.get(key) as Promise<T> | undefined;
    if (!answer) {
      version.shared = true;
      const memos = version.memos;
      memos.set(key, (answer = compute(new PinnedMemoryStore(this, version))));
      answer.catch(() => memos.delete(key));
    }
    return answer;
  }

  async graphVersion(): Promise<StoreVersion> {
    return { id: (await this.current()).id, path: this.options.path };
  }

  /**
   * The write lock: `<path>.lock` for a store on disk (another process may hold it), a queue in this
   * process for a store in memory. Taken before anything is read, so a second writer waits or is
   * refused before it does any work.
   */
  async beginWrite(options: { waitMs?: number } = {}): Promise<StoreWrite> {
    const path = this.options.path;
    const release = path ? await lockWaiting(path, options.waitMs ?? 0) : await this.lockInMemory(options.waitMs ?? 0);
    let before: DiskState | null = null;
    /** The image of the state read under the lock (null: none that shows it), undefined until read. */
    let image: ImageGraph | null | undefined;
    let committed = false;
    // What is on disk now, read under the lock (another writer may have finished since this process last read).
    const state = async (): Promise<DiskState> => {
      if (before) return before;
      if (!path) return (before = diskOf(this.version!.merged!));
      image = await readImage(path);
      const letterNodes = image ? imageLetterNodes(image) : null;
      // The writer builds the whole graph anew: of the stored parts, it needs the letters only.
      return (before = await readStore(path, this.version?.disk, { lettersOnly: true, letterNodes }));
    };
    return {
      letters: async (): Promise<StoredLetter[]> =>
        [...(await state()).fragments.values()]
          .map(({ fragment }) => storedLetterOf(fragment))
          .filter((letter): letter is StoredLetter => letter !== null)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      commit: async (graph, onProgress) => {
        if (committed) throw new InnographError('WRITE_COMMITTED', 'a store write commits once; begin another write');
        committed = true;
        const disk = await state();
        const plan = path ? await planOnDisk(path, graph, disk, image ?? null) : planInMemory(graph, disk);
        const changes: LetterChange[] = [
          ...plan.changed.map((fragment) => ({
            letter: fragment.letter,
            fragment,
            line: plan.lines?.get(fragment.letter),
          })),
          ...plan.removed.map((letter) => ({ letter, fragment: null })),
        ];
        onProgress?.(0, changes.length, changes[0]?.letter ?? '');
        // The graph is whole: its shared nodes (chains, places) replace the stored ones.
        const counts = await this.apply(disk, plan.shared, changes, true, {
          graph,
          fragments: plan.fragments,
          image: plan.image ?? null,
          partial: plan.partial ?? false,
        });
        onProgress?.(changes.length, changes.length, '');
        return { ...counts, written: plan.changed.map((f) => f.letter).sort(), removed: plan.removed };
      },
      release,
    };
  }

  async clear(): Promise<void> {
    const write = await this.beginWrite();
    try {
      const disk = this.options.path
        ? await readStore(this.options.path, this.version?.disk)
        : diskOf(this.version!.merged!);
      await this.apply(
        disk,
        [],
        [...disk.fragments.keys()].map((letter) => ({ letter, fragment: null })),
      );
    } finally {
      await write.release();
    }
  }

  /** The in-memory store's writers take turns; `waitMs` 0 refuses a second writer at once, as the file lock does. */
  private async lockInMemory(waitMs: number): Promise<() => Promise<void>> {
    const deadline = Date.now() + waitMs;
    while (this.writing) {
      if (Date.now() >= deadline) throw new StoreBusyError(`another write to ${this.describe()} is under way`);
      await Promise.race([
        this.writing,
        new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
      ]);
    }
    let done!: () => void;
    this.writing = new Promise<void>((resolve) => (done = resolve));
    return async () => {
      this.writing = null;
      done();
    };
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
    return q.neighbourhood(await this.readIndex(), checkIds(ids), checkNeighbourhood(options));
  }

  async overview(options: Parameters<GraphStore['overview']>[0]) {
    return q.overview(await this.graph(), checkOverview(options));
  }

  async shortestPath(from: string, to: string, maxHops: number, edgeTypes?: Parameters<GraphStore['shortestPath']>[3]) {
    return q.shortestPath(await this.readIndex(), from, to, checkHops(maxHops), edgeTypes);
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

  /** The links by number, once per version (link-index.ts): what the API's connections search walks. */
  async connectionLinks(): Promise<LinkNumbers> {
    return (await this.readIndex()).links();
  }

  async stats() {
    // Counted once per version: a dashboard polling stats must not walk the whole graph each time.
    const version = await this.current();
    version.stats ??= q.stats(version.graph);
    return version.stats;
  }

  protected async graph() {
    return (await this.current()).graph;
  }

  protected async readIndex(): Promise<ReadIndex> {
    return (await this.current()).readIndex();
  }

  /** The version reads work on: loaded once, reloaded (single-flight) when another process changed the store. */
  protected async current(): Promise<Version> {
    const path = this.options.path;
    if (!path) return this.version!;
    if (this.version && this.options.reload === 'background') return this.version;
    if (this.loading) return this.loading;
    const stamp = await stampOf(path);
    if (this.version && sameStamp(stamp, this.version.stamp)) return this.version;
    // A damaged store is not read again (by every request) until someone changes it.
    if (!this.version && this.failure && sameStamp(stamp, this.failure.stamp)) throw this.failure.error;
    return this.load();
  }

  private load(): Promise<Version> {
    const path = this.options.path!;
    this.loading ??= (async () => {
      const stamp = await stampOf(path);
      try {
        // The image, when it shows this very manifest, opens a large store in a fraction of the time.
        const image = await readImage(path);
        const disk = image ? null : await readStore(path, this.version?.disk);
        this.loads++;
        if (image) this.imageLoads++;
        const id = await digestIfUnchanged(path, stamp);
        const version = image
          ? new Version(null, null, stamp, image, id ?? undefined)
          : new Version(buildGraph(disk!), disk, stamp, undefined, id ?? undefined);
        this.version = version;
        this.failure = null;
        return version;
      } catch (error) {
        this.failure = { stamp, error };
        throw error;
      }
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async checkInBackground(): Promise<void> {
    if (this.loading || !this.version) return;
    const stamp = await stampOf(this.options.path!);
    if (sameStamp(stamp, this.version.stamp) || (this.failure && sameStamp(stamp, this.failure.stamp))) return;
    // A damaged or half-visible change: keep serving the version we have, try again when the file changes.
    await this.load().catch(() => undefined);
  }

  /**
   * Applies a change under the write lock (held by the caller), starting from `before`, what is on disk
   * now, and writes only the letters it changes: one new segment, then the manifest, atomically.
   */
  private async apply(
    before: DiskState,
    shared: GraphNode[],
    list: LetterChange[],
    replaceShared = false,
    whole?: WholeGraph,
  ): Promise<StoreCounts> {
    const path = this.options.path;
    // Replacing: a shared node the new set lacks (the place of letters all removed) goes.
    const kept = new Set(shared.map((node) => node.id));
    const dropped = (had: GraphNode[]) => (replaceShared ? had.map((n) => n.id).filter((id) => !kept.has(id)) : []);
    if (!path) {
      const version = this.version!;
      const merged = version.shared ? rebuilt(version.merged!) : version.merged!;
      // A store in memory takes many changes: index it once.
      merged.buildIndex();
      merged.change(shared, list, dropped(merged.sharedNodes()));
      this.version = merged === version.merged ? version : new Version(merged, null, null);
      this.version.dropIndex();
      // Changed in place: another state, another name.
      this.version.id = `memory-${++inMemoryStates}`;
      return { nodes: merged.graph.order, edges: merged.graph.size };
    }
    const drop = dropped(before.shared);
    const next: DiskState = {
      shared: replaceShared ? shared : mergeShared(before.shared, shared),
      fragments: new Map(before.fragments),
    };
    for (const { letter, fragment, line } of list) {
      if (fragment) next.fragments.set(letter, { fragment, ref: null, line });
      else next.fragments.delete(letter);
    }
    // An unchanged letter keeps its line, and takes the graph's equal part: the stored copy, parsed by
    // readStore, is not held beside it.
    if (whole)
      for (const fragment of whole.fragments) {
        const entry = next.fragments.get(fragment.letter);
        if (entry?.ref) next.fragments.set(fragment.letter, { fragment, ref: entry.ref });
      }
    // The graph in memory follows by the same change when it matches what was on disk and no request holds it.
    const old = this.version;
    let merged = null as MergedGraph | null;
    let placed: DiskState & { digest: string };
    try {
      placed = await writeStore(path, next, async (digest) => {
        if (old?.merged && !old.shared && sameFragments(old.disk, before)) {
          merged = old.merged;
          merged.change(shared, list, drop);
          old.dropIndex();
        } else if (whole?.image && (whole.partial || !old)) {
          // No graph of the store in this process (`innograph ingest`), or only some letters' parts cut: the image
          // is made from the document as it is; a later read of this process opens it.
          this.imageProblem = await writeImage(path, whole.image, digest);
          return;
        } else
          merged = whole
            ? // The graph committed is what merging every letter's part gives: taken as it is, not merged again.
              MergedGraph.ofDocument(next.shared, whole.fragments, whole.graph)
            : buildGraph(next);
        // Before the manifest names the new state, so a reader that sees it finds its image.
        this.imageProblem = await writeImage(path, merged.graph, digest);
      });
    } catch (error) {
      // The graph in memory may be ahead of the files: read them again on the next read.
      if (merged === old?.merged) this.version = null;
      throw error;
    }
    await removeOtherImages(path, placed.digest);
    const graph = merged as MergedGraph | null;
    if (!graph) {
      this.version = null;
      return { nodes: whole!.image!.order, edges: whole!.image!.size };
    }
    this.version = new Version(graph, placed, await stampOf(path), undefined, placed.digest);
    return { nodes: graph.graph.order, edges: graph.graph.size };
  }
}

/**
 * The digest of the manifest read at `stamp`, or null when another writer changed it since (the state read
 * then has no name we can be sure of: it gets a number, and nothing is kept beside the store under it).
 */
async function digestIfUnchanged(path: string, stamp: FileStamp | null): Promise<string | null> {
  const bytes = await readFile(path).catch(() => null);
  return bytes && sameStamp(await stampOf(path), stamp) ? manifestDigest(bytes) : null;
}

type LetterChange = { letter: string; fragment: LetterFragment | null; line?: Buffer };

/** A commit's whole graph and the letters' parts of it cut (fragmentsOf): every letter's, unless `partial`. */
interface WholeGraph {
  graph: GraphDocument;
  fragments: LetterFragment[];
  /** The graph as an image's source (document-image.ts), when it is one as it is. */
  image?: ImageSource | null;
  /** Only the parts of letters that may have changed were cut (image-diff.ts): the rest keep their lines. */
  partial?: boolean;
}

interface Plan {
  changed: LetterFragment[];
  removed: string[];
  shared: GraphNode[];
  fragments: LetterFragment[];
  /** Each letter's line, encoded once: compared with the stored one, and written as it is when it differs. */
  lines?: Map<string, Buffer>;
  image?: ImageSource | null;
  partial?: boolean;
}

/**
 * What a commit to the store on disk writes: the letters whose line (fragmentLine) differs from the one stored,
 * the stored letters the graph no longer holds, the shared nodes. Compared as bytes against the segments —
 * only the letters whose part may have changed (image-diff.ts), when the store's image shows the state read
 * under the lock; every letter's otherwise.
 */
async function planOnDisk(
  path: string,
  graph: GraphDocument,
  disk: DiskState,
  current: ImageGraph | null,
): Promise<Plan> {
  const letterIds = lettersOf(graph);
  // Each edge's key made once for both walks (700,000 joined strings at 10,000 letters).
  const keys = graph.edges.map(edgeKey);
  const image = documentImageSource(graph, keys);
  const toCompare = image && current ? lettersToCompare(graph, current.raw(), keys) : null;
  const wanted = toCompare ? letterIds.filter((id) => toCompare.has(id) || !disk.fragments.has(id)) : letterIds;
  const { fragments, shared } = fragmentsOf(graph, wanted);
  const lines = new Map(fragments.map((fragment) => [fragment.letter, fragmentLine(fragment)]));
  const same = await sameLines(path, disk, lines);
  const kept = new Set(letterIds);
  return {
    changed: fragments.filter((fragment) => !same.has(fragment.letter)),
    removed: [...disk.fragments.keys()].filter((letter) => !kept.has(letter)).sort(),
    shared,
    fragments,
    lines,
    image,
    partial: toCompare !== null,
  };
}

/** A stored letter's Letter node from the image of the state (segments.ts LetterNodes). */
function imageLetterNodes(image: ImageGraph): (letter: string) => GraphNode | null {
  return (letter) => (image.hasNode(letter) ? image.getNodeAttributes(letter) : null);
}

function planInMemory(graph: GraphDocument, disk: DiskState): Plan {
  const stored = new Map([...disk.fragments].map(([letter, entry]) => [letter, entry.fragment]));
  const plan = commitPlan(graph, stored);
  return { ...plan, fragments: plan.all };
}

/** A request's view: reads answer from one version; writes go to the store. */
class PinnedMemoryStore extends MemoryStore {
  constructor(
    private readonly store: MemoryStore,
    private readonly fixed: Version,
  ) {
    super({ path: null }, fixed);
  }
  override describe(): string {
    return this.store.describe();
  }
  override async pinned(): Promise<GraphStore> {
    return this;
  }
  override async graphVersion(): Promise<StoreVersion> {
    return { id: this.fixed.id, path: (await this.store.graphVersion()).path };
  }
  override beginWrite(...args: Parameters<MemoryStore['beginWrite']>) {
    return this.store.beginWrite(...args);
  }
  override clear() {
    return this.store.clear();
  }
  protected override async current(): Promise<Version> {
    return this.fixed;
  }
}

function buildGraph(disk: DiskState): MergedGraph {
  return MergedGraph.of(
    disk.shared,
    [...disk.fragments.values()].map(({ fragment }) => fragment),
  );
}

function rebuilt(merged: MergedGraph): MergedGraph {
  return buildGraph(diskOf(merged));
}

function diskOf(merged: MergedGraph): DiskState {
  return {
    shared: merged.sharedNodes(),
    fragments: new Map(merged.letters().map((fragment) => [fragment.letter, { fragment, ref: null }])),
  };
}

function mergeShared(old: GraphNode[], added: GraphNode[]): GraphNode[] {
  const byId = new Map(old.map((n) => [n.id, n]));
  for (const node of added) byId.set(node.id, node);
  return [...byId.values()];
}

/** Whether two disk states hold the very same fragment objects (nothing changed on disk in between). */
function sameFragments(a: DiskState | null, b: DiskState): boolean {
  if (!a || a.fragments.size !== b.fragments.size) return false;
  for (const [letter, entry] of b.fragments) if (a.fragments.get(letter)?.fragment !== entry.fragment) return false;
  return true;
}

/** The file lock, tried again every 100 ms until `waitMs` has passed (0: once). */
async function lockWaiting(path: string, waitMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await lockSnapshot(path);
    } catch (error) {
      if (!(error instanceof StoreBusyError) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(0, deadline - Date.now()))));
    }
  }
}
