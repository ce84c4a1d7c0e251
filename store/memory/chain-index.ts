import { basesOf, type BridgeTie, CHAIN_BASES, type ChainBasis, TIE_RULES, tiesOf } from '../../domain/chain-ties.ts';
import { CHAINS, type ChainName, type Evidence, type GraphNode } from '../../domain/model.ts';
import type { ChainPair } from '../port.ts';
import type { ReadGraph } from './read-graph.ts';

/**
 * The four-chain matrix of one graph version, the same answer as
 * store/chain-matrix.ts `chainPairs` (which the Neo4j adapter uses), from
 * the ties read once: each ADVANCES link's bases, its held notes decoded,
 * its letters. A set of bases then only filters and counts — it was a
 * second or more per set on a 10,000-letter graph, decoding every note again
 * and copying every tie, and each server worker did it for each set asked.
 */
interface Tie {
  id: string;
  /** Its bases as bits (CHAIN_BASES order), so a set of bases is tested without making a list. */
  bases: number;
  evidence: Evidence[];
  ties: BridgeTie[];
  letters: string[];
}

export class ChainIndex {
  private readonly byChain = new Map<ChainName, Map<string, Tie>>();
  private readonly pairs = new Map<string, ChainPair[]>();

  constructor(private readonly graph: ReadGraph) {
    for (const chain of CHAINS) {
      const ties = new Map<string, Tie>();
      this.byChain.set(chain, ties);
      const id = `Chain:${chain}`;
      if (!graph.hasNode(id)) continue;
      // The ties come into the chain nodes: their in-links, not a walk over every edge of the graph.
      graph.forEachInEdge(id, (_key, edge) => {
        if (edge.type !== 'ADVANCES' || edge.target !== id) return;
        // A note whose evidence the edge no longer holds (its letter replaced) is not shown.
        const held = new Set(edge.evidence.map((e) => `${e.letter}|${e.start}|${e.end}`));
        ties.set(edge.source, {
          id: edge.source,
          bases: maskOf(basesOf(edge.props)),
          evidence: edge.evidence,
          ties: tiesOf(edge.props)
            .filter((t) => held.has(`${t.letter}|${t.start}|${t.end}`))
            .map((t) => ({ ...t, chain, basis: TIE_RULES[t.rule].basis })),
          letters: [...new Set(edge.evidence.map((e) => e.letter))],
        });
      });
    }
  }

  /** Whether an ADVANCES link ties the thing to the chain. */
  ties(id: string, chain: ChainName): boolean {
    return this.byChain.get(chain)?.has(id) ?? false;
  }

  /** The matrix for a set of bases (all: undefined), computed once per set. */
  matrix(bases?: ChainBasis[]): ChainPair[] {
    const key = bases ? [...new Set(bases)].sort().join(',') : '*';
    let pairs = this.pairs.get(key);
    if (!pairs) {
      // A few sets a version: a client varying them cannot fill the memory.
      if (this.pairs.size >= 16) this.pairs.delete(this.pairs.keys().next().value!);
      this.pairs.set(key, (pairs = this.compute(bases)));
    }
    return pairs;
  }

  private cellCache?: Cell[];
  /** Every letter a cell's row is named in, in code-unit order: a letter's number orders as its name does. */
  private letterNames: string[] = [];

  /** Each pair of chains with the things tied to both, in id order, their evidence and letters: the same for every set of bases. */
  private cells(): Cell[] {
    if (this.cellCache) return this.cellCache;
    const cells: Array<{
      a: ChainName;
      b: ChainName;
      rows: Array<Omit<CellRow, 'letterNumbers' | 'tieBases' | 'entry'>>;
    }> = [];
    const names = new Set<string>();
    CHAINS.forEach((a, i) =>
      CHAINS.slice(i).forEach((b) => {
        const left = this.byChain.get(a)!;
        const right = this.byChain.get(b)!;
        const rows = [...left.keys()]
          .filter((id) => right.has(id) && this.graph.hasNode(id))
          .sort()
          .map((id) => {
            const sides = a === b ? [left.get(id)!] : [left.get(id)!, right.get(id)!];
            const letters =
              sides.length === 1 ? sides[0].letters : [...new Set([...sides[0].letters, ...sides[1].letters])];
            for (const letter of letters) names.add(letter);
            return {
              node: this.graph.getNodeAttributes(id),
              sides,
              evidence: sides.length === 1 ? sides[0].evidence : [...sides[0].evidence, ...sides[1].evidence],
              letters,
              ties: sides.flatMap((side) => side.ties),
            };
          });
        cells.push({ a, b, rows });
      }),
    );
    this.letterNames = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const numberOf = new Map(this.letterNames.map((name, n) => [name, n]));
    this.cellCache = cells.map(({ a, b, rows }) => ({
      a,
      b,
      rows: rows.map((row) => ({
        ...row,
        letterNumbers: Int32Array.from(row.letters, (letter) => numberOf.get(letter)!),
        tieBases: maskOf(row.ties.map((t) => t.basis)),
        entry: { node: row.node, evidence: row.evidence, ties: row.ties },
      })),
    }));
    return this.cellCache;
  }

  /**
   * A set of bases filters the rows and counts their letters: letters by number in one array of counts (a map of
   * names was most of a second per set at 10,000 letters), a row's line made again only when the set leaves some of
   * its ties out.
   */
  private compute(bases?: ChainBasis[]): ChainPair[] {
    const wanted = bases ? new Set(bases) : null;
    const mask = bases ? maskOf(bases) : 0;
    // A thing counts in a cell when a tie of one of the bases asked holds it to each of the cell's chains.
    const holds = (side: Tie) => !bases || (side.bases & mask) !== 0;
    const cells = this.cells();
    const counts = new Int32Array(this.letterNames.length);
    return cells.map(({ a, b, rows }) => {
      const seen: number[] = [];
      const nodes: ChainPair['nodes'] = [];
      for (const row of rows) {
        if (!holds(row.sides[0]) || (row.sides.length > 1 && !holds(row.sides[1]))) continue;
        for (const n of row.letterNumbers) if (counts[n]++ === 0) seen.push(n);
        nodes.push(
          wanted && (row.tieBases & ~mask) !== 0
            ? { node: row.node, evidence: row.evidence, ties: row.ties.filter((t) => wanted.has(t.basis)) }
            : row.entry,
        );
      }
      // Most letters first, then by name (a letter's number orders as its name).
      seen.sort((x, y) => counts[y] - counts[x] || x - y);
      const byLetter = seen.map((n) => ({ letter: this.letterNames[n], count: counts[n] }));
      for (const n of seen) counts[n] = 0;
      return { a, b, count: nodes.length, letters: byLetter.length, byLetter, nodes };
    });
  }
}

interface CellRow {
  node: GraphNode;
  sides: Tie[];
  evidence: Evidence[];
  letters: string[];
  ties: BridgeTie[];
  /** Its letters by number (ChainIndex.letterNames). */
  letterNumbers: Int32Array;
  /** The bases of its ties as bits: a set of bases that holds them all keeps the ties as they are. */
  tieBases: number;
  /** Its line of a cell when the set of bases keeps all its ties: one object for every such set. */
  entry: ChainPair['nodes'][number];
}

interface Cell {
  a: ChainName;
  b: ChainName;
  rows: CellRow[];
}

const maskOf = (bases: Iterable<ChainBasis>): number => {
  let mask = 0;
  for (const basis of bases) mask |= 1 << CHAIN_BASES.indexOf(basis);
  return mask;
};
