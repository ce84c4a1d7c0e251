import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * The four-chain view as a researcher checks it in the explorer: each cell says
 * how many letters it rests on; each bridge shows, for each chain, the reason
 * of its tie and the sentence that makes it; the side panel of a thing lists
 * every tie with its reason and sentence. Screenshots land in
 * tests/artifacts/screenshots (chains-matrix.png, chains-reason.png).
 */
describe.skipIf(!HAS_CHROMIUM)('four-chain ties in the explorer, each with its reason', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let page: Page;
  const complaints: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    server = await startServer(await seededStore(), { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error') complaints.push(m.text());
    });
    page.on('pageerror', (e) => complaints.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('each cell says how many letters it rests on; a bridge shows the reason and the sentence of each side', async () => {
    await page.goto(`${server.url}/?view=chains`);
    await page.locator('table.chain-matrix').waitFor();
    const lines = await page.locator('td.pair .letters-line').allTextContents();
    expect(lines.filter((l) => /出自 \d+ 封函|仅出自/.test(l)).length).toBeGreaterThan(0);
    // Innovation and industry: the cell most letters share.
    await page.locator('td.pair[data-pair="创新链|产业链"]').click();
    await expect.poll(() => page.locator('#link-title').textContent()).toMatch(/^创新链 ↔ 产业链: \d+$/);
    const bridge = page.locator('#bridges .bridge').first();
    await bridge.waitFor();
    const chains = (await bridge.locator('.tie-chain').allTextContents()).join(' ');
    expect(chains).toContain('创新链');
    expect(chains).toContain('产业链');
    // Every tie shown has its reason, and its sentence with the tie's words marked.
    const ties = page.locator('#bridges .tie');
    expect(await ties.count()).toBeGreaterThan(2);
    for (let i = 0; i < Math.min(12, await ties.count()); i++) {
      const tie = ties.nth(i);
      expect((await tie.locator('.tie-reason').textContent())!.length).toBeGreaterThan(4);
      expect(await tie.locator('mark').count()).toBeGreaterThan(0);
      expect(await tie.locator('.source a').count()).toBe(1);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'chains-matrix.png'), fullPage: false });
    // The open cell is in the URL: a reload (or a link sent to a colleague) opens the same cell with its bridges.
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe('创新链,产业链');
    const title = await page.locator('#link-title').textContent();
    const names = await page.locator('#bridges .bridge').allTextContents();
    await page.reload();
    await page.locator('#bridges .bridge').first().waitFor();
    expect(await page.locator('#link-title').textContent()).toBe(title);
    expect(await page.locator('#bridges .bridge').allTextContents()).toEqual(names);
  });

  it('the side panel of a fund lists every tie with its reason: its name for capital, the heading for industry', async () => {
    await page.goto(`${server.url}/?node=${encodeURIComponent('Programme:温州市科技创新创业投资基金')}`);
    await expect.poll(() => page.locator('#details-name').textContent()).toBe('温州市科技创新创业投资基金');
    const ties = page.locator('#details .chain-ties .tie');
    await ties.first().waitFor();
    const reasons = await page.locator('#details .chain-ties .tie-reason').allTextContents();
    expect(reasons.some((r) => r.startsWith('名称本身含'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('链标题下，本句做该链的事'))).toBe(true);
    // The heading tie: the heading that names the chain, the fund's own sentence under it, the fund marked.
    const heading = page.locator('#details .tie[data-rule="heading-work"]').first();
    expect(await heading.locator('.heading-evidence').textContent()).toContain('产业链和资金链');
    expect(await heading.locator('.under-heading mark').textContent()).toBe('温州市科技创新创业投资基金');
    await page.locator('#details .chain-ties').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'chains-reason.png'), fullPage: false });
    expect(complaints).toEqual([]);
  });
});
