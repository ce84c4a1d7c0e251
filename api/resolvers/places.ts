import { GraphQLError } from 'graphql';
import type { GraphNode } from '../../domain/model.ts';
import { decodeCursor, encodeCursor, pageOf } from '../../store/paging.ts';
import { pairsWithin } from '../../store/chain-matrix.ts';
import { type ChainPair, LIMITS, type Page } from '../../store/port.ts';
import type { InnographContext } from '../context.ts';
import {
  allOfKind,
  isScoped,
  KIND_OF_ENUM,
  type LetterScopeArg,
  lettersInScope,
  namedInScope,
  placesNamed,
} from './letter-scope.ts';
import { entityFields } from './entity-fields.ts';
import { query } from './query.ts';
import { scopeQuery } from './scope-lists.ts';

/**
 * Places, letter kinds and dates in the API (api/places.graphql): the places
 * tree, the Place type, a Letter's place and kind, compare(), and the scope
 * argument of letters, commitments, chainMatrix, recurring and search — each
 * of those wraps the plain resolver and keeps what a letter in scope names.
 */
type Ctx = InnographContext;
type Resolver = (parent: unknown, args: Record<string, unknown>, c: Ctx) => Promise<unknown>;
interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function connectionOf<T>(page: Page<T>, start: number) {
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    nodes: page.items,
    edges: page.items.map((node, i) => ({ node, cursor: encodeCursor(start + i + 1) })),
  };
}

/** Every item of a paged resolver, page by page. */
async function everything<T>(resolver: Resolver, args: Record<string, unknown>, c: Ctx): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await resolver(null, { ...args, first: LIMITS.pageSize, after }, c)) as Connection<T>;
    items.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return items;
    after = page.pageInfo.endCursor;
  }
}

const pageArgs = (a: Record<string, unknown>) => ({ first: Number(a.first ?? 20), after: (a.after as string) ?? null });
const startOf = (after: string | null) => decodeCursor(after);

const plain = query as unknown as Record<string, Resolver>;

/** letters, commitments, chainMatrix, recurring and search with a scope: the plain answer, kept to the letters in scope. */
const scoped: Record<string, Resolver> = {
  letters: async (_p, a, c) => {
    if (!isScoped(a.scope as LetterScopeArg)) return plain.letters(_p, a, c);
    const letters = await lettersInScope(c, a.scope as LetterScopeArg);
    const all = (await allOfKind(c, 'Letter')).filter((l) => letters.has(l.id));
    const page = pageOf(all, pageArgs(a));
    return connectionOf(page, startOf(pageArgs(a).after));
  },
  commitments: async (_p, a, c) => {
    if (!isScoped(a.scope as LetterScopeArg)) return plain.commitments(_p, a, c);
    const letters = await lettersInScope(c, a.scope as LetterScopeArg);
    const all = (await everything<GraphNode>(plain.commitments, { filter: a.filter }, c)).filter((n) =>
      namedInScope(n, letters),
    );
    const page = pageOf(all, pageArgs(a));
    return connectionOf(page, startOf(pageArgs(a).after));
  },
  recurring: async (_p, a, c) => {
    if (!isScoped(a.scope as LetterScopeArg)) return plain.recurring(_p, a, c);
    const letters = await lettersInScope(c, a.scope as LetterScopeArg);
    const all = (await everything<{ node: GraphNode; letters: string[] }>(plain.recurring, { ...a, scope: null }, c))
      .map((r) => ({ ...r, letters: r.letters.filter((l) => letters.has(l)) }))
      .filter((r) => r.letters.length >= Number(a.minLetters ?? 2));
    const page = pageOf(all, pageArgs(a));
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      nodes: page.items,
    };
  },
  chainMatrix: async (_p, a, c) => {
    const pairs = (await plain.chainMatrix(_p, a, c)) as ChainPair[];
    if (!isScoped(a.scope as LetterScopeArg)) return pairs;
    return matrixIn(pairs, await lettersInScope(c, a.scope as LetterScopeArg));
  },
  search: async (_p, a, c) => {
    if (!isScoped(a.scope as LetterScopeArg)) return plain.search(_p, a, c);
    const letters = await lettersInScope(c, a.scope as LetterScopeArg);
    const hits = (await plain.search(_p, { ...a, first: LIMITS.searchResults }, c)) as Array<{ node: GraphNode }>;
    return hits.filter((h) => namedInScope(h.node, letters)).slice(0, Number(a.first ?? 10));
  },
};

/** The chain matrix kept to the letters in scope: the chain stage's own scoping (store/chain-matrix.ts). */
function matrixIn(pairs: ChainPair[], letters: Set<string>): ChainPair[] {
  return pairsWithin(pairs, letters);
}

interface PlaceTree {
  place: GraphNode;
  letters: number;
  sure: number;
  children: PlaceTree[];
}

async function placeTree(c: Ctx): Promise<{ roots: PlaceTree[]; unknown: number }> {
  const places = await allOfKind(c, 'Place');
  const trees = new Map(
    places.map((p) => [String(p.props.code), { place: p, letters: 0, sure: 0, children: [] as PlaceTree[] }]),
  );
  let unknown = 0;
  for (const letter of await allOfKind(c, 'Letter')) {
    const path = Array.isArray(letter.props.placePath) ? (letter.props.placePath as string[]) : [];
    if (path.length === 0) unknown++;
    for (const code of path) {
      const tree = trees.get(code);
      if (!tree) continue;
      tree.letters++;
      if (letter.props.placeConfidence === 'high') tree.sure++;
    }
  }
  const roots: PlaceTree[] = [];
  for (const tree of [...trees.values()].sort((a, b) =>
    String(a.place.props.code).localeCompare(String(b.place.props.code)),
  )) {
    const parent = tree.place.props.parent ? trees.get(String(tree.place.props.parent)) : undefined;
    (parent ? parent.children : roots).push(tree);
  }
  return { roots, unknown };
}

async function compare(_p: unknown, a: { places: string[]; scope?: LetterScopeArg | null }, c: Ctx) {
  if (a.places.length < 2 || a.places.length > 6)
    throw new GraphQLError(`compare takes two to six places, got ${a.places.length}`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  const places = await placesNamed(c, a.places);
  const base = isScoped(a.scope) ? await lettersInScope(c, a.scope) : null;
  const matrix = (await plain.chainMatrix(null, {}, c)) as Parameters<typeof matrixIn>[0];
  const commitments = await everything<GraphNode>(plain.commitments, {}, c);
  const recurring = await everything<{ node: GraphNode; letters: string[] }>(plain.recurring, { minLetters: 1 }, c);
  const compared = await Promise.all(
    places.map(async (place) => {
      const letters = await lettersInScope(c, { places: [String(place.props.code)] });
      if (base) for (const id of [...letters]) if (!base.has(id)) letters.delete(id);
      return { place, letters };
    }),
  );
  const perPlace = await Promise.all(
    compared.map(async ({ place, letters }) => ({
      place,
      letters: (await c.nodes.loadMany([...letters].sort())).filter(
        (n): n is GraphNode => !!n && !(n instanceof Error),
      ),
      chainMatrix: matrixIn(matrix, letters),
      commitments: await byIndicatorAndYear(
        c,
        commitments.filter((n) => letters.has(String(n.props.letter))),
      ),
    })),
  );
  const shared = recurring
    .map((r) => ({
      node: r.node,
      places: compared.filter(({ letters }) => r.letters.some((l) => letters.has(l))).map((p) => p.place),
    }))
    .filter((s) => s.places.length >= 2)
    .sort((x, y) => y.places.length - x.places.length || (x.node.id < y.node.id ? -1 : 1));
  return { places: perPlace, shared };
}

async function byIndicatorAndYear(c: Ctx, commitments: GraphNode[]) {
  const groups = new Map<string, { indicator: GraphNode | null; year: number | null; commitments: GraphNode[] }>();
  for (const commitment of commitments) {
    const measures = (await c.edges.load(commitment.id)).find(
      (e) => e.type === 'MEASURES' && e.source === commitment.id,
    );
    const indicator = measures ? await c.nodes.load(measures.target) : null;
    const year = typeof commitment.props.year === 'number' ? commitment.props.year : null;
    const key = `${indicator?.id ?? ''}|${year ?? ''}`;
    const group = groups.get(key) ?? { indicator, year, commitments: [] };
    group.commitments.push(commitment);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      (a.indicator?.name ?? '\uffff').localeCompare(b.indicator?.name ?? '\uffff') || (a.year ?? 0) - (b.year ?? 0),
  );
}

const placeOfLetter = async (letter: GraphNode, _a: unknown, c: Ctx) =>
  typeof letter.props.place === 'string' ? c.nodes.load(`Place:${letter.props.place}`) : null;

export const placeQuery = {
  ...scoped,
  ...scopeQuery,
  places: async (_p: unknown, _a: unknown, c: Ctx) => (await placeTree(c)).roots,
  unknownPlace: async (_p: unknown, _a: unknown, c: Ctx) => (await placeTree(c)).unknown,
  compare,
};

const placeTypes = {
  Place: {
    ...entityFields,
    code: (n: GraphNode) => n.props.code,
    level: (n: GraphNode) => n.props.level,
    fullName: (n: GraphNode) => n.props.fullName ?? n.name,
    parent: (n: GraphNode, _a: unknown, c: Ctx) => (n.props.parent ? c.nodes.load(`Place:${n.props.parent}`) : null),
    children: async (n: GraphNode, _a: unknown, c: Ctx) => {
      const edges = (await c.edges.load(n.id)).filter(
        (e) => e.type === 'IN_PLACE' && e.target === n.id && e.source.startsWith('Place:'),
      );
      const nodes = await c.nodes.loadMany(edges.map((e) => e.source).sort());
      return nodes.filter((x): x is GraphNode => !!x && !(x instanceof Error));
    },
    letterTotal: async (n: GraphNode, _a: unknown, c: Ctx) =>
      (await lettersInScope(c, { places: [String(n.props.code)] })).size,
  },
  Letter: {
    place: placeOfLetter,
    placeSource: (n: GraphNode) => n.props.placeSource ?? null,
    placeConfidence: (n: GraphNode) => n.props.placeConfidence ?? null,
    placeUnknown: (n: GraphNode) => n.props.placeUnknown ?? null,
    letterKind: (n: GraphNode) => n.props.letterKind ?? 'reply',
    leadUnit: (n: GraphNode) => n.props.leadUnit ?? null,
    year: (n: GraphNode) => n.props.year ?? null,
    yearSource: (n: GraphNode) => n.props.yearSource ?? null,
  },
};

/** The type resolvers with the Place type and the Letter's place, kind and year fields added. */
export function withPlaces(types: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  return {
    ...types,
    LetterKind: KIND_OF_ENUM,
    Place: placeTypes.Place,
    Letter: { ...types.Letter, ...placeTypes.Letter },
  };
}
