import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What a person sees on the canvas, from the page's own hooks
 * (web/src/screen-hooks.ts): each node's body and label in screen pixels.
 * Helpers count what collides and what is off screen, as one would by eye.
 */
export type Box = { x1: number; y1: number; x2: number; y2: number };
export interface Screen {
  width: number;
  height: number;
  zoom: number;
  nodes: Array<{ id: string; kind: string; body: Box; label: Box | null }>;
}

export const screen = (page: Page) => page.evaluate<Screen>('window.innograph.boxes()');

const hit = (a: Box, b: Box) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;

/** Pairs of different nodes whose labels overlap, whose bodies overlap, or where a label covers another's body. */
export function collisions(s: Screen): { labels: string[]; nodes: string[]; labelOnNode: string[] } {
  const out = { labels: [] as string[], nodes: [] as string[], labelOnNode: [] as string[] };
  s.nodes.forEach((a, i) =>
    s.nodes.slice(i + 1).forEach((b) => {
      const pair = `${a.id} × ${b.id}`;
      if (a.label && b.label && hit(a.label, b.label)) out.labels.push(pair);
      if (a.kind !== 'GroupTitle' && b.kind !== 'GroupTitle' && hit(a.body, b.body)) out.nodes.push(pair);
      if (
        (a.label && b.kind !== 'GroupTitle' && hit(a.label, b.body)) ||
        (b.label && a.kind !== 'GroupTitle' && hit(b.label, a.body))
      )
        out.labelOnNode.push(pair);
    }),
  );
  return out;
}

/** Nodes drawn (body or label) outside the canvas. */
export function offScreen(s: Screen): string[] {
  const inside = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= s.width && b.y2 <= s.height;
  return s.nodes.filter((n) => !inside(n.body) || (n.label !== null && !inside(n.label))).map((n) => n.id);
}

/** Waits until the page has drawn its graph. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    'window.innograph && window.innograph.state().status !== "loading" && window.innograph.lastLayout().finished > 0',
    null,
    { timeout: 60_000 },
  );
}

/** Clicks where a node is drawn, as a person would (the canvas decides what is under the pointer). */
export async function clickNode(page: Page, id: string, options: { double?: boolean } = {}): Promise<void> {
  const at = await page.evaluate<{ x: number; y: number; canvas: { left: number; top: number } } | null>(
    `window.innograph.rendered(${JSON.stringify(id)})`,
  );
  if (!at) throw new Error(`${id} is not on the canvas`);
  const x = at.canvas.left + at.x;
  const y = at.canvas.top + at.y;
  if (options.double) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

/** Codes a person should never read: the API's link types and kinds in capitals. */
export const RAW_CODES =
  /\b(ANSWERS|PROPOSED_BY|ISSUED_BY|CONTACT|CC|MENTIONS|COMMITS_TO|REPORTS|CONCERNS|SUPPORTS|ADVANCES|PART_OF|MEASURES|HEADING|SENTENCE|VOCABULARY)\b/;

/** A point of the canvas (canvas pixels) with no node or label within `margin`, to press on the background as a person would. */
export function emptySpot(s: Screen, margin = 12): { x: number; y: number } | null {
  const near = (b: Box, x: number, y: number) =>
    x >= b.x1 - margin && x <= b.x2 + margin && y >= b.y1 - margin && y <= b.y2 + margin;
  for (let y = margin; y < s.height - margin; y += 10) {
    for (let x = margin; x < s.width - margin; x += 10) {
      if (!s.nodes.some((n) => near(n.body, x, y) || (n.label !== null && near(n.label, x, y)))) return { x, y };
    }
  }
  return null;
}

/**
 * What a person sees in the summary first view, whatever the archive: over ten things, every one labelled
 * and on screen, no label or node over another, and no sentence-fragment commitments or achievements.
 * Returns the things (group titles aside).
 */
export function expectReadableSummary(s: Screen): Screen['nodes'] {
  const things = s.nodes.filter((n) => n.kind !== 'GroupTitle');
  expect(things.length).toBeGreaterThan(10);
  expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
  expect(offScreen(s)).toEqual([]);
  expect(things.filter((n) => n.label === null)).toEqual([]);
  expect(things.filter((n) => n.kind === 'Commitment' || n.kind === 'Achievement')).toEqual([]);
  return things;
}
