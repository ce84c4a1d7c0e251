import { type FacetScope, type Filters, NO_FILTERS } from './filters.ts';
import type { Lang } from './i18n.ts';
import type { ApiNode, PlaceCount } from './model.ts';
import { decodeUrlState, encodeUrlState, type UrlState, type View } from './url-state.ts';

/**
 * The page's state and the actions that change it. Views subscribe and
 * derive what they show (highlight, fade, filters) from it at render time;
 * only actions mutate it. The URL mirrors the shareable part.
 */
export interface State extends UrlState {
  status: 'loading' | 'ready' | 'empty' | 'error';
  error: string | null;
  /** Nodes on the canvas, by id (for the details panel and the tests). */
  nodes: Map<string, ApiNode>;
  hidden: Set<string>;
  pinned: Set<string>;
  /** Ids each expand added, newest last, for undo. */
  expansions: string[][];
  pathIds: string[];
  pathMessage: string | null;
  /** The bases the four-chain view counts ties on. */
  chainBases: string[];
  /** A node to bring onto the canvas and centre (from a link in another view). */
  reveal: string | null;
  /** The years of the letters that mention each drawn node (for the year filter). */
  years: ReadonlyMap<string, readonly number[]>;
  /** The chains each drawn node advances (for the chain filter), asked for with the years. */
  chainsOf: ReadonlyMap<string, readonly string[]>;
  /** What the letter filter's letter mentions (null until asked). */
  letterNodes: ReadonlySet<string> | null;
  /** The archive's places with their letters (the place facet), its letters' years and how many are undated; null until asked. */
  archive: {
    places: PlaceCount[];
    unknownPlace: number;
    years: Array<{ year: number; letters: number }>;
    undated: number;
  } | null;
  /** What the API kept of the drawn things under the place and year facet. */
  scope: FacetScope | null;
}

type Listener = (state: State, changed: Set<keyof State>) => void;

export interface Store {
  get(): State;
  set(patch: Partial<State>): void;
  subscribe(listener: Listener): () => void;
}

export function createState(search: string): Store {
  let state: State = {
    ...decodeUrlState(search),
    status: 'loading',
    error: null,
    nodes: new Map(),
    hidden: new Set(),
    pinned: new Set(),
    expansions: [],
    pathIds: [],
    pathMessage: null,
    chainBases: ['NAME', 'HEADING', 'SENTENCE', 'VOCABULARY'],
    reveal: null,
    years: new Map(),
    chainsOf: new Map(),
    letterNodes: null,
    archive: null,
    scope: null,
  };
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      const changed = new Set(Object.keys(patch) as Array<keyof State>);
      for (const listener of listeners) listener(state, changed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const actions = {
  select: (store: Store, id: string | null) => store.set({ selected: id }),
  setView: (store: Store, view: View) => store.set({ view }),
  setLang: (store: Store, lang: Lang) => store.set({ lang }),
  setFilters: (store: Store, filters: Partial<Filters>) =>
    store.set({ filters: { ...store.get().filters, ...filters } }),
  resetFilters: (store: Store) =>
    store.set({ filters: NO_FILTERS, hidden: new Set(), pathIds: [], pathMessage: null, pathFrom: null, pathTo: null }),
  hide: (store: Store, id: string) =>
    store.set({
      hidden: new Set([...store.get().hidden, id]),
      selected: store.get().selected === id ? null : store.get().selected,
    }),
  togglePin: (store: Store, id: string) => {
    const pinned = new Set(store.get().pinned);
    if (pinned.has(id)) pinned.delete(id);
    else pinned.add(id);
    store.set({ pinned });
  },
  pathEnd: (store: Store, end: 'from' | 'to', id: string) =>
    store.set(end === 'from' ? { pathFrom: id } : { pathTo: id }),
  /** Opens a letter in the reader, scrolled to the sentence starting at `at` when given. */
  openLetter: (store: Store, source: string, at: number | null = null) =>
    store.set({ view: 'letter', letterSource: source, letterAt: at }),
  clearPath: (store: Store) => store.set({ pathFrom: null, pathTo: null, pathIds: [], pathMessage: null }),
  setChainBases: (store: Store, chainBases: string[]) => store.set({ chainBases }),
  setHubs: (store: Store, hubs: boolean) => store.set({ hubs }),
  showInGraph: (store: Store, id: string) => store.set({ view: 'graph', selected: id, reveal: id }),
  setWhole: (store: Store, whole: boolean) => store.set({ whole, expansions: [], pathIds: [], pathMessage: null }),
  /** The place facet: these places (codes, any level) in every view. */
  setPlaces: (store: Store, places: string[]) =>
    store.set({ filters: { ...store.get().filters, places: [...new Set(places)] } }),
};

/** Keeps the URL in step with the state (replaceState: no history entry per click). */
export function syncUrl(store: Store, location: Location, history: History): void {
  store.subscribe((state) => {
    const search = encodeUrlState(state);
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
  });
}
