import type { Browser, CDPSession, Page } from 'playwright-core';
import { createServer } from '../api/create-server.ts';
import { MapCache } from '../api/map/map-cache.ts';
import type { GraphStore } from '../store/port.ts';
import { ensureWebBuild, HAS_CHROMIUM, launchChromium, WEB_ROOT } from '../tests/helpers/browser.ts';

/**
 * The ecosystem map (issue 25) in headless Chromium at 1440×900, per archive
 * size: how long its layout takes on the server (once per graph version, off
 * the request path), how long from navigation until the map is usable (drawn,
 * names placed, taking clicks), frame times while panning (the picture moved
 * every frame, names placed again), a full redraw after a gesture, and the
 * page's JavaScript heap.
 */
export interface MapFigures {
  letters: number;
  things: number;
  links: number;
  communities: number;
  /** The server's layout of this graph version (Louvain, ForceAtlas2, discs spread apart), once. */
  layoutSeconds: number;
  /** Navigation → the map drawn and usable, the layout already kept. */
  usableMs: number;
  panFrameMsMedian: number;
  panFrameMsP95: number;
  redrawMs: number;
  heapMiB: number;
  error?: string;
}

/** Pans a little every animation frame: 60 frames of warm-up, then the times of 180. */
const PAN_FRAMES = `new Promise((resolve) => {
  const deltas = []; let last = performance.now(); let n = 0;
  const step = (now) => {
    deltas.push(now - last); last = now; n++;
    window.innograph.map.panBy(n % 2 ? 6 : -6, 3);
    if (n < 240) requestAnimationFrame(step); else resolve(deltas.slice(60));
  };
  requestAnimationFrame(step);
})`;

async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round((used / 2 ** 20) * 10) / 10;
}

async function onePage(browser: Browser, url: string): Promise<Omit<MapFigures, 'letters' | 'layoutSeconds'>> {
  const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction('window.innograph && window.innograph.map.ready()', null, {
      timeout: 300_000,
      polling: 50,
    });
    const usableMs = Date.now() - started;
    const counts = await page.evaluate<{ things: number; links: number; communities: number }>(
      'window.innograph.map.counts()',
    );
    const frames = (await page.evaluate<number[]>(PAN_FRAMES)).sort((a, b) => a - b);
    const redraws: number[] = [];
    for (let i = 0; i < 5; i++) redraws.push(await page.evaluate<number>('window.innograph.map.redrawMs()'));
    redraws.sort((a, b) => a - b);
    const at = (q: number) => Math.round(frames[Math.min(frames.length - 1, Math.floor(frames.length * q))] * 10) / 10;
    return {
      ...counts,
      usableMs,
      panFrameMsMedian: at(0.5),
      panFrameMsP95: at(0.95),
      redrawMs: Math.round(redraws[2]),
      heapMiB: await heapMiB(cdp),
    };
  } finally {
    await page.close();
  }
}

export async function measureMap(
  archives: Array<{ letters: number; store: GraphStore }>,
  onStep?: (what: string) => void,
): Promise<MapFigures[] | string> {
  if (!HAS_CHROMIUM) return 'skipped: no Chromium at /usr/bin/chromium';
  await ensureWebBuild();
  const browser = await launchChromium();
  const figures: MapFigures[] = [];
  try {
    for (const { letters, store } of archives) {
      onStep?.(`map of ${letters} letters: layout`);
      const started = performance.now();
      // The layout the server computes once per version (kept beside the store: a second run reads it back).
      const state = await new MapCache().ready(store);
      const layoutSeconds =
        state.status === 'READY'
          ? Math.round(state.map.stats.buildMs / 100) / 10
          : (performance.now() - started) / 1000;
      const server = createServer({ store, webRoot: WEB_ROOT });
      const url = await server.listen(0);
      try {
        onStep?.(`map of ${letters} letters: in the browser`);
        // The first load warms the server (its map cache) and the browser; the second is reported.
        await onePage(browser, `${url}/?all=1`);
        figures.push({ letters, layoutSeconds, ...(await onePage(browser, `${url}/?all=1`)) });
      } catch (error) {
        figures.push({
          letters,
          layoutSeconds,
          things: 0,
          links: 0,
          communities: 0,
          usableMs: -1,
          panFrameMsMedian: -1,
          panFrameMsP95: -1,
          redrawMs: -1,
          heapMiB: -1,
          error: (error as Error).message.split('\n')[0],
        });
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

export function mapTable(figures: MapFigures[] | string): string[] {
  if (typeof figures === 'string') return ['', `map: ${figures}`];
  return [
    '',
    'ecosystem map  letters  things  links  communities  layout s (once)  usable ms  pan frame ms (median / p95)  redraw ms  heap MiB',
    ...figures.map((f) =>
      f.error
        ? `${String(f.letters).padStart(22)}  failed: ${f.error}`
        : `${String(f.letters).padStart(22)} ${String(f.things).padStart(7)} ${String(f.links).padStart(6)} ${String(f.communities).padStart(12)} ${f.layoutSeconds.toFixed(1).padStart(16)} ${String(f.usableMs).padStart(10)}   ${`${f.panFrameMsMedian} / ${f.panFrameMsP95}`.padEnd(28)} ${String(f.redrawMs).padStart(9)} ${String(f.heapMiB).padStart(9)}`,
    ),
  ];
}
