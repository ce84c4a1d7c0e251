import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { placeTexts } from '../helpers/place-letters.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * Two places compared in the explorer, as an analyst would: the letters of
 * several cities (tests/helpers/place-letters.ts: 杭州市 with a district and a
 * county, 宁波市 with a 协办意见, the province, both 朝阳区 …) and the five
 * Wenzhou seeds; 杭州市 and 宁波市 are ticked in the place facet and put side
 * by side. What the page shows is checked against what the letters say.
 */
if (!HAS_CHROMIUM) console.warn('skipping the compare browser test: no Chromium at /usr/bin/chromium');

describe.skipIf(!HAS_CHROMIUM)('two places compared in the explorer', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SCREENSHOTS, `compare-${name}.png`) });
  const column = (place: string) => page.locator('.compare-letters thead th').filter({ hasText: place });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    const store = await seededStore();
    await ingestTexts(placeTexts(), store, { workers: 0 });
    server = await startServer(store, { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction("window.innograph && window.innograph.state().status === 'ready'");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the facet lists the archive’s places as a tree with their letters, and two ticked cities go into the URL', async () => {
    await page.locator('#place-menu summary').click();
    const tree = page.locator('.place-tree li');
    // 浙江省: two cities' 5 letters, the province's own, and the 5 Wenzhou seeds.
    expect(await tree.filter({ hasText: '浙江省' }).textContent()).toMatch(/浙江省\s+11 封/);
    expect(await tree.filter({ hasText: '杭州市' }).first().textContent()).toMatch(/杭州市\s+3 封/);
    expect(await tree.filter({ hasText: '滨江区' }).getAttribute('class')).toBe('depth-2');
    // The two 朝阳区, one under 北京市, one under 长春市.
    expect(await tree.filter({ hasText: '朝阳区' }).count()).toBe(2);
    expect(await page.locator('.place-panel').textContent()).toContain('未能识别地区的函：2 封');
    await page.locator('#place-filter').fill('宁波');
    expect(await tree.filter({ hasText: '杭州市' }).first().isVisible()).toBe(false);
    await page.locator('.place-tree input[value="330200"]').check();
    await page.locator('#place-filter').fill('');
    await page.locator('.place-tree input[value="330100"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('places')).toBe('330200,330100');
    expect(await page.locator('.place-chip').allTextContents()).toEqual([
      expect.stringContaining('宁波市'),
      expect.stringContaining('杭州市'),
    ]);
    await page.locator('#place-menu summary').click();
  });

  it('side by side: each city’s letters, kinds and years as the letters give them', async () => {
    await page.locator('#compare-places').click();
    await page.locator('.compare-letters').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
    expect(errors).toEqual([]);
    const cells = async (row: string) =>
      page.locator('.compare-letters tbody tr').filter({ hasText: row }).first().locator('td').allTextContents();
    expect(await page.locator('.compare-letters thead th').allTextContents()).toEqual(['', '宁波市', '杭州市']);
    expect(await cells('答复函')).toEqual(['2 封', '3 封']);
    // 宁波市's 协办意见 is a letter of its own kind; 杭州市's are replies, of 2023 and 2024.
    expect(await cells('类型')).toEqual(['答复 1 · 协办意见 1', '答复 3']);
    expect(await cells('年份')).toEqual(['2024: 2', '2023: 1 · 2024: 2']);
    expect(await column('杭州市').count()).toBe(1);
    await shot('1440');
  });

  it('their ledgers per indicator: each city’s target for new R&D institutions, with its year', async () => {
    const row = page.locator('.compare-ledger tbody tr').filter({ hasText: '新型研发机构' }).first();
    const [ningbo, hangzhou] = await row.locator('td').allTextContents();
    // 甬科函〔2024〕7号: 力争2025年新增新型研发机构8家以上; 杭科函〔2023〕11号: 力争2024年新增新型研发机构10家以上.
    expect(ningbo.replace(/\s+/g, ' ')).toBe('2025 8家');
    expect(hangzhou.replace(/\s+/g, ' ')).toBe('2024 10家');
    // What only one of them commits to stands in its column alone: 淳安县's 科技特派员 are 杭州市's.
    const envoys = page.locator('.compare-ledger tbody tr').filter({ hasText: '科技特派员' });
    expect((await envoys.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      '—',
      '2025 50名',
    ]);
  });

  it('their four-chain matrices on one scale, a cell listing its things, each the same count as the chain view of that city', async () => {
    const figures = page.locator('.compare-place');
    expect(await figures.locator('figcaption').allTextContents()).toEqual(['宁波市', '杭州市']);
    for (const [code, name] of [
      ['330200', '宁波市'],
      ['330100', '杭州市'],
    ]) {
      const { body } = await server.gql(
        `{ chainMatrix(scope: { places: ["${code}"] }) { a { name } b { name } count } }`,
      );
      const pairs = body.data!.chainMatrix as Array<{ a: { name: string }; b: { name: string }; count: number }>;
      const figure = figures.filter({ hasText: name });
      for (const p of pairs.filter((x) => x.a.name !== x.b.name)) {
        const cell = figure.locator(`td[data-pair="${p.a.name}|${p.b.name}"]`);
        expect(await cell.textContent()).toBe(String(p.count));
      }
    }
    // 宁波市's letters tie 工业互联网 work to the innovation and industry chains: its cell lists the things.
    const ningbo = figures.filter({ hasText: '宁波市' });
    const cell = ningbo.locator('td[data-pair="创新链|产业链"]');
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThan(0);
    await cell.click();
    expect(await ningbo.locator('.cell-things strong').textContent()).toBe(`创新链 ↔ 产业链: ${count}`);
    expect(await ningbo.locator('.cell-things li').count()).toBe(Math.min(count, 20));
  });

  it('what they share: a thing both cities’ letters name is marked in both columns, and opens on the canvas', async () => {
    const rows = page.locator('.compare-shared tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await rows.count()); i++)
      expect(await rows.nth(i).locator('td.mark').allTextContents()).toEqual(['●', '●']);
    // Both name 新型研发机构 in their body (杭科函 and 甬科函); nothing of 温州 or 北京 is shared with them.
    const all = (await rows.allTextContents()).join(' ');
    expect(all).toContain('新型研发机构');
    expect(all).not.toMatch(/温州|朝阳/);
    const link = rows.first().locator('a');
    const name = await link.textContent();
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
    await expect.poll(() => page.locator('#details-name').textContent()).toBe(name);
  });

  it('a reload keeps the two places and the compare view; at 1,024 px it still reads', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await narrow.goto(`${server.url}/?view=compare&places=330200,330100`);
      await narrow.locator('.compare-ledger').waitFor();
      expect(await narrow.locator('.place-chip').count()).toBe(2);
      expect(await narrow.locator('.compare-letters thead th').allTextContents()).toEqual(['', '宁波市', '杭州市']);
      // The header holds on one line and the search box keeps room to type.
      const bar = (await narrow.locator('header.bar').boundingBox())!;
      expect(bar.height).toBeLessThan(60);
      expect((await narrow.locator('#search').boundingBox())!.width).toBeGreaterThan(120);
      await shot('1024', narrow);
    } finally {
      await narrow.close();
    }
  });

  it('the facet narrows the other views too: the commitments table holds only the two cities’ promises', async () => {
    await page.goto(`${server.url}/?view=commitments&places=330200,330100`);
    await page.locator('.commitments-table tbody tr').first().waitFor();
    const { body } = await server.gql(
      '{ commitments(first: 100, scope: { places: ["330200", "330100"] }) { totalCount nodes { letter { source } } } }',
    );
    expect(await page.locator('.commitments-table tbody tr').count()).toBe(body.data!.commitments.totalCount);
    // Each row says its letter's place: the cities, and 杭州市's district and county.
    const places = await page.locator('.commitments-table tbody tr td:nth-child(7)').allTextContents();
    expect(new Set(places)).toEqual(new Set(['宁波市', '杭州市', '滨江区', '淳安县']));
    await shot('commitments-1440');
  });
});
