import type { GraphView } from './graph-view.ts';

/**
 * Read-only views of what is on screen, for the end-to-end tests and the
 * benchmark: each node's drawn body and label (in screen pixels), positions,
 * zoom and pan. Tests count overlaps from these, as a person would see them.
 */
export interface ScreenBox {
  id: string;
  kind: string;
  body: Box;
  label: Box | null;
}
type Box = { x1: number; y1: number; x2: number; y2: number };

export function screenHooks(view: GraphView) {
  const cy = view.cy;
  const box = (b: { x1: number; y1: number; x2: number; y2: number }): Box => ({
    x1: b.x1,
    y1: b.y1,
    x2: b.x2,
    y2: b.y2,
  });
  return {
    /** Bodies and labels of the nodes shown; a label is null where it is too small to be drawn at this zoom. */
    boxes: (): { width: number; height: number; zoom: number; nodes: ScreenBox[] } => {
      const zoom = cy.zoom();
      const nodes = cy.nodes(':visible').map((n) => {
        const fontPx = parseFloat(String(n.style('font-size'))) * zoom;
        const minPx = parseFloat(String(n.style('min-zoomed-font-size')));
        const hasLabel = String(n.data('label') ?? '') !== '' && fontPx >= minPx;
        return {
          id: n.id(),
          kind: String(n.data('kind')),
          body: box(n.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeOverlays: false })),
          label: hasLabel
            ? box(n.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false }))
            : null,
        };
      });
      return { width: cy.width(), height: cy.height(), zoom, nodes };
    },
    positions: (): Record<string, [number, number]> =>
      Object.fromEntries(cy.nodes().map((n) => [n.id(), [Math.round(n.position().x), Math.round(n.position().y)]])),
    viewport: () => ({ zoom: cy.zoom(), pan: { ...cy.pan() } }),
    /** Where a node is drawn, relative to the canvas, to click it as a person would. */
    rendered: (id: string) => {
      const n = cy.getElementById(id);
      return n.nonempty()
        ? { ...n.renderedPosition(), canvas: cy.container()!.getBoundingClientRect().toJSON() as DOMRect }
        : null;
    },
    ids: () =>
      cy
        .nodes(':visible')
        .not('.group-title')
        .map((n) => n.id()),
    /** Links drawn on the canvas now. */
    drawnEdges: () => cy.edges(':visible').length,
    edgeIds: () => cy.edges(':visible').map((e) => e.id()),
    /** How many shown things are greyed out (around a selection or a path). */
    faded: () => cy.nodes(':visible.faded').length,
    /** The kinds' titles shown, as they read. */
    titles: () => cy.nodes('.group-title:visible').map((n) => String(n.data('label'))),
    /** How long one full redraw of the canvas takes (what a person waits for after each gesture), for the benchmark. */
    redrawMs: (): number => {
      const renderer = (
        cy as unknown as { renderer(): { redrawHint(what: string, on: boolean): void; render(): void } }
      ).renderer();
      renderer.redrawHint('eles', true);
      renderer.redrawHint('drag', true);
      const started = performance.now();
      renderer.render();
      return performance.now() - started;
    },
  };
}
