import { endianness } from 'node:os';
import {
  edgeKey,
  type EdgeType,
  type Evidence,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type Props,
} from '../../domain/model.ts';
import {
  align,
  crcOf,
  EDGE_FIELDS,
  type ImageHeader,
  MAGIC,
  NO_PROPS,
  NODE_FIELDS,
  type Section,
  SECTIONS,
} from './image-format.ts';
import type { ReadGraph } from './read-graph.ts';

/** Reads an image; null when it was made from another manifest or cannot be used (then the caller reads the fragments). */
export function decodeImage(bytes: Buffer, manifest: string): ImageGraph | null {
  if (endianness() !== 'LE' || bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC)
    return null;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  let header: ImageHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength));
  } catch {
    return null;
  }
  if (header.version !== 1 || header.manifest !== manifest) return null;
  for (const name of SECTIONS) {
    const [offset, length] = header.sections?.[name] ?? [-1, -1];
    if (!(
      offset >= 0 &&
      length >= 0 &&
      offset + length <= bytes.length &&
      (name === 'blob' || (offset % 4 === 0 && length % 4 === 0))
    ))
      return null;
  }
  const view = (name: Section) => {
    const [offset, length] = header.sections[name];
    return new Int32Array(bytes.buffer, bytes.byteOffset + offset, length / 4);
  };
  if ((bytes.byteOffset & 3) !== 0) return decodeImage(Buffer.from(bytes), manifest);
  const crc = crcOf(
    SECTIONS.flatMap((name) => {
      const [offset, length] = header.sections[name];
      return [bytes.subarray(offset, offset + length), bytes.subarray(offset + length, align(offset + length))];
    }),
  );
  if (crc !== header.crc) return null;
  const [blobOffset, blobLength] = header.sections.blob;
  const blob = bytes.toString('utf8', blobOffset, blobOffset + blobLength);
  const lengths = view('lengths');
  const strings = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    strings[i] = blob.slice(at, at + lengths[i]);
    at += lengths[i];
  }
  if (at !== blob.length) return null;
  // Copies of the number sections: the file's buffer (its UTF-8 text, now strings, is half of it) can then go.
  const copy = (name: Section) => view(name).slice();
  return new ImageGraph(strings, copy('nodes'), copy('aliases'), copy('spans'), copy('edges'));
}

const EDGE_CACHE = 100_000;

/** The read-only graph of an image (see ReadGraph). */
export class ImageGraph implements ReadGraph {
  readonly order: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  private readonly nodeCache: Array<GraphNode | undefined>;
  /**
   * The edges made into objects lately: at most EDGE_CACHE of them, then it starts again. Kept whole, the
   * 600,000 edges of a 10,000-letter graph grew each server worker by hundreds of MB as requests touched them.
   */
  private edgeCache = new Map<number, GraphEdge>();
  /** Edges by source and by target, as offsets into one list each (compressed rows). */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly inStart: Int32Array;
  private readonly inList: Int32Array;

  constructor(
    private readonly strings: string[],
    private readonly nodes: Int32Array,
    private readonly aliases: Int32Array,
    private readonly spans: Int32Array,
    private readonly edges_: Int32Array,
  ) {
    this.order = nodes.length / NODE_FIELDS;
    this.size = edges_.length / EDGE_FIELDS;
    this.nodeCache = new Array(this.order);
    for (let i = 0; i < this.order; i++) this.index.set(strings[nodes[i * NODE_FIELDS]], i);
    [this.outStart, this.outList] = rows(this.order, this.size, (e) => edges_[e * EDGE_FIELDS + 1]);
    [this.inStart, this.inList] = rows(this.order, this.size, (e) => edges_[e * EDGE_FIELDS + 2]);
  }

  hasNode(id: string): boolean {
    return this.index.has(id);
  }

  getNodeAttributes(id: string): GraphNode {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`no node ${id} in the store image`);
    return this.node(i);
  }

  degree(id: string): number {
    const i = this.index.get(id);
    return i === undefined ? 0 : this.outStart[i + 1] - this.outStart[i] + this.inStart[i + 1] - this.inStart[i];
  }

  forEachNode(callback: (id: string, node: GraphNode) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.strings[this.nodes[i * NODE_FIELDS]], this.node(i));
  }

  mapNodes<T>(callback: (id: string, node: GraphNode) => T): T[] {
    const out: T[] = [];
    this.forEachNode((id, node) => out.push(callback(id, node)));
    return out;
  }

  filterNodes(callback: (id: string, node: GraphNode) => boolean): string[] {
    const out: string[] = [];
    this.forEachNode((id, node) => {
      if (callback(id, node)) out.push(id);
    });
    return out;
  }

  forEachEdge(
    idOrCallback: string | ((key: string, edge: GraphEdge) => void),
    callback?: (key: string, edge: GraphEdge) => void,
  ): void {
    if (typeof idOrCallback === 'function') {
      for (let e = 0; e < this.size; e++) this.visit(e, idOrCallback);
      return;
    }
    const i = this.index.get(idOrCallback);
    if (i === undefined) return;
    for (let k = this.outStart[i]; k < this.outStart[i + 1]; k++) this.visit(this.outList[k], callback!);
    // A self-loop is in both lists: visit it once.
    for (let k = this.inStart[i]; k < this.inStart[i + 1]; k++) {
      const e = this.inList[k];
      if (this.edges_[e * EDGE_FIELDS + 1] !== i) this.visit(e, callback!);
    }
  }

  forEachOutEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void {
    const i = this.index.get(id);
    if (i !== undefined)
      for (let k = this.outStart[i]; k < this.outStart[i + 1]; k++) this.visit(this.outList[k], callback);
  }

  forEachInEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void {
    const i = this.index.get(id);
    if (i !== undefined)
      for (let k = this.inStart[i]; k < this.inStart[i + 1]; k++) this.visit(this.inList[k], callback);
  }

  /** Each edge's type and ends, without making it an object (stats counts 600,000 of them). */
  forEachLink(visit: (type: string, source: string, target: string) => void): void {
    const d = this.edges_;
    for (let r = 0; r < d.length; r += EDGE_FIELDS)
      visit(
        this.strings[d[r]],
        this.strings[this.nodes[d[r + 1] * NODE_FIELDS]],
        this.strings[this.nodes[d[r + 2] * NODE_FIELDS]],
      );
  }

  /**
   * The first link between two nodes in key order (of the given types, null: all), either way, looked up in the
   * node with fewer links and made into an object alone — not every link of a hub the path starts from.
   */
  firstLinkBetween(a: string, b: string, types: ReadonlySet<string> | null): GraphEdge | null | undefined {
    if (!this.inKeyOrder()) return undefined;
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return null;
    const wanted = types ? this.typeNumbers(types) : null;
    const [at, other] = this.degree(a) <= this.degree(b) ? [i, j] : [j, i];
    const d = this.edges_;
    let best = -1;
    const look = (start: Int32Array, list: Int32Array, end: number) => {
      for (let k = start[at]; k < start[at + 1]; k++) {
        const e = list[k];
        const r = e * EDGE_FIELDS;
        if (d[r + end] === other && (!wanted || wanted.has(d[r])) && (best < 0 || e < best)) best = e;
      }
    };
    look(this.outStart, this.outList, 2);
    look(this.inStart, this.inList, 1);
    return best < 0 ? null : this.edge(best);
  }

  /** A node's kind without making the node an object (null: no such node). */
  kindOf(id: string): string | null {
    const i = this.index.get(id);
    return i === undefined ? null : this.strings[this.nodes[i * NODE_FIELDS + 1]];
  }

  /**
   * The edges among the given nodes (of the given types, null: all) in key order, as a subgraph lists them, made
   * into objects only when kept: a view of 500 letters looks at their 25,000 links to keep a few thousand.
   * Null when the image's edges are not stored in key order.
   */
  inducedEdges(ids: ReadonlySet<string>, types: ReadonlySet<string> | null): GraphEdge[] | null {
    if (!this.inKeyOrder()) return null;
    const wanted = types ? this.typeNumbers(types) : null;
    const inside = new Uint8Array(this.order);
    for (const id of ids) {
      const i = this.index.get(id);
      if (i !== undefined) inside[i] = 1;
    }
    const found: number[] = [];
    const d = this.edges_;
    for (let i = 0; i < this.order; i++) {
      if (!inside[i]) continue;
      for (let k = this.outStart[i]; k < this.outStart[i + 1]; k++) {
        const r = this.outList[k] * EDGE_FIELDS;
        if (inside[d[r + 2]] && (!wanted || wanted.has(d[r]))) found.push(this.outList[k]);
      }
    }
    // Edge numbers are key ranks: sorted, they list the edges in key order.
    return Array.from(Int32Array.from(found).sort(), (e) => this.edge(e));
  }

  /**
   * The edges touching the given nodes (out of them, into them or both), of
   * the given types (null: all), each once and in key order, as the store's
   * edgesOf answers — found from edge numbers alone, making objects only of
   * the edges answered. Null when the image's edges are not stored in key
   * order (an image written before they were): the caller then sorts.
   */
  edgesOfNodes(
    ids: readonly string[],
    types: ReadonlySet<string> | null,
    direction: 'out' | 'in' | 'both',
  ): GraphEdge[] | null {
    if (!this.inKeyOrder()) return null;
    const wanted = types ? this.typeNumbers(types) : null;
    const found: number[] = [];
    const take = (start: Int32Array, list: Int32Array, i: number) => {
      for (let k = start[i]; k < start[i + 1]; k++) {
        const e = list[k];
        if (!wanted || wanted.has(this.edges_[e * EDGE_FIELDS])) found.push(e);
      }
    };
    for (const id of ids) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      if (direction !== 'in') take(this.outStart, this.outList, i);
      if (direction !== 'out') take(this.inStart, this.inList, i);
    }
    // Edge numbers are key ranks: sorting them sorts the edges; a number twice (between two of the nodes, or a loop) is one edge.
    const sorted = Int32Array.from(found).sort();
    const out: GraphEdge[] = [];
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) out.push(this.edge(sorted[k]));
    return out;
  }

  /** Whether the edges are stored in key order, so that an edge's number is its rank by key (LinkIndex numbers links so). */
  keyOrdered(): boolean {
    return this.inKeyOrder();
  }

  /**
   * The image's numbers and strings as they are, for a writer comparing the next state with this one
   * (image-diff.ts) without making 700,000 nodes and edges into objects. Read-only.
   */
  raw(): RawImage {
    return {
      strings: this.strings,
      nodes: this.nodes,
      aliases: this.aliases,
      spans: this.spans,
      edges: this.edges_,
      index: this.index,
      keyOrdered: this.inKeyOrder(),
    };
  }

  /** Node number i's id (numbers are places in the image, 0 to order - 1). */
  nodeId(i: number): string {
    return this.strings[this.nodes[i * NODE_FIELDS]];
  }

  /** Edge number e as an object (kept with the edges made lately). */
  edgeAt(e: number): GraphEdge {
    return this.edge(e);
  }

  /** Each edge's number, type and ends' numbers, without making it an object (store/memory/link-index.ts). */
  forEachLinkNumber(visit: (e: number, type: string, source: number, target: number) => void): void {
    const d = this.edges_;
    for (let e = 0, r = 0; e < this.size; e++, r += EDGE_FIELDS) visit(e, this.strings[d[r]], d[r + 1], d[r + 2]);
  }

  /** Whether some evidence of edge e passes the test, read from the span numbers (the evidence is not made into objects). */
  someEvidence(e: number, test: (evidence: Evidence) => boolean): boolean {
    const r = e * EDGE_FIELDS;
    const start = this.edges_[r + 4];
    for (let k = start; k < start + this.edges_[r + 5]; k++) {
      const s = k * 3;
      if (test({ letter: this.strings[this.spans[s]], start: this.spans[s + 1], end: this.spans[s + 2] })) return true;
    }
    return false;
  }

  private ordered?: boolean;
  /** Whether the edges are stored in key order (what image-encode.ts writes), checked once from the string table alone. */
  private inKeyOrder(): boolean {
    if (this.ordered === undefined) {
      let previous = '';
      this.ordered = true;
      for (let e = 0; e < this.size && this.ordered; e++) {
        const key = this.keyOf(e);
        if (key < previous) this.ordered = false;
        previous = key;
      }
    }
    return this.ordered;
  }

  private keyOf(e: number): string {
    const r = e * EDGE_FIELDS;
    const d = this.edges_;
    return `${this.strings[d[r]]}|${this.strings[this.nodes[d[r + 1] * NODE_FIELDS]]}|${this.strings[this.nodes[d[r + 2] * NODE_FIELDS]]}`;
  }

  private typeNumber?: Map<string, number>;
  private typeNumbers(types: ReadonlySet<string>): Set<number> {
    if (!this.typeNumber) {
      this.typeNumber = new Map();
      for (let e = 0; e < this.size; e++) {
        const n = this.edges_[e * EDGE_FIELDS];
        if (!this.typeNumber.has(this.strings[n])) this.typeNumber.set(this.strings[n], n);
      }
    }
    const out = new Set<number>();
    for (const type of types) {
      const n = this.typeNumber.get(type);
      if (n !== undefined) out.add(n);
    }
    return out;
  }

  private visit(e: number, callback: (key: string, edge: GraphEdge) => void): void {
    const edge = this.edge(e);
    callback(edgeKey(edge), edge);
  }

  private node(i: number): GraphNode {
    let node = this.nodeCache[i];
    if (node) return node;
    const r = i * NODE_FIELDS;
    const n = this.nodes;
    const aliases: string[] = [];
    for (let a = n[r + 3]; a < n[r + 3] + n[r + 4]; a++) aliases.push(this.strings[this.aliases[a]]);
    node = {
      id: this.strings[n[r]],
      kind: this.strings[n[r + 1]] as NodeKind,
      name: this.strings[n[r + 2]],
      aliases,
      props: this.props(n[r + 5]),
      mentions: this.evidence(n[r + 6], n[r + 7]),
    };
    this.nodeCache[i] = node;
    return node;
  }

  private edge(e: number): GraphEdge {
    let edge = this.edgeCache.get(e);
    if (edge) return edge;
    const r = e * EDGE_FIELDS;
    const d = this.edges_;
    edge = {
      type: this.strings[d[r]] as EdgeType,
      source: this.strings[this.nodes[d[r + 1] * NODE_FIELDS]],
      target: this.strings[this.nodes[d[r + 2] * NODE_FIELDS]],
      props: this.props(d[r + 3]),
      evidence: this.evidence(d[r + 4], d[r + 5]),
    };
    if (this.edgeCache.size >= EDGE_CACHE) this.edgeCache = new Map();
    this.edgeCache.set(e, edge);
    return edge;
  }

  private props(n: number): Props {
    return n === NO_PROPS ? {} : (JSON.parse(this.strings[n]) as Props);
  }

  private evidence(start: number, count: number): Evidence[] {
    const out: Evidence[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const s = (start + k) * 3;
      out[k] = { letter: this.strings[this.spans[s]], start: this.spans[s + 1], end: this.spans[s + 2] };
    }
    return out;
  }
}

/** An image's sections as numbers and strings (ImageGraph.raw; the layout is image-format.ts's). */
export interface RawImage {
  readonly strings: readonly string[];
  readonly nodes: Int32Array;
  readonly aliases: Int32Array;
  readonly spans: Int32Array;
  readonly edges: Int32Array;
  /** Node number by id. */
  readonly index: ReadonlyMap<string, number>;
  /** Whether the edges are in key order (what image-encode.ts writes). */
  readonly keyOrdered: boolean;
}

/** Compressed rows: for each node, the edges whose `end` is that node, in edge order. */
function rows(order: number, size: number, end: (edge: number) => number): [Int32Array, Int32Array] {
  const start = new Int32Array(order + 1);
  for (let e = 0; e < size; e++) start[end(e) + 1]++;
  for (let i = 0; i < order; i++) start[i + 1] += start[i];
  const fill = start.slice(0, order);
  const list = new Int32Array(size);
  for (let e = 0; e < size; e++) list[fill[end(e)]++] = e;
  return [start, list];
}
