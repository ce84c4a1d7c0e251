import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { startServer } from '../helpers/server.ts';

/**
 * The ledger view in headless Chromium over the letters written for the
 * ledger (tests/fixtures/ledger): promises of 2023, a restatement, a new
 * target of 2024, and the 2025 report on them.
 */
if (!HAS_CHROMIUM) console.warn('skipping the ledger browser test: no Chromium at /usr/bin/chromium');
const FIXTURES = fileURLToPath(new URL('../fixtures/ledger/', import.meta.url));

describe.skipIf(!HAS_CHROMIUM)('the promise ledger view in headless Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let page: Page;
  const errors: string[] = [];
  const rows = () => page.locator('.ledger-table tbody tr');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    const store = new MemoryStore({ path: null });
    await ingestFiles([FIXTURES], store);
    server = await startServer(store, { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?view=ledger`);
    await page.locator('.ledger-table tbody tr').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists each promise once with its status, the restated one with both letters', async () => {
    expect(errors).toEqual([]);
    expect(await rows().count()).toBe(9);
    const high = rows().filter({ hasText: '2024年新增高新技术企业500家以上' });
    expect(await high.getAttribute('data-status')).toBe('MET');
    expect(await high.locator('.ledger-status').textContent()).toBe('已完成');
    const restated = rows().filter({ hasText: '新型研发机构10家' });
    expect(await restated.textContent()).toContain('东科提复〔2023〕41号、东科建复〔2023〕57号');
    expect(await rows().filter({ hasText: '科技特派员200人' }).getAttribute('data-status')).toBe('SUPERSEDED');
  });

  it('draws an indicator’s target and result apart, and a click on a point shows its sentence', async () => {
    const card = page.locator('.ledger-card').filter({ hasText: '新增高新技术企业' });
    expect(await card.locator('.ledger-point[data-role="target"] path').count()).toBe(1);
    expect(await card.locator('.ledger-point[data-role="result"] circle').count()).toBe(1);
    await card.locator('.ledger-point[data-role="result"]').click();
    expect(await card.locator('.ledger-sentence').textContent()).toContain('2024年，全市新增高新技术企业612家');
    await card.locator('.ledger-point[data-role="target"]').click();
    expect(await card.locator('.ledger-sentence').textContent()).toContain('2024年新增高新技术企业500家以上');
    await page.screenshot({ path: join(SCREENSHOTS, 'ledger.png'), fullPage: true });
  });

  it('filters by status and exports what it shows as CSV', async () => {
    await page.locator('#ledger-status').selectOption('MET');
    await page.waitForFunction(() => document.querySelectorAll('.ledger-table tbody tr').length === 3);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual([
      'MET',
      'MET',
      'MET',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ledger-csv').click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(csv[0]).toContain('status');
    expect(csv).toHaveLength(4);
    expect(csv.some((line) => line.includes('2024年新增科技信贷投放80亿元以上') && line.includes('met'))).toBe(true);
    await page.locator('#ledger-status').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('.ledger-table tbody tr').length === 9);
  });

  it('filters by chain through the shared chain filter: the talent chain holds the 科技特派员 promises', async () => {
    const options = await page
      .locator('#ledger-chain option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['', '创新链', '产业链', '资金链', '人才链']);
    await page.locator('#ledger-chain').selectOption('人才链');
    await page.waitForFunction(() => document.querySelectorAll('.ledger-table tbody tr').length < 9);
    const texts = await rows().evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(texts).toHaveLength(2);
    expect(texts.every((text) => text.includes('科技特派员'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
