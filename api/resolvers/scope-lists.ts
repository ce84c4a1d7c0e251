import { GraphQLError } from 'graphql';
import type { GraphNode, NodeKind } from '../../domain/model.ts';
import { pageOf } from '../../store/paging.ts';
import { LIMITS, type Subgraph } from '../../store/port.ts';
import type { InnographContext } from '../context.ts';
import type { BookEntry } from './ledger-book.ts';
import { ledgerQuery } from './ledger.ts';
import { allOfKind, isScoped, type LetterScopeArg, lettersInScope, namedInScope } from './letter-scope.ts';
import { overviewByPlace } from './place-overview.ts';
import { query } from './query.ts';

/**
 * The explorer's facet over places and years (api/places.graphql): which of
 * the things on screen a letter in scope names (and which only through
 * undated letters), the years the letters span, the first view drawn from
 * every place, and the ledger kept to a scope as the other lists are.
 */
type Ctx = InnographContext;
type Resolver = (parent: unknown, args: Record<string, unknown>, c: Ctx) => Promise<unknown>;
const plain = query as unknown as Record<string, Resolver>;

/** inScope: of the ids given (or of every thing of the kinds given), those a letter in scope names. */
async function inScope(
  _p: unknown,
  a: { scope: LetterScopeArg; ids?: string[] | null; kinds?: NodeKind[] | null },
  c: Ctx,
): Promise<Array<{ id: string; undated: boolean }>> {
  if (!a.ids?.length && !a.kinds?.length)
    throw new GraphQLError('inScope needs ids or kinds: the things to keep to the scope', {
      extensions: { code: 'BAD_REQUEST' },
    });
  if ((a.ids?.length ?? 0) > LIMITS.overviewNodes)
    throw new GraphQLError(`inScope takes at most ${LIMITS.overviewNodes} ids, got ${a.ids!.length}`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  const letters = await lettersInScope(c, a.scope);
  const dated = a.scope.from || a.scope.to ? await lettersInScope(c, { ...a.scope, includeUndated: false }) : letters;
  const things: GraphNode[] = [];
  if (a.ids?.length)
    for (let i = 0; i < a.ids.length; i += LIMITS.ids)
      things.push(
        ...(await c.store.getNodes(a.ids.slice(i, i + LIMITS.ids))).filter((n): n is GraphNode => n !== null),
      );
  else for (const kind of a.kinds!) things.push(...(await allOfKind(c, kind)));
  return things
    .filter((n) => namedInScope(n, letters))
    .map((n) => ({ id: n.id, undated: !namedInScope(n, dated) }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** The years the letters are of, with how many letters each; undated letters are counted apart. */
async function letterYears(_p: unknown, _a: unknown, c: Ctx) {
  const counts = new Map<number, number>();
  for (const letter of await allOfKind(c, 'Letter')) {
    const year = yearOf(letter);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, letters]) => ({ year, letters }));
}

async function undatedLetters(_p: unknown, _a: unknown, c: Ctx): Promise<number> {
  return (await allOfKind(c, 'Letter')).filter((l) => yearOf(l) === null).length;
}

const yearOf = (letter: GraphNode): number | null =>
  typeof letter.props.year === 'number'
    ? letter.props.year
    : typeof letter.props.date === 'string' && /^\d{4}/.test(letter.props.date)
      ? Number(letter.props.date.slice(0, 4))
      : null;

/** The ledger's promises of which a letter in scope states one (a promise restated across letters is in if any is). */
async function ledger(_p: unknown, a: Record<string, unknown>, c: Ctx) {
  const scope = a.scope as LetterScopeArg | null | undefined;
  const run = ledgerQuery.ledger as unknown as Resolver;
  if (!isScoped(scope)) return run(_p, a, c);
  const letters = await lettersInScope(c, scope);
  const all: BookEntry[] = [];
  for (let after: string | null = null; ;) {
    const page = (await run(_p, { filter: a.filter, first: LIMITS.pageSize, after }, c)) as {
      nodes: BookEntry[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    all.push(...page.nodes.filter((entry) => [...entry.letters].some((l) => letters.has(l))));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const page = pageOf(all, { first: Number(a.first ?? 50), after: (a.after as string) ?? null });
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    nodes: page.items,
  };
}

async function overview(_p: unknown, a: Record<string, unknown>, c: Ctx): Promise<Subgraph> {
  const args = {
    kinds: (a.kinds as NodeKind[] | null) ?? [],
    edgeTypes: (a.edgeTypes as string[] | null) ?? [],
    limit: Number(a.limit ?? 2000),
    scope: a.scope as LetterScopeArg | null,
  };
  return overviewByPlace(c, args, (o) => plain.overview(_p, { ...a, ...o }, c) as Promise<Subgraph>);
}

export const scopeQuery = { inScope, letterYears, undatedLetters, ledger, overview };
