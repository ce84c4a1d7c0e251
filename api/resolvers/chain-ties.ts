import { type BridgeTie, TIE_RULES, tieReason, tiesOf } from '../../domain/chain-ties.ts';
import type { Evidence, GraphEdge, GraphNode } from '../../domain/model.ts';
import type { InnographContext } from '../context.ts';
import { mentionViews } from '../evidence.ts';

/**
 * The four-chain types of the API: a thing's link to a chain (ChainLink), each
 * tie behind it with its reason (ChainTie), and the matrix's cells (ChainPair,
 * LetterShare, Bridge). A tie's reason is what the chain stage recorded
 * (domain/chain-ties.ts): its rule and the words it read.
 */
type Ctx = InnographContext;

/** The ties of an edge whose evidence it still holds (a replaced letter's notes are not shown). */
function heldTies(edge: GraphEdge): BridgeTie[] {
  const held = new Set(edge.evidence.map((e) => `${e.letter}|${e.start}|${e.end}`));
  const chain = edge.target.slice('Chain:'.length) as BridgeTie['chain'];
  return tiesOf(edge.props)
    .filter((t) => held.has(`${t.letter}|${t.start}|${t.end}`))
    .map((t) => ({ ...t, chain, basis: TIE_RULES[t.rule].basis }));
}

async function oneMention(context: Ctx, evidence: Evidence) {
  const [view] = await mentionViews(context, [evidence]);
  return view ?? null;
}

export const chainTypes = {
  ChainLink: {
    chain: ({ edge }: { edge: GraphEdge }, _args: unknown, context: Ctx) => context.nodes.load(edge.target),
    basis: ({ edge }: { edge: GraphEdge }) => String(edge.props.basis ?? 'vocabulary').toUpperCase(),
    keyword: ({ edge }: { edge: GraphEdge }) => edge.props.keyword ?? null,
    // A store written before ties kept their reasons has none: the basis and keyword are what it knows.
    reason: ({ edge }: { edge: GraphEdge }) =>
      String(edge.props.reason ?? `${edge.props.basis ?? 'vocabulary'}: ${edge.props.keyword ?? ''}`),
    evidence: ({ edge }: { edge: GraphEdge }, _args: unknown, context: Ctx) => mentionViews(context, edge.evidence),
    ties: ({ edge }: { edge: GraphEdge }) => heldTies(edge),
  },
  ChainTie: {
    chain: (tie: BridgeTie, _args: unknown, context: Ctx) => context.nodes.load(`Chain:${tie.chain}`),
    basis: (tie: BridgeTie) => tie.basis.toUpperCase(),
    reason: (tie: BridgeTie) => tieReason(tie.rule, tie.words),
    letter: (tie: BridgeTie, _args: unknown, context: Ctx) => context.nodes.load(tie.letter),
    evidence: (tie: BridgeTie, _args: unknown, context: Ctx) => oneMention(context, tie),
    thing: (tie: BridgeTie, _args: unknown, context: Ctx) =>
      oneMention(context, { letter: tie.letter, start: tie.at.start, end: tie.at.end }),
  },
  ChainPair: {
    a: (p: { a: string }, _args: unknown, context: Ctx) => context.nodes.load(p.a),
    b: (p: { b: string }, _args: unknown, context: Ctx) => context.nodes.load(p.b),
    byLetter: (p: { byLetter: Array<{ letter: string; count: number }> }) => p.byLetter,
  },
  LetterShare: {
    letter: (share: { letter: string }, _args: unknown, context: Ctx) => context.nodes.load(share.letter),
  },
  Bridge: {
    evidence: (b: { evidence: GraphNode['mentions'] }, _args: unknown, context: Ctx) =>
      mentionViews(context, b.evidence),
  },
};
