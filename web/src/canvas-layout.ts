import type { Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import { estimatedBox, packGroups, seededRandom } from './summary-layout.ts';

/**
 * Placing what the canvas holds: packed by kind like a page (summary-layout.ts does the arithmetic on boxes), or a
 * force layout on a seeded random generator. Both give the same picture for the same input.
 */
const LEAD_GROUPS = ['Letter', 'Proposal', 'Person'];

/** Above this many nodes boxes are estimated from the label instead of measured on the canvas (see estimatedBox). */
const MEASURE_LIMIT = 300;

export type BoundingBox = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
export const LABEL_BOX = {
  includeNodes: true,
  includeLabels: true,
  includeEdges: false,
  includeOverlays: false,
} as const;

/** Packs these nodes by kind under their titles, at the width whose fit to the canvas is largest. */
export function packNodes(cy: Core, nodes: NodeCollection): void {
  if (nodes.empty()) return;
  const estimate = nodes.length > MEASURE_LIMIT;
  const boxOf = (n: NodeSingular): BoundingBox => {
    if (!estimate || n.hasClass('group-title')) return n.boundingBox(LABEL_BOX) as BoundingBox;
    const size = Number(n.data('size')) || n.width();
    const { w, h } = estimatedBox(String(n.data('label') ?? ''), size);
    const at = n.position();
    return { x1: at.x - w / 2, y1: at.y - size / 2, x2: at.x + w / 2, y2: at.y - size / 2 + h, w, h };
  };
  const measured = new Map(nodes.map((n) => [n.id(), { box: boxOf(n), at: n.position() }]));
  // A letter's own things read from the top: the letter, the proposal it answers, the people; then the kinds by rank.
  const lead = (group: string) => {
    const i = LEAD_GROUPS.indexOf(group);
    return i < 0 ? LEAD_GROUPS.length : i;
  };
  const items = nodes
    .filter((n) => !n.hasClass('group-title'))
    .map((n) => ({
      id: n.id(),
      group: String(n.data('group')),
      w: measured.get(n.id())!.box.w,
      h: measured.get(n.id())!.box.h,
    }))
    .map((item, i) => ({ item, i }))
    .sort((a, b) => lead(a.item.group) - lead(b.item.group) || a.i - b.i)
    .map(({ item }) => item);
  // A title goes with its group's members: one whose members are all filtered out gets no line of its own.
  const groups = new Set(items.map((i) => i.group));
  const titles = new Map(
    nodes
      .filter((n) => n.hasClass('group-title') && groups.has(String(n.data('group'))))
      .map((n) => [
        String(n.data('group')),
        { id: n.id(), w: measured.get(n.id())!.box.w, h: measured.get(n.id())!.box.h },
      ]),
  );
  // Try widths around the canvas's and keep the one whose fit is largest, so labels read as big as the canvas allows.
  const [canvasW, canvasH] = [Math.max(300, cy.width() - 70), Math.max(200, cy.height() - 70)];
  // Thousands of boxes need a page far wider than the canvas to keep its shape: start from the width whose square
  // of boxes has the canvas's proportions.
  const area = items.reduce((sum, i) => sum + (i.w + 14) * (i.h + 7), 0);
  const base = Math.max(canvasW, Math.sqrt(area * (canvasW / canvasH)));
  let centres = packGroups(items, titles, base);
  let best = 0;
  for (let k = -4; k <= 10; k++) {
    const candidate = packGroups(items, titles, base * 1.15 ** k);
    const bottom = Math.max(...items.map((i) => candidate.get(i.id)!.y + i.h / 2));
    const right = Math.max(
      ...items.map((i) => candidate.get(i.id)!.x + i.w / 2),
      ...[...titles.values()].map((t) => candidate.get(t.id)!.x + t.w / 2),
    );
    const zoom = Math.min(canvasW / right, canvasH / bottom);
    if (zoom > best + 1e-6) [best, centres] = [zoom, candidate];
  }
  cy.batch(() =>
    nodes.forEach((n) => {
      const c = centres.get(n.id());
      const { box, at } = measured.get(n.id())!;
      // The packer places box centres; a node's position is its body's centre, above its label.
      if (c) n.position({ x: c.x - box.w / 2 + (at.x - box.x1), y: c.y - box.h / 2 + (at.y - box.y1) });
    }),
  );
}

/** fcose from a seeded start. */
export function forceLayout(cy: Core): Promise<void> {
  if (cy.nodes().empty()) return Promise.resolve();
  // Large or dense graphs get fcose's spectral draft only; the force-directed refinement costs seconds there.
  const heavy = cy.elements().length > 2500;
  const layout = cy.elements().layout({
    name: 'fcose',
    quality: heavy ? 'draft' : 'default',
    animate: false,
    randomize: true,
    nodeDimensionsIncludeLabels: true,
    packComponents: true,
    numIter: 2500,
  } as LayoutOptions);
  const done = layout.promiseOn('layoutstop');
  // fcose draws its start from Math.random; a seeded one makes the same graph come out the same way every time.
  const random = Math.random;
  Math.random = seededRandom(42);
  try {
    layout.run();
  } finally {
    Math.random = random;
  }
  return done.then(() => undefined);
}
