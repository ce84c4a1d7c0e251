import { BoxGrid, type LabelAnchor, labelBox, type ScreenBox } from './label-levels.ts';
import type { MapData } from './map-data.ts';

/**
 * Drawing the map on a 2D canvas, in as few paths as there are colours:
 * every link of one style in one stroke, every disc of one colour in one
 * fill. Cytoscape, which draws each element with its own style, took 4.7 s
 * to show 5,000 things and 15,000 links here and 0.3–1 s per redraw; this
 * takes some 60 ms for 12,000 things and 36,000 links (measured in this
 * machine's headless Chromium), so the map can hold a whole archive.
 */
export interface View {
  /** Screen px per map unit. */
  k: number;
  /** Where the map's origin is on screen. */
  tx: number;
  ty: number;
}

export interface Look {
  /** Each thing's colour (map-colours.ts). */
  colour: readonly string[];
  /** 0: hidden by a filter; 1: shown; 2: shown and lit (selection, its neighbours, a path). */
  state: Uint8Array;
  /** Something is lit: the rest is drawn faint. */
  lit: boolean;
}

export const LINK_COLOURS = { together: 'rgba(102,112,133,0.28)', stated: 'rgba(14,147,132,0.55)' };
export const HUB_COLOUR = '#344054';

/** Links, then discs, then the hubs' row, into `ctx` (already cleared) for the area `w`×`h` at `view`. */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  map: MapData,
  view: View,
  look: Look,
  w: number,
  h: number,
): void {
  const { x, y, r } = map.nodes;
  const { k, tx, ty } = view;
  const inside = (i: number, margin: number) => {
    const sx = x[i] * k + tx;
    const sy = y[i] * k + ty;
    return sx > -margin && sy > -margin && sx < w + margin && sy < h + margin;
  };
  const drawLinks = (lit: boolean) => {
    for (const stated of [false, true]) {
      ctx.beginPath();
      for (let e = 0; e < map.links.source.length; e++) {
        const [a, b] = [map.links.source[e], map.links.target[e]];
        if ((map.links.kind[e] !== 'together') !== stated) continue;
        if (look.state[a] === 0 || look.state[b] === 0) continue;
        if (lit !== (look.state[a] === 2 && look.state[b] === 2)) continue;
        if (!inside(a, w) && !inside(b, w)) continue;
        ctx.moveTo(x[a] * k + tx, y[a] * k + ty);
        ctx.lineTo(x[b] * k + tx, y[b] * k + ty);
      }
      ctx.lineWidth = stated ? 1 : lit ? 1.2 : 0.7;
      ctx.strokeStyle = stated ? LINK_COLOURS.stated : lit ? 'rgba(29,36,51,0.6)' : LINK_COLOURS.together;
      ctx.stroke();
    }
  };
  const drawDiscs = (lit: boolean) => {
    const byColour = new Map<string, number[]>();
    for (let i = 0; i < x.length; i++) {
      if (look.state[i] === 0 || (look.state[i] === 2) !== lit || !inside(i, 40)) continue;
      const list = byColour.get(look.colour[i]);
      if (list) list.push(i);
      else byColour.set(look.colour[i], [i]);
    }
    for (const [colour, list] of byColour) {
      ctx.beginPath();
      for (const i of list) {
        const [sx, sy, sr] = [x[i] * k + tx, y[i] * k + ty, Math.max(1.5, r[i] * k)];
        ctx.moveTo(sx + sr, sy);
        ctx.arc(sx, sy, sr, 0, 2 * Math.PI);
      }
      ctx.fillStyle = colour;
      ctx.fill();
    }
  };
  ctx.globalAlpha = look.lit ? 0.18 : 1;
  drawLinks(false);
  drawDiscs(false);
  ctx.globalAlpha = 1;
  if (look.lit) {
    drawLinks(true);
    drawDiscs(true);
  }
  ctx.fillStyle = HUB_COLOUR;
  ctx.beginPath();
  for (const hub of map.hubs) {
    const [sx, sy, sr] = [hub.x * k + tx, hub.y * k + ty, Math.max(3, hub.r * k)];
    ctx.rect(sx - sr, sy - sr, 2 * sr, 2 * sr);
  }
  ctx.fill();
}

/** The things and hubs as label anchors, in the order names are placed: hubs (few, and apart) first, then most linked first. */
export function anchorsOf(map: MapData, measure: (text: string) => number, height: number): LabelAnchor[] {
  return [
    ...map.hubs.map((hub) => ({ x: hub.x, y: hub.y, r: hub.r, w: measure(hub.name), h: height })),
    ...map.nodes.id.map((_, i) => ({
      x: map.nodes.x[i],
      y: map.nodes.y[i],
      r: map.nodes.r[i],
      w: measure(map.nodes.name[i]),
      h: height,
    })),
  ];
}

export interface PlacedLabel {
  /** Index into anchorsOf's list (hubs first). */
  at: number;
  box: ScreenBox;
  strong: boolean;
}

/**
 * The names to draw in this view: first those asked for (the selection, what is lit), then every name whose level
 * is at or below the zoom, each only if it overlaps none drawn before it — so never one over another.
 */
export function placeLabels(
  anchors: readonly LabelAnchor[],
  levels: Float64Array,
  view: View,
  w: number,
  h: number,
  shown: (at: number) => boolean,
  asked: readonly number[],
): PlacedLabel[] {
  const grid = new BoxGrid(64);
  const out: PlacedLabel[] = [];
  const visible = (b: ScreenBox) => b.x2 > 0 && b.y2 > 0 && b.x1 < w && b.y1 < h;
  const tryPlace = (at: number, strong: boolean) => {
    const box = labelBox(anchors[at], view.k, view.tx, view.ty);
    if (!visible(box) || grid.hits(box)) return;
    grid.add(box);
    out.push({ at, box, strong });
  };
  const seen = new Set<number>();
  for (const at of asked) {
    if (seen.has(at) || !shown(at)) continue;
    seen.add(at);
    tryPlace(at, true);
  }
  // A little over: the zoom a name reaches its level at is rounded on the way (k × √2 steps).
  const k = view.k * 1.0001;
  for (let at = 0; at < anchors.length; at++) if (levels[at] <= k && !seen.has(at) && shown(at)) tryPlace(at, false);
  return out;
}
