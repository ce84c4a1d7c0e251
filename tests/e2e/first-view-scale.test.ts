import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { startServer, syntheticStore } from '../helpers/server.ts';
import { clickNode, collisions, expectReadableSummary, offScreen, ready, screen } from './screen.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

// At 100 letters the old first view was a black smear; the summary must stay readable whatever the archive's size.
describe.skipIf(!HAS_CHROMIUM)('the first view on a 100-letter synthetic archive', () => {
  let browser: Browser;
  let server: Server;
  let dir: string;

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), 'innograph-100-'));
    server = await startServer(await syntheticStore(100, dir), { webRoot: WEB_ROOT });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['zh', 'en']) {
    it(`in ${lang === 'zh' ? 'Chinese' : 'English'}: no label or node overlaps another, all on screen and labelled, biggest first`, async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${server.url}/?lang=${lang}`);
      await ready(page);
      const things = expectReadableSummary(await screen(page));
      // Sized by importance: the thing drawn that the most letters mention is at least as big as any other.
      const counts = (
        await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id letterCount } }', {
          ids: things.map((n) => n.id),
        })
      ).body.data!.nodes as Array<{ id: string; letterCount: number }>;
      const top = [...counts].sort((a, b) => b.letterCount - a.letterCount)[0].id;
      const width = (id: string) => {
        const b = things.find((n) => n.id === id)!.body;
        return b.x2 - b.x1;
      };
      expect(Math.max(...things.map((n) => width(n.id)))).toBeCloseTo(width(top), 0);
      await page.screenshot({ path: join(SCREENSHOTS, `scale-100-${lang}.png`) });
      // An expand of the biggest thing still leaves nothing overlapping.
      await clickNode(page, top, { double: true });
      await page.waitForFunction('window.innograph.state().expansions === 1');
      expect(collisions(await screen(page))).toEqual({ labels: [], nodes: [], labelOnNode: [] });
      await page.screenshot({ path: join(SCREENSHOTS, `scale-100-${lang}-expanded.png`) });
      await page.close();
    }, 60_000);
  }

  it('slides by year: only what that year’s letters mention stays; a thing shows when it first and last appears', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/`);
    await ready(page);
    const slider = page.locator('#year-slider');
    await slider.waitFor();
    const [min, max] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
    expect(max).toBeGreaterThan(min);
    const before: string[] = await page.evaluate('window.innograph.ids()');
    await slider.fill(String(min));
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(min));
    await expect.poll(() => page.locator('#year-value').textContent()).toBe(String(min));
    const after: string[] = await page.evaluate('window.innograph.ids()');
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(before.length);
    const years = async (ids: string[]) =>
      new Map(
        (
          (await server.gql('query($ids: [ID!]!) { appearances(ids: $ids) { id years first last } }', { ids })).body
            .data!.appearances as Array<{ id: string; years: number[]; first: string; last: string }>
        ).map((a) => [a.id, a]),
      );
    const shown = await years(after);
    expect(after.filter((id) => !shown.get(id)!.years.includes(min))).toEqual([]);
    const gone = before.filter((id) => !after.includes(id));
    const hidden = await years(gone);
    expect(gone.filter((id) => hidden.get(id)!.years.includes(min))).toEqual([]);
    // What stays is laid out again: still nothing overlapping, all on screen.
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(offScreen(s)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'scale-100-year.png') });
    // A click on a thing says when the letters first and last name it.
    await clickNode(page, after[0]);
    const a = shown.get(after[0])!;
    await expect
      .poll(() => page.locator('#details-appears').textContent())
      .toContain(`${a.first}${a.last !== a.first ? ` → ${a.last}` : ''}`);
    await page.locator('#all-years').click();
    await expect.poll(() => page.evaluate('window.innograph.ids().length')).toBe(before.length);
    await page.close();
  }, 60_000);
});
