import type { Gql } from './api-client.ts';
import { type ApiSubgraph, EDGE_FIELDS, NODE_FIELDS } from './model.ts';

/**
 * What a person choosing a letter expects to see: the letter, the proposal it
 * answers and that proposal's proposers, its issuer and copy list, its
 * contacts, everything it names and what it commits to — two steps away for
 * the proposers (letter → proposal → proposer), one for the rest. What it
 * reports (achievements, sentence fragments: 30 in one seed letter) waits, as
 * in the summary, for an expand of the letter or the letter reader; the chains
 * are left to their own view.
 */
const LETTER_LINKS = [
  'ANSWERS',
  'ISSUED_BY',
  'CONTACT',
  'CC',
  'MENTIONS',
  'COMMITS_TO',
  'CONCERNS',
  'SUPPORTS',
  'PART_OF',
  'MEASURES',
];
const SUBGRAPH = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} }`;

export async function letterThings(gql: Gql, letter: string): Promise<Pick<ApiSubgraph, 'nodes' | 'edges'>> {
  const first = await gql<{ neighbourhood: ApiSubgraph }>(
    `query LetterThings($id: ID!, $edgeTypes: [EdgeType!]) { neighbourhood(ids: [$id], depth: 1, limit: 500, edgeTypes: $edgeTypes) { ${SUBGRAPH} } }`,
    { id: letter, edgeTypes: LETTER_LINKS },
  );
  const proposals = first.neighbourhood.nodes.filter((n) => n.kind === 'Proposal').map((n) => n.id);
  if (proposals.length === 0) return first.neighbourhood;
  const second = await gql<{ neighbourhood: ApiSubgraph }>(
    `query Proposers($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1, limit: 100, edgeTypes: [PROPOSED_BY]) { ${SUBGRAPH} } }`,
    { ids: proposals },
  );
  const nodes = new Map([...first.neighbourhood.nodes, ...second.neighbourhood.nodes].map((n) => [n.id, n]));
  const edges = new Map([...first.neighbourhood.edges, ...second.neighbourhood.edges].map((e) => [e.id, e]));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
