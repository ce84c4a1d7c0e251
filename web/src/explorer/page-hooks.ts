import type { GraphView } from '../graph-view.ts';
import type { MapMode } from '../map/map-mode.ts';
import { mapHooks } from '../map/map-hooks.ts';
import { screenHooks } from '../screen-hooks.ts';
import type { Store } from '../state.ts';

/**
 * Read-only hooks for tests and benchmarks: what the page shows, from its own state. On the map, lastLayout and
 * panBy answer for the map (its first picture, a pan of it), so the benchmarks measure whichever view is shown.
 */
export function pageHooks(store: Store, view: GraphView, map: MapMode) {
  return {
    state: () => ({
      view: store.get().view,
      status: store.get().status,
      selected: store.get().selected,
      nodes: store.get().nodes.size,
      expansions: store.get().expansions.length,
    }),
    visibleNodes: () => view.cy.nodes(':visible').not('.group-title').length,
    lastLayout: () =>
      store.get().whole
        ? { started: 0, finished: map.canvas?.firstDrawnAt ?? 0, nodes: map.canvas?.map.nodes.id.length ?? 0 }
        : { ...view.lastLayout },
    panBy: (x: number, y: number) => (store.get().whole ? map.canvas?.panBy(x, y) : view.cy.panBy({ x, y })),
    ...screenHooks(view),
    map: mapHooks(map),
  };
}
