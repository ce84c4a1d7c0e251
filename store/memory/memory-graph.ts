import graphology from 'graphology';
import { type LetterFragment, mergeEdges, mergeNodes } from '../letter-fragments.ts';
import { edgeKey, type GraphEdge, type GraphNode } from '../model.ts';

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
  private readonly fragments = new Map<string, IndexedFragment>();
  private readonly shared = new Map<string, GraphNode>();
  /** Which letters hold a part of each node / edge. */
  private readonly nodeLetters = new Map<string, Set<string>>();
  private readonly edgeLetters = new Map<string, Set<string>>();

  letters(): LetterFragment[] {
    return [...this.fragments.values()].map((f) => f.fragment);
  }

  sharedNodes(): GraphNode[] {
    return [...this.shared.values()];
  }

  hasLetter(letter: string): boolean {
    return this.fragments.has(letter);
  }

  putShared(nodes: GraphNode[]): void {
    for (const node of nodes) {
      this.shared.set(node.id, node);
      this.refreshNode(node.id);
    }
  }

  /** Puts fragments (or, with `fragment: null`, removes letters) and refreshes what they touched. */
  setLetters(changes: Array<{ letter: string; fragment: LetterFragment | null }>): void {
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
        continue;
      }
      const indexed: IndexedFragment = { fragment, nodes: new Map(fragment.nodes.map((n) => [n.id, n])), edges: new Map(fragment.edges.map((e) => [edgeKey(e), e])) };
      this.fragments.set(letter, indexed);
      for (const id of indexed.nodes.keys()) {
        this.nodeLetters.set(id, (this.nodeLetters.get(id) ?? new Set()).add(letter));
        touchedNodes.add(id);
      }
      for (const key of indexed.edges.keys()) {
        this.edgeLetters.set(key, (this.edgeLetters.get(key) ?? new Set()).add(letter));
        touchedEdges.add(key);
      }
    }
    // Nodes first, so that edges find their ends; edges left without an end are dropped.
    for (const id of touchedNodes) this.refreshNode(id);
    for (const key of touchedEdges) this.refreshEdge(key);
  }

  private refreshNode(id: string): void {
    const letters = [...(this.nodeLetters.get(id) ?? [])].sort();
    const parts = letters.map((letter) => this.fragments.get(letter)!.nodes.get(id)!);
    const shared = this.shared.get(id);
    if (shared) parts.unshift(shared);
    if (parts.length === 0) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
      this.nodeLetters.delete(id);
      return;
    }
    const merged = mergeNodes(parts);
    if (this.graph.hasNode(id)) this.graph.replaceNodeAttributes(id, merged);
    else this.graph.addNode(id, merged);
  }

  private refreshEdge(key: string): void {
    const letters = [...(this.edgeLetters.get(key) ?? [])].sort();
    const parts = letters.map((letter) => this.fragments.get(letter)!.edges.get(key)!);
    if (this.graph.hasEdge(key)) this.graph.dropEdge(key);
    if (parts.length === 0) {
      this.edgeLetters.delete(key);
      return;
    }
    const merged = mergeEdges(parts);
    if (this.graph.hasNode(merged.source) && this.graph.hasNode(merged.target)) {
      this.graph.addDirectedEdgeWithKey(key, merged.source, merged.target, merged);
    }
  }
}
