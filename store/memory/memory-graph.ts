import graphology from 'graphology';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import { edgeKey, type GraphDocument, type GraphEdge, type GraphNode } from '../../domain/model.ts';
import { decodeTie, PER_EVIDENCE_PROPS } from '../../domain/chain-ties.ts';

/**
 * The merged graph of every stored letter, kept in a graphology graph:
 * node attributes are GraphNodes and edge attributes GraphEdges, each the
 * merge of the letters' fragments (store/letter-fragments.ts). Replacing
 * letters recomputes only the nodes and edges they touched, once per batch.
 */
export type InnoGraph = graphology.MultiDirectedGraph<GraphNode, GraphEdge>;

interface IndexedFragment {
  fragment: LetterFragment;
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

export class MergedGraph {
  readonly graph: InnoGraph = new graphology.MultiDirectedGraph({ allowSelfLoops: true });
  /** Every letter's fragment, as stored. */
  private readonly raw = new Map<string, LetterFragment>();
  private readonly shared = new Map<string, GraphNode>();
  // What a change needs to find what it touches, built on the first change: a store that is only read never pays for it.
  private indexed = false;
  private readonly fragments = new Map<string, IndexedFragment>();
  /** Which letters hold a part of each node / edge. */
  private readonly nodeLetters = new Map<string, Set<string>>();
  private readonly edgeLetters = new Map<string, Set<string>>();

  /**
   * The merged graph of a whole store, in one pass: each node's and edge's
   * parts are gathered in letter order and merged once, and a part that is
   * the only one is used as it is. (Much faster than a change of every letter.)
   */
  static of(shared: GraphNode[], fragments: LetterFragment[]): MergedGraph {
    const merged = new MergedGraph();
    const sorted = [...fragments].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0));
    const nodeParts = new Map<string, GraphNode[]>();
    for (const node of shared) {
      merged.shared.set(node.id, node);
      nodeParts.set(node.id, [node]);
    }
    const edgeParts = new Map<string, GraphEdge[]>();
    for (const fragment of sorted) {
      merged.raw.set(fragment.letter, fragment);
      for (const node of fragment.nodes) {
        const parts = nodeParts.get(node.id);
        if (parts) parts.push(node);
        else nodeParts.set(node.id, [node]);
      }
      for (const edge of fragment.edges) {
        const key = edgeKey(edge);
        const parts = edgeParts.get(key);
        if (parts) parts.push(edge);
        else edgeParts.set(key, [edge]);
      }
    }
    for (const [id, parts] of nodeParts)
      merged.graph.addNode(id, parts.length === 1 && tidy(parts[0]) ? parts[0] : mergeNodes(parts));
    for (const [key, parts] of edgeParts) {
      const edge = parts.length === 1 ? parts[0] : mergeEdges(parts);
      if (merged.graph.hasNode(edge.source) && merged.graph.hasNode(edge.target))
        merged.graph.addDirectedEdgeWithKey(key, edge.source, edge.target, edge);
    }
    return merged;
  }

  /**
   * The merged graph of a whole store from the GraphDocument its fragments were cut from (fragmentsOf): the
   * same graph MergedGraph.of gives, without merging every node and edge again. As the merge does, an edge
   * with no evidence (no letter holds it) or without one of its ends is left out. Only for a document whose
   * nodes and edges are each there once, as GraphBuilder makes them (else: merged from the fragments).
   */
  static ofDocument(shared: GraphNode[], fragments: LetterFragment[], document: GraphDocument): MergedGraph {
    const merged = new MergedGraph();
    for (const node of shared) merged.shared.set(node.id, node);
    for (const fragment of [...fragments].sort((a, b) => (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0)))
      merged.raw.set(fragment.letter, fragment);
    // A document given by hand may hold a node twice, or in another order than a merge gives: then its parts
    // are merged, as the store does when it opens.
    for (const node of document.nodes) {
      if (merged.graph.hasNode(node.id) || !tidy(node) || !byLetter(node.mentions))
        return MergedGraph.of(shared, fragments);
      merged.graph.addNode(node.id, node);
    }
    for (const edge of document.edges) {
      if (edge.evidence.length === 0 || !merged.graph.hasNode(edge.source) || !merged.graph.hasNode(edge.target))
        continue;
      const key = edgeKey(edge);
      if (merged.graph.hasEdge(key) || !byLetter(edge.evidence) || !notesAsMerged(edge))
        return MergedGraph.of(shared, fragments);
      merged.graph.addDirectedEdgeWithKey(key, edge.source, edge.target, edge);
    }
    return merged;
  }

  letters(): LetterFragment[] {
    return [...this.raw.values()];
  }

  sharedNodes(): GraphNode[] {
    return [...this.shared.values()];
  }

  hasLetter(letter: string): boolean {
    return this.raw.has(letter);
  }

  /**
   * Shared nodes put and dropped (`drop`: ids whose shared part goes, the place no letter names any more)
   * and letter changes at once (one pass over the fragments when the store has no index yet).
   */
  change(
    shared: GraphNode[],
    changes: Array<{ letter: string; fragment: LetterFragment | null }>,
    drop: string[] = [],
  ): void {
    if (!this.indexed) return this.changeByScan(shared, changes, drop);
    this.putShared(shared);
    this.setLetters(changes);
    for (const id of drop) {
      this.shared.delete(id);
      this.refreshNode(id);
    }
  }

  putShared(nodes: GraphNode[]): void {
    if (!this.indexed) return this.changeByScan(nodes, []);
    for (const node of nodes) {
      this.shared.set(node.id, node);
      this.refreshNode(node.id);
    }
  }

  /** Puts fragments (or, with `fragment: null`, removes letters) and refreshes what they touched. */
  setLetters(changes: Array<{ letter: string; fragment: LetterFragment | null }>): void {
    if (!this.indexed) return this.changeByScan([], changes);
    const touchedNodes = new Set<string>();
    const touchedEdges = new Set<string>();
    for (const { letter, fragment } of changes) {
      const old = this.fragments.get(letter);
      for (const id of old?.nodes.keys() ?? []) {
        this.nodeLetters.get(id)?.delete(letter);
        touchedNodes.add(id);
      }
      for (const key of old?.edges.keys() ?? []) {
        this.edgeLetters.get(key)?.delete(letter);
        touchedEdges.add(key);
      }
      if (!fragment) {
        this.fragments.delete(letter);
        this.raw.delete(letter);
        continue;
      }
      this.raw.set(letter, fragment);
      const indexed = this.index(fragment);
      for (const id of indexed.nodes.keys()) touchedNodes.add(id);
      for (const key of indexed.edges.keys()) touchedEdges.add(key);
    }
    // Nodes first, so that edges find their ends; edges left without an end are dropped.
    for (const id of touchedNodes) this.refreshNode(id);
    for (const key of touchedEdges) this.refreshEdge(key);
  }

  /** Builds the change index; until then a change finds what it touches by one pass over the fragments. */
  buildIndex(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const fragment of this.raw.values()) this.index(fragment);
  }

  /**
   * A change without the index (a process that changes a few letters once,
   * as an ingest does): the parts of the nodes and edges it touches are
   * gathered in one pass over every fragment, in letter order — much cheaper
   * than indexing every fragment first.
   */
  private changeByScan(
    shared: GraphNode[],
    changes: Array<{ letter: string; fragment: LetterFragment | null }>,
    drop: string[] = [],
  ): void {
    const touchedNodes = new Set<string>();
    const touchedEdges = new Set<string>();
    const edgeSources = new Set<string>();
    for (const id of drop) {
      this.shared.delete(id);
      touchedNodes.add(id);
    }
    for (const node of shared) {
      this.shared.set(node.id, node);
      touchedNodes.add(node.id);
    }
    for (const { letter, fragment } of changes) {
      for (const f of [this.raw.get(letter), fragment]) {
        if (!f) continue;
        for (const node of f.nodes) touchedNodes.add(node.id);
        for (const edge of f.edges) {
          touchedEdges.add(edgeKey(edge));
          edgeSources.add(edge.source);
        }
      }
      if (fragment) this.raw.set(letter, fragment);
      else this.raw.delete(letter);
    }
    const nodeParts = new Map<string, GraphNode[]>();
    const edgeParts = new Map<string, GraphEdge[]>();
    for (const letter of [...this.raw.keys()].sort()) {
      const fragment = this.raw.get(letter)!;
      for (const node of fragment.nodes) if (touchedNodes.has(node.id)) pushPart(nodeParts, node.id, node);
      for (const edge of fragment.edges) {
        if (!edgeSources.has(edge.source)) continue;
        const key = edgeKey(edge);
        if (touchedEdges.has(key)) pushPart(edgeParts, key, edge);
      }
    }
    for (const id of touchedNodes) {
      const own = this.shared.get(id);
      this.applyNode(id, own ? [own, ...(nodeParts.get(id) ?? [])] : (nodeParts.get(id) ?? []));
    }
    for (const key of touchedEdges) this.applyEdge(key, edgeParts.get(key) ?? []);
  }

  private index(fragment: LetterFragment): IndexedFragment {
    const { letter } = fragment;
    const indexed: IndexedFragment = {
      fragment,
      nodes: new Map(fragment.nodes.map((n) => [n.id, n])),
      edges: new Map(fragment.edges.map((e) => [edgeKey(e), e])),
    };
    this.fragments.set(letter, indexed);
    for (const id of indexed.nodes.keys())
      this.nodeLetters.set(id, (this.nodeLetters.get(id) ?? new Set()).add(letter));
    for (const key of indexed.edges.keys())
      this.edgeLetters.set(key, (this.edgeLetters.get(key) ?? new Set()).add(letter));
    return indexed;
  }

  private refreshNode(id: string): void {
    const letters = [...(this.nodeLetters.get(id) ?? [])].sort();
    const parts = letters.map((letter) => this.fragments.get(letter)!.nodes.get(id)!);
    const shared = this.shared.get(id);
    if (shared) parts.unshift(shared);
    if (parts.length === 0) this.nodeLetters.delete(id);
    this.applyNode(id, parts);
  }

  private refreshEdge(key: string): void {
    const letters = [...(this.edgeLetters.get(key) ?? [])].sort();
    const parts = letters.map((letter) => this.fragments.get(letter)!.edges.get(key)!);
    if (parts.length === 0) this.edgeLetters.delete(key);
    this.applyEdge(key, parts);
  }

  /** The node merged from its parts (shared first, then by letter), or gone when it has none. */
  private applyNode(id: string, parts: GraphNode[]): void {
    if (parts.length === 0) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
      return;
    }
    const merged = mergeNodes(parts);
    if (this.graph.hasNode(id)) this.graph.replaceNodeAttributes(id, merged);
    else this.graph.addNode(id, merged);
  }

  private applyEdge(key: string, parts: GraphEdge[]): void {
    if (this.graph.hasEdge(key)) this.graph.dropEdge(key);
    if (parts.length === 0) return;
    const merged = mergeEdges(parts);
    if (this.graph.hasNode(merged.source) && this.graph.hasNode(merged.target)) {
      this.graph.addDirectedEdgeWithKey(key, merged.source, merged.target, merged);
    }
  }
}

/** Whether a lone part is already what merging it would give (aliases sorted, without the name). */
export function tidy(node: GraphNode): boolean {
  const { aliases } = node;
  for (let i = 0; i < aliases.length; i++)
    if (aliases[i] === node.name || (i > 0 && aliases[i - 1] > aliases[i])) return false;
  return true;
}

/** Whether evidence is in letter order, as a merge of letters' parts (in letter order) gives it. */
export function byLetter(evidence: GraphEdge['evidence']): boolean {
  for (let i = 1; i < evidence.length; i++) if (evidence[i - 1].letter > evidence[i].letter) return false;
  return true;
}

/** Whether an edge's per-evidence notes are what mergeEdges joins from its letters' parts: sorted, once, its letters'. */
export function notesAsMerged(edge: GraphEdge): boolean {
  for (const key of PER_EVIDENCE_PROPS) {
    const notes = edge.props[key];
    if (notes === undefined) continue;
    if (!Array.isArray(notes)) return false;
    const letters = new Set(edge.evidence.map((e) => e.letter));
    for (let i = 0; i < notes.length; i++) {
      const note = notes[i];
      if (typeof note !== 'string' || (i > 0 && String(notes[i - 1]) >= note)) return false;
      const of = decodeTie(note)?.letter;
      if (of === undefined || !letters.has(of)) return false;
    }
  }
  return true;
}

function pushPart<T>(parts: Map<string, T[]>, key: string, part: T): void {
  const list = parts.get(key);
  if (list) list.push(part);
  else parts.set(key, [part]);
}
