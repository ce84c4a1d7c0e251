import { edgeKey, type EdgeType, type Evidence, type GraphEdge } from '../../domain/model.ts';
import { HEADER_LINK_TYPES, inBody, type LetterBody, letterBody } from '../letter-body.ts';
import type { LinkNumbers } from '../link-numbers.ts';
import { ImageGraph } from './image-graph.ts';
import type { ReadGraph } from './read-graph.ts';

/**
 * The links of one graph version by number (store/link-numbers.ts), made
 * once per version. From an image whose edges are stored in key order the
 * numbers are the image's own, read without making an object of any edge;
 * from a graph in memory (a store that takes changes, an image of an older
 * layout) the edges are numbered by sorting their keys. About 18 bytes a
 * link: 11 MB for the 600,000 links of 10,000 letters.
 */
export class LinkIndex implements LinkNumbers {
  readonly nodeCount: number;
  readonly linkCount: number;
  readonly rank: Int32Array;
  readonly letter: Uint8Array;
  readonly degree: Int32Array;
  readonly kind: Uint8Array;
  readonly kinds: string[] = [];
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly type: Uint8Array;
  readonly types: EdgeType[] = [];
  readonly linkStart: Int32Array;
  readonly linkList: Int32Array;
  readonly mentionInBody: Uint8Array;
  private readonly ids: string[];
  private readonly numbers: Map<string, number>;
  private readonly edgeAt: (link: number) => GraphEdge;

  /** `bodies`: each letter's body (where its header ends and its footer starts), by letter id. */
  constructor(graph: ReadGraph, bodies: ReadonlyMap<string, LetterBody>) {
    const image = graph instanceof ImageGraph && graph.keyOrdered() ? graph : null;
    this.ids = image ? Array.from({ length: image.order }, (_, i) => image.nodeId(i)) : [];
    if (!image) graph.forEachNode((id) => this.ids.push(id));
    this.numbers = new Map(this.ids.map((id, i) => [id, i]));
    this.nodeCount = this.ids.length;
    this.linkCount = graph.size;
    this.source = new Int32Array(this.linkCount);
    this.target = new Int32Array(this.linkCount);
    this.type = new Uint8Array(this.linkCount);
    this.mentionInBody = new Uint8Array(this.linkCount);
    const typeCode = new Map<string, number>();
    const put = (link: number, type: string, source: number, target: number) => {
      let code = typeCode.get(type);
      if (code === undefined) {
        typeCode.set(type, (code = this.types.length));
        this.types.push(type as EdgeType);
      }
      this.type[link] = code;
      this.source[link] = source;
      this.target[link] = target;
    };
    // A mention counts in the body of its letter; a letter without header links (or a source that is no letter) has no header or footer.
    const inBodyOf = (source: string, evidence: (test: (e: Evidence) => boolean) => boolean) => {
      const body = bodies.get(source);
      return evidence((e) => e.letter === source && inBody(body, e)) ? 1 : 0;
    };
    if (image) {
      this.edgeAt = (link) => image.edgeAt(link);
      image.forEachLinkNumber((link, type, source, target) => {
        put(link, type, source, target);
        if (type === 'MENTIONS')
          this.mentionInBody[link] = inBodyOf(this.ids[source], (test) => image.someEvidence(link, test));
      });
    } else {
      const edges: Array<[string, GraphEdge]> = [];
      graph.forEachEdge((_key, edge) => edges.push([edgeKey(edge), edge]));
      edges.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const objects = edges.map(([, edge]) => edge);
      this.edgeAt = (link) => objects[link];
      objects.forEach((edge, link) => {
        put(link, edge.type, this.numbers.get(edge.source)!, this.numbers.get(edge.target)!);
        if (edge.type === 'MENTIONS')
          this.mentionInBody[link] = inBodyOf(edge.source, (test) => edge.evidence.some(test));
      });
    }
    this.letter = new Uint8Array(this.nodeCount);
    this.degree = new Int32Array(this.nodeCount);
    this.kind = new Uint8Array(this.nodeCount);
    const kindCode = new Map<string, number>();
    for (let n = 0; n < this.nodeCount; n++) {
      const kind = (image ? image.kindOf(this.ids[n]) : graph.getNodeAttributes(this.ids[n]).kind)!;
      let code = kindCode.get(kind);
      if (code === undefined) {
        kindCode.set(kind, (code = this.kinds.length));
        this.kinds.push(kind);
      }
      this.kind[n] = code;
      if (kind === 'Letter') this.letter[n] = 1;
      this.degree[n] = graph.degree(this.ids[n]);
    }
    const byId = Int32Array.from(this.ids.keys()).sort((a, b) =>
      this.ids[a] < this.ids[b] ? -1 : this.ids[a] > this.ids[b] ? 1 : 0,
    );
    this.rank = new Int32Array(this.nodeCount);
    byId.forEach((n, place) => (this.rank[n] = place));
    [this.linkStart, this.linkList] = incidence(this.nodeCount, this.source, this.target);
  }

  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(node: number): string {
    return this.ids[node];
  }

  edge(link: number): GraphEdge {
    return this.edgeAt(link);
  }
}

/** Each node's links, either way, in link order (compressed rows); a loop is listed once. */
function incidence(nodes: number, source: Int32Array, target: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(nodes + 1);
  for (let link = 0; link < source.length; link++) {
    start[source[link] + 1]++;
    if (target[link] !== source[link]) start[target[link] + 1]++;
  }
  for (let n = 0; n < nodes; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nodes);
  const list = new Int32Array(start[nodes]);
  // Links in increasing number: each node's row comes out sorted.
  for (let link = 0; link < source.length; link++) {
    list[fill[source[link]]++] = link;
    if (target[link] !== source[link]) list[fill[target[link]]++] = link;
  }
  return [start, list];
}

/** Each letter's body, from its header links (read by type: a letter's other links are not made into objects). */
export function letterBodies(graph: ReadGraph, letters: readonly string[]): Map<string, LetterBody> {
  const types = new Set<string>(HEADER_LINK_TYPES);
  const links = new Map<string, GraphEdge[]>(letters.map((id) => [id, []]));
  const fast = graph instanceof ImageGraph ? graph.edgesOfNodes(letters, types, 'out') : null;
  if (fast) for (const edge of fast) links.get(edge.source)?.push(edge);
  else
    for (const id of letters)
      graph.forEachOutEdge(id, (_key, edge) => {
        if (types.has(edge.type)) links.get(id)!.push(edge);
      });
  return new Map(letters.map((id) => [id, letterBody(id, links.get(id)!)]));
}
