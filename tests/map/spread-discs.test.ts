import { describe, expect, it } from 'vitest';
import { seeded } from '../../api/map/map-build.ts';
import { countOverlaps, spreadDiscs } from '../../api/map/spread-discs.ts';

/**
 * n discs as ForceAtlas2 and scaleTo leave them (map-build.ts): the whole map has room for them all (some 40 units a
 * thing), but each community is crowded into a small part of it, where most discs overlap several others.
 */
function crowd(n: number, seed: number) {
  const rng = seeded(seed);
  const side = Math.sqrt(n) * 40;
  const centres = Array.from({ length: 12 }, () => [rng() * side, rng() * side]);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres[i % centres.length];
    const [d, t] = [Math.sqrt(rng()) * side * 0.06, rng() * 2 * Math.PI];
    x[i] = cx + Math.cos(t) * d;
    y[i] = cy + Math.sin(t) * d;
    r[i] = 4 + 10 * Math.sqrt(rng());
  }
  // Two discs on the very same spot must part too.
  x[1] = x[0];
  y[1] = y[0];
  return { x, y, r };
}

describe('overlapping discs spread apart', () => {
  it('leaves no two discs closer than their radii and the margin, where most overlapped before', () => {
    const { x, y, r } = crowd(3000, 7);
    expect(countOverlaps(x, y, r, 6)).toBeGreaterThan(3000);
    const result = spreadDiscs(x, y, r, { margin: 6 });
    expect(result.overlaps).toBe(0);
    expect(countOverlaps(x, y, r, 6)).toBe(0);
    // The check by a fresh grid agrees with a check of every pair.
    let pairs = 0;
    for (let i = 0; i < x.length; i++)
      for (let j = i + 1; j < x.length; j++) if (Math.hypot(x[i] - x[j], y[i] - y[j]) < r[i] + r[j] + 6 - 1e-9) pairs++;
    expect(pairs).toBe(0);
  });

  it('gives the same places every time and moves nothing that did not overlap', () => {
    const a = crowd(500, 3);
    const b = crowd(500, 3);
    spreadDiscs(a.x, a.y, a.r);
    spreadDiscs(b.x, b.y, b.r);
    expect([...a.x]).toEqual([...b.x]);
    expect([...a.y]).toEqual([...b.y]);
    const apart = { x: Float64Array.of(0, 100, 0), y: Float64Array.of(0, 0, 100), r: Float64Array.of(10, 10, 10) };
    expect(spreadDiscs(apart.x, apart.y, apart.r)).toEqual({ rounds: 1, overlaps: 0 });
    expect([...apart.x, ...apart.y]).toEqual([0, 100, 0, 0, 0, 100]);
  });

  it('reports the overlaps left when its round limit comes first', () => {
    const { x, y, r } = crowd(2000, 11);
    const result = spreadDiscs(x, y, r, { margin: 6, maxRounds: 1 });
    expect(result.rounds).toBe(1);
    expect(result.overlaps).toBe(countOverlaps(x, y, r, 6));
    expect(result.overlaps).toBeGreaterThan(0);
  });
});
