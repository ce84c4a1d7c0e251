/**
 * Which names the map shows at which zoom: the most linked first, never one
 * name over another. Names keep their size on screen (LABEL_FONT) while the
 * map scales, so two names that overlap at one zoom may not at a closer one,
 * and once apart they stay apart as one zooms in (their distance on screen
 * only grows). So, level by level from the farthest zoom, each name not yet
 * placed is placed if it overlaps none placed before it — those of farther
 * levels first, then the more linked of this level — and keeps its level
 * from then on: at any zoom the names shown are those whose level is at or
 * below it, and none overlaps another. Pure: tested in Node.
 */
export interface LabelAnchor {
  /** The thing's centre, map units. */
  x: number;
  y: number;
  /** Its radius, map units: the name stands under the disc. */
  r: number;
  /** The name's size on screen, px. */
  w: number;
  h: number;
}

/** Space kept between a disc and its name, and around each name, in screen px. */
export const LABEL_GAP = 2;
export const LABEL_PAD = 2;

export interface ScreenBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a name is drawn at zoom k with the map's origin at (tx, ty) on screen. */
export function labelBox(a: LabelAnchor, k: number, tx = 0, ty = 0): ScreenBox {
  const cx = a.x * k + tx;
  const top = (a.y + a.r) * k + ty + LABEL_GAP;
  return { x1: cx - a.w / 2, y1: top, x2: cx + a.w / 2, y2: top + a.h };
}

/** The zooms names are placed at: from `min` up by a factor of √2 to at least `max`. */
export function zoomSteps(min: number, max: number): number[] {
  const steps = [min];
  while (steps[steps.length - 1] < max) steps.push(steps[steps.length - 1] * Math.SQRT2);
  return steps;
}

/** Each name's level: the zoom from which it is shown (Infinity: only when asked for, e.g. selected). In `anchors` order of importance. */
export function labelLevels(anchors: readonly LabelAnchor[], zooms: readonly number[]): Float64Array {
  const level = new Float64Array(anchors.length).fill(Number.POSITIVE_INFINITY);
  const placed: number[] = [];
  for (const k of zooms) {
    const grid = new BoxGrid(64);
    for (const i of placed) grid.add(labelBox(anchors[i], k));
    for (let i = 0; i < anchors.length; i++) {
      if (level[i] !== Number.POSITIVE_INFINITY) continue;
      const box = labelBox(anchors[i], k);
      if (grid.hits(box)) continue;
      grid.add(box);
      level[i] = k;
      placed.push(i);
    }
  }
  return level;
}

/** Boxes hashed into square cells, to ask which overlap a new one without comparing it with all. */
export class BoxGrid {
  private readonly cells = new Map<number, ScreenBox[]>();
  constructor(private readonly size: number) {}

  private keys(b: ScreenBox, each: (key: number) => void): void {
    const [cx1, cx2] = [Math.floor((b.x1 - LABEL_PAD) / this.size), Math.floor((b.x2 + LABEL_PAD) / this.size)];
    const [cy1, cy2] = [Math.floor((b.y1 - LABEL_PAD) / this.size), Math.floor((b.y2 + LABEL_PAD) / this.size)];
    for (let x = cx1; x <= cx2; x++) for (let y = cy1; y <= cy2; y++) each(x * 1_048_576 + y);
  }

  add(b: ScreenBox): void {
    this.keys(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    });
  }

  hits(b: ScreenBox): boolean {
    let hit = false;
    this.keys(b, (key) => {
      if (hit) return;
      for (const o of this.cells.get(key) ?? [])
        if (b.x1 - LABEL_PAD < o.x2 && o.x1 - LABEL_PAD < b.x2 && b.y1 - LABEL_PAD < o.y2 && o.y1 - LABEL_PAD < b.y2) {
          hit = true;
          return;
        }
    });
    return hit;
  }
}
