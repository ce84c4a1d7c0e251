import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { graphOfLetters } from '../../ingest/pipeline.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { letterText, parseText } from '../helpers/parse.ts';
import { seededStore, startServer } from '../helpers/server.ts';

if (!HAS_CHROMIUM) console.warn('skipping the browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium, as .ci/run does)');

type Server = Awaited<ReturnType<typeof startServer>>;
type Hooks = { innograph: { state(): { status: string; view: string; selected: string | null; nodes: number }; visibleNodes(): number; lastLayout(): { finished: number; nodes: number } } };

describe.skipIf(!HAS_CHROMIUM)('the explorer in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let expectedNodes: number;

  const ready = async (p: Page) => {
    await p.waitForFunction(() => {
      const hooks = (window as unknown as Hooks).innograph;
      return hooks && hooks.state().status !== 'loading' && hooks.lastLayout().finished > 0;
    }, null, { timeout: 30_000 });
  };
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    const store = await seededStore();
    // A letter whose quoted platform name is markup: it must show as text.
    const hostile = letterText({ body: '您所提的《关于某事的建议》收悉。现答复如下：\n二、下一步工作计划\n强化“<img src=x onerror=alert(1)>在线”平台功能，力争服务企业100家。\n感谢您的支持。' });
    await store.replaceLetters(graphOfLetters([extractLetter(parseText(hostile, 'hostile.txt'))]), ['Letter:hostile.txt']);
    const allKinds = ['Letter', 'Proposal', 'Person', 'Organization', 'Platform', 'Enterprise', 'Policy', 'Programme', 'Commitment', 'Achievement'] as const;
    expectedNodes = (await store.overview({ limit: 5000, kinds: [...allKinds] })).nodes.length;
    server = await startServer(store, { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await ready(page);
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the whole ecosystem: as many nodes on the canvas as the store’s overview holds', async () => {
    const { visible, state } = await page.evaluate(() => ({ visible: (window as unknown as Hooks).innograph.visibleNodes(), state: (window as unknown as Hooks).innograph.state() }));
    expect(state.status).toBe('ready');
    expect(state.nodes).toBe(expectedNodes);
    expect(visible).toBe(expectedNodes);
    await expect.poll(() => page.locator('#legend').first().textContent()).toContain('平台 Platform');
    await shot('01-ecosystem');
  });

  it('the letter filter keeps only what that letter names, and says so in the URL', async () => {
    await page.locator('#filters select').nth(1).selectOption('Letter:001_04a38ffad57288c3.txt');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).innograph.visibleNodes())).toBeLessThan(expectedNodes * 0.6);
    expect(await page.evaluate(() => (window as unknown as Hooks).innograph.visibleNodes())).toBeGreaterThan(10);
    expect(new URL(page.url()).searchParams.get('letter')).toBe('Letter:001_04a38ffad57288c3.txt');
    await shot('01b-letter-filter');
    await page.locator('#filters select').nth(1).selectOption('');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).innograph.visibleNodes())).toBe(expectedNodes);
  });

  it('search 瓯江实验室 opens its panel with a source sentence, the name marked', async () => {
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('瓯江实验室');
    await page.locator('#search-results li[role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-name').first().textContent()).toBe('瓯江实验室');
    const mention = page.locator('#details .mention').first();
    await expect.poll(() => mention.locator('mark').first().textContent()).toBe('瓯江实验室');
    expect((await mention.textContent())!.length).toBeGreaterThan(20);
    expect(new URL(page.url()).searchParams.get('node')).toBe('Platform:瓯江实验室');
    await shot('02-search-details');
  });

  it('keeps the selection in the URL across a reload, and Esc clears it', async () => {
    await page.reload();
    await ready(page);
    await expect.poll(() => page.locator('#details-name').first().textContent()).toBe('瓯江实验室');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as Hooks).innograph.state().selected === null);
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
  });

  it('shows text from letters as text, never as markup', async () => {
    await page.locator('#search').fill('');
    await page.locator('#search').type('onerror');
    await page.locator('#search-results li[role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-name').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#details img, #search-results img').count()).toBe(0);
  });

  it('switches to the four-chain view with the chains as areas', async () => {
    await page.locator('[data-view="chains"]').click();
    await page.waitForFunction(() => (window as unknown as Hooks).innograph.state().view === 'chains');
    await ready(page);
    expect(new URL(page.url()).searchParams.get('view')).toBe('chains');
    expect(await page.evaluate(() => (window as unknown as Hooks).innograph.visibleNodes())).toBeGreaterThan(4);
    await shot('03-four-chains');
  });

  it('tapping a link between two chains lists what bridges them, with sentences', async () => {
    const links = await page.evaluate<string[]>('window.innograph.links()');
    expect(links.length).toBeGreaterThan(0);
    await page.evaluate(`window.innograph.tap(${JSON.stringify(links[0])})`);
    await expect.poll(() => page.locator('#link-title').textContent()).toMatch(/^(创新链|产业链|资金链|人才链) ↔ (创新链|产业链|资金链|人才链) \(\d+\)$/);
    expect(await page.locator('#details .bridge').count()).toBeGreaterThan(0);
    expect(await page.locator('#details .bridge .mention mark').count()).toBeGreaterThan(0);
  });

  it('opens a letter view with its proposal, proposers and commitments', async () => {
    await page.locator('[data-view="letter"]').click();
    await expect.poll(() => page.locator('#letter-title').first().textContent()).toMatch(/〔2024〕\d+号/);
    await page.locator('select[aria-label="选择答复函"]').selectOption('001_04a38ffad57288c3.txt');
    await expect.poll(() => page.locator('#letter-title').first().textContent()).toBe('温科提复〔2024〕109号');
    await expect.poll(() => page.locator('.letter-fields').first().textContent()).toContain('叶剑淼 委员');
    await expect.poll(() => page.locator('.letter-fields').first().textContent()).toContain('李贤 88962022');
    expect(new URL(page.url()).searchParams.get('source')).toBe('001_04a38ffad57288c3.txt');
    expect(await page.locator('.commitments-table tbody tr').count()).toBeGreaterThan(3);
    await shot('04-letter');
  });

  it('lists commitments in a sortable table and exports them as CSV', async () => {
    await page.locator('[data-view="commitments"]').click();
    await page.locator('#export-csv').waitFor();
    const rows = await page.locator('.commitments-table tbody tr').count();
    expect(rows).toBeGreaterThan(20);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(rows + 1);
    await shot('05-commitments');
  });

  it('exports the graph as a PNG image', async () => {
    await page.locator('[data-view="graph"]').click();
    await ready(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const png = await readFile((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('shows the path between two nodes chosen in the URL, and speaks English on request', async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(`${server.url}/?lang=en&from=${encodeURIComponent('Platform:瓯江实验室')}&to=${encodeURIComponent('Platform:中国眼谷')}`);
    await expect.poll(() => other.locator('#banner').textContent()).toMatch(/^Path: 瓯江实验室 → .+ → 中国眼谷$/);
    expect(await other.locator('[data-view="commitments"]').textContent()).toBe('Commitments');
    expect(await other.locator('#legend').textContent()).toContain('Platform');
    await other.screenshot({ path: join(SCREENSHOTS, '06-path-english.png') });
    await other.close();
  });

  it('says clearly when the API cannot be reached', async () => {
    const other = await browser.newPage();
    await other.route('**/graphql', (route) => route.abort());
    await other.goto(`${server.url}/`);
    await expect.poll(() => other.locator('#banner').first().textContent()).toContain('无法连接 API');
    await other.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('the explorer with nothing ingested', () => {
  it('says how to ingest letters', async () => {
    await ensureWebBuild();
    const server = await startServer(new MemoryStore({ path: null }), { webRoot: WEB_ROOT });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/?lang=en`);
      await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
      await expect.poll(() => page.locator('#empty').first().textContent()).toContain('npx innograph ingest data/letters');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
