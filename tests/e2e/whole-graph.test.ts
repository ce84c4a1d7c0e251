import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_BUDGET } from '../../web/src/edge-budget.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { startServer, syntheticStore } from '../helpers/server.ts';
import { clickNode, collisions, emptySpot, ready, screen } from './screen.ts';

type Server = Awaited<ReturnType<typeof startServer>>;
const hooks = <T>(page: Page, call: string) => page.evaluate<T>(`window.innograph.${call}`);
const KINDS = [
  'Letter',
  'Proposal',
  'Person',
  'Organization',
  'Platform',
  'Enterprise',
  'Policy',
  'Programme',
  'Commitment',
  'Achievement',
  'Indicator',
];
const EDGE_TYPES = [
  'ANSWERS',
  'PROPOSED_BY',
  'ISSUED_BY',
  'CONTACT',
  'CC',
  'MENTIONS',
  'COMMITS_TO',
  'REPORTS',
  'CONCERNS',
  'SUPPORTS',
  'PART_OF',
  'MEASURES',
];

// 100 synthetic letters give some 1,800 things and 5,000 links: more links than the whole-graph mode draws at once.
describe.skipIf(!HAS_CHROMIUM)('the whole-graph mode on a 100-letter archive', () => {
  let browser: Browser;
  let server: Server;
  let dir: string;
  let page: Page;
  let all: { nodes: Array<{ id: string }>; edges: Array<{ id: string; source: string; target: string }> };

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'innograph-whole-'));
    server = await startServer(await syntheticStore(100, dir), { webRoot: WEB_ROOT });
    all = (
      await server.gql(
        'query($k: [NodeKind!], $e: [EdgeType!]) { overview(limit: 5000, kinds: $k, edgeTypes: $e) { nodes { id } edges { id source target } } }',
        { k: KINDS, e: EDGE_TYPES },
      )
    ).body.data!.overview;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/?all=1&lang=en`);
    await ready(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws every thing, nothing overlapping, each kind titled so it reads at that zoom; the links wait until they can be told apart', async () => {
    expect(all.edges.length).toBeGreaterThan(EDGE_BUDGET);
    expect(await hooks<number>(page, 'visibleNodes()')).toBe(all.nodes.length);
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    const titles = s.nodes.filter((n) => n.kind === 'GroupTitle');
    expect(titles.length).toBeGreaterThan(3);
    // Every title drawn, at least 12 px high on screen.
    expect(titles.filter((t) => t.label === null || t.label.y2 - t.label.y1 < 12)).toEqual([]);
    expect(await hooks<number>(page, 'drawnEdges()')).toBeLessThanOrEqual(EDGE_BUDGET);
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-100-en.png') });
  });

  it('a click on a thing draws all its links', async () => {
    const ids = await hooks<string[]>(page, 'ids()');
    const degree = new Map<string, number>();
    for (const e of all.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const hub = ids
      .filter((id) => !id.startsWith('Letter:'))
      .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0))[0];
    await clickNode(page, hub);
    await expect.poll(() => hooks<string | null>(page, 'state().selected')).toBe(hub);
    const links = all.edges.filter((e) => e.source === hub || e.target === hub).map((e) => e.id);
    expect(links.length).toBeGreaterThan(10);
    const drawn = new Set(await hooks<string[]>(page, 'edgeIds()'));
    expect(links.filter((id) => !drawn.has(id))).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('zoomed in with the wheel, the names are readable and every link of what is in view is drawn; a mouse drag moves the view', async () => {
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 150 && (await hooks<{ zoom: number }>(page, 'viewport()')).zoom < 0.9; i++)
      await page.mouse.wheel(0, -400);
    const { zoom, pan } = await hooks<{ zoom: number; pan: { x: number; y: number } }>(page, 'viewport()');
    expect(zoom).toBeGreaterThanOrEqual(0.9);
    const inView = (p: [number, number], z: number, at: { x: number; y: number }) => {
      const [x, y] = [p[0] * z + at.x, p[1] * z + at.y];
      return x >= 0 && y >= 0 && x <= box.width && y <= box.height;
    };
    const wanted = async () => {
      const positions = await hooks<Record<string, [number, number]>>(page, 'positions()');
      const vp = await hooks<{ zoom: number; pan: { x: number; y: number } }>(page, 'viewport()');
      return all.edges
        .filter((e) => [e.source, e.target].some((id) => positions[id] && inView(positions[id], vp.zoom, vp.pan)))
        .map((e) => e.id);
    };
    const missing = async () => {
      const drawn = new Set(await hooks<string[]>(page, 'edgeIds()'));
      return (await wanted()).filter((id) => !drawn.has(id));
    };
    expect((await wanted()).length).toBeGreaterThan(0);
    await expect.poll(missing).toEqual([]);
    const s = await screen(page);
    const named = s.nodes.filter(
      (n) =>
        n.kind !== 'GroupTitle' &&
        n.label !== null &&
        n.body.x1 >= 0 &&
        n.body.x2 <= s.width &&
        n.body.y1 >= 0 &&
        n.body.y2 <= s.height,
    );
    expect(named.length).toBeGreaterThan(5);
    expect(collisions(s).labels).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-100-zoomed.png') });
    // A drag on empty canvas pans by as much as the mouse moved, at the same zoom; the links follow.
    const spot = emptySpot(s);
    expect(spot).not.toBeNull();
    const from = { x: box.x + spot!.x, y: box.y + spot!.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(from.x + i * 10, from.y - i * 10);
    await page.mouse.up();
    const after = await hooks<{ zoom: number; pan: { x: number; y: number } }>(page, 'viewport()');
    expect(after.zoom).toBeCloseTo(zoom, 5);
    expect(after.pan.x - pan.x).toBeCloseTo(200, 0);
    expect(after.pan.y - pan.y).toBeCloseTo(-200, 0);
    await expect.poll(missing).toEqual([]);
  }, 60_000);

  it('choosing a letter lays out only its things, readable; clearing it brings the whole graph back', async () => {
    const letter = all.nodes.find((n) => n.id.startsWith('Letter:'))!.id;
    await page.locator('#filters select').nth(1).selectOption(letter);
    const linked = new Set([
      letter,
      ...all.edges
        .filter((e) => e.source === letter || e.target === letter)
        .map((e) => (e.source === letter ? e.target : e.source)),
    ]);
    await expect.poll(async () => (await hooks<string[]>(page, 'ids()')).length, { timeout: 30_000 }).toBeLessThan(100);
    const ids = await hooks<string[]>(page, 'ids()');
    // The letter and what it links to (its proposal's proposers are one step further).
    expect(ids).toContain(letter);
    expect(ids.filter((id) => !linked.has(id) && !id.startsWith('Person:'))).toEqual([]);
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(s.nodes.filter((n) => n.label === null)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-100-letter.png') });
    await page.locator('#filters select').nth(1).selectOption('');
    await expect.poll(() => hooks<number>(page, 'visibleNodes()'), { timeout: 30_000 }).toBe(all.nodes.length);
    const back = await screen(page);
    expect(collisions(back)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(
      back.nodes.filter((n) => n.kind === 'GroupTitle' && (n.label === null || n.label.y2 - n.label.y1 < 12)),
    ).toEqual([]);
  }, 60_000);
});
