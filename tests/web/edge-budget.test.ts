import { describe, expect, it } from 'vitest';
import { edgesToDraw, HeldEdges } from '../../web/src/edge-budget.ts';
import { packGroups } from '../../web/src/summary-layout.ts';

// A row of 100 things 10 apart, each linked to the next, and a hub at the far left linked to all of them.
const positions = new Map<string, { x: number; y: number }>([
  ['hub', { x: -1000, y: 0 }],
  ...Array.from({ length: 100 }, (_, i) => [`n${i}`, { x: i * 10, y: 0 }] as [string, { x: number; y: number }]),
]);
const edge = (source: string, target: string) => ({
  group: 'edges' as const,
  data: { id: `${source}-${target}`, source, target },
});
const held = new HeldEdges([
  ...Array.from({ length: 99 }, (_, i) => edge(`n${i}`, `n${i + 1}`)),
  ...Array.from({ length: 100 }, (_, i) => edge('hub', `n${i}`)),
]);

describe("which of the whole graph's links are drawn", () => {
  it('draws every link touching what is in view when few enough are there', () => {
    const drawn = edgesToDraw(held, positions, { x1: 195, y1: -5, x2: 305, y2: 5 }, null, 100);
    // n20 … n30 in view: the links among them and to their neighbours n19 and n31, and the hub's eleven.
    expect([...drawn].filter((id) => !id.startsWith('hub')).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `n${19 + i}-n${20 + i}`).sort(),
    );
    expect([...drawn].filter((id) => id.startsWith('hub'))).toHaveLength(11);
  });

  it("draws none of them when the view holds more than the budget, but always the selected thing's links", () => {
    const everything = { x1: -2000, y1: -5, x2: 2000, y2: 5 };
    expect(edgesToDraw(held, positions, everything, null, 100).size).toBe(0);
    const selected = edgesToDraw(held, positions, everything, 'n50', 100);
    expect([...selected].sort()).toEqual(['hub-n50', 'n49-n50', 'n50-n51']);
    expect(edgesToDraw(held, positions, everything, 'hub', 100).size).toBe(100);
  });
});

describe('packing a group like words in a line', () => {
  it('wraps at the width, keeps boxes apart and gives short names less room than long ones', () => {
    const items = [60, 160, 60, 60, 160, 60].map((w, i) => ({ id: `n${i}`, group: 'Platform', w, h: 40 }));
    const placed = packGroups(items, new Map(), 400);
    const box = (id: string) => {
      const p = placed.get(id)!;
      const it = items.find((i) => i.id === id)!;
      return { x1: p.x - it.w / 2, x2: p.x + it.w / 2, y: p.y };
    };
    expect(box('n1').x1 - box('n0').x2).toBeLessThan(20);
    expect(Math.max(...items.map((i) => box(i.id).x2))).toBeLessThanOrEqual(400);
    expect(new Set(items.map((i) => box(i.id).y)).size).toBe(2);
  });
});
