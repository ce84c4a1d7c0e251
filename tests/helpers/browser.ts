import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './seeds.ts';

/**
 * Real headless Chromium (Debian's package) driven by playwright-core, for the
 * end-to-end tests. Where it is not installed the tests are skipped with a
 * printed reason; .ci/run installs it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const WEB_ROOT = join(REPO_ROOT, 'web/dist');
export const SCREENSHOTS = join(REPO_ROOT, 'tests/artifacts/screenshots');

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Builds the explorer if no build is there (npm test builds it first; this keeps a lone `vitest` honest). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}
