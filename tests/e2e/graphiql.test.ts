import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium, SCREENSHOTS } from '../helpers/browser.ts';
import { seededStore, startServer } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

// GraphiQL's scripts used to come from a CDN, so on a machine without internet /graphql was blank.
describe.skipIf(!HAS_CHROMIUM)('GraphiQL without internet', () => {
  let browser: Browser;
  let server: Server;

  beforeAll(async () => {
    server = await startServer(await seededStore());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads from the server alone, with the example queries in the editor, and runs one', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const elsewhere: string[] = [];
    // Every request that does not go to our server fails, as it would offline.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    // Monaco writes spaces as no-break spaces.
    const editorText = async () =>
      ((await page.locator('.graphiql-query-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect.poll(editorText, { timeout: 30_000 }).toContain('query WhoProposedWhat');
    expect(elsewhere).toEqual([]);
    // Run the first example: the answer names a seed letter's source file.
    await page.locator('.graphiql-execute-button').first().click();
    // The editor holds several operations, so GraphiQL asks which one to run.
    await page.getByRole('menuitem', { name: 'WhoProposedWhat' }).first().click();
    await expect
      .poll(() => page.locator('.graphiql-response').first().innerText(), { timeout: 30_000 })
      .toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
    await page.close();
  }, 120_000);
});
