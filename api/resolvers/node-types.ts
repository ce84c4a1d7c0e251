import type { GraphNode, NodeKind } from '../../domain/model.ts';
import { basesOf } from '../../domain/chain-ties.ts';
import { basesArg } from '../chain-names.ts';
import { type InnographContext, linked } from '../context.ts';
import { entityFields } from './entity-fields.ts';
import { nodeNamed } from './lookup.ts';

/** The typed fields of each kind of node; all read through the request's loaders. */
type Resolver = (node: GraphNode, args: never, context: InnographContext) => unknown;
const prop = (key: string) => (node: GraphNode) => node.props[key] ?? null;
const out =
  (...types: Parameters<typeof linked>[2]) =>
  (node: GraphNode, _a: unknown, c: InnographContext) =>
    linked(c, node.id, types, 'out');
const into =
  (...types: Parameters<typeof linked>[2]) =>
  (node: GraphNode, _a: unknown, c: InnographContext) =>
    linked(c, node.id, types, 'in');
const ofKind = (kind: NodeKind, list: Promise<GraphNode[]>) =>
  list.then((nodes) => nodes.filter((n) => n.kind === kind));
const lettersOf = into('MENTIONS');
const commitmentsOf = (node: GraphNode, _a: unknown, c: InnographContext) =>
  ofKind('Commitment', linked(c, node.id, ['CONCERNS'], 'in'));

export const nodeTypes: Record<string, Record<string, Resolver>> = {
  Letter: {
    source: prop('source'),
    docNumber: prop('docNumber'),
    date: prop('date'),
    dateSource: prop('dateSource'),
    format: prop('format'),
    text: prop('text'),
    missing: (n) => n.props.missing ?? [],
    // The ISSUED_BY link, else the organisation the letter's props name (a letter signed only on its 印发 line).
    issuer: async (n, _a, c) =>
      (await linked(c, n.id, ['ISSUED_BY'], 'out'))[0] ??
      (typeof n.props.issuer === 'string' && n.props.issuer !== ''
        ? nodeNamed(c, n.props.issuer, 'Organization')
        : null),
    proposal: async (n, _a, c) => (await linked(c, n.id, ['ANSWERS'], 'out'))[0] ?? null,
    contacts: async (n, _a, c) => {
      const edges = (await c.edges.load(n.id)).filter((e) => e.type === 'CONTACT' && e.source === n.id);
      const people = await c.nodes.loadMany(edges.map((e) => e.target));
      return edges
        .map((e, i) => ({ person: people[i], phone: e.props.phone ?? null }))
        .filter((x) => x.person && !(x.person instanceof Error));
    },
    cc: out('CC'),
    commitments: out('COMMITS_TO'),
    achievements: out('REPORTS'),
    mentioned: async (n, { kinds }: { kinds?: NodeKind[] | null }, c) => {
      const all = await linked(c, n.id, ['MENTIONS'], 'out');
      return kinds && kinds.length > 0 ? all.filter((x) => kinds.includes(x.kind)) : all;
    },
  } as Record<string, Resolver>,
  Proposal: {
    body: prop('body'),
    session: prop('session'),
    proposalKind: prop('kind'),
    title: prop('title'),
    // 第 JY100012050700号: an identifier with letters is no Int; it stays readable as written.
    number: (n) => (typeof n.props.number === 'number' ? n.props.number : null),
    numberAsWritten: (n) => (n.props.number == null ? null : String(n.props.number)),
    proposers: async (n, _a, c) => {
      const edges = (await c.edges.load(n.id)).filter((e) => e.type === 'PROPOSED_BY' && e.source === n.id);
      const entities = await c.nodes.loadMany(edges.map((e) => e.target));
      return edges
        .map((e, i) => ({ entity: entities[i], role: e.props.role ?? null }))
        .filter((x) => x.entity && !(x.entity instanceof Error));
    },
    answeredBy: into('ANSWERS'),
  },
  Person: {
    role: prop('role'),
    letters: lettersOf,
    proposals: into('PROPOSED_BY'),
  },
  Organization: { letters: lettersOf, proposals: into('PROPOSED_BY'), commitments: commitmentsOf },
  Platform: { letters: lettersOf, commitments: commitmentsOf, partOf: out('PART_OF'), supportedBy: into('SUPPORTS') },
  Enterprise: { letters: lettersOf, commitments: commitmentsOf, supportedBy: into('SUPPORTS') },
  Policy: { docNumber: prop('docNumber'), letters: lettersOf, supports: out('SUPPORTS') },
  Programme: { letters: lettersOf, commitments: commitmentsOf, supports: out('SUPPORTS'), parts: into('PART_OF') },
  Commitment: {
    text: prop('text'),
    value: prop('value'),
    unit: prop('unit'),
    qualifier: prop('qualifier'),
    year: prop('year'),
    letter: (n, _a, c) => c.nodes.load(String(n.props.letter)),
    concerns: out('CONCERNS'),
  },
  Achievement: {
    text: prop('text'),
    value: prop('value'),
    unit: prop('unit'),
    letter: (n, _a, c) => c.nodes.load(String(n.props.letter)),
    concerns: out('CONCERNS'),
  },
  Chain: {
    english: prop('english'),
    advancedCount: async (n, { bases }: { bases?: string[] | null }, c) =>
      (await advancers(n, c, basesArg(bases))).length,
    advancedBy: async (
      n,
      { kinds, bases, first }: { kinds?: NodeKind[] | null; bases?: string[] | null; first: number },
      c,
    ) => {
      const ids = await advancers(n, c, basesArg(bases));
      const nodes = (await c.nodes.loadMany(ids)).filter((x): x is GraphNode => x !== null && !(x instanceof Error));
      return nodes
        .filter((x) => !kinds || kinds.length === 0 || kinds.includes(x.kind))
        .slice(0, Math.max(0, Math.min(first, 500)));
    },
  },
};

async function advancers(chain: GraphNode, context: InnographContext, bases?: string[]): Promise<string[]> {
  const edges = (await context.edges.load(chain.id)).filter(
    (e) =>
      e.type === 'ADVANCES' &&
      e.target === chain.id &&
      (!bases || [...basesOf(e.props)].some((b) => bases.includes(b))),
  );
  return [...new Set(edges.map((e) => e.source))].sort();
}

/** Every node type gets the shared Entity fields. */
export function typeResolvers(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(nodeTypes).map(([type, fields]) => [type, { ...entityFields, ...fields }]));
}
