import type { Browser, Page } from 'playwright-core';
import { createServer } from '../api/create-server.ts';
import type { GraphStore } from '../store/port.ts';
import { HAS_CHROMIUM, launchChromium, WEB_ROOT, ensureWebBuild } from '../tests/helpers/browser.ts';

/**
 * The explorer in headless Chromium at 1440×900: how long the first view (the
 * summary) takes from navigation to drawn, per archive size, and how the
 * whole-graph mode does at a given number of nodes — layout time and frame
 * times while panning — with Cytoscape's canvas renderer and its WebGL one.
 */
export interface FirstViewFigures {
  letters: number;
  nodes: number;
  readyMs: number;
}
export interface WholeFigures {
  nodes: number;
  renderer: 'canvas' | 'webgl';
  readyMs: number;
  layoutMs: number;
  /** Panned by script each frame: every frame a full redraw (the worst case). */
  frameMsMedian: number;
  frameMsP95: number;
  /** Dragged with the mouse, as a person pans: frames during the drag, and the wait for the redraw after it. */
  dragFrameMsMedian: number;
  dragFrameMsP95: number;
  afterDragMs: number;
  /** Links on the canvas in the first view of the mode (the rest are drawn as one zooms in). */
  drawnEdges: number;
  error?: string;
}
export interface WebFigures {
  firstView: FirstViewFigures[];
  whole: WholeFigures[];
}

/**
 * Pans the view a little every animation frame and returns the frame times of 120 frames (or 20 s) after 60 frames
 * (or 20 s) of warm-up: Cytoscape builds its texture caches during the first pans, which then run far faster.
 */
const PAN_FRAMES = `new Promise((resolve) => {
  const deltas = [];
  let started = performance.now();
  let last = started;
  let warming = true;
  const step = (now) => {
    deltas.push(now - last);
    last = now;
    window.innograph.panBy(deltas.length % 2 ? 4 : -4, 2);
    if (warming && (deltas.length >= 60 || now - started > 20000)) { warming = false; deltas.length = 0; started = now; }
    if (warming || (deltas.length < 120 && now - started < 20000)) requestAnimationFrame(step);
    else resolve(deltas);
  };
  requestAnimationFrame(step);
})`;

/** Records the time between animation frames until stopped (window.__stopFrames()). */
const RECORD_FRAMES = `(() => { const deltas = []; let last = performance.now(); let on = true;
  const step = (now) => { if (!on) return; deltas.push(now - last); last = now; requestAnimationFrame(step); };
  requestAnimationFrame(step);
  window.__stopFrames = () => { on = false; return deltas.slice(1); }; })()`;

/** Drags the canvas's background with the mouse, 120 small moves (or 20 s); returns the frame times and the wait after. */
async function dragFrames(page: Page): Promise<{ frames: number[]; afterMs: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  // The top-left corner of the canvas is background in both layouts (the packing leaves a margin there).
  const [x, y] = [box.x + 6, box.y + 6];
  let result = { frames: [] as number[], afterMs: 0 };
  for (const pass of ['warm-up', 'measured']) {
    await page.evaluate(RECORD_FRAMES);
    await page.mouse.move(x, y);
    await page.mouse.down();
    const started = Date.now();
    for (let i = 0; i < 120 && Date.now() - started < 20_000; i++)
      await page.mouse.move(x + 4 * (i % 40), y + 3 * (i % 40));
    await page.mouse.up();
    const released = Date.now();
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const afterMs = Date.now() - released;
    const frames = await page.evaluate<number[]>('window.__stopFrames()');
    if (pass === 'measured') result = { frames: frames.sort((a, b) => a - b), afterMs };
  }
  return result;
}

interface Drawn {
  readyMs: number;
  layoutMs: number;
  nodes: number;
  frames: number[] | null;
  drag: { frames: number[]; afterMs: number } | null;
  drawnEdges: number;
}

async function drawn(browser: Browser, url: string): Promise<Drawn> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    // A string, not a function: the TypeScript loader would wrap a function with helpers the page does not have.
    await page.waitForFunction('window.innograph && window.innograph.lastLayout().finished > 0', null, {
      timeout: 180_000,
      polling: 100,
    });
    const layout = await page.evaluate<{ started: number; finished: number; nodes: number }>(
      'window.innograph.lastLayout()',
    );
    const whole = url.includes('all=1');
    const drawnEdges = await page.evaluate<number>('window.innograph.drawnEdges()');
    const drag = whole ? await dragFrames(page) : null;
    const frames = whole ? (await page.evaluate<number[]>(PAN_FRAMES)).sort((a, b) => a - b) : null;
    return {
      readyMs: Math.round(layout.finished),
      layoutMs: Math.round(layout.finished - layout.started),
      nodes: layout.nodes,
      frames,
      drag,
      drawnEdges,
    };
  } finally {
    await page.close();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function measureWeb(
  firstView: Array<{ letters: number; store: GraphStore }>,
  whole: { store: GraphStore; sizes: number[] } | null,
  onStep?: (what: string) => void,
): Promise<WebFigures | string> {
  if (!HAS_CHROMIUM) return 'skipped: no Chromium at /usr/bin/chromium';
  await ensureWebBuild();
  const browser = await launchChromium();
  const figures: WebFigures = { firstView: [], whole: [] };
  const serve = async <T>(store: GraphStore, run: (url: string) => Promise<T>): Promise<T> => {
    const server = createServer({ store, webRoot: WEB_ROOT });
    const url = await server.listen(0);
    try {
      return await run(url);
    } finally {
      await server.close();
    }
  };
  try {
    for (const { letters, store } of firstView) {
      onStep?.(`first view at ${letters} letters`);
      // The second load is the one reported: the first also pays for the server's and browser's warm-up.
      const result = await serve(store, async (url) => {
        await drawn(browser, `${url}/`);
        return drawn(browser, `${url}/`);
      });
      figures.firstView.push({ letters, nodes: result.nodes, readyMs: result.readyMs });
    }
    for (const size of whole?.sizes ?? []) {
      for (const renderer of ['canvas', 'webgl'] as const) {
        onStep?.(`whole graph at ${size} nodes, ${renderer}`);
        try {
          const r = await serve(whole!.store, (url) =>
            drawn(browser, `${url}/?all=1&limit=${size}${renderer === 'webgl' ? '&webgl=1' : ''}`),
          );
          const frames = r.frames ?? [0];
          const drag = r.drag?.frames.length ? r.drag.frames : [0];
          const at = (xs: number[], q: number) => round(xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]);
          figures.whole.push({
            nodes: r.nodes,
            renderer,
            readyMs: r.readyMs,
            layoutMs: r.layoutMs,
            frameMsMedian: at(frames, 0.5),
            frameMsP95: at(frames, 0.95),
            dragFrameMsMedian: at(drag, 0.5),
            dragFrameMsP95: at(drag, 0.95),
            afterDragMs: r.drag?.afterMs ?? 0,
            drawnEdges: r.drawnEdges,
          });
        } catch (error) {
          // One size or renderer that does not finish is a figure too; the others are still measured.
          figures.whole.push({
            nodes: size,
            renderer,
            readyMs: -1,
            layoutMs: -1,
            frameMsMedian: -1,
            frameMsP95: -1,
            dragFrameMsMedian: -1,
            dragFrameMsP95: -1,
            afterDragMs: -1,
            drawnEdges: -1,
            error: (error as Error).message.split('\n')[0],
          });
        }
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}
