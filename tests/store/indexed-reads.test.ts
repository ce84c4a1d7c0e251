import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { random } from '../../bench/random.ts';
import { CHAIN_BASES } from '../../domain/chain-ties.ts';
import { CHAINS, type EdgeType, type GraphEdge, type GraphNode, NODE_KINDS } from '../../domain/model.ts';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { chainPairs } from '../../store/chain-matrix.ts';
import { HEADER_LINK_TYPES, inBody, letterBody } from '../../store/letter-body.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { ChainBasis, GraphStore, RecurringNode } from '../../store/port.ts';
import { scoreForms, searchForms, searchKey } from '../../store/search-score.ts';
import { LETTERS_DIR } from '../helpers/seeds.ts';

/**
 * The embedded store answers the heavy questions from indexes kept per graph
 * version (a two-sided path search, the ranked list behind `recurring`, a
 * compact search index, the chain matrix from the chain nodes' links). Here
 * each answer is checked against the same question walked the plain way over
 * every node and edge the store lists, on a synthetic archive drawn with a
 * random seed, both as merged in memory and as opened from the store image.
 */
const SEED = Number(process.env.INDEXED_READS_SEED ?? Math.floor(Math.random() * 1e6));
const TYPES: EdgeType[][] = [
  [],
  ['MENTIONS'],
  ['MENTIONS', 'CONCERNS', 'SUPPORTS', 'PART_OF'],
  ['PROPOSED_BY', 'ANSWERS'],
];

interface Whole {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
}

async function wholeGraph(store: GraphStore): Promise<Whole> {
  const nodes: GraphNode[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page = await store.findNodes({}, { first: 200, after });
    nodes.push(...page.items);
    after = page.endCursor;
    more = page.hasNextPage;
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < nodes.length; i += 200)
    for (const edge of await store.edgesOf(nodes.slice(i, i + 200).map((n) => n.id))) {
      const key = `${edge.type}|${edge.source}|${edge.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push(edge);
    }
  return { nodes: new Map(nodes.map((n) => [n.id, n])), edges };
}

/** One-sided breadth-first search, each hop's frontier in id order, the first link found kept: the walked answer. */
function walkedPath(whole: Whole, from: string, to: string, maxHops: number, types: EdgeType[]) {
  if (!whole.nodes.has(from) || !whole.nodes.has(to)) return null;
  const wanted = (e: GraphEdge) => types.length === 0 || types.includes(e.type);
  const next = new Map<string, GraphEdge[]>();
  for (const e of whole.edges.filter(wanted))
    for (const id of new Set([e.source, e.target])) next.set(id, [...(next.get(id) ?? []), e]);
  const previous = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  for (let hop = 0; hop < maxHops && !previous.has(to) && frontier.length > 0; hop++) {
    const found: string[] = [];
    for (const id of frontier)
      for (const e of next.get(id) ?? []) {
        const other = e.source === id ? e.target : e.source;
        if (previous.has(other)) continue;
        previous.set(other, id);
        found.push(other);
      }
    frontier = found.sort();
  }
  if (!previous.has(to)) return null;
  const ids: string[] = [];
  for (let at: string | null = to; at !== null; at = previous.get(at)!) ids.unshift(at);
  const edges = ids.slice(1).map(
    (id, i) =>
      (next.get(ids[i]) ?? [])
        .filter((e) => (e.source === id || e.target === id) && (e.source === ids[i] || e.target === ids[i]))
        .map((e) => `${e.type}|${e.source}|${e.target}`)
        .sort()[0],
  );
  return { ids, edges };
}

/** Breadth-first to `depth`, each hop's new things in id order up to `limit`, and the links among those kept in key order. */
function walkedNeighbourhood(
  whole: Whole,
  id: string,
  depth: number,
  limit: number,
  types: EdgeType[],
  kinds: string[],
) {
  const wanted = (e: GraphEdge) => types.length === 0 || types.includes(e.type);
  const kept = new Set([id]);
  let frontier = [id];
  let capped = false;
  for (let hop = 0; hop < depth && frontier.length > 0 && !capped; hop++) {
    const found = new Set<string>();
    for (const e of whole.edges.filter(wanted))
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ])
        if (frontier.includes(a) && !kept.has(b) && (kinds.length === 0 || kinds.includes(whole.nodes.get(b)!.kind)))
          found.add(b);
    frontier = [];
    for (const other of [...found].sort()) {
      if (kept.size >= limit) {
        capped = true;
        break;
      }
      kept.add(other);
      frontier.push(other);
    }
  }
  const edges = whole.edges
    .filter((e) => wanted(e) && kept.has(e.source) && kept.has(e.target))
    .map((e) => `${e.type}|${e.source}|${e.target}`)
    .sort();
  return { ids: [...kept].sort(), edges, capped };
}

function walkedRecurring(whole: Whole, kinds: string[], minLetters: number, everywhere: boolean): RecurringNode[] {
  const header = whole.edges.filter((e) => HEADER_LINK_TYPES.includes(e.type));
  const rows: RecurringNode[] = [];
  for (const node of [...whole.nodes.values()].filter((n) => kinds.includes(n.kind))) {
    const counted = everywhere
      ? node.mentions
      : node.mentions.filter((m) =>
          inBody(
            letterBody(
              m.letter,
              header.filter((e) => e.source === m.letter),
            ),
            m,
          ),
        );
    const letters = [...new Set(counted.map((m) => m.letter))].sort();
    if (letters.length >= minLetters) rows.push({ node, letters });
  }
  return rows.sort((a, b) => b.letters.length - a.letters.length || (a.node.id < b.node.id ? -1 : 1));
}

function walkedSearch(whole: Whole, text: string, kinds: string[], first: number) {
  const key = searchKey(text);
  return [...whole.nodes.values()]
    .filter((n) => kinds.length === 0 || kinds.includes(n.kind))
    .map((node) => ({ node, score: scoreForms(searchForms(node), key) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : 1))
    .slice(0, first);
}

function walkedMatrix(whole: Whole, bases?: ChainBasis[]) {
  const rows = whole.edges
    .filter((e) => e.type === 'ADVANCES' && (CHAINS as readonly string[]).includes(e.target.slice('Chain:'.length)))
    .map((e) => ({
      id: e.source,
      chain: e.target.slice('Chain:'.length) as never,
      props: e.props,
      evidence: e.evidence,
    }));
  return chainPairs(rows, (id) => whole.nodes.get(id), bases);
}

describe(`indexed reads equal the walked answers (synthetic archive, seed ${SEED})`, () => {
  let dir: string;
  const stores: Array<[string, MemoryStore]> = [];
  let whole: Whole;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'innograph-indexed-'));
    await generateCorpus({ letters: 60, out: join(dir, 'letters'), seed: SEED, seedDir: LETTERS_DIR });
    const merged = new MemoryStore({ path: null });
    await ingestFiles([join(dir, 'letters')], merged, { workers: 0 });
    const written = new MemoryStore({ path: join(dir, 'store.json') });
    await ingestFiles([join(dir, 'letters')], written, { workers: 0 });
    const opened = new MemoryStore({ path: join(dir, 'store.json') });
    await opened.health();
    expect(opened.imageLoads).toBe(1);
    stores.push(['merged in memory', merged], ['opened from its image', opened]);
    whole = await wholeGraph(merged);
    expect(await wholeGraph(opened)).toEqual(whole);
  }, 240_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has an archive with paths, recurring things and chain ties to ask about', () => {
    expect(whole.nodes.size).toBeGreaterThan(200);
    expect(whole.edges.some((e) => e.type === 'ADVANCES')).toBe(true);
  });

  it.each([0, 1])(
    'the shortest path, from random pairs and hop limits (store %i)',
    async (which) => {
      const [, store] = stores[which];
      const rand = random(SEED + which);
      const ids = [...whole.nodes.keys()];
      let found = 0;
      for (let i = 0; i < 150; i++) {
        const from = ids[Math.floor(rand() * ids.length)];
        const to = rand() < 0.05 ? from : ids[Math.floor(rand() * ids.length)];
        const hops = 1 + Math.floor(rand() * 6);
        const types = TYPES[Math.floor(rand() * TYPES.length)];
        const expected = walkedPath(whole, from, to, hops, types);
        const path = await store.shortestPath(from, to, hops, types);
        const answer = path && {
          ids: path.nodes.map((n) => n.id),
          edges: path.edges.map((e) => `${e.type}|${e.source}|${e.target}`),
        };
        expect(answer, `${from} → ${to}, ${hops} hops, ${types.join(',')}`).toEqual(expected);
        if (expected && expected.ids.length > 2) found++;
      }
      expect(found).toBeGreaterThan(10);
    },
    120_000,
  );

  it.each([0, 1])(
    'the neighbourhood, of random things, depths, limits, link types and kinds (store %i)',
    async (which) => {
      const [, store] = stores[which];
      const rand = random(SEED + 10 + which);
      const ids = [...whole.nodes.keys()];
      const kindSets = [[], ['Platform', 'Letter'], ['Letter', 'Commitment', 'Enterprise']];
      for (let i = 0; i < 60; i++) {
        const id = ids[Math.floor(rand() * ids.length)];
        const depth = 1 + Math.floor(rand() * 3);
        const limit = [5, 40, 500][Math.floor(rand() * 3)];
        const types = TYPES[Math.floor(rand() * TYPES.length)];
        const kinds = kindSets[Math.floor(rand() * kindSets.length)];
        const view = await store.neighbourhood([id], { depth, limit, edgeTypes: types, kinds: kinds as never });
        expect({
          ids: view.nodes.map((n) => n.id).sort(),
          edges: view.edges.map((e) => `${e.type}|${e.source}|${e.target}`),
          capped: view.capped,
        }).toEqual(walkedNeighbourhood(whole, id, depth, limit, types, kinds));
      }
    },
    120_000,
  );

  it.each([0, 1])(
    'recurring, for every kind set asked and minLetters (store %i)',
    async (which) => {
      const [, store] = stores[which];
      const kindSets = [undefined, ['Platform', 'Policy'], ['Programme', 'Enterprise'], ['Commitment'], ['Letter']];
      for (const kinds of kindSets)
        for (const minLetters of [1, 2, 3, 5])
          for (const everywhere of [false, true]) {
            const page = await store.recurring(
              { kinds: kinds as never, minLetters, includeHeaderAndFooter: everywhere },
              { first: 200 },
            );
            const all = kinds ?? NODE_KINDS.filter((k) => k !== 'Letter' && k !== 'Chain');
            const expected = walkedRecurring(whole, all, minLetters, everywhere);
            expect(page.totalCount).toBe(expected.length);
            expect(page.items.map((r) => [r.node.id, r.letters])).toEqual(
              expected.slice(0, 200).map((r) => [r.node.id, r.letters]),
            );
          }
    },
    120_000,
  );

  it.each([0, 1])('search, by the words analysts type and by single characters (store %i)', async (which) => {
    const [, store] = stores[which];
    for (const text of ['实验室', '科技', '创新', '人才', '基金', '园', '孵化器集群', '研究院', 'ZZ']) {
      for (const kinds of [[], ['Platform'], ['Commitment', 'Achievement']]) {
        const hits = await store.search(text, { kinds: kinds as never, first: 30 });
        expect(hits.map((h) => [h.node.id, h.score])).toEqual(
          walkedSearch(whole, text, kinds, 30).map((h) => [h.node.id, h.score]),
        );
      }
    }
  });

  it.each([0, 1])('the chain matrix, for every set of bases (store %i)', async (which) => {
    const [, store] = stores[which];
    // All bases, then each of the 15 sets (the store's bases are lower case; upper case is the API's enum and
    // matched nothing here before, so every set compared two empty matrices).
    const sets = Array.from({ length: 2 ** CHAIN_BASES.length - 1 }, (_, m) =>
      CHAIN_BASES.filter((_, i) => (m + 1) & (1 << i)),
    );
    let counted = 0;
    for (const bases of [undefined, ...sets]) {
      const matrix = await store.chainMatrix({ bases });
      expect(matrix).toEqual(walkedMatrix(whole, bases));
      counted += matrix.reduce((sum, cell) => sum + cell.count, 0);
    }
    expect(counted).toBeGreaterThan(0);
    // A set of one basis leaves out the ties of the others: some thing's ties are fewer than with all bases.
    const all = await store.chainMatrix();
    const one = await store.chainMatrix({ bases: ['heading'] });
    expect(one.reduce((sum, cell) => sum + cell.count, 0)).toBeLessThan(all.reduce((sum, cell) => sum + cell.count, 0));
  });
});
