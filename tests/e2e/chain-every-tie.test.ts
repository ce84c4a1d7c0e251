import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIE_RULES } from '../../domain/chain-ties.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, WEB_ROOT } from '../helpers/browser.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * No tie in the four-chain view lacks its reason or its sentence: every cell of the matrix opened in turn, every
 * tie it shows has a reason told in words (not a bare rule id such as prev-clause), its sentence with the tie's
 * words marked, and a link to that place in its letter. (tests/e2e/chain-reasons.test.ts looks at one cell and a
 * fund's side panel closely; tests/api/chain-ties.test.ts checks every tie the API gives.)
 */
const RULE_ID = new RegExp(`^(?:${Object.keys(TIE_RULES).join('|')})`);

describe.skipIf(!HAS_CHROMIUM)('every tie in the four-chain view says why', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer(await seededStore(), { webRoot: WEB_ROOT });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('in every cell, in Chinese and in English', async () => {
    for (const lang of ['zh', 'en']) {
      await page.goto(`${server.url}/?view=chains&lang=${lang}`);
      await page.locator('table.chain-matrix').waitFor();
      const cells = await page.locator('td.pair').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-pair')!));
      // Both halves of the matrix: each pair of chains twice.
      expect(cells.length).toBe(12);
      let seen = 0;
      let before: string | null = null;
      for (const cell of cells) {
        await page.locator(`td.pair[data-pair="${cell}"]`).click();
        // The cell's bridges are drawn when its title replaces the last cell's.
        await expect.poll(() => page.locator('#link-title').textContent()).not.toBe(before);
        before = await page.locator('#link-title').textContent();
        expect(before).toMatch(/ ↔ .*: \d+$/);
        const ties = await page.locator('#bridges .tie').evaluateAll((nodes) =>
          nodes.map((tie) => ({
            reason: tie.querySelector('.tie-reason')?.textContent ?? '',
            marked: tie.querySelectorAll('mark').length,
            evidence: tie.querySelector('.tie-evidence, .heading-evidence')?.textContent ?? '',
            links: tie.querySelectorAll('.source a').length,
          })),
        );
        for (const tie of ties) {
          const where = `${cell} (${lang}): ${tie.reason} | ${tie.evidence}`;
          expect(tie.reason, where).not.toMatch(RULE_ID);
          expect(tie.reason.length, where).toBeGreaterThan(4);
          expect(tie.marked, where).toBeGreaterThan(0);
          expect(tie.evidence.length, where).toBeGreaterThan(4);
          expect(tie.links, where).toBe(1);
        }
        seen += ties.length;
      }
      expect(seen).toBeGreaterThan(50);
    }
  });
});
