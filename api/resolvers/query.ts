import { GraphQLError } from 'graphql';
import type { Evidence, GraphNode, NodeKind } from '../../domain/model.ts';
import { decodeCursor, encodeCursor } from '../../store/paging.ts';
import { LIMITS, type Page, type RecurringNode } from '../../store/port.ts';
import { basesArg, chainArg } from '../chain-names.ts';
import type { InnographContext } from '../context.ts';
import { mentionViews } from '../evidence.ts';
import { findConnections } from './connections.ts';
import { letterId, nodeByIdOrName, nodeNamed } from './lookup.ts';

/** The root fields: thin, each a call to the store with its arguments checked. */
function connection(page: Page<GraphNode>) {
  const start = page.endCursor ? decodeCursor(page.endCursor) - page.items.length : 0;
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    nodes: page.items,
    edges: page.items.map((node, i) => ({ node, cursor: encodeCursor(start + i + 1) })),
  };
}

function listArg<T>(name: string, values: readonly T[] | null | undefined, max: number = LIMITS.ids): readonly T[] {
  const list = values ?? [];
  if (list.length > max)
    throw new GraphQLError(`${name} may hold at most ${max} items, got ${list.length}`, {
      extensions: { code: 'LIST_TOO_LONG' },
    });
  return list;
}

type Ctx = InnographContext;

export const query = {
  node: (
    _: unknown,
    { id, name, kind }: { id?: string | null; name?: string | null; kind?: NodeKind | null },
    c: Ctx,
  ) => {
    if (id != null && name != null)
      throw new GraphQLError('give id or name, not both', { extensions: { code: 'BAD_REQUEST' } });
    if (id != null) return c.nodes.load(id);
    if (name != null) return nodeNamed(c, name, kind);
    throw new GraphQLError(
      'give id (e.g. "Platform:瓯江实验室") or name (e.g. "瓯江实验室", with kind: when several kinds share it)',
      { extensions: { code: 'BAD_REQUEST' } },
    );
  },
  nodes: (_: unknown, { ids }: { ids: string[] }, c: Ctx) => c.store.getNodes(listArg('ids', ids)),
  search: async (
    _: unknown,
    { text, kinds, first }: { text: string; kinds?: NodeKind[] | null; first: number },
    c: Ctx,
  ) => c.store.search(text, { kinds: [...listArg('kinds', kinds, 20)], first }),
  entities: async (
    _: unknown,
    a: {
      kind?: NodeKind | null;
      kinds?: NodeKind[] | null;
      chain?: string | null;
      letter?: string | null;
      text?: string | null;
      first: number;
      after?: string | null;
    },
    c: Ctx,
  ) => {
    const kinds = [...(a.kind ? [a.kind] : []), ...listArg('kinds', a.kinds, 20)];
    return connection(
      await c.store.findNodes(
        {
          kinds,
          chain: chainArg(a.chain),
          letter: a.letter ? await letterId(c, a.letter) : undefined,
          text: a.text ?? undefined,
        },
        { first: a.first, after: a.after },
      ),
    );
  },
  letters: async (_: unknown, { first, after }: { first: number; after?: string | null }, c: Ctx) =>
    connection(await c.store.findNodes({ kinds: ['Letter'] }, { first, after })),
  letter: (_: unknown, { source }: { source: string }, c: Ctx) => c.nodes.load(`Letter:${source}`),
  proposals: async (_: unknown, { first, after }: { first: number; after?: string | null }, c: Ctx) =>
    connection(await c.store.findNodes({ kinds: ['Proposal'] }, { first, after })),
  commitments: async (
    _: unknown,
    {
      filter,
      first,
      after,
    }: {
      filter?: {
        chain?: string | null;
        year?: number | null;
        letter?: string | null;
        unit?: string | null;
        text?: string | null;
      } | null;
      first: number;
      after?: string | null;
    },
    c: Ctx,
  ) =>
    connection(
      await c.store.commitments(
        {
          chain: chainArg(filter?.chain),
          year: filter?.year ?? undefined,
          letter: filter?.letter ? await letterId(c, filter.letter) : undefined,
          unit: filter?.unit ?? undefined,
          text: filter?.text ?? undefined,
        },
        { first, after },
      ),
    ),
  neighbourhood: (
    _: unknown,
    a: { ids: string[]; depth: number; kinds?: NodeKind[] | null; edgeTypes?: string[] | null; limit: number },
    c: Ctx,
  ) =>
    c.store.neighbourhood(listArg('ids', a.ids), {
      depth: a.depth,
      kinds: [...listArg('kinds', a.kinds, 20)],
      edgeTypes: [...listArg('edgeTypes', a.edgeTypes, 20)] as never,
      limit: a.limit,
    }),
  overview: (_: unknown, a: { kinds?: NodeKind[] | null; edgeTypes?: string[] | null; limit: number }, c: Ctx) =>
    c.store.overview({
      kinds: [...listArg('kinds', a.kinds, 20)],
      edgeTypes: [...listArg('edgeTypes', a.edgeTypes, 20)] as never,
      limit: a.limit,
    }),
  path: (
    _: unknown,
    { from, to, maxHops, edgeTypes }: { from: string; to: string; maxHops: number; edgeTypes?: string[] | null },
    c: Ctx,
  ) => c.store.shortestPath(from, to, maxHops, [...listArg('edgeTypes', edgeTypes, 20)] as never),
  chainMatrix: async (_: unknown, { bases }: { bases?: string[] | null }, c: Ctx) => {
    const pairs = await c.store.chainMatrix({ bases: basesArg(bases) });
    return pairs.map((p) => ({ ...p, a: `Chain:${p.a}`, b: `Chain:${p.b}` }));
  },
  connections: async (
    _: unknown,
    a: { from: string; to: string; maxHops: number; first: number; includeHubs: boolean },
    c: Ctx,
  ) => {
    const [from, to] = [await nodeByIdOrName(c, a.from, 'from'), await nodeByIdOrName(c, a.to, 'to')];
    if (from.id === to.id)
      throw new GraphQLError(`from and to are the same thing (${from.id})`, { extensions: { code: 'BAD_REQUEST' } });
    return findConnections(c.store, from, to, { maxHops: a.maxHops, first: a.first, includeHubs: a.includeHubs });
  },
  recurring: async (
    _: unknown,
    a: {
      kinds?: NodeKind[] | null;
      minLetters: number;
      includeHeaderAndFooter?: boolean | null;
      first: number;
      after?: string | null;
    },
    c: Ctx,
  ) => {
    if (!Number.isInteger(a.minLetters) || a.minLetters < 1)
      throw new GraphQLError(`minLetters must be a whole number ≥ 1, got ${a.minLetters}`, {
        extensions: { code: 'BAD_REQUEST' },
      });
    const options = {
      kinds: [...listArg('kinds', a.kinds, 20)],
      minLetters: a.minLetters,
      includeHeaderAndFooter: a.includeHeaderAndFooter === true,
    };
    const page = await c.store.recurring(options, { first: a.first, after: a.after });
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      nodes: page.items,
    };
  },
  stats: (_: unknown, _a: unknown, c: Ctx) => c.store.stats(),
  letterSpans: async (_: unknown, { source }: { source: string }, c: Ctx) => {
    const id = `Letter:${source}`;
    const linked = [...new Set((await c.store.edgesOf([id])).map((e) => (e.source === id ? e.target : e.source)))];
    const nodes: GraphNode[] = [];
    for (let i = 0; i < linked.length; i += LIMITS.ids)
      nodes.push(
        ...(await c.store.getNodes(linked.slice(i, i + LIMITS.ids))).filter((n): n is GraphNode => n !== null),
      );
    // A hub named by thousands of letters keeps all its mentions; only this letter's are wanted.
    return nodes
      .flatMap((node) =>
        node.mentions.filter((m) => m.letter === id).map((m) => ({ node, start: m.start, end: m.end })),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
  },
  appearances: async (_: unknown, { ids }: { ids: string[] }, c: Ctx) => {
    const nodes = await c.store.getNodes(listArg('ids', ids));
    return Promise.all(
      nodes
        .filter((n): n is GraphNode => n !== null)
        .map(async (node) => {
          const letterIds = [...new Set(node.mentions.map((m) => m.letter))];
          const letters = await c.nodes.loadMany(letterIds);
          const dates = letters
            .map((l) => (l && !(l instanceof Error) ? l.props.date : null))
            .filter((d): d is string => typeof d === 'string' && /^\d{4}/.test(d))
            .sort();
          return {
            id: node.id,
            first: dates[0] ?? null,
            last: dates.at(-1) ?? null,
            years: [...new Set(dates.map((d) => Number(d.slice(0, 4))))],
            letters: letterIds.length,
          };
        }),
    );
  },
};

export const rootTypes = {
  Recurring: {
    letterCount: (r: RecurringNode) => r.letters.length,
    // Each letter's mentions are grouped once (a thing many letters name has thousands), and their sentences
    // are found only when asked for.
    letters: (r: RecurringNode) => {
      const byLetter = new Map<string, Evidence[]>(r.letters.map((id) => [id, []]));
      for (const m of r.node.mentions) byLetter.get(m.letter)?.push(m);
      return r.letters.map((id) => ({ id, mentions: byLetter.get(id)! }));
    },
  },
  RecurringLetter: {
    letter: ({ id }: { id: string }, _a: unknown, c: Ctx) => c.nodes.load(id),
    sentences: ({ mentions }: { mentions: Evidence[] }, _a: unknown, c: Ctx) => mentionViews(c, mentions),
  },
  Connection: {
    cost: (p: { cost: number }) => p.cost,
  },
  LetterCount: {
    letter: (row: { letter: string }, _a: unknown, c: Ctx) => c.nodes.load(row.letter),
  },
};
