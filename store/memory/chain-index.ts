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
  /** Each pair of chains with the things tied to both, in id order, their evidence and letters: the same for every set of bases. */
  private cells(): Cell[] {
    if (this.cellCache) return this.cellCache;
    this.cellCache = [];
    CHAINS.forEach((a, i) =>
      CHAINS.slice(i).forEach((b) => {
        const left = this.byChain.get(a)!;
        const right = this.byChain.get(b)!;
        const rows = [...left.keys()]
          .filter((id) => right.has(id) && this.graph.hasNode(id))
          .sort()
          .map((id): CellRow => {
            const sides = a === b ? [left.get(id)!] : [left.get(id)!, right.get(id)!];
            return {
              node: this.graph.getNodeAttributes(id),
              sides,
              evidence: sides.length === 1 ? sides[0].evidence : [...sides[0].evidence, ...sides[1].evidence],
              letters: sides.length === 1 ? sides[0].letters : [...new Set([...sides[0].letters, ...sides[1].letters])],
              ties: sides.flatMap((side) => side.ties),
            };
          });
        this.cellCache!.push({ a, b, rows });
      }),
    );
    return this.cellCache;
  }

  private compute(bases?: ChainBasis[]): ChainPair[] {
    const wanted = bases ? new Set(bases) : null;
    const mask = bases ? maskOf(bases) : 0;
    // A thing counts in a cell when a tie of one of the bases asked holds it to each of the cell's chains.
    const holds = (side: Tie) => !bases || (side.bases & mask) !== 0;
    return this.cells().map(({ a, b, rows }) => {
      const perLetter = new Map<string, number>();
      const nodes: ChainPair['nodes'] = [];
      for (const row of rows) {
        if (!holds(row.sides[0]) || (row.sides.length > 1 && !holds(row.sides[1]))) continue;
        for (const letter of row.letters) perLetter.set(letter, (perLetter.get(letter) ?? 0) + 1);
        nodes.push({
          node: row.node,
          evidence: row.evidence,
          ties: wanted ? row.ties.filter((t) => wanted.has(t.basis)) : row.ties,
        });
      }
      const byLetter = [...perLetter]
        .map(([letter, count]) => ({ letter, count }))
        .sort((x, y) => y.count - x.count || (x.letter < y.letter ? -1 : x.letter > y.letter ? 1 : 0));
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
