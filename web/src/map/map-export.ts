import { LABEL_FONT, drawLabels, type MapCanvas } from './map-canvas.ts';
import { drawMap, HUB_COLOUR, LINK_COLOURS } from './map-draw.ts';
import type { LegendEntry } from './map-legend.ts';

/**
 * A view kept as a picture: what is on screen, names included, with its
 * legend underneath (what each colour means), as PNG or SVG. The SVG is built
 * with DOM calls and serialised, so names from the letters are text, never markup.
 */
const ROW = 18;
const SCALE = 2;
const SVG_NS = 'http://www.w3.org/2000/svg';

function legendHeight(entries: readonly LegendEntry[]): number {
  return 12 + entries.length * ROW + 8;
}

function drawLegend(ctx: CanvasRenderingContext2D, entries: readonly LegendEntry[], top: number): void {
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  entries.forEach((entry, i) => {
    const y = top + 12 + i * ROW + ROW / 2;
    ctx.fillStyle = entry.colour;
    ctx.beginPath();
    ctx.arc(18, y, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#1d2433';
    ctx.fillText(entry.text, 30, y);
  });
}

export async function mapPng(
  map: MapCanvas,
  look: Parameters<typeof drawMap>[3],
  legend: readonly LegendEntry[],
): Promise<Blob> {
  const [w, h] = [map.canvas.width, map.canvas.height];
  const out = document.createElement('canvas');
  out.width = w * SCALE;
  out.height = (h + legendHeight(legend)) * SCALE;
  const ctx = out.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h + legendHeight(legend));
  drawMap(ctx, map.map, map.view, look, w, h);
  drawLabels(ctx, map.labels, map.anchors, map.nameOf, look.lit);
  ctx.fillStyle = '#d0d5dd';
  ctx.fillRect(0, h, w, 1);
  drawLegend(ctx, legend, h);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))), 'image/png'),
  );
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function mapSvg(map: MapCanvas, look: Parameters<typeof drawMap>[3], legend: readonly LegendEntry[]): string {
  const [w, h] = [map.canvas.width, map.canvas.height];
  const total = h + legendHeight(legend);
  const svg = el('svg', { xmlns: SVG_NS, width: w, height: total, viewBox: `0 0 ${w} ${total}` });
  svg.append(el('rect', { x: 0, y: 0, width: w, height: total, fill: '#ffffff' }));
  const { k, tx, ty } = map.view;
  const { x, y, r } = map.map.nodes;
  const onScreen = (i: number) => {
    const [sx, sy] = [x[i] * k + tx, y[i] * k + ty];
    return sx > -20 && sy > -20 && sx < w + 20 && sy < h + 20;
  };
  const links = el('g', { 'stroke-width': 0.7 });
  map.map.links.source.forEach((a, e) => {
    const b = map.map.links.target[e];
    if (look.state[a] === 0 || look.state[b] === 0 || (!onScreen(a) && !onScreen(b))) return;
    const stated = map.map.links.kind[e] !== 'together';
    links.append(
      el('line', {
        x1: (x[a] * k + tx).toFixed(1),
        y1: (y[a] * k + ty).toFixed(1),
        x2: (x[b] * k + tx).toFixed(1),
        y2: (y[b] * k + ty).toFixed(1),
        stroke: stated ? LINK_COLOURS.stated : LINK_COLOURS.together,
        opacity: look.lit && !(look.state[a] === 2 && look.state[b] === 2) ? 0.18 : 1,
      }),
    );
  });
  const discs = el('g', {});
  x.forEach((_, i) => {
    if (look.state[i] === 0 || !onScreen(i)) return;
    discs.append(
      el('circle', {
        cx: (x[i] * k + tx).toFixed(1),
        cy: (y[i] * k + ty).toFixed(1),
        r: Math.max(1.5, r[i] * k).toFixed(1),
        fill: look.colour[i],
        opacity: look.lit && look.state[i] !== 2 ? 0.18 : 1,
      }),
    );
  });
  for (const hub of map.map.hubs) {
    const s = Math.max(3, hub.r * k);
    discs.append(
      el('rect', { x: hub.x * k + tx - s, y: hub.y * k + ty - s, width: 2 * s, height: 2 * s, fill: HUB_COLOUR }),
    );
  }
  const names = el('g', {
    'font-size': 12,
    'font-family': 'PingFang SC, Noto Sans CJK SC, sans-serif',
    'text-anchor': 'middle',
  });
  for (const label of map.labels) {
    const { x1, y1, x2, y2 } = label.box;
    names.append(el('rect', { x: x1 - 1, y: y1, width: x2 - x1 + 2, height: y2 - y1, fill: '#ffffff', opacity: 0.82 }));
    names.append(el('text', { x: (x1 + x2) / 2, y: y1 + 12, fill: '#344054' }, map.nameOf(label.at)));
  }
  const key = el('g', { 'font-size': 12, 'font-family': 'PingFang SC, Noto Sans CJK SC, sans-serif' });
  key.append(el('rect', { x: 0, y: h, width: w, height: 1, fill: '#d0d5dd' }));
  legend.forEach((entry, i) => {
    const cy = h + 12 + i * ROW + ROW / 2;
    key.append(el('circle', { cx: 18, cy, r: 5, fill: entry.colour }));
    key.append(el('text', { x: 30, y: cy + 4, fill: '#1d2433' }, entry.text));
  });
  svg.append(links, discs, names, key);
  return new XMLSerializer().serializeToString(svg);
}

/** The canvas view's picture (Cytoscape's) with the kinds' legend under it. */
export async function withLegendPng(picture: Blob, legend: readonly LegendEntry[]): Promise<Blob> {
  const image = await createImageBitmap(picture);
  const out = document.createElement('canvas');
  out.width = image.width;
  out.height = image.height + legendHeight(legend) * SCALE;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(image, 0, 0);
  ctx.scale(SCALE, SCALE);
  drawLegend(ctx, legend, image.height / SCALE);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))), 'image/png'),
  );
}

export function withLegendSvg(svgText: string, legend: readonly LegendEntry[]): string {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  const h = Number.parseFloat(svg.getAttribute('height') ?? '0');
  const w = Number.parseFloat(svg.getAttribute('width') ?? '0');
  const total = h + legendHeight(legend);
  svg.setAttribute('height', String(total));
  if (svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${w} ${total}`);
  const key = doc.createElementNS(SVG_NS, 'g');
  key.setAttribute('font-size', '12');
  legend.forEach((entry, i) => {
    const cy = h + 12 + i * ROW + ROW / 2;
    const dot = doc.createElementNS(SVG_NS, 'circle');
    for (const [a, v] of Object.entries({ cx: 18, cy, r: 5, fill: entry.colour })) dot.setAttribute(a, String(v));
    const text = doc.createElementNS(SVG_NS, 'text');
    for (const [a, v] of Object.entries({ x: 30, y: cy + 4, fill: '#1d2433' })) text.setAttribute(a, String(v));
    text.textContent = entry.text;
    key.append(dot, text);
  });
  svg.append(key);
  return new XMLSerializer().serializeToString(doc);
}
