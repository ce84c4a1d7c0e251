import { h } from '../dom.ts';
import { chainName, kindName, type Lang } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { w } from '../words.ts';
import {
  CHAIN_STRONG,
  type ColourBy,
  COLOUR_MODES,
  COMMUNITY_PALETTE,
  LISTED_COMMUNITIES,
  modeAvailable,
  OTHER,
  placesOf,
} from './map-colours.ts';
import type { MapData } from './map-data.ts';

/** One line of the legend: a colour and what it means (what the exports draw too). */
export interface LegendEntry {
  colour: string;
  text: string;
  /** A community's number: a click lights it. */
  community?: number;
}

/** What each colour means under a mode: communities by their most central things, kinds, chains or places. */
export function legendEntries(map: MapData, by: ColourBy, lang: Lang): LegendEntry[] {
  if (by === 'community') {
    const named = map.communities.slice(0, LISTED_COMMUNITIES).map((c) => ({
      colour: COMMUNITY_PALETTE[c.id],
      text: `${c.names.join(' · ')} (${c.size})`,
      community: c.id,
    }));
    const rest = map.communities.length - named.length;
    return rest > 0 ? [...named, { colour: OTHER, text: w('map.others', lang, { n: rest }) }] : named;
  }
  if (by === 'kind') {
    const kinds = [...new Set(map.nodes.kind)].sort();
    return kinds.map((kind) => ({ colour: colourOfKind(kind), text: kindName(kind, lang, true) }));
  }
  if (by === 'chain')
    return [
      ...CHAIN_NAMES.map((c) => ({ colour: CHAIN_STRONG[c], text: chainName(c, lang) })),
      { colour: OTHER, text: w('map.noChain', lang) },
    ];
  return placesOf(map)
    .slice(0, COMMUNITY_PALETTE.length)
    .map((p, i) => ({ colour: COMMUNITY_PALETTE[i], text: p }));
}

let colourOfKind: (kind: string) => string = () => OTHER;
/** The kinds' colours come from the page's stylesheet (style.ts), handed in by the map mode. */
export function useKindColours(of: (kind: string) => string): void {
  colourOfKind = of;
}

/**
 * The legend over the map's corner, folded with a click: how things are coloured (a switch), what each colour
 * means, what the hubs' row and the two kinds of line are. A community's line lights it on the map.
 */
export function renderMapLegend(
  root: HTMLElement,
  map: MapData,
  by: ColourBy,
  lang: Lang,
  handlers: { colourBy(by: ColourBy): void; community(id: number | null): void },
  lit: number | null,
): void {
  // Open at first where the canvas is wide enough to leave the map room beside it; a click unfolds it anywhere.
  const open = root.querySelector('details')?.open ?? (root.parentElement?.clientWidth ?? 0) >= 1000;
  const entries = legendEntries(map, by, lang);
  root.replaceChildren(
    h(
      'details',
      { open },
      h(
        'summary',
        {},
        `${w('map.legend', lang)} · ${w('map.summary', lang, { things: map.stats.things, links: map.stats.links, communities: map.stats.communities })}`,
      ),
      h(
        'fieldset',
        { class: 'colour-by' },
        h('legend', {}, w('map.colourBy', lang)),
        ...COLOUR_MODES.map((mode) =>
          h(
            'label',
            {},
            h('input', {
              type: 'radio',
              name: 'colour-by',
              value: mode,
              checked: mode === by,
              disabled: !modeAvailable(map, mode),
              onchange: () => handlers.colourBy(mode),
            }),
            w(`map.by.${mode}`, lang),
          ),
        ),
      ),
      by === 'place' && !modeAvailable(map, 'place') ? h('p', { class: 'muted' }, w('map.noPlaces', lang)) : null,
      h(
        'ul',
        { class: 'entries' },
        ...entries.map((entry) => {
          const dot = h('i');
          dot.style.background = entry.colour;
          const community = entry.community;
          return h(
            'li',
            community === undefined
              ? {}
              : {
                  class: community === lit ? 'lit' : '',
                  role: 'button',
                  tabindex: '0',
                  title: w('map.community', lang),
                  onclick: () => handlers.community(community === lit ? null : community),
                },
            dot,
            entry.text,
          );
        }),
      ),
      h('p', { class: 'muted' }, w('map.hubs', lang)),
      h('p', { class: 'muted' }, w('map.links', lang)),
    ),
  );
}
