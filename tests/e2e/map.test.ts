import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { startServer, syntheticStore } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startServer>>;
type Box = { x1: number; y1: number; x2: number; y2: number };
type Label = { id: string; name: string; box: Box; strong: boolean };
const hook = <T>(page: Page, call: string) => page.evaluate<T>(`window.innograph.${call}`);
const overlapping = (labels: Label[]) =>
  labels.flatMap((a, i) =>
    labels
      .slice(i + 1)
      .filter((b) => a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
      .map((b) => `${a.name} × ${b.name}`),
  );

/** Waits for the map's first picture and a frame after it. */
async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction('window.innograph && window.innograph.map.ready()', null, { timeout: 240_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/** Clicks where a thing is drawn, as a person would. */
async function clickThing(page: Page, id: string): Promise<void> {
  const at = await hook<{ x: number; y: number; canvas: { left: number; top: number } } | null>(
    page,
    `map.at(${JSON.stringify(id)})`,
  );
  if (!at) throw new Error(`${id} is not on the map`);
  await page.mouse.click(at.canvas.left + at.x, at.canvas.top + at.y);
}

describe.skipIf(!HAS_CHROMIUM)('the ecosystem map of a 1,000-letter archive', () => {
  let browser: Browser;
  let server: Server;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'innograph-map-e2e-'));
    server = await startServer(await syntheticStore(1000, join(dir, 'letters')), {
      webRoot: WEB_ROOT,
      viewsFile: join(dir, 'views.json'),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/?all=1`);
    await mapReady(page);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the things with their links, coloured by community, the communities named in the legend', async () => {
    const counts = await hook<{ things: number; links: number; communities: number; hubs: number }>(
      page,
      'map.counts()',
    );
    expect(counts.things).toBeGreaterThan(1000);
    expect(counts.links).toBeGreaterThan(counts.things);
    expect(counts.communities).toBeGreaterThan(3);
    // The legend names each coloured community by its most central things.
    const entries = await page.locator('#map-legend li[role="button"]').allTextContents();
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) expect(entry).toMatch(/\S+ · \S+.*\(\d+\)$/);
    // Hubs (the chains, the issuers, the copy lists) stand apart, and some of their names show.
    expect(counts.hubs).toBeGreaterThan(4);
    const labels = await hook<Label[]>(page, 'map.labels()');
    expect(labels.length).toBeGreaterThan(20);
    await page.screenshot({ path: join(SCREENSHOTS, 'map-1000-community.png') });
  });

  it('never draws one name over another at any zoom visited, and shows more names as one zooms in', async () => {
    const box = (await page.locator('#map').boundingBox())!;
    let before = (await hook<Label[]>(page, 'map.labels()')).length;
    const seen: number[] = [before];
    for (let step = 0; step < 6; step++) {
      await page.mouse.move(box.x + box.width * (0.4 + step * 0.03), box.y + box.height * 0.55);
      for (let notch = 0; notch < 3; notch++) await page.mouse.wheel(0, -100);
      await page.evaluate('new Promise((r) => setTimeout(r, 200))');
      const labels = await hook<Label[]>(page, 'map.labels()');
      expect(overlapping(labels)).toEqual([]);
      seen.push(labels.length);
    }
    expect(Math.max(...seen)).toBeGreaterThan(before);
    before = seen.at(-1)!;
    await page.screenshot({ path: join(SCREENSHOTS, 'map-1000-zoomed.png') });
    await page.locator('#fit').click();
  });

  it('a click selects a thing: its links light, its name shows, the side panel tells its sentences', async () => {
    const [top] = await hook<Array<{ id: string; name: string }>>(page, 'map.top(1)');
    await clickThing(page, top.id);
    await expect.poll(() => hook<string | null>(page, 'state().selected')).toBe(top.id);
    await expect.poll(() => page.locator('#details-name').textContent()).toBe(top.name);
    const labels = await hook<Label[]>(page, 'map.labels()');
    expect(labels.find((l) => l.id === top.id)?.strong).toBe(true);
    expect(overlapping(labels)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('node')).toBe(top.id);
  });

  it('colours by kind from the legend, and a saved view brings colour, zoom and selection back after a reload', async () => {
    // The legend starts folded beside a canvas this narrow: a click on its title opens it.
    if (!(await page.locator('#map-legend details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await page.locator('#map-legend summary').click();
    await page.locator('#map-legend input[value="kind"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('colour')).toBe('kind');
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => new URL(page.url()).searchParams.get('camera')).not.toBeNull();
    const view = await hook<{ k: number }>(page, 'map.view()');
    await page.screenshot({ path: join(SCREENSHOTS, 'map-1000-kind.png') });
    await page.locator('#save-view').click();
    await page.locator('#view-name').fill('按类型着色');
    await page.locator('#save-view-confirm').click();
    await expect.poll(() => page.locator('.saved-view').allTextContents()).toContain('按类型着色');
    const selected = await hook<string>(page, 'state().selected');
    // Somewhere else first, then the saved view, then a reload: the same state each time.
    await page.goto(`${server.url}/?all=1`);
    await mapReady(page);
    await page.locator('.saved-views summary').click();
    await page.locator('.saved-view', { hasText: '按类型着色' }).click();
    await mapReady(page);
    await page.reload();
    await mapReady(page);
    expect(await hook<string>(page, 'state().selected')).toBe(selected);
    expect(await page.locator('#map-legend input[value="kind"]').evaluate((i) => (i as HTMLInputElement).checked)).toBe(
      true,
    );
    expect((await hook<{ k: number }>(page, 'map.view()')).k).toBeCloseTo(view.k, 2);
    await expect.poll(() => page.locator('#details-name').textContent()).not.toBe('');
  }, 240_000);

  it('at 1024 px the filters fold, and the selection stays on screen when the side panel opens', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await narrow.goto(`${server.url}/?all=1`);
      await mapReady(narrow);
      expect(await narrow.locator('#filters').isVisible()).toBe(false);
      const things = await hook<Array<{ id: string }>>(narrow, 'map.top(40)');
      // The thing drawn farthest right: the one a side panel would cover.
      const right = (
        await Promise.all(
          things.map(async (t) => ({
            id: t.id,
            at: await hook<{ x: number }>(narrow, `map.at(${JSON.stringify(t.id)})`),
          })),
        )
      ).sort((a, b) => b.at.x - a.at.x)[0];
      // The side panel folded, a thing at the right picked: the panel unfolds, the canvas narrows, the thing stays.
      await narrow.locator('[data-panel="details"]').click();
      await clickThing(narrow, right.id);
      await expect.poll(() => hook<string | null>(narrow, 'state().selected')).toBe(right.id);
      await narrow.evaluate('new Promise((r) => setTimeout(r, 300))');
      const at = await hook<{ x: number; y: number }>(narrow, `map.at(${JSON.stringify(right.id)})`);
      const size = await hook<{ width: number; height: number }>(narrow, 'map.view()');
      expect(at.x).toBeGreaterThan(0);
      expect(at.x).toBeLessThan(size.width);
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(size.height);
      expect(await narrow.locator('#details').isVisible()).toBe(true);
      await narrow.screenshot({ path: join(SCREENSHOTS, 'map-1000-1024px.png') });
    } finally {
      await narrow.close();
    }
  }, 120_000);

  it('a path between two things shows each step with its sentence, and a step opens its letter', async () => {
    const [a, b] = await hook<Array<{ id: string }>>(page, 'map.top(2)');
    await page.goto(`${server.url}/?from=${encodeURIComponent(a.id)}&to=${encodeURIComponent(b.id)}`);
    await page.locator('#paths ol.path').first().waitFor({ timeout: 120_000 });
    const links = page.locator('#paths ol.chosen li.link');
    expect(await links.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      expect(await link.locator('.meaning').textContent()).toMatch(/\S/);
      expect(await link.locator('.reason').count()).toBeGreaterThan(0);
      expect(await link.locator('.reason mark').first().textContent()).toMatch(/\S/);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'paths-1000.png') });
    await links.first().locator('.open-letter').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('letter');
  }, 180_000);
});
