/**
 * Which elements a filter hides. Pure: it reads element data, so it is tested
 * in Node and applied by graph-view as a class.
 */
export interface Filters {
  /** Kinds shown; empty means all. */
  kinds: string[];
  /** Edge types shown; empty means all. */
  edgeTypes: string[];
  /** Only nodes that advance this chain (and the chain itself). */
  chain: string | null;
  /** Only nodes this letter mentions (and the letter itself). */
  letter: string | null;
  /** Only things mentioned by a letter of this year (undated letters kept, their things marked undated). */
  year: number | null;
  /** Only things a letter of these places names (GB/T 2260 codes, any level, several at once); empty: every place. */
  places: string[];
}

export const NO_FILTERS: Filters = { kinds: [], edgeTypes: [], chain: null, letter: null, year: null, places: [] };

/** Whether the place and year facet narrows anything. */
export const facetOn = (filters: Filters): boolean => filters.places.length > 0 || filters.year !== null;

/**
 * What the API said of the facet (api inScope) for the things asked: `kept` holds those a letter in scope names,
 * true when only undated letters do; a thing not asked yet is not judged.
 */
export interface FacetScope {
  /** The facet the answer is for (facetKey). */
  key: string;
  asked: ReadonlySet<string>;
  kept: ReadonlyMap<string, boolean>;
}

export const facetKey = (filters: Filters): string => `${filters.places.join(',')}|${filters.year ?? ''}`;

export interface NodeData {
  id: string;
  kind: string;
  chains?: string[];
}
export interface EdgeData {
  type: string;
  source: string;
  target: string;
}

/**
 * `letterNodes`: the ids the filter's letter mentions (asked of the API when the letter filter is set);
 * `years`: the years of the letters that mention each node (asked of the API as nodes are drawn);
 * `scope`: what the API kept of the place and year facet; once a node is judged there, it decides places and year.
 */
export function nodeVisible(
  node: NodeData,
  filters: Filters,
  letterNodes: ReadonlySet<string> | null = null,
  years: ReadonlyMap<string, readonly number[]> | null = null,
  scope: FacetScope | null = null,
): boolean {
  if (filters.kinds.length > 0 && !filters.kinds.includes(node.kind)) return false;
  if (
    filters.chain &&
    !(node.kind === 'Chain' && node.id === `Chain:${filters.chain}`) &&
    !(node.chains ?? []).includes(filters.chain)
  )
    return false;
  // Until the letter's nodes have come back from the API (letterNodes null), the letter filter hides nothing.
  if (filters.letter && letterNodes && node.id !== filters.letter && !letterNodes.has(node.id)) return false;
  const judged = facetOn(filters) && scope?.key === facetKey(filters) && scope.asked.has(node.id);
  if (judged) return scope!.kept.has(node.id);
  // Until the facet's answer comes: a node whose years have not come back yet stays until they do.
  if (filters.year !== null && years?.has(node.id) && !years.get(node.id)!.includes(filters.year)) return false;
  return true;
}

export function edgeVisible(edge: EdgeData, filters: Filters, visibleNodes: Set<string>): boolean {
  if (filters.edgeTypes.length > 0 && !filters.edgeTypes.includes(edge.type)) return false;
  return visibleNodes.has(edge.source) && visibleNodes.has(edge.target);
}
