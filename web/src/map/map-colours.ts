import { KIND_STYLE } from '../style.ts';
import type { MapData } from './map-data.ts';

/**
 * What a thing's colour on the map says: its community (Louvain), its kind,
 * the chain it advances most, or its place (once letters have places: issue
 * 22). One palette per mode; the legend (map-legend.ts) shows the same.
 */
export type ColourBy = 'community' | 'kind' | 'chain' | 'place';
export const COLOUR_MODES: ColourBy[] = ['community', 'kind', 'chain', 'place'];

/** Twenty colours told apart (Tableau 20, reordered so neighbours in the list differ); smaller communities are grey. */
export const COMMUNITY_PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#aec7e8',
  '#ffbb78',
  '#98df8a',
  '#ff9896',
  '#c5b0d5',
  '#c49c94',
  '#f7b6d2',
  '#9edae5',
  '#dbdb8d',
  '#393b79',
];
export const OTHER = '#c8ccd4';
/** Communities with a colour of their own (and a line of the legend); the smaller rest are grey. */
export const LISTED_COMMUNITIES = 12;

export const CHAIN_STRONG: Record<string, string> = {
  创新链: '#2563eb',
  产业链: '#16a34a',
  资金链: '#d97706',
  人才链: '#db2777',
};

/** The places present, most things first: the first twenty get a colour each. */
export function placesOf(map: MapData): string[] {
  const counts = new Map<string, number>();
  for (const p of map.nodes.place) if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
}

/** Each thing's colour under a mode, as one array (the renderer groups by colour to draw each in one path). */
export function colours(map: MapData, by: ColourBy): string[] {
  const n = map.nodes.id.length;
  const out = new Array<string>(n);
  const places = by === 'place' ? new Map(placesOf(map).map((p, i) => [p, i])) : null;
  for (let i = 0; i < n; i++) {
    if (by === 'community')
      out[i] = map.nodes.community[i] < LISTED_COMMUNITIES ? COMMUNITY_PALETTE[map.nodes.community[i]] : OTHER;
    else if (by === 'kind') out[i] = KIND_STYLE[map.nodes.kind[i]]?.color ?? OTHER;
    else if (by === 'chain') out[i] = CHAIN_STRONG[map.nodes.chain[i] ?? ''] ?? OTHER;
    else out[i] = COMMUNITY_PALETTE[places!.get(map.nodes.place[i] ?? '') ?? -1] ?? OTHER;
  }
  return out;
}

/** Whether a mode can say anything on this map (no places until letters have them). */
export function modeAvailable(map: MapData, by: ColourBy): boolean {
  return by !== 'place' || map.nodes.place.some((p) => p !== null);
}
