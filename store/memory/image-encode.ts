import type { Evidence, GraphEdge, Props } from '../../domain/model.ts';
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

/** What an image is made of: a merged graph (ReadGraph), or a committed document as it is (document-image.ts). */
export type ImageSource = Pick<ReadGraph, 'order' | 'size' | 'forEachNode'> & {
  forEachEdge(callback: (key: string, edge: GraphEdge) => void): void;
  /** The edges come in key order already (a committed document's, checked): not sorted again. */
  inKeyOrder?: boolean;
};

/** The image of `graph`, as the chunks of one file. */
export function encodeImage(graph: ImageSource, manifest: string): Buffer[] {
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
    nodes.push(
      intern(id),
      intern(node.kind),
      intern(node.name),
      aliasStart,
      node.aliases.length,
      props(node.props, false),
    );
    addSpans(node.mentions, nodes);
  });
  const edges = new Int32Builder(graph.size * EDGE_FIELDS);
  // In key order: a reader then answers "edges of these nodes, in key order" by sorting edge numbers (image-graph.ts).
  const keyed: Array<[string, GraphEdge]> = [];
  graph.forEachEdge((key, edge) => {
    keyed.push([key, edge]);
  });
  if (!graph.inKeyOrder) keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, edge] of keyed) {
    edges.push(intern(edge.type), nodeIndex.get(edge.source)!, nodeIndex.get(edge.target)!, props(edge.props, true));
    addSpans(edge.evidence, edges);
  }
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
  const crc = crcOf(
    SECTIONS.flatMap((name) => [body[name], Buffer.alloc(align(body[name].length) - body[name].length)]),
  );
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

/**
 * Props as JSON, remembered per props object: a process that writes many
 * changes (a server, a test) encodes again only the nodes and edges a change
 * merged anew — the others keep their objects.
 */
const jsonCache = new WeakMap<Props, string>();
export function jsonOf(props: Props): string {
  let json = jsonCache.get(props);
  if (json === undefined) jsonCache.set(props, (json = JSON.stringify(props)));
  return json;
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
