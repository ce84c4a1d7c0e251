import { createRequire } from 'node:module';
import graphology from 'graphology';
import type { MapData, MapInput, MapLinkKind } from './map-model.ts';
import { placeHubs } from './map-hubs.ts';
import { strongestLinksAt, togetherPairs, type WeightedPair } from './map-links.ts';
import { spreadDiscs } from './spread-discs.ts';

// CommonJS modules whose typings declare a default export: required, so the types and the runtime agree.
const require = createRequire(import.meta.url);
const louvain = require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;
const forceAtlas2 = require('graphology-layout-forceatlas2') as typeof import('graphology-layout-forceatlas2').default;
type Graph = graphology.UndirectedGraph;

/**
 * The ecosystem map, computed once per graph version (in a worker thread,
 * map-worker.ts). Things are tied by the letters that name them together
 * (their body, never the header or footer every letter has) and by what a
 * sentence states (SUPPORTS, PART_OF). The strongest ties of each thing
 * (map-links.ts) carry the layout: Louvain finds communities on them,
 * ForceAtlas2 places them (LinLog, so communities stand apart), and
 * overlapping discs are pushed apart until none overlaps (spread-discs.ts). Deterministic: the same graph gives the
 * same map (seeded generators, sorted input).
 */
export interface BuildOptions {
  /** The version id the map is for. */
  version: string;
  /** Ties per thing the layout and communities use. @default 8 */
  layoutTies?: number;
  /** Ties per thing drawn. @default 3 */
  drawnTies?: number;
  onProgress?: (step: string) => void;
}

export function buildMap(input: MapInput, options: BuildOptions): MapData {
  const started = performance.now();
  const things = [...input.things].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(things.map((t, i) => [t.id, i]));
  const letters = things.map((t) => new Set(t.letters).size);
  options.onProgress?.(`${things.length} things: pairs named together`);
  const { pairs, degree, count } = togetherPairs(things);
  for (const link of input.stated) {
    const [a, b] = [index.get(link.source), index.get(link.target)];
    if (a === undefined || b === undefined || a === b) continue;
    const key = Math.min(a, b) * things.length + Math.max(a, b);
    const pair = pairs.get(key) ?? { a: Math.min(a, b), b: Math.max(a, b), letters: 0, stated: null };
    pair.stated = link.type === 'SUPPORTS' ? 'supports' : 'part-of';
    pairs.set(key, pair);
  }
  const [layoutPairs, drawnPairs] = strongestLinksAt(pairs, letters, things.length, [
    options.layoutTies ?? 8,
    options.drawnTies ?? 3,
  ]);

  const graph = new graphology.UndirectedGraph();
  things.forEach((_, i) => graph.addNode(String(i), { x: 0, y: 0, size: 1 }));
  for (const p of layoutPairs) graph.addEdge(String(p.a), String(p.b), { weight: p.weight });

  options.onProgress?.(`${layoutPairs.length} ties: communities`);
  const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seeded(7), resolution: 1 });
  const community = renumberBySize(things.map((_, i) => detailed.communities[String(i)] ?? 0));
  startByCommunity(graph, community, seeded(42));

  const iterations = things.length > 8000 ? 120 : things.length > 2000 ? 200 : 300;
  options.onProgress?.(`layout: ${iterations} rounds of ForceAtlas2`);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: {
      ...forceAtlas2.inferSettings(graph),
      linLogMode: true,
      // A thing named with hundreds of others is pulled less by each: it sits between them, not on top of them all.
      outboundAttractionDistribution: true,
      barnesHutOptimize: things.length > 1000,
      gravity: 0.3,
      strongGravityMode: false,
      scalingRatio: 10,
    },
  });
  const r = letters.map((n) => 4 + 10 * Math.sqrt(n / Math.max(1, ...letters)));
  scaleTo(graph, things.length, r);
  options.onProgress?.('spreading overlapping things');
  const spread = spreadAll(graph, r);

  // Rounded to a tenth of a unit: two discs may come 0.14 closer, well inside the 6 units kept between them.
  const x = things.map((_, i) => round(spread.x[i]));
  const y = things.map((_, i) => round(spread.y[i]));
  // Most linked first: the order in which names get a place on screen.
  const order = things.map((_, i) => i).sort((a, b) => degree[b] - degree[a] || letters[b] - letters[a] || a - b);
  const rank = new Array<number>(things.length);
  order.forEach((i, at) => (rank[i] = at));
  const links = drawnPairs.map((p) => ({ ...p, a: rank[p.a], b: rank[p.b] }));
  return {
    version: options.version,
    nodes: {
      id: order.map((i) => things[i].id),
      name: order.map((i) => things[i].name),
      kind: order.map((i) => things[i].kind),
      x: order.map((i) => x[i]),
      y: order.map((i) => y[i]),
      r: order.map((i) => round(r[i])),
      community: order.map((i) => community[i]),
      letters: order.map((i) => letters[i]),
      degree: order.map((i) => degree[i]),
      chain: order.map((i) => things[i].chain),
      place: order.map((i) => things[i].place),
    },
    links: {
      source: links.map((l) => l.a),
      target: links.map((l) => l.b),
      kind: links.map((l): MapLinkKind => l.stated ?? 'together'),
      letters: links.map((l) => l.letters),
    },
    communities: nameCommunities(community, layoutPairs, things, x, y),
    hubs: placeHubs(input.hubs, x, y),
    stats: {
      things: things.length,
      pairs: count,
      links: links.length,
      communities: new Set(community).size,
      modularity: Math.round(detailed.modularity * 1000) / 1000,
      iterations,
      spreadRounds: spread.rounds,
      overlaps: spread.overlaps,
      buildMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * Where ForceAtlas2 starts: each community around its own point of a circle, the largest first. From a random start
 * 120–300 rounds leave communities mixed in one ball; from here they settle apart and the rounds refine each.
 */
function startByCommunity(graph: Graph, community: number[], rng: () => number): void {
  const count = Math.max(1, ...community) + 1;
  const sizes = new Array<number>(count).fill(0);
  for (const c of community) sizes[c]++;
  const ring = Math.sqrt(community.length) * 20;
  graph.updateEachNodeAttributes((key, a) => {
    const c = community[Number(key)];
    const angle = (2 * Math.PI * c) / count;
    const spread = Math.sqrt(sizes[c]) * 6;
    const [r, t] = [Math.sqrt(rng()) * spread, rng() * 2 * Math.PI];
    return { ...a, x: Math.cos(angle) * ring + Math.cos(t) * r, y: Math.sin(angle) * ring + Math.sin(t) * r };
  });
}

/** Community numbers from 0, largest first (the palette's first colours go to the largest). */
function renumberBySize(raw: number[]): number[] {
  const sizes = new Map<number, number>();
  for (const c of raw) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const ordered = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const to = new Map(ordered.map((c, i) => [c, i]));
  return raw.map((c) => to.get(c)!);
}

/** Each community's name: its three most central things (the most weight on ties inside it), and where its middle is. */
function nameCommunities(
  community: number[],
  pairs: WeightedPair[],
  things: MapInput['things'],
  x: number[],
  y: number[],
): MapData['communities'] {
  const inner = new Array<number>(things.length).fill(0);
  for (const p of pairs) {
    if (community[p.a] !== community[p.b]) continue;
    inner[p.a] += p.weight;
    inner[p.b] += p.weight;
  }
  const members = new Map<number, number[]>();
  community.forEach((c, i) => {
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  return [...members]
    .sort((a, b) => a[0] - b[0])
    .map(([id, list]) => ({
      id,
      size: list.length,
      names: [...list]
        .sort((a, b) => inner[b] - inner[a] || a - b)
        .slice(0, 3)
        .map((i) => things[i].name),
      x: round(list.reduce((s, i) => s + x[i], 0) / list.length),
      y: round(list.reduce((s, i) => s + y[i], 0) / list.length),
    }));
}

/** Scales the layout so that things are some 40 units apart on average, whatever ForceAtlas2's own scale. */
function scaleTo(graph: Graph, count: number, r: number[]): void {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  graph.forEachNode((_, a) => {
    x1 = Math.min(x1, a.x);
    x2 = Math.max(x2, a.x);
    y1 = Math.min(y1, a.y);
    y2 = Math.max(y2, a.y);
  });
  const side = Math.max(1, Math.sqrt((x2 - x1) * (y2 - y1)));
  const meanR = r.reduce((s, v) => s + v, 0) / Math.max(1, r.length);
  const scale = (Math.sqrt(count) * (30 + 2 * meanR)) / side;
  const [cx, cy] = [(x1 + x2) / 2, (y1 + y2) / 2];
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: (a.x - cx) * scale, y: (a.y - cy) * scale }));
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Margin kept between two discs, map units (graphology-layout-noverlap's margin of 3, counted on each side). */
const DISC_MARGIN = 6;

/** The layout's positions with no two discs overlapping. */
function spreadAll(graph: Graph, r: number[]) {
  const n = r.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = graph.getNodeAttribute(String(i), 'x') as number;
    y[i] = graph.getNodeAttribute(String(i), 'y') as number;
  }
  const result = spreadDiscs(x, y, Float64Array.from(r), { margin: DISC_MARGIN });
  return { x, y, ...result };
}

/** A small seeded generator (mulberry32): the same graph gives the same communities and the same picture. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
