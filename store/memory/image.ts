import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { edgeKey, type Evidence, type GraphEdge, type GraphNode, type NodeKind, type EdgeType, type Props } from '../model.ts';
import type { ReadGraph } from './read-graph.ts';

/**
 * The merged graph of a whole store as one binary file, `<path>.image`
 * beside the manifest: what lets a process open 10,000 letters in about a
 * second instead of parsing every letter's fragment and merging them again.
 *
 * It is a cache, never the truth: its header names the digest of the
 * manifest it was made from, and a store whose manifest has another digest
 * (a writer that did not write an image, a killed writer, an older version)
 * is read from its fragments as before. Layout, all numbers little-endian:
 *   "INNOIMG1", uint32 header length, header JSON, then 4-byte-aligned sections
 *   - lengths: Int32 per string (UTF-16 units) of
 *   - blob:    every string, UTF-8, back to back (ids, names, props as JSON …)
 *   - nodes:   Int32 × 8 per node [id, kind, name, aliasStart, aliasCount, props, spanStart, spanCount]
 *   - aliases: Int32 string numbers
 *   - spans:   Int32 × 3 per mention or evidence [letter, start, end]
 *   - edges:   Int32 × 6 per edge [type, source node, target node, props, spanStart, spanCount]
 * Nodes and edges become objects only when a read touches them.
 */
const MAGIC = 'INNOIMG1';
const NODE_FIELDS = 8;
const EDGE_FIELDS = 6;
const NO_PROPS = -1;
const SECTIONS = ['lengths', 'blob', 'nodes', 'aliases', 'spans', 'edges'] as const;
type Section = (typeof SECTIONS)[number];

interface ImageHeader {
  version: 1;
  /** Digest of the manifest this image was made from (segments.ts `manifestDigest`). */
  manifest: string;
  sections: Record<Section, [offset: number, length: number]>;
  /** CRC-32 of everything after the header: a damaged image is passed over, never read as a wrong graph. */
  crc: number;
}

/** The image of `graph`, as the chunks of one file. */
export function encodeImage(graph: ReadGraph, manifest: string): Buffer[] {
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const intern = (s: string) => {
    let n = numbers.get(s);
    if (n === undefined) numbers.set(s, (n = strings.push(s) - 1));
    return n;
  };
  // Edges share a few kinds of props (a basis and its keyword): kept once. A node's props are its own
  // (a letter's text, a figure's sentence): looking each up would hash megabytes for nothing.
  const props = (p: Props, shared: boolean) => {
    for (const _ in p) return shared ? intern(jsonOf(p)) : strings.push(jsonOf(p)) - 1;
    return NO_PROPS;
  };
  const nodeIndex = new Map<string, number>();
  const nodes = new Int32Builder(graph.order * NODE_FIELDS);
  const aliases = new Int32Builder(1024);
  const spans = new Int32Builder(graph.size * 3);
  // Spans come in runs of one letter: its number is looked up once per run.
  let lastLetter = '';
  let lastNumber = 0;
  /** Puts the spans in their section and their place (start, count) in the row of their node or edge. */
  const addSpans = (list: Evidence[], row: Int32Builder) => {
    row.push(spans.length / 3, list.length);
    for (const e of list) {
      if (e.letter !== lastLetter) lastNumber = intern((lastLetter = e.letter));
      spans.push(lastNumber, e.start, e.end);
    }
  };
  graph.forEachNode((id, node) => {
    nodeIndex.set(id, nodeIndex.size);
    const aliasStart = aliases.length;
    for (const alias of node.aliases) aliases.push(intern(alias));
    nodes.push(intern(id), intern(node.kind), intern(node.name), aliasStart, node.aliases.length, props(node.props, false));
    addSpans(node.mentions, nodes);
  });
  const edges = new Int32Builder(graph.size * EDGE_FIELDS);
  graph.forEachEdge((_key, edge) => {
    edges.push(intern(edge.type), nodeIndex.get(edge.source)!, nodeIndex.get(edge.target)!, props(edge.props, true));
    addSpans(edge.evidence, edges);
  });
  const body: Record<Section, Buffer> = {
    lengths: Int32Builder.of(strings.map((s) => s.length)),
    blob: Buffer.from(strings.join(''), 'utf8'),
    nodes: nodes.bytes(),
    aliases: aliases.bytes(),
    spans: spans.bytes(),
    edges: edges.bytes(),
  };
  // The header's size depends on the offsets it holds: lay the sections out after a header of fixed width.
  const sections = {} as ImageHeader['sections'];
  const headerRoom = 512 + manifest.length;
  let offset = align(MAGIC.length + 4 + headerRoom);
  for (const name of SECTIONS) {
    sections[name] = [offset, body[name].length];
    offset = align(offset + body[name].length);
  }
  const crc = crcOf(SECTIONS.flatMap((name) => [body[name], Buffer.alloc(align(body[name].length) - body[name].length)]));
  const json = JSON.stringify({ version: 1, manifest, sections, crc } satisfies ImageHeader);
  if (json.length > headerRoom) throw new Error('the image header outgrew its room');
  const header = Buffer.from(json.padEnd(headerRoom, ' '), 'utf8');
  const out = Buffer.alloc(align(MAGIC.length + 4 + headerRoom));
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  const chunks: Buffer[] = [out];
  let at = out.length;
  for (const name of SECTIONS) {
    chunks.push(body[name]);
    at += body[name].length;
    const pad = align(at) - at;
    if (pad > 0) chunks.push(Buffer.alloc(pad));
    at += pad;
  }
  return chunks;
}

/** Reads an image; null when it was made from another manifest or cannot be used (then the caller reads the fragments). */
export function decodeImage(bytes: Buffer, manifest: string): ImageGraph | null {
  if (endianness() !== 'LE' || bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
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
    if (!(offset >= 0 && length >= 0 && offset + length <= bytes.length && (name === 'blob' || (offset % 4 === 0 && length % 4 === 0)))) return null;
  }
  const view = (name: Section) => {
    const [offset, length] = header.sections[name];
    return new Int32Array(bytes.buffer, bytes.byteOffset + offset, length / 4);
  };
  if ((bytes.byteOffset & 3) !== 0) return decodeImage(Buffer.from(bytes), manifest);
  const crc = crcOf(SECTIONS.flatMap((name) => {
    const [offset, length] = header.sections[name];
    return [bytes.subarray(offset, offset + length), bytes.subarray(offset + length, align(offset + length))];
  }));
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
  return new ImageGraph(strings, view('nodes'), view('aliases'), view('spans'), view('edges'));
}

/** The read-only graph of an image (see ReadGraph). */
export class ImageGraph implements ReadGraph {
  readonly order: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  private readonly nodeCache: Array<GraphNode | undefined>;
  private readonly edgeCache: Array<GraphEdge | undefined>;
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
    this.edgeCache = new Array(this.size);
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
    this.forEachNode((id, node) => { if (callback(id, node)) out.push(id); });
    return out;
  }

  forEachEdge(idOrCallback: string | ((key: string, edge: GraphEdge) => void), callback?: (key: string, edge: GraphEdge) => void): void {
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
    if (i !== undefined) for (let k = this.outStart[i]; k < this.outStart[i + 1]; k++) this.visit(this.outList[k], callback);
  }

  forEachInEdge(id: string, callback: (key: string, edge: GraphEdge) => void): void {
    const i = this.index.get(id);
    if (i !== undefined) for (let k = this.inStart[i]; k < this.inStart[i + 1]; k++) this.visit(this.inList[k], callback);
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
    let edge = this.edgeCache[e];
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
    this.edgeCache[e] = edge;
    return edge;
  }

  private props(n: number): Props {
    return n === NO_PROPS ? {} : JSON.parse(this.strings[n]) as Props;
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

const align = (n: number) => (n + 3) & ~3;

/**
 * Props as JSON, remembered per props object: a process that writes many
 * changes (a server, a test) encodes again only the nodes and edges a change
 * merged anew — the others keep their objects.
 */
const jsonCache = new WeakMap<Props, string>();
function jsonOf(props: Props): string {
  let json = jsonCache.get(props);
  if (json === undefined) jsonCache.set(props, (json = JSON.stringify(props)));
  return json;
}

function crcOf(chunks: Buffer[]): number {
  let crc = 0;
  // Empty chunks are skipped: Node 20's crc32 answers 0 for an empty view of an empty ArrayBuffer, whatever the running value.
  for (const chunk of chunks) if (chunk.length > 0) crc = crc32(chunk, crc);
  return crc;
}

/** An Int32Array that grows as numbers are pushed, without a list of boxed numbers on the way. */
class Int32Builder {
  private array: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(16, capacity));
  }
  static of(values: number[]): Buffer {
    const builder = new Int32Builder(values.length);
    for (const v of values) builder.push(v);
    return builder.bytes();
  }
  push(...values: number[]): void {
    if (this.length + values.length > this.array.length) {
      const grown = new Int32Array(Math.max(this.array.length * 2, this.length + values.length));
      grown.set(this.array);
      this.array = grown;
    }
    for (const v of values) this.array[this.length++] = v;
  }
  bytes(): Buffer {
    return Buffer.from(this.array.buffer, 0, this.length * 4);
  }
}
