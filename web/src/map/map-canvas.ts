import { labelLevels, type LabelAnchor, zoomSteps } from './label-levels.ts';
import type { MapData } from './map-data.ts';
import { anchorsOf, drawMap, type Look, type PlacedLabel, placeLabels, type View } from './map-draw.ts';
import { MapPointer } from './map-pointer.ts';

export const LABEL_FONT = '12px "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif';
export const LABEL_HEIGHT = 15;
export const MIN_ZOOM_FACTOR = 0.5;
export const MAX_ZOOM = 8;

export interface MapEvents {
  select(id: string | null): void;
  /** The view rests after a move (kept in the URL). */
  moved(view: View): void;
  /** The canvas changed size (a panel folded, the window narrowed). */
  resized(): void;
}

/**
 * The map on screen: owns its canvas, the view (zoom, pan) and what is lit.
 * The links and discs are drawn into a picture a screen larger than the view
 * and only moved while one pans or zooms (a frame then costs one drawImage
 * and the names); the picture is drawn again once the view rests. Names are
 * placed every frame from their levels (label-levels.ts), so none overlaps
 * another at any zoom.
 */
export class MapCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly picture = document.createElement('canvas');
  private pictureView: View = { k: 0, tx: 0, ty: 0 };
  readonly anchors: LabelAnchor[];
  readonly levels: Float64Array;
  /** Anchor index (hubs first, then things) by id. */
  readonly indexOf = new Map<string, number>();
  private readonly neighbours: number[][];
  look: Look;
  private asked: number[] = [];
  private frameAsked = false;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private readonly pointer: MapPointer;
  private readonly resizeWatch: ResizeObserver;
  view: View = { k: 1, tx: 0, ty: 0 };
  minZoom = 0.01;
  /** The names drawn in the last frame, for the tests and the exports. */
  labels: PlacedLabel[] = [];
  /** When the first full picture was on screen (performance.now()), for the benchmark. */
  firstDrawnAt = 0;

  constructor(
    private readonly container: HTMLElement,
    readonly map: MapData,
    colour: readonly string[],
    private readonly events: MapEvents,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-canvas';
    this.canvas.setAttribute('aria-label', 'map');
    container.replaceChildren(this.canvas);
    this.ctx = this.canvas.getContext('2d')!;
    this.ctx.font = LABEL_FONT;
    const hubs = map.hubs.length;
    map.hubs.forEach((hub, i) => this.indexOf.set(hub.id, i));
    map.nodes.id.forEach((id, i) => this.indexOf.set(id, hubs + i));
    this.anchors = anchorsOf(map, (text) => Math.ceil(this.ctx.measureText(text).width), LABEL_HEIGHT);
    this.neighbours = map.nodes.id.map(() => []);
    map.links.source.forEach((a, e) => {
      this.neighbours[a].push(map.links.target[e]);
      this.neighbours[map.links.target[e]].push(a);
    });
    this.look = { colour, state: new Uint8Array(map.nodes.id.length).fill(1), lit: false };
    this.canvas.width = container.clientWidth;
    this.canvas.height = container.clientHeight;
    // Names are placed from half the zoom that shows the whole map (the farthest one can zoom out) up.
    this.view = this.fitView();
    this.minZoom = this.view.k * MIN_ZOOM_FACTOR;
    this.levels = labelLevels(this.anchors, zoomSteps(this.minZoom, MAX_ZOOM));
    this.redraw();
    this.pointer = new MapPointer(this.canvas, this);
    this.resizeWatch = new ResizeObserver(() => this.resize());
    this.resizeWatch.observe(container);
  }

  /** Colours, what filters hide, what is lit and which names must show (the selection first). */
  setLook(colour: readonly string[], state: Uint8Array, asked: string[]): void {
    this.look = { colour, state, lit: state.includes(2) };
    this.asked = asked.map((id) => this.indexOf.get(id)).filter((i): i is number => i !== undefined);
    this.redraw();
  }

  /** The ids to light around a thing: itself and the things its drawn links reach. */
  around(id: string): string[] {
    const at = this.indexOf.get(id);
    const hubs = this.map.hubs.length;
    if (at === undefined) return [];
    if (at < hubs) return [id];
    return [id, ...this.neighbours[at - hubs].map((i) => this.map.nodes.id[i])];
  }

  /** Whether a thing is drawn now (not hidden by a filter). */
  shownIndex(at: number): boolean {
    const hubs = this.map.hubs.length;
    return at < hubs || this.look.state[at - hubs] !== 0;
  }

  resize(): void {
    const { clientWidth: w, clientHeight: h } = this.container;
    if (w === 0 || h === 0 || (w === this.canvas.width && h === this.canvas.height)) return;
    this.canvas.width = w;
    this.canvas.height = h;
    this.ctx.font = LABEL_FONT;
    this.redraw();
    this.events.resized();
  }

  /** The whole map (hubs' row included) in the canvas. */
  fit(): void {
    this.setView(this.fitView());
  }

  private fitView(): View {
    const { x, y, r } = this.map.nodes;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    const take = (px: number, py: number, pr: number) => {
      x1 = Math.min(x1, px - pr);
      x2 = Math.max(x2, px + pr);
      y1 = Math.min(y1, py - pr);
      y2 = Math.max(y2, py + pr);
    };
    x.forEach((_, i) => take(x[i], y[i], r[i]));
    for (const hub of this.map.hubs) take(hub.x, hub.y, hub.r);
    if (!Number.isFinite(x1)) return { k: 1, tx: 0, ty: 0 };
    const [w, h] = [this.canvas.width || 1, this.canvas.height || 1];
    const k = Math.max(1e-4, Math.min((w - 40) / Math.max(1, x2 - x1), (h - 60) / Math.max(1, y2 - y1)));
    return { k, tx: w / 2 - ((x1 + x2) / 2) * k, ty: h / 2 - ((y1 + y2) / 2) * k };
  }

  /** Centres a thing, zooming in to where its name and its neighbours' read. */
  focus(id: string): void {
    const at = this.indexOf.get(id);
    if (at === undefined) return;
    const a = this.anchors[at];
    const k = Math.max(this.view.k, Math.min(MAX_ZOOM, this.levels[at] * 1.5 || this.view.k));
    this.setView({ k, tx: this.canvas.width / 2 - a.x * k, ty: this.canvas.height / 2 - a.y * k });
  }

  /** Pans (at the same zoom) so a thing and its name are on screen, if they are not. */
  keepOnScreen(id: string, margin = 24): void {
    const at = this.indexOf.get(id);
    if (at === undefined) return;
    const a = this.anchors[at];
    const { k, tx, ty } = this.view;
    const [sx, sy] = [a.x * k + tx, a.y * k + ty];
    const [w, h] = [this.canvas.width, this.canvas.height];
    const dx =
      sx - a.w / 2 < margin ? margin - sx + a.w / 2 : sx + a.w / 2 > w - margin ? w - margin - sx - a.w / 2 : 0;
    const bottom = (a.y + a.r) * k + ty + LABEL_HEIGHT + 4;
    const dy = sy - a.r * k < margin ? margin - sy + a.r * k : bottom > h - margin ? h - margin - bottom : 0;
    if (dx !== 0 || dy !== 0) this.setView({ k, tx: tx + dx, ty: ty + dy });
  }

  setView(view: View): void {
    this.view = { ...view, k: Math.min(MAX_ZOOM, Math.max(this.minZoom, view.k)) };
    this.frame();
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.redraw();
      this.events.moved(this.view);
    }, 120);
  }

  zoomAt(factor: number, sx: number, sy: number): void {
    const k = Math.min(MAX_ZOOM, Math.max(this.minZoom, this.view.k * factor));
    const f = k / this.view.k;
    this.setView({ k, tx: sx - (sx - this.view.tx) * f, ty: sy - (sy - this.view.ty) * f });
  }

  panBy(dx: number, dy: number): void {
    this.setView({ ...this.view, tx: this.view.tx + dx, ty: this.view.ty + dy });
  }

  /** The thing under a point of the canvas (a hub or a thing, as an id), or null. */
  hit(sx: number, sy: number): string | null {
    const { k, tx, ty } = this.view;
    let best: { id: string; d: number } | null = null;
    const consider = (id: string, x: number, y: number, r: number, at: number) => {
      if (!this.shownIndex(at)) return;
      const d = Math.hypot(x * k + tx - sx, y * k + ty - sy);
      if (d <= Math.max(4, r * k) + 3 && (!best || d < best.d)) best = { id, d };
    };
    this.map.hubs.forEach((hub, i) => consider(hub.id, hub.x, hub.y, hub.r, i));
    const { id, x, y, r } = this.map.nodes;
    const hubs = this.map.hubs.length;
    for (let i = 0; i < id.length; i++) consider(id[i], x[i], y[i], r[i], hubs + i);
    return (best as { id: string } | null)?.id ?? null;
  }

  select(id: string | null): void {
    this.events.select(id);
  }

  /** Draws the picture again at the current view (after a move rests, or when the look changes). */
  redraw(): void {
    const [w, h] = [this.canvas.width, this.canvas.height];
    if (w === 0 || h === 0) return;
    // Half a screen of margin on each side: a pan of that much moves the picture without drawing it.
    const [mx, my] = [Math.round(w / 2), Math.round(h / 2)];
    this.picture.width = w + 2 * mx;
    this.picture.height = h + 2 * my;
    const g = this.picture.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, this.picture.width, this.picture.height);
    const view = { k: this.view.k, tx: this.view.tx + mx, ty: this.view.ty + my };
    drawMap(g, this.map, view, this.look, this.picture.width, this.picture.height);
    this.pictureView = view;
    this.paint();
    if (this.firstDrawnAt === 0) this.firstDrawnAt = performance.now();
  }

  private frame(): void {
    if (this.frameAsked) return;
    this.frameAsked = true;
    requestAnimationFrame(() => {
      this.frameAsked = false;
      this.paint();
    });
  }

  /** The picture moved (and scaled) to the current view, then the names. */
  private paint(): void {
    const ctx = this.ctx;
    const [w, h] = [this.canvas.width, this.canvas.height];
    const s = this.view.k / (this.pictureView.k || 1);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    if (this.picture.width > 0)
      ctx.drawImage(
        this.picture,
        this.view.tx - this.pictureView.tx * s,
        this.view.ty - this.pictureView.ty * s,
        this.picture.width * s,
        this.picture.height * s,
      );
    this.labels = placeLabels(
      this.anchors,
      this.levels,
      this.view,
      w,
      h,
      // While a thing is lit its names come first (asked); the others still show where there is room, faint.
      (at) => this.shownIndex(at),
      this.asked,
    );
    drawLabels(ctx, this.labels, this.anchors, this.nameOf, this.look.lit);
  }

  readonly nameOf = (at: number): string => {
    const hubs = this.map.hubs.length;
    return at < hubs ? this.map.hubs[at].name : this.map.nodes.name[at - hubs];
  };

  readonly idOf = (at: number): string => {
    const hubs = this.map.hubs.length;
    return at < hubs ? this.map.hubs[at].id : this.map.nodes.id[at - hubs];
  };

  dispose(): void {
    clearTimeout(this.settle);
    this.pointer.dispose();
    this.resizeWatch.disconnect();
    this.canvas.remove();
  }
}

/**
 * Each name on a pale backing, so a link under it does not strike it through; asked-for names in bold, and, while
 * something is lit (`fadeOthers`), the other names in grey, as their discs are.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly PlacedLabel[],
  anchors: readonly LabelAnchor[],
  nameOf: (at: number) => string,
  fadeOthers = false,
): void {
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const label of labels) {
    const { x1, y1, x2, y2 } = label.box;
    ctx.fillStyle = fadeOthers && !label.strong ? 'rgba(255,255,255,0.6)' : 'rgba(255,255,255,0.82)';
    ctx.fillRect(x1 - 1, y1, x2 - x1 + 2, y2 - y1);
    ctx.fillStyle = label.strong ? '#101828' : fadeOthers ? '#98a2b3' : '#344054';
    ctx.font = label.strong ? `bold ${LABEL_FONT}` : LABEL_FONT;
    ctx.fillText(nameOf(label.at), (x1 + x2) / 2, y1 + 1, anchors[label.at].w + 2);
  }
  ctx.font = LABEL_FONT;
}
