import type { Filters } from './filters.ts';
import type { Lang } from './i18n.ts';

/**
 * The part of the state a link carries: view, selection, filters, language,
 * path ends, the letter shown. Encoded as query parameters so a view can be
 * shared and survives a reload.
 */
export type View = 'graph' | 'chains' | 'letter' | 'commitments' | 'ledger' | 'compare';
export const VIEWS: View[] = ['graph', 'chains', 'letter', 'commitments', 'ledger', 'compare'];

export interface UrlState {
  view: View;
  selected: string | null;
  filters: Filters;
  lang: Lang;
  pathFrom: string | null;
  pathTo: string | null;
  letterSource: string | null;
  /** The whole graph instead of the summary of the most-mentioned things. */
  whole: boolean;
  /** Where the letter reader scrolls to: a character offset into the letter's text. */
  letterAt: number | null;
  /** Paths may run through the links every letter has (cc, issuer, contacts, the chains). */
  hubs: boolean;
  /** What colours the map: community, kind, chain or place. */
  colour: 'community' | 'kind' | 'chain' | 'place';
  /** Where the map or the canvas looks: zoom and the point at the centre (map or canvas units); null: fitted. */
  camera: { zoom: number; x: number; y: number } | null;
  /** The things expanded on the canvas, in order (an expand is replayed after a reload). */
  expanded: string[];
  /** The four-chain matrix's open cell: its two chains. */
  cell: string | null;
  /** The map's community lit from the legend. */
  community: number | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  view: 'graph',
  selected: null,
  filters: { kinds: [], edgeTypes: [], chain: null, letter: null, year: null, places: [] },
  lang: 'zh',
  pathFrom: null,
  pathTo: null,
  letterSource: null,
  whole: false,
  letterAt: null,
  hubs: false,
  colour: 'community',
  camera: null,
  expanded: [],
  cell: null,
  community: null,
};

const COLOURS = ['community', 'kind', 'chain', 'place'] as const;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** zoom,x,y as written by encodeUrlState; anything else is no camera (the view is fitted). */
function camera(value: string | null): UrlState['camera'] {
  const parts = (value ?? '').split(',');
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) return null;
  const [zoom, x, y] = parts.map(Number);
  return zoom > 0 ? { zoom, x, y } : null;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const view = p.get('view') as View | null;
  return {
    view: view && VIEWS.includes(view) ? view : 'graph',
    selected: p.get('node'),
    filters: {
      kinds: list(p.get('kinds')),
      edgeTypes: list(p.get('edges')),
      chain: p.get('chain'),
      letter: p.get('letter'),
      year: /^\d{4}$/.test(p.get('year') ?? '') ? Number(p.get('year')) : null,
      // GB/T 2260 codes: six digits each.
      places: list(p.get('places')).filter((code) => /^\d{6}$/.test(code)),
    },
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    pathFrom: p.get('from'),
    pathTo: p.get('to'),
    letterSource: p.get('source'),
    whole: p.get('all') === '1',
    letterAt: /^\d+$/.test(p.get('at') ?? '') ? Number(p.get('at')) : null,
    hubs: p.get('hubs') === '1',
    colour: COLOURS.find((c) => c === p.get('colour')) ?? 'community',
    camera: camera(p.get('camera')),
    // Ids hold commas (a list item's name): the expanded things are separated by a line feed.
    expanded: (p.get('expanded') ?? '').split('\n').filter(Boolean),
    cell: p.get('cell'),
    community: /^\d+$/.test(p.get('community') ?? '') ? Number(p.get('community')) : null,
  };
}

export function encodeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.view !== 'graph') p.set('view', state.view);
  if (state.selected) p.set('node', state.selected);
  if (state.filters.kinds.length > 0) p.set('kinds', state.filters.kinds.join(','));
  if (state.filters.edgeTypes.length > 0) p.set('edges', state.filters.edgeTypes.join(','));
  if (state.filters.chain) p.set('chain', state.filters.chain);
  if (state.filters.letter) p.set('letter', state.filters.letter);
  if (state.filters.year !== null) p.set('year', String(state.filters.year));
  if (state.filters.places.length > 0) p.set('places', state.filters.places.join(','));
  if (state.lang !== 'zh') p.set('lang', state.lang);
  if (state.pathFrom) p.set('from', state.pathFrom);
  if (state.pathTo) p.set('to', state.pathTo);
  if (state.letterSource) p.set('source', state.letterSource);
  if (state.whole) p.set('all', '1');
  if (state.letterAt !== null) p.set('at', String(state.letterAt));
  if (state.hubs) p.set('hubs', '1');
  if (state.colour !== 'community') p.set('colour', state.colour);
  if (state.camera)
    p.set(
      'camera',
      [state.camera.zoom.toPrecision(4), Math.round(state.camera.x), Math.round(state.camera.y)].join(','),
    );
  if (state.expanded.length > 0) p.set('expanded', state.expanded.join('\n'));
  if (state.cell) p.set('cell', state.cell);
  if (state.community !== null) p.set('community', String(state.community));
  const text = p.toString();
  return text ? `?${text}` : '';
}
