import type { GraphNode } from '../../domain/model.ts';
import { bigrams, CLAUSE_KINDS, type SearchForms, searchKey } from '../search-score.ts';

/**
 * The search index of one graph version, kept small: each node's search
 * key and aliases' keys, its number of letters, and one posting list of node
 * numbers per character bigram, all in flat arrays (a Set of bigrams per node
 * and a list per bigram held about 300 MB per server worker at 10,000
 * letters). A query's forms are made only for the nodes that share a bigram
 * with it, with just the query's bigrams they hold, which is all that
 * scoreForms asks of them.
 */
export class SearchIndex {
  private readonly ids: string[];
  private readonly names: string[];
  private readonly aliases: Array<readonly string[]>;
  private readonly letters: Int32Array;
  private readonly clause: Uint8Array;
  private readonly number = new Map<string, number>();
  /** Bigram → its number; its nodes are postings[offsets[g] .. offsets[g + 1]). */
  private readonly gram = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;

  constructor(nodes: readonly GraphNode[]) {
    const count = nodes.length;
    this.ids = new Array(count);
    this.names = new Array(count);
    this.aliases = new Array(count);
    this.letters = new Int32Array(count);
    this.clause = new Uint8Array(count);
    const none: readonly string[] = [];
    const grams: number[][] = [];
    nodes.forEach((node, n) => {
      this.ids[n] = node.id;
      this.number.set(node.id, n);
      const name = searchKey(node.name);
      this.names[n] = name;
      const aliases = node.aliases.length > 0 ? node.aliases.map(searchKey) : none;
      this.aliases[n] = aliases;
      this.clause[n] = CLAUSE_KINDS.includes(node.kind) ? 1 : 0;
      const seen = new Set<string>();
      for (const m of node.mentions) seen.add(m.letter);
      this.letters[n] = seen.size;
      for (const g of new Set([name, ...aliases].flatMap(bigrams))) {
        let k = this.gram.get(g);
        if (k === undefined) {
          this.gram.set(g, (k = grams.length));
          grams.push([]);
        }
        grams[k].push(n);
      }
    });
    this.offsets = new Int32Array(grams.length + 1);
    grams.forEach((list, k) => (this.offsets[k + 1] = this.offsets[k] + list.length));
    this.postings = new Int32Array(this.offsets[grams.length]);
    grams.forEach((list, k) => this.postings.set(list, this.offsets[k]));
  }

  /** The node's name and aliases in search form (for a text filter). */
  keys(id: string): { name: string; aliases: readonly string[] } | undefined {
    const n = this.number.get(id);
    return n === undefined ? undefined : { name: this.names[n], aliases: this.aliases[n] };
  }

  /**
   * The nodes sharing a bigram with the search key (every node for a one-character key), each with its forms as
   * far as the key needs them: `grams` holds the key's bigrams that the node's names have.
   */
  candidates(key: string): Array<{ id: string; forms: SearchForms }> {
    const wanted = [...new Set(bigrams(key))];
    if (wanted.length === 0) return this.ids.map((id, n) => ({ id, forms: this.forms(n, new Set()) }));
    const held = new Map<number, Set<string>>();
    for (const g of wanted) {
      const k = this.gram.get(g);
      if (k === undefined) continue;
      for (let p = this.offsets[k]; p < this.offsets[k + 1]; p++) {
        const n = this.postings[p];
        const grams = held.get(n);
        if (grams) grams.add(g);
        else held.set(n, new Set([g]));
      }
    }
    return [...held].map(([n, grams]) => ({ id: this.ids[n], forms: this.forms(n, grams) }));
  }

  private forms(n: number, grams: Set<string>): SearchForms {
    return {
      clause: this.clause[n] === 1,
      name: this.names[n],
      aliases: [...this.aliases[n]],
      grams,
      letters: this.letters[n],
    };
  }
}
