import { createServer } from '../api/create-server.ts';
import type { GraphStore } from '../store/port.ts';
import { HAS_CHROMIUM, launchChromium, WEB_ROOT, ensureWebBuild } from '../tests/helpers/browser.ts';

export interface WebFigures { nodes: number; firstLayoutMs: number; layoutMs: number; frameMsMedian: number; frameMsP95: number }


/** Time from navigation to a laid-out graph, and frame times while panning, in headless Chromium. */
/** Pans the view a little every animation frame, 120 frames, and returns the frame times. */
const PAN_FRAMES = `new Promise((resolve) => {
  const deltas = [];
  let last = performance.now();
  const step = (now) => {
    deltas.push(now - last);
    last = now;
    window.innograph.panBy(4, 2);
    if (deltas.length < 120) requestAnimationFrame(step);
    else resolve(deltas.slice(5));
  };
  requestAnimationFrame(step);
})`;

export async function measureWeb(store: GraphStore, sizes: number[], onSize?: (n: number) => void): Promise<WebFigures[] | string> {
  if (!HAS_CHROMIUM) return 'skipped: no Chromium at /usr/bin/chromium';
  await ensureWebBuild();
  const server = createServer({ store, webRoot: WEB_ROOT });
  const url = await server.listen(0);
  const browser = await launchChromium();
  const figures: WebFigures[] = [];
  try {
    for (const size of sizes) {
      onSize?.(size);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${url}/?limit=${size}`);
      await page.waitForFunction('window.innograph && window.innograph.lastLayout().finished > 0', null, { timeout: 180_000, polling: 100 });
      const layout = await page.evaluate<{ started: number; finished: number; nodes: number }>('window.innograph.lastLayout()');
      // A string, not a function: the TypeScript loader would wrap a function with helpers the page does not have.
      const frames = await page.evaluate<number[]>(PAN_FRAMES);
      frames.sort((a, b) => a - b);
      figures.push({
        nodes: layout.nodes, firstLayoutMs: Math.round(layout.finished), layoutMs: Math.round(layout.finished - layout.started),
        frameMsMedian: Math.round(frames[Math.floor(frames.length / 2)] * 10) / 10, frameMsP95: Math.round(frames[Math.floor(frames.length * 0.95)] * 10) / 10,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
