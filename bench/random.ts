/** A small seeded PRNG (mulberry32): the corpus is the same for the same seed, on any machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** Zipf-like choice: low indexes much more often, so some names recur across many letters, as in a real archive. */
export function zipf(rand: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(size ** rand()) - 1);
}
