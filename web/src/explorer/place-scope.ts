import type { Gql } from '../api-client.ts';
import { facetKey, facetOn, type Filters } from '../filters.ts';
import { type PlaceCount, PLACE_COUNT_FIELDS } from '../model.ts';
import type { Store } from '../state.ts';

/**
 * The place and year facet's questions to the API: the archive's places (a
 * tree with counts) and years once, and, while the facet is on, which of the
 * things drawn a letter in scope names (inScope) — asked only for things not
 * judged yet, 500 at a time, and dropped when the facet changes meanwhile.
 */
export interface ScopeArg {
  places?: string[];
  from?: string;
  to?: string;
}

/** The API's LetterScope for the facet: its places, and its year as a date range (undated letters kept). */
export function scopeOf(filters: Filters, withYear = true): ScopeArg | null {
  const scope: ScopeArg = {};
  if (filters.places.length > 0) scope.places = filters.places;
  if (withYear && filters.year !== null) scope.from = scope.to = String(filters.year);
  return Object.keys(scope).length > 0 ? scope : null;
}

export async function loadArchive(store: Store, gql: Gql): Promise<void> {
  const data = await gql<{
    places: PlaceCount[];
    unknownPlace: number;
    letterYears: Array<{ year: number; letters: number }>;
    undatedLetters: number;
  }>(`query Archive { places { ${PLACE_COUNT_FIELDS} } unknownPlace letterYears { year letters } undatedLetters }`);
  store.set({
    archive: {
      places: data.places,
      unknownPlace: data.unknownPlace,
      years: data.letterYears,
      undated: data.undatedLetters,
    },
  });
}

const CHUNK = 500;

/** Judges the drawn things not judged yet under the current facet (the canvas). */
export async function judgeDrawn(store: Store, gql: Gql): Promise<void> {
  const { filters, nodes } = store.get();
  if (!facetOn(filters)) return;
  const key = facetKey(filters);
  const before = store.get().scope;
  const same = before?.key === key;
  const asked = new Set(same ? before.asked : []);
  const kept = new Map(same ? before.kept : []);
  const missing = [...nodes.keys()].filter((id) => !asked.has(id));
  if (missing.length === 0) return;
  for (let i = 0; i < missing.length; i += CHUNK) {
    const ids = missing.slice(i, i + CHUNK);
    const data = await gql<{ inScope: Array<{ id: string; undated: boolean }> }>(
      'query Facet($scope: LetterScope!, $ids: [ID!]) { inScope(scope: $scope, ids: $ids) { id undated } }',
      { scope: scopeOf(filters), ids },
    );
    if (facetKey(store.get().filters) !== key) return;
    for (const id of ids) asked.add(id);
    for (const thing of data.inScope) kept.set(thing.id, thing.undated);
  }
  store.set({ scope: { key, asked, kept } });
}

/** What the facet keeps of every thing of these kinds (the map): id → only undated letters name it. */
export async function judgeKinds(gql: Gql, filters: Filters, kinds: string[]): Promise<Map<string, boolean>> {
  const data = await gql<{ inScope: Array<{ id: string; undated: boolean }> }>(
    'query MapFacet($scope: LetterScope!, $kinds: [NodeKind!]) { inScope(scope: $scope, kinds: $kinds) { id undated } }',
    { scope: scopeOf(filters), kinds },
  );
  return new Map(data.inScope.map((t) => [t.id, t.undated]));
}
