import type { ChainName, GraphNode, NodeKind } from '../../domain/model.ts';
import type { ReadGraph } from './read-graph.ts';
import { SearchIndex } from './search-index.ts';
import { ChainIndex } from './chain-index.ts';
import { pushTo } from '../../domain/multimap.ts';
import type { LetterBody } from '../letter-body.ts';
import { LinkIndex, letterBodies } from './link-index.ts';

/**
 * What the embedded store's reads keep asking for, computed once per version
 * of the graph (a write or a reload makes a new one): nodes by kind in id
 * order, the things of each letter, each node's chains, the commitments, search forms with a bigram
 * index, and the chain matrix per set of bases. Without it a search or a
 * commitments filter walked every node on every request.
 */
export class ReadIndex {
  private byKindCache?: Map<NodeKind, GraphNode[]>;
  private byKindsCache = new Map<string, GraphNode[]>();
  private byLetterCache?: Map<string, GraphNode[]>;
  private allCache?: GraphNode[];
  private searchCache?: SearchIndex;
  private tieIndex?: ChainIndex;
  private bodyCache?: Map<string, LetterBody>;
  private linkIndex?: LinkIndex;
  private readonly answers = new Map<string, unknown>();

  constructor(readonly graph: ReadGraph) {}

  all(): GraphNode[] {
    this.allCache ??= this.graph.mapNodes((_id, node) => node).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.allCache;
  }

  /** The things a letter mentions, in id order. */
  ofLetter(letter: string): GraphNode[] {
    if (!this.byLetterCache) {
      this.byLetterCache = new Map();
      for (const node of this.all()) {
        for (const m of node.mentions) {
          // Once per letter: the node is the last one listed for a letter it was already listed for.
          const list = this.byLetterCache.get(m.letter);
          if (list?.[list.length - 1] !== node) pushTo(this.byLetterCache, m.letter, node);
        }
      }
    }
    return this.byLetterCache.get(letter) ?? [];
  }

  ofKind(kind: NodeKind): GraphNode[] {
    if (!this.byKindCache) {
      this.byKindCache = new Map();
      for (const node of this.all()) pushTo(this.byKindCache, node.kind, node);
    }
    return this.byKindCache.get(kind) ?? [];
  }

  /**
   * An answer kept for this version of the graph (a search, a filter's list): a client asking the same
   * again, or paging through it, costs its page. A few hundred are kept; varied arguments cannot fill the memory.
   */
  once<T>(key: string, compute: () => T): T {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    if (this.answers.size >= 256) this.answers.delete(this.answers.keys().next().value!);
    const answer = compute();
    this.answers.set(key, answer);
    return answer;
  }

  /** The nodes of several kinds, in id order: kept per set of kinds, so paging through them does not sort them again per page. */
  ofKinds(kinds: readonly NodeKind[]): GraphNode[] {
    const wanted = [...new Set(kinds)].sort();
    if (wanted.length === 1) return this.ofKind(wanted[0]);
    const key = wanted.join(',');
    let list = this.byKindsCache.get(key);
    if (!list) {
      // A few lists a version: a client varying its kinds cannot fill the memory.
      if (this.byKindsCache.size >= 16) this.byKindsCache.delete(this.byKindsCache.keys().next().value!);
      list = wanted.flatMap((kind) => this.ofKind(kind)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.byKindsCache.set(key, list);
    }
    return list;
  }

  /** Whether an ADVANCES link ties the node to the chain (read from the chain index, not a map per node). */
  tiedTo(id: string, chain: ChainName): boolean {
    return this.chainIndex().ties(id, chain);
  }

  /** The chain ties, read once for this version (the matrix for each set of bases comes from them). */
  chainIndex(): ChainIndex {
    this.tieIndex ??= new ChainIndex(this.graph);
    return this.tieIndex;
  }

  /** The search index, built on the first search or text filter of this version. */
  search(): SearchIndex {
    this.searchCache ??= new SearchIndex(this.all());
    return this.searchCache;
  }

  /** Each letter's body (store/letter-body.ts), from its header links: what `recurring` and `connections` count. */
  bodies(): Map<string, LetterBody> {
    this.bodyCache ??= letterBodies(
      this.graph,
      this.ofKind('Letter').map((letter) => letter.id),
    );
    return this.bodyCache;
  }

  /** The links by number (link-index.ts), made on the first connections search of this version or at warm-up. */
  links(): LinkIndex {
    this.linkIndex ??= new LinkIndex(this.graph, this.bodies());
    return this.linkIndex;
  }
}
