import { mkdirSync } from 'node:fs';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, SCREENSHOTS, WEB_ROOT } from '../helpers/browser.ts';
import { letterText } from '../helpers/parse.ts';
import { seededStore, startServer } from '../helpers/server.ts';
import { clickNode, collisions, expectReadableSummary, offScreen, RAW_CODES, ready, screen } from './screen.ts';

if (!HAS_CHROMIUM)
  console.warn(
    'skipping the browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium, as .ci/run does)',
  );

type Server = Awaited<ReturnType<typeof startServer>>;
const hooks = <T>(page: Page, call: string) => page.evaluate<T>(`window.innograph.${call}`);

describe.skipIf(!HAS_CHROMIUM)('the explorer in headless Chromium, on the seed letters', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  /** Console warnings and errors and page errors, from every page the tests open; none is expected. */
  const complaints: string[] = [];
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const open = async (path: string) => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    p.setDefaultTimeout(15_000);
    p.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') complaints.push(`${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => complaints.push(`pageerror: ${e.message}`));
    await p.goto(`${server.url}${path}`);
    return p;
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    const store = await seededStore();
    // A letter whose quoted platform name is markup: it must show as text.
    const hostile = letterText({
      body: '您所提的《关于某事的建议》收悉。现答复如下：\n二、下一步工作计划\n强化“<img src=x onerror=alert(1)>在线”平台功能，力争服务企业100家。\n感谢您的支持。',
    });
    await ingestTexts(
      [{ source: 'hostile.txt', path: 'hostile.txt', format: 'txt', encoding: 'utf-8', text: hostile }],
      store,
      {
        workers: 0,
      },
    );
    server = await startServer(store, { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await open('/');
    await ready(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('first view: the most-mentioned things, by kind, every label readable — no two labels or nodes overlap, all on screen', async () => {
    // Sentence-fragment commitments and achievements wait until asked for.
    const things = expectReadableSummary(await screen(page));
    // The thing most linked in the archive is there.
    const top = (
      await server.gql(
        'query { overview(limit: 1, kinds: [Organization, Platform, Programme, Policy, Enterprise]) { nodes { id } } }',
      )
    ).body.data!.overview.nodes[0].id;
    expect(things.map((n) => n.id)).toContain(top);
    expect(await page.locator('#legend').textContent()).toContain('平台');
    await shot('01-first-view');
  });

  it('draws the same picture for the same URL', async () => {
    const other = await open('/');
    await ready(other);
    expect(await hooks(other, 'positions()')).toEqual(await hooks(page, 'positions()'));
    await other.close();
  });

  it('a click lands on the node under the pointer; a double-click adds its neighbours around it without moving anything or zooming in; undo takes them away', async () => {
    const target = 'Platform:瓯江实验室';
    await clickNode(page, target);
    await expect.poll(() => page.locator('#details-name').textContent()).toBe('瓯江实验室');
    await page.keyboard.press('Escape');
    const before = await hooks<Record<string, [number, number]>>(page, 'positions()');
    const viewport = await hooks(page, 'viewport()');
    await clickNode(page, target, { double: true });
    await expect.poll(() => hooks<number>(page, 'state().expansions')).toBe(1);
    const after = await hooks<Record<string, [number, number]>>(page, 'positions()');
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.keys(before).map((id) => [id, after[id]]))).toEqual(before);
    expect((await hooks<{ zoom: number }>(page, 'viewport()')).zoom).toBeLessThanOrEqual(
      (viewport as { zoom: number }).zoom,
    );
    // The new things sit near the node and clear of everything else.
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    await shot('02-expanded');
    await page.locator('#undo-expand').click();
    await expect.poll(() => hooks<Record<string, unknown>>(page, 'positions()')).toEqual(before);
    expect(await hooks(page, 'viewport()')).toEqual(viewport);
  });

  it('an expand at the edge of the canvas brings what it adds into view (a pan; a zoom out only if it must), nothing else moves, and undo restores the view', async () => {
    type Viewport = { zoom: number; pan: { x: number; y: number } };
    const s = await screen(page);
    const lowest = s.nodes.filter((n) => n.kind !== 'GroupTitle').sort((a, b) => b.body.y2 - a.body.y2)[0].id;
    const before = await hooks<Record<string, [number, number]>>(page, 'positions()');
    const viewport = await hooks<Viewport>(page, 'viewport()');
    await clickNode(page, lowest, { double: true });
    await expect.poll(() => hooks<number>(page, 'state().expansions')).toBe(1);
    const after = await hooks<Record<string, [number, number]>>(page, 'positions()');
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.length).toBeGreaterThan(0);
    // Where the view stood, some of them would have been off screen.
    const offAt = (id: string, v: Viewport) => {
      const [x, y] = [after[id][0] * v.zoom + v.pan.x, after[id][1] * v.zoom + v.pan.y];
      return x < 0 || y < 0 || x > s.width || y > s.height;
    };
    expect(added.filter((id) => offAt(id, viewport)).length).toBeGreaterThan(0);
    const now = await screen(page);
    expect(offScreen({ ...now, nodes: now.nodes.filter((n) => added.includes(n.id) || n.id === lowest) })).toEqual([]);
    expect(now.nodes.filter((n) => added.includes(n.id) && n.label === null)).toEqual([]);
    expect(collisions(now)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(Object.fromEntries(Object.keys(before).map((id) => [id, after[id]]))).toEqual(before);
    expect((await hooks<Viewport>(page, 'viewport()')).zoom).toBeLessThanOrEqual(viewport.zoom);
    await shot('02b-expanded-at-edge');
    await page.locator('#undo-expand').click();
    await expect.poll(() => hooks<Viewport>(page, 'viewport()')).toEqual(viewport);
    expect(await hooks(page, 'positions()')).toEqual(before);
  });

  it('the chain filter keeps what advances that chain (chains asked for after the first paint) and lays it out again', async () => {
    const before: string[] = await hooks(page, 'ids()');
    await page.locator('#filters select').first().selectOption('人才链');
    await expect.poll(async () => (await hooks<string[]>(page, 'ids()')).length).toBeLessThan(before.length);
    const kept: string[] = await hooks(page, 'ids()');
    expect(kept.length).toBeGreaterThan(0);
    const chains = (
      await server.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id chains { chain { name } } } }', { ids: kept })
    ).body.data!.nodes as Array<{ id: string; chains: Array<{ chain: { name: string } }> }>;
    expect(chains.filter((n) => !n.chains.some((c) => c.chain.name === '人才链')).map((n) => n.id)).toEqual([]);
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(offScreen(s)).toEqual([]);
    await page.locator('#filters select').first().selectOption('');
    await expect.poll(async () => (await hooks<string[]>(page, 'ids()')).length).toBe(before.length);
  });

  it('choosing a letter brings its things onto the canvas (proposal, proposers, issuer, what it names and commits to), laid out without overlap; clearing it restores the summary', async () => {
    const letter = 'Letter:001_04a38ffad57288c3.txt';
    const before = (await hooks<string[]>(page, 'ids()')).sort();
    type Near = { node: { id: string; kind: string } };
    const neighbours = async (id: string, types: string | null = null) =>
      (
        (
          await server.gql(
            `query($id: ID!) { node(id: $id) { neighbours(first: 500${types ? `, edgeTypes: [${types}]` : ''}) { node { id kind } } } }`,
            { id },
          )
        ).body.data!.node.neighbours as Near[]
      ).map((n) => n.node);
    // Achievements (sentence fragments) wait for an expand, as in the summary.
    // Its place (issue 22) is a field of the letter, not a thing on the canvas.
    const things = (await neighbours(letter)).filter(
      (n) => n.kind !== 'Chain' && n.kind !== 'Achievement' && n.kind !== 'Place',
    );
    const proposal = things.find((n) => n.kind === 'Proposal')!.id;
    const proposers = await neighbours(proposal, 'PROPOSED_BY');
    expect(proposers.length).toBeGreaterThan(0);
    expect(things.filter((n) => n.kind === 'Commitment').length).toBeGreaterThan(0);
    const expected = [...new Set([letter, ...things.map((n) => n.id), ...proposers.map((n) => n.id)])].sort();
    // A thing of the summary the letter does not name is selected first.
    const other = before.find((id) => !expected.includes(id))!;
    await clickNode(page, other);
    await expect.poll(() => hooks<string | null>(page, 'state().selected')).toBe(other);
    await page.locator('#filters select').nth(1).selectOption(letter);
    await expect.poll(async () => (await hooks<string[]>(page, 'ids()')).sort()).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('letter')).toBe(letter);
    const s = await screen(page);
    expect(collisions(s)).toEqual({ labels: [], nodes: [], labelOnNode: [] });
    expect(offScreen(s)).toEqual([]);
    expect(s.nodes.filter((n) => n.label === null)).toEqual([]);
    // Nothing is greyed out for a selection the letter does not name.
    expect(await hooks<number>(page, 'faded()')).toBe(0);
    // Each kind under a title that counts what is shown.
    const totals = new Map(
      (
        (await server.gql('query { stats { byKind { kind count } } }')).body.data!.stats.byKind as Array<{
          kind: string;
          count: number;
        }>
      ).map((k) => [k.kind, k.count]),
    );
    expect(await hooks<string[]>(page, 'titles()')).toContain(`提案建议（1 / 共 ${totals.get('Proposal')}）`);
    // The legend names the kinds shown: the letter's own among them, none the filter hides.
    expect(await page.locator('#legend').textContent()).toContain('答复函');
    await shot('09-letter-filter');
    await page.locator('#filters select').nth(1).selectOption('');
    await expect.poll(async () => (await hooks<string[]>(page, 'ids()')).sort()).toEqual(before);
    expect(await page.locator('#legend').textContent()).not.toContain('答复函');
    // Kinds unticked leave the legend too.
    const platforms = page.locator('#filters label', { hasText: '平台 Platform' }).locator('input');
    await platforms.uncheck();
    await expect.poll(() => page.locator('#legend').textContent()).not.toContain('平台');
    await platforms.check();
    await expect.poll(() => page.locator('#legend').textContent()).toContain('平台');
    expect(collisions(await screen(page))).toEqual({ labels: [], nodes: [], labelOnNode: [] });
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
  });

  it('from a mention in the side panel, opens the letter scrolled to that sentence, its extractions marked by kind', async () => {
    const mention = page.locator('#details .mention').first();
    const sentence = (await mention.locator('span').first().textContent())!;
    await mention.locator('.source a').click();
    await page.locator('#letter-text').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('letter');
    const focus = (await page.locator('#letter-text .focus').allTextContents()).join('');
    expect(focus).toContain(sentence.replace(/[。；！？]$/, ''));
    await expect.poll(() => page.locator('#letter-text .focus').first().isVisible()).toBe(true);
    const inView = await page
      .locator('#letter-text .focus')
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
    expect(inView).toBe(true);
    // The platform is marked where the sentence names it, in the platform colour's kind.
    expect(
      await page.locator('#letter-text mark.focus[data-kind="Platform"]', { hasText: '瓯江实验室' }).count(),
    ).toBeGreaterThan(0);
    // The whole text is there: as long as the API's letter text.
    const source = new URL(page.url()).searchParams.get('source')!;
    const text = (await server.gql('query($s: String!) { letter(source: $s) { text } }', { s: source })).body.data!
      .letter.text as string;
    expect((await page.locator('#letter-text').textContent())!.replace(/\s+/g, '').length).toBeGreaterThanOrEqual(
      text.replace(/\s+/g, '').length,
    );
    // Commitments show their figure; a click on a marked thing shows it in the side panel.
    expect(await page.locator('#letter-text .clause.k-Commitment .figure').count()).toBeGreaterThan(0);
    await page.locator('#letter-text mark[data-kind="Programme"]').first().click();
    await expect.poll(() => page.locator('#details .kind').first().textContent()).toContain('举措');
    await expect.poll(() => page.locator('.letter-fields').first().textContent()).toContain('发文单位');
    await shot('03-letter-reader');
  });

  it('reads any letter from the picker, with proposal, proposers and contacts beside the text', async () => {
    await page.locator('select[aria-label="选择答复函"]').selectOption('001_04a38ffad57288c3.txt');
    await expect.poll(() => page.locator('#letter-title').first().textContent()).toBe('温科提复〔2024〕109号');
    await expect.poll(() => page.locator('.letter-fields').first().textContent()).toContain('叶剑淼 委员');
    await expect.poll(() => page.locator('.letter-fields').first().textContent()).toContain('李贤 88962022');
    expect(await page.locator('.commitments-table tbody tr').count()).toBeGreaterThan(3);
  });

  it('shows text from letters as text, never as markup', async () => {
    await page.locator('#search').fill('onerror');
    // The list of the search before may still be there: wait for this one's.
    await page.locator('#search-results li[role="option"]', { hasText: 'onerror' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details-name').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#details img, #search-results img').count()).toBe(0);
  });

  it('the four-chain matrix counts bridges per pair on the bases chosen, and a click lists them with their sentences', async () => {
    await page.locator('[data-view="chains"]').click();
    await page.locator('table.chain-matrix').waitFor();
    const cells = page.locator('td.pair');
    expect(await cells.count()).toBe(12);
    const counts = async () => (await cells.locator('strong').allTextContents()).map(Number);
    const headingAndSentence = await counts();
    expect(Math.max(...headingAndSentence)).toBeGreaterThan(0);
    // Leaving out headings can only lower a count.
    await page.locator('input[name="basis"][value="HEADING"]').uncheck();
    await expect.poll(counts).not.toEqual(headingAndSentence);
    (await counts()).forEach((n, i) => expect(n).toBeLessThanOrEqual(headingAndSentence[i]));
    await page.locator('input[name="basis"][value="HEADING"]').check();
    await expect.poll(counts).toEqual(headingAndSentence);
    // The strongest pair: its bridges, each tied to both chains by a sentence; a heading shown as a heading, the sentence under it.
    const strongest = headingAndSentence.indexOf(Math.max(...headingAndSentence));
    await cells.nth(strongest).click();
    await expect
      .poll(() => page.locator('#link-title').textContent())
      .toMatch(/^(创新链|产业链|资金链|人才链) ↔ (创新链|产业链|资金链|人才链): \d+$/);
    const [a, b] = (await page.locator('#link-title').textContent())!.split(':')[0].split(' ↔ ');
    const bridge = page.locator('#bridges .bridge').first();
    // Tied to both chains: by one tie naming both (one heading says 产业链和创新链), or one tie each.
    const tieChains = (await bridge.locator('.tie-chain').allTextContents()).join(' ');
    expect(tieChains).toContain(a);
    expect(tieChains).toContain(b);
    expect(await page.locator('#bridges .tie mark').count()).toBeGreaterThan(0);
    if ((await page.locator('#bridges .heading-evidence').count()) > 0)
      expect(await page.locator('#bridges .heading-evidence + .under-heading').count()).toBeGreaterThan(0);
    await shot('04-four-chains');
  });

  it('sorts the commitments table on its header cells with an arrow, and never mixes units when sorting by value', async () => {
    await page.locator('[data-view="commitments"]').click();
    await page.locator('#export-csv').waitFor();
    const header = page.locator('.commitments-table th', { hasText: '数值' }).first();
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect(await header.textContent()).toContain('▲');
    const rows = await page
      .locator('.commitments-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [Number(tr.children[1].textContent), tr.children[2].textContent ?? '']));
    expect(rows.length).toBeGreaterThan(20);
    // Each unit is one run of rows, and within it the values climb.
    const runs: string[] = [];
    for (const [, unit] of rows) if (runs.at(-1) !== unit) runs.push(unit as string);
    expect(new Set(runs).size).toBe(runs.length);
    rows.forEach(([value, unit], i) => {
      if (i > 0 && rows[i - 1][1] === unit) expect(value).toBeGreaterThanOrEqual(rows[i - 1][0] as number);
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(rows.length + 1);
    await shot('05-commitments');
  });

  it('exports the graph as a PNG image', async () => {
    await page.locator('[data-view="graph"]').click();
    await page.locator('#exports').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const png = await readFile((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('the whole-graph button shows the map of every thing the letters talk about, names never over one another', async () => {
    const kinds = ['Organization', 'Platform', 'Enterprise', 'Policy', 'Programme'];
    const talkedAbout = (
      await server.gql('query($kinds: [NodeKind!]) { overview(limit: 5000, kinds: $kinds) { nodes { id } } }', {
        kinds,
      })
    ).body.data!.overview.nodes.map((n: { id: string }) => n.id);
    const summary = await hooks<number>(page, 'visibleNodes()');
    await page.locator('#toggle-whole').click();
    await page.waitForFunction('window.innograph.map.ready()', null, { timeout: 60_000 });
    const onMap = await hooks<Array<{ id: string }>>(page, 'map.top(100000)');
    expect(onMap.length).toBeGreaterThan(summary);
    // Every thing on the map is one the letters talk about; the few left out are hubs or named only in headers.
    expect(onMap.filter((t) => !talkedAbout.includes(t.id))).toEqual([]);
    expect(onMap.length).toBeGreaterThan(talkedAbout.length * 0.8);
    expect(new URL(page.url()).searchParams.get('all')).toBe('1');
    const labels = await hooks<Array<{ box: { x1: number; y1: number; x2: number; y2: number } }>>(
      page,
      'map.labels()',
    );
    const hit = (a: (typeof labels)[0]['box'], b: (typeof labels)[0]['box']) =>
      a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    expect(labels.filter((a, i) => labels.slice(i + 1).some((b) => hit(a.box, b.box)))).toEqual([]);
    await shot('06-whole-graph');
    // Back to the summary (without what earlier tests expanded).
    await page.locator('#toggle-whole').click();
    await expect.poll(() => hooks<number>(page, 'visibleNodes()'), { timeout: 30_000 }).toBeLessThanOrEqual(summary);
    expect(new URL(page.url()).searchParams.get('all')).toBeNull();
  }, 90_000);

  it('a path runs through shared content, the banner names each link, and Esc clears it', async () => {
    const other = await open(
      `/?lang=en&from=${encodeURIComponent('Platform:瓯江实验室')}&to=${encodeURIComponent('Platform:中国眼谷')}`,
    );
    await expect
      .poll(() => other.locator('#banner-text').textContent())
      .toMatch(/^Path: 瓯江实验室 —[a-z ]+— .+ —[a-z ]+— 中国眼谷$/);
    const banner = (await other.locator('#banner-text').textContent())!;
    expect(banner).not.toMatch(RAW_CODES);
    expect(banner).not.toContain('—cc—');
    await shot('07-path-english', other);
    await other.keyboard.press('Escape');
    await expect.poll(() => other.locator('#banner').isHidden()).toBe(true);
    expect(new URL(other.url()).searchParams.get('from')).toBeNull();
    await other.close();
  });

  it('a path left out of the hubs by default comes through them when "include hubs" is ticked, in both languages, and the URL keeps the switch', async () => {
    // 市府办 is only ever copied in (抄送): no path through shared content reaches it.
    const path = `/?lang=en&from=${encodeURIComponent('Organization:市府办@温州市')}&to=${encodeURIComponent('Platform:中国眼谷')}`;
    const other = await open(path);
    await expect.poll(() => other.locator('#banner-text').textContent()).toContain('No path through shared content');
    const hubs = other.locator('#path-hubs');
    expect(await hubs.isChecked()).toBe(false);
    expect(await other.locator('#banner label').textContent()).toContain('Include hubs');
    await hubs.check();
    await expect
      .poll(() => other.locator('#banner-text').textContent())
      .toMatch(/^Path: 市府办 \(温州市\) —cc— .+ —[a-z ]+— 中国眼谷$/);
    expect(new URL(other.url()).searchParams.get('hubs')).toBe('1');
    await shot('10-path-hubs-en', other);
    // The switch survives a reload, and the banner follows the language.
    await other.goto(other.url());
    await expect.poll(() => other.locator('#banner-text').textContent()).toMatch(/^Path: 市府办 \(温州市\) —cc— /);
    expect(await other.locator('#path-hubs').isChecked()).toBe(true);
    await other.locator('#lang').click();
    await expect
      .poll(() => other.locator('#banner-text').textContent())
      .toMatch(/^路径: 市府办（温州市） —抄送— .+ 中国眼谷$/);
    expect(await other.locator('#banner label').textContent()).toContain('含公共链接');
    expect(await other.locator('#banner').innerText()).not.toMatch(RAW_CODES);
    await shot('10-path-hubs-zh', other);
    await other.locator('#path-hubs').uncheck();
    await expect.poll(() => other.locator('#banner-text').textContent()).toContain('没有经过共同内容的路径');
    expect(new URL(other.url()).searchParams.get('hubs')).toBeNull();
    await other.close();
  });

  it('at 1,024 px the filters fold, and a thing picked at the right edge stays on the canvas, whole, when the side panel opens', async () => {
    const narrow = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      narrow.on('pageerror', (e) => complaints.push(`pageerror: ${e.message}`));
      await narrow.goto(`${server.url}/`);
      await ready(narrow);
      expect(await narrow.locator('#filters').isVisible()).toBe(false);
      // The side panel folded first: the canvas takes the width, and its rightmost thing is the one a panel would cover.
      if (await narrow.locator('#details').isVisible()) await narrow.locator('[data-panel="details"]').click();
      await expect.poll(() => narrow.locator('#details').isVisible()).toBe(false);
      // The canvas takes the freed width once its container has been laid out again: waited for, not timed.
      const settled = async () =>
        (await screen(narrow)).width ===
        (await narrow.evaluate<number>("document.getElementById('graph').clientWidth"));
      await expect.poll(settled).toBe(true);
      const before = await screen(narrow);
      const right = before.nodes.filter((n) => n.kind !== 'GroupTitle').sort((a, b) => b.body.x2 - a.body.x2)[0];
      await clickNode(narrow, right.id);
      await expect.poll(() => hooks<string | null>(narrow, 'state().selected')).toBe(right.id);
      await expect.poll(() => narrow.locator('#details').isVisible()).toBe(true);
      // The canvas gives the panel its width once the page has laid itself out again: waited for, not timed.
      await expect.poll(async () => (await screen(narrow)).width).toBeLessThan(before.width);
      await narrow.evaluate('new Promise((r) => setTimeout(r, 400))');
      const after = await screen(narrow);
      expect(after.width).toBeLessThan(before.width);
      expect(offScreen({ ...after, nodes: after.nodes.filter((n) => n.id === right.id) })).toEqual([]);
      await shot('explorer-1024', narrow);
    } finally {
      await narrow.close();
    }
  });

  it('speaks both languages whole: no raw codes in any view, in Chinese or in English', async () => {
    for (const lang of ['zh', 'en']) {
      for (const view of ['graph', 'chains', 'letter', 'commitments']) {
        const other = await open(`/?lang=${lang}&view=${view}&node=${encodeURIComponent('Platform:瓯江实验室')}`);
        await other.waitForFunction('window.innograph && window.innograph.state().status === "ready"');
        await other.waitForTimeout(500);
        const text = await other.locator('body').innerText();
        expect(text, `${lang} ${view}`).not.toMatch(RAW_CODES);
        if (lang === 'en') expect(text, `${lang} ${view}`).not.toMatch(/生态图|承诺目标表|类型|依据/);
        if (view === 'chains') await shot(`08-chains-${lang}`, other);
        await other.close();
      }
    }
  });

  it('has a favicon, and no console warnings or errors on any page opened', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await fetch(new URL(href!, `${server.url}/`))).status).toBe(200);
    expect(complaints).toEqual([]);
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
      await expect
        .poll(() => page.locator('#empty').first().textContent())
        .toContain('npx innograph ingest data/letters');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
