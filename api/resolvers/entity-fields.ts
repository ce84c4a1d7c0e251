import type { GraphEdge, GraphNode } from '../../domain/model.ts';
import { type InnographContext } from '../context.ts';
import { type MentionView, mentionViews, ruleOf } from '../evidence.ts';

/**
 * The fields every Entity has, shared by all node types: mentions with their
 * sentences, chains with basis and evidence, neighbours with the link.
 */
type Args<T = Record<string, unknown>> = T;

export const entityFields = {
  props: (node: GraphNode) => node.props,
  mentions: (node: GraphNode, { first }: Args<{ first: number }>, context: InnographContext) =>
    mentionViews(context, node.mentions.slice(0, Math.max(0, Math.min(first, 500))), node.id),
  mentionCount: (node: GraphNode) => node.mentions.length,
  letterCount: (node: GraphNode) => new Set(node.mentions.map((m) => m.letter)).size,
  letterIds: (node: GraphNode) => [...new Set(node.mentions.map((m) => m.letter))].sort(),
  chains: async (node: GraphNode, _args: unknown, context: InnographContext) => {
    const edges = (await context.edges.load(node.id)).filter((e) => e.type === 'ADVANCES' && e.source === node.id);
    return edges.map((edge) => ({ edge }));
  },
  neighbours: async (
    node: GraphNode,
    {
      edgeTypes,
      direction,
      first,
    }: Args<{ edgeTypes?: string[] | null; direction: 'OUT' | 'IN' | 'BOTH'; first: number }>,
    context: InnographContext,
  ) => {
    const edges = (await context.edges.load(node.id)).filter(
      (e) =>
        (!edgeTypes || edgeTypes.length === 0 || edgeTypes.includes(e.type)) &&
        (direction === 'BOTH' || (direction === 'OUT' ? e.source === node.id : e.target === node.id)),
    );
    const picked = edges.slice(0, Math.max(0, Math.min(first, 500)));
    const others = await context.nodes.loadMany(picked.map((e) => (e.source === node.id ? e.target : e.source)));
    return picked.flatMap((edge, i) => {
      const other = others[i];
      return other && !(other instanceof Error) ? [{ edge, node: other }] : [];
    });
  },
};

export const edgeFields = {
  id: (edge: GraphEdge) => `${edge.type}|${edge.source}|${edge.target}`,
  props: (edge: GraphEdge) => edge.props,
  evidence: (edge: GraphEdge, _args: unknown, context: InnographContext) => mentionViews(context, edge.evidence),
};

/** Mention.rule: the extraction rule that found the span (api/evidence.ts ruleOf). */
export const mentionFields = {
  rule: (view: MentionView, _args: unknown, context: InnographContext) => ruleOf(context, view),
};
