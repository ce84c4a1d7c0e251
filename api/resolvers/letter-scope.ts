import { GraphQLError } from 'graphql';
import type { GraphNode, NodeKind } from '../../domain/model.ts';
import { type GraphStore, LIMITS } from '../../store/port.ts';
import type { InnographContext } from '../context.ts';

/**
 * The letters a LetterScope keeps (api/places.graphql): of some places (any
 * level, through each letter's placePath), issuers, kinds and dates. Computed
 * from the Letter and Place nodes every store holds, so both stores answer the
 * same; the lists it narrows are filtered by "a letter in scope names it".
 */
export interface LetterScopeArg {
  places?: string[] | null;
  issuers?: string[] | null;
  kinds?: string[] | null;
  from?: string | null;
  to?: string | null;
  includeUndated?: boolean | null;
}

// GraphQL enum names are ASCII; the graph keeps the letters' own words.
export const KIND_OF_ENUM: Record<string, string> = {
  reply: 'reply',
  lead_opinion: '主办意见',
  joint_opinion: '会办意见',
  assisting_opinion: '协办意见',
};

export function isScoped(scope: LetterScopeArg | null | undefined): scope is LetterScopeArg {
  return (
    !!scope &&
    ((scope.places?.length ?? 0) > 0 ||
      (scope.issuers?.length ?? 0) > 0 ||
      (scope.kinds?.length ?? 0) > 0 ||
      !!scope.from ||
      !!scope.to)
  );
}

/**
 * Every node of a kind, page by page; read once per version of the graph where the store keeps answers
 * (GraphStore.memo): the facet asks for every letter with each change, 10,000 of them in a national archive.
 */
export async function allOfKind(c: InnographContext, kind: NodeKind): Promise<GraphNode[]> {
  const read = async (store: GraphStore) => {
    const nodes: GraphNode[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.findNodes({ kinds: [kind] }, { first: LIMITS.pageSize, after });
      nodes.push(...page.items);
      if (!page.hasNextPage) return nodes;
      after = page.endCursor;
    }
  };
  return c.store.memo ? c.store.memo(`all-of-kind:${kind}`, read) : read(c.store);
}

/** The Place nodes a list of codes or names means; a name no place of the archive bears is a NOT_FOUND error. */
export async function placesNamed(c: InnographContext, names: string[]): Promise<GraphNode[]> {
  const places = await allOfKind(c, 'Place');
  return names.map((asked) => {
    const wanted = asked.trim();
    const found = places.filter(
      (p) => p.props.code === wanted || p.name === wanted || p.props.fullName === wanted || p.id === wanted,
    );
    if (found.length === 1) return found[0];
    if (found.length > 1)
      throw new GraphQLError(
        `${wanted} names ${found.length} places (${found.map((p) => `${p.props.fullName} ${p.props.code}`).join(', ')}); give the code or the full name`,
        { extensions: { code: 'BAD_REQUEST' } },
      );
    throw new GraphQLError(
      `no letter of the archive is from a place named ${wanted}; the places query lists those there are`,
      { extensions: { code: 'NOT_FOUND' } },
    );
  });
}

const dayOf = (value: string, end: boolean) =>
  /^\d{4}$/.test(value)
    ? `${value}-${end ? '12-31' : '01-01'}`
    : /^\d{4}-\d{2}$/.test(value)
      ? `${value}-${end ? '31' : '01'}`
      : value;

/** The ids of the letters in scope. */
export async function lettersInScope(c: InnographContext, scope: LetterScopeArg): Promise<Set<string>> {
  const codes = scope.places?.length
    ? new Set((await placesNamed(c, scope.places)).map((p) => String(p.props.code)))
    : null;
  const kinds = scope.kinds?.length ? new Set(scope.kinds.map((k) => KIND_OF_ENUM[k] ?? k)) : null;
  const issuers = scope.issuers?.length ? new Set(scope.issuers.map((i) => i.trim())) : null;
  const from = scope.from ? dayOf(scope.from, false) : null;
  const to = scope.to ? dayOf(scope.to, true) : null;
  const keepUndated = scope.includeUndated !== false;
  const kept = new Set<string>();
  for (const letter of await allOfKind(c, 'Letter')) {
    const p = letter.props;
    if (codes && !(Array.isArray(p.placePath) && (p.placePath as string[]).some((code) => codes.has(code)))) continue;
    if (kinds && !kinds.has(String(p.letterKind ?? 'reply'))) continue;
    if (issuers && !issuers.has(String(p.issuer ?? ''))) continue;
    if (from || to) {
      // An undated letter with only its doc number's year is placed at that year.
      const date = typeof p.date === 'string' ? p.date : null;
      const year = typeof p.year === 'number' ? p.year : null;
      if (!date && year === null) {
        if (!keepUndated) continue;
      } else {
        const first = date ?? `${year}-01-01`;
        const last = date ?? `${year}-12-31`;
        if ((from && last < from) || (to && first > to)) continue;
      }
    }
    kept.add(letter.id);
  }
  return kept;
}

/** Does a letter in scope name the node (or is it one)? */
export function namedInScope(node: GraphNode, letters: Set<string>): boolean {
  if (node.kind === 'Letter') return letters.has(node.id);
  if (node.kind === 'Commitment' || node.kind === 'Achievement') return letters.has(String(node.props.letter));
  return node.mentions.some((m) => letters.has(m.letter));
}
