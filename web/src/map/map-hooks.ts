import type { MapMode } from './map-mode.ts';

/** What the map shows, for the tests and the benchmark: its names' boxes on screen, its view, what it drew. */
export function mapHooks(mode: MapMode) {
  const canvas = () => mode.canvas;
  return {
    ready: () => (canvas()?.firstDrawnAt ?? 0) > 0,
    firstDrawnAt: () => canvas()?.firstDrawnAt ?? 0,
    /** Names drawn in the last frame, with their boxes in canvas px. */
    labels: () =>
      (canvas()?.labels ?? []).map((l) => ({
        id: canvas()!.idOf(l.at),
        name: canvas()!.nameOf(l.at),
        box: l.box,
        strong: l.strong,
      })),
    view: () => ({
      ...(canvas()?.view ?? { k: 0, tx: 0, ty: 0 }),
      width: canvas()?.canvas.width ?? 0,
      height: canvas()?.canvas.height ?? 0,
    }),
    counts: () => {
      const map = canvas()?.map;
      return map
        ? {
            things: map.nodes.id.length,
            links: map.links.source.length,
            communities: map.communities.length,
            hubs: map.hubs.length,
            stated: map.links.kind.filter((k) => k !== 'together').length,
          }
        : null;
    },
    /** The things drawn now (not hidden by a filter or the place and year facet), and those lit. */
    shown: () => {
      const c = canvas();
      if (!c) return { shown: [] as string[], lit: [] as string[] };
      const ids = c.map.nodes.id;
      return {
        shown: ids.filter((_, i) => c.look.state[i] !== 0),
        lit: ids.filter((_, i) => c.look.state[i] === 2),
      };
    },
    /** Where a thing is drawn, in canvas px (to click it as a person would). */
    at: (id: string) => {
      const c = canvas();
      const i = c?.indexOf.get(id);
      if (!c || i === undefined) return null;
      const a = c.anchors[i];
      return {
        x: a.x * c.view.k + c.view.tx,
        y: a.y * c.view.k + c.view.ty,
        canvas: c.canvas.getBoundingClientRect().toJSON() as DOMRect,
      };
    },
    zoomAt: (factor: number, x: number, y: number) => canvas()?.zoomAt(factor, x, y),
    panBy: (x: number, y: number) => canvas()?.panBy(x, y),
    /** A full picture of the view drawn again, in ms (what one waits for after a gesture). */
    redrawMs: () => {
      const started = performance.now();
      canvas()?.redraw();
      return performance.now() - started;
    },
    /** The most linked things with their name as drawn, community and the place their letters are from (for the tests to click). */
    top: (n: number) => {
      const map = canvas()?.map;
      return map
        ? map.nodes.id.slice(0, n).map((id, i) => ({
            id,
            name: map.nodes.name[i],
            community: map.nodes.community[i],
            place: map.nodes.place[i],
          }))
        : [];
    },
  };
}
