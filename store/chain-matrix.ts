import { basesOf, type BridgeTie, type ChainBasis, TIE_RULES, tiesOf } from '../domain/chain-ties.ts';
import { CHAINS, type ChainName, type Evidence, type GraphNode, type Props } from '../domain/model.ts';
import type { ChainPair } from './port.ts';

/**
 * The four-chain matrix, computed the same way for both stores from the
 * ADVANCES edges they hold: for each pair of chains the things that advance
 * both (a thing counts once, whatever letters tie it), how many letters the
 * cell rests on and how many of its things each letter ties, and for each
 * thing the ties to either chain with their reasons.
 */
export interface ChainEdgeRow {
  /** The thing (the edge's source). */
  id: string;
  chain: ChainName;
  props: Props;
  evidence: Evidence[];
}

export function chainPairs(
  rows: ChainEdgeRow[],
  nodeOf: (id: string) => GraphNode | undefined,
  bases?: ChainBasis[],
): ChainPair[] {
  const byChain = new Map<ChainName, Map<string, { row: ChainEdgeRow; ties: BridgeTie[] }>>(
    CHAINS.map((c) => [c, new Map()]),
  );
  for (const row of rows) {
    if (!byChain.has(row.chain) || (bases && ![...basesOf(row.props)].some((b) => bases.includes(b)))) continue;
    // A note whose evidence the edge no longer holds (its letter replaced) is not shown.
    const held = new Set(row.evidence.map((e) => `${e.letter}|${e.start}|${e.end}`));
    const ties = tiesOf(row.props)
      .filter((t) => held.has(`${t.letter}|${t.start}|${t.end}`))
      .map((t) => ({ ...t, chain: row.chain, basis: TIE_RULES[t.rule].basis }))
      .filter((t) => !bases || bases.includes(t.basis));
    byChain.get(row.chain)!.set(row.id, { row, ties });
  }
  const pairs: ChainPair[] = [];
  CHAINS.forEach((a, i) =>
    CHAINS.slice(i).forEach((b) => {
      const left = byChain.get(a)!;
      const right = byChain.get(b)!;
      const perLetter = new Map<string, number>();
      const nodes = [...left.keys()]
        .filter((id) => right.has(id) && nodeOf(id))
        .sort()
        .map((id) => {
          const sides = a === b ? [left.get(id)!] : [left.get(id)!, right.get(id)!];
          const evidence = sides.flatMap((s) => s.row.evidence);
          for (const letter of new Set(evidence.map((e) => e.letter)))
            perLetter.set(letter, (perLetter.get(letter) ?? 0) + 1);
          return { node: nodeOf(id)!, evidence, ties: sides.flatMap((s) => s.ties) };
        });
      const byLetter = sortShares(perLetter);
      pairs.push({ a, b, count: nodes.length, letters: byLetter.length, byLetter, nodes });
    }),
  );
  return pairs;
}

/**
 * The matrix kept to some letters (a place, an issuer, a year): a cell keeps a thing only where those letters
 * tie it to both its chains, with their ties and evidence only, and counts its letters again.
 */
export function pairsWithin<P extends Pick<ChainPair, 'a' | 'b' | 'count' | 'letters' | 'byLetter' | 'nodes'>>(
  pairs: P[],
  letters: Set<string>,
): P[] {
  return pairs.map((pair) => {
    const perLetter = new Map<string, number>();
    const nodes = pair.nodes
      .map((n) => ({
        ...n,
        evidence: n.evidence.filter((e) => letters.has(e.letter)),
        ties: n.ties.filter((t) => letters.has(t.letter)),
      }))
      .filter((n) => {
        const chains = new Set(n.ties.map((t) => t.chain));
        // A tie without a note (a store written before ties kept reasons) counts by its evidence.
        return n.evidence.length > 0 && (n.ties.length === 0 || chains.size >= (sameChain(pair) ? 1 : 2));
      });
    for (const n of nodes)
      for (const letter of new Set(n.evidence.map((e) => e.letter)))
        perLetter.set(letter, (perLetter.get(letter) ?? 0) + 1);
    const byLetter = sortShares(perLetter);
    return { ...pair, nodes, count: nodes.length, letters: byLetter.length, byLetter };
  });
}

function sameChain(pair: { a: string; b: string }): boolean {
  return pair.a === pair.b;
}

function sortShares(perLetter: Map<string, number>): Array<{ letter: string; count: number }> {
  return [...perLetter]
    .map(([letter, count]) => ({ letter, count }))
    .sort((x, y) => y.count - x.count || (x.letter < y.letter ? -1 : x.letter > y.letter ? 1 : 0));
}
