/**
 * Deterministic placement without a force simulation: the first view packs
 * each kind's most important things into a grid block under a title, and an
 * expand puts the new things in free places around the node. Everything works
 * on boxes (a node with its label), so nothing drawn this way overlaps, and the
 * same input always gives the same picture. Pure: tested in Node.
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface Item {
  id: string;
  group: string;
  w: number;
  h: number;
}
export interface Point {
  x: number;
  y: number;
}

export const GAP = 14;

/**
 * Lays groups out like sections of a page `width` wide: each group's title on
 * a line of its own, then its members left to right like words in a line, each
 * as wide as its own box (a four-character name takes a third of the room of a
 * long one), wrapping at the width, tops aligned. Returns box centres.
 */
export function packGroups(
  items: Item[],
  titles: Map<string, { id: string; w: number; h: number }>,
  width: number,
): Map<string, Point> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const members = groups.get(item.group);
    if (members) members.push(item);
    else groups.set(item.group, [item]);
  }
  const positions = new Map<string, Point>();
  let y = 0;
  for (const [group, members] of groups) {
    const title = titles.get(group);
    if (title) {
      positions.set(title.id, { x: title.w / 2, y: y + title.h / 2 });
      y += title.h + GAP / 2;
    }
    let [x, rowH] = [0, 0];
    for (const m of members) {
      if (x > 0 && x + m.w > width) [x, y, rowH] = [0, y + rowH + GAP / 2, 0];
      positions.set(m.id, { x: x + m.w / 2, y: y + m.h / 2 });
      x += m.w + GAP;
      rowH = Math.max(rowH, m.h);
    }
    y += rowH + GAP * 1.5;
  }
  return positions;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Free places for new boxes around a centre: candidates on rings of growing
 * radius, clockwise from the top, each taken only if it overlaps nothing
 * placed before. `offsets` says where a box's centre point sits inside it.
 */
export function placeAround(
  centre: Point,
  sizes: Array<{ w: number; h: number; dx: number; dy: number }>,
  occupied: Box[],
): Point[] {
  const taken = [...occupied];
  return sizes.map((size) => {
    for (let ring = 1; ring < 60; ring++) {
      const radius = ring * (Math.max(size.w, size.h) * 0.6 + GAP);
      const steps = 8 * ring;
      for (let s = 0; s < steps; s++) {
        const angle = -Math.PI / 2 + (2 * Math.PI * s) / steps;
        const p = { x: centre.x + Math.cos(angle) * radius * 1.4, y: centre.y + Math.sin(angle) * radius };
        const box = {
          x1: p.x - size.dx - GAP / 2,
          y1: p.y - size.dy - GAP / 2,
          x2: p.x - size.dx + size.w + GAP / 2,
          y2: p.y - size.dy + size.h + GAP / 2,
        };
        if (taken.some((t) => overlaps(t, box))) continue;
        taken.push(box);
        return p;
      }
    }
    return { x: centre.x, y: centre.y + 1e4 };
  });
}

/** A seeded random number generator (mulberry32), so force layouts give the same picture every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A node's box with its label without asking the canvas to measure text (3.5 s for 5,000 labels here): the body is
 * `size` square, the label under it 12 px type — a Chinese character 12 px wide, a Latin one at most 7.5 — cut at
 * 150 px as the stylesheet cuts it. Errs large, so boxes packed from it do not overlap.
 */
export function estimatedBox(label: string, size: number): { w: number; h: number } {
  let text = 0;
  for (const ch of label) text += ch.codePointAt(0)! > 0x2e80 ? 12.5 : 7.5;
  const labelW = Math.min(150, text) + 4;
  return { w: Math.max(size, labelW), h: size + 3 + 19 };
}
