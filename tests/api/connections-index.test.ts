import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { pick, random } from '../../bench/random.ts';
import { type Connections, type ConnectionOptions, findConnections } from '../../api/resolvers/connections.ts';
import type { GraphNode } from '../../domain/model.ts';
import { ingestFiles, removeSources } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { LETTERS_DIR, REPO_ROOT } from '../helpers/seeds.ts';

/**
 * The embedded store answers "what connects A and B" from its links numbered
 * once per graph version (store/memory/link-index.ts,
 * api/resolvers/indexed-explored.ts); a store without them (Neo4j) walks
 * through edgesOf (Explored). Both must give the very same answer — paths,
 * their order, costs, evidence, `capped` and the note — whatever is asked: here
 * random pairs with random maxHops, first and includeHubs, with the full budget
 * and with one small enough to be reached (the node budget and the cut of
 * candidate paths), on our own letters (the seeds and the letters written
 * blind) and on a synthetic archive drawn with a random seed, merged in
 * memory and opened from the store image.
 */
const SEED = Number(process.env.CONNECTIONS_INDEX_SEED ?? Math.floor(Math.random() * 1e6));
/** Budgets a small archive reaches: few nodes read; few candidate paths, so which ones are found first shows. */
const SMALL = [
  { exploredNodes: 40, candidatePaths: 25 },
  { exploredNodes: 5000, candidatePaths: 6 },
];

/** The same store, seen without its numbered links: connections walks through edgesOf, as on Neo4j. */
function walking(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'connectionLinks') return undefined;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Asks both ways; counts the questions the numbered links answered, so the test cannot compare the walk with itself. */
async function bothWays(store: MemoryStore, questions: Question[]) {
  let indexed = 0;
  const counting = new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'connectionLinks') indexed++;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const pairs: Array<{ question: Question; walked: Connections; numbered: Connections }> = [];
  for (const question of questions) {
    const walked = await findConnections(walking(store), question.from, question.to, question.options);
    const numbered = await findConnections(counting, question.from, question.to, question.options);
    pairs.push({ question, walked, numbered });
  }
  return { pairs, indexed };
}

interface Question {
  from: GraphNode;
  to: GraphNode;
  options: ConnectionOptions;
}

/** Pairs among the best-linked things (where paths are many and budgets are reached) and among all things. */
async function questionsOf(store: GraphStore, count: number, seed: number): Promise<Question[]> {
  const rand = random(seed);
  const hubs = (await store.overview({ limit: 60 })).nodes.filter((n) => n.kind !== 'Chain');
  const all: GraphNode[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page = await store.findNodes({}, { first: 200, after });
    all.push(...page.items.filter((n) => n.kind !== 'Chain'));
    after = page.endCursor;
    more = page.hasNextPage;
  }
  const questions: Question[] = [];
  while (questions.length < count) {
    const from = pick(rand, rand() < 0.6 ? hubs : all);
    const to = pick(rand, rand() < 0.6 ? hubs : all);
    if (from.id === to.id) continue;
    questions.push({
      from,
      to,
      options: {
        maxHops: 1 + Math.floor(rand() * 6),
        first: 1 + Math.floor(rand() * 20),
        includeHubs: rand() < 0.3,
        ...(rand() < 0.5 ? { budget: pick(rand, SMALL) } : {}),
      },
    });
  }
  return questions;
}

/** Whether the walked answers show paths found, a budget reached and a same-letter step (what expectSame asks of a run). */
function covers(run: Awaited<ReturnType<typeof bothWays>>, count: number): boolean {
  const walked = run.pairs.map((p) => p.walked);
  return (
    walked.filter((c) => c.paths.length > 0).length > count / 10 &&
    walked.some((c) => c.capped) &&
    walked.some((c) => c.paths.some((p) => p.links.some((l) => l.kind === 'SAME_LETTER')))
  );
}

/**
 * Questions drawn from `seed`, asked both ways, and more drawn (at most four times more) while their answers do not
 * yet cover paths, a budget and a same-letter step: a random draw of 120 questions on a few dozen letters may hold
 * no same-letter step (seed 8 on the seeds and the written-blind letters), and the comparison must not then pass
 * on less. expectSame still fails when no draw covers them.
 */
async function askedUntilCovered(store: MemoryStore, count: number, seed: number) {
  const questions: Question[] = [];
  const run: Awaited<ReturnType<typeof bothWays>> = { pairs: [], indexed: 0 };
  for (let draw = 0; draw < 5 && (draw === 0 || !covers(run, questions.length)); draw++) {
    const more = await questionsOf(store, count, seed + 7919 * draw);
    const asked = await bothWays(store, more);
    questions.push(...more);
    run.pairs.push(...asked.pairs);
    run.indexed += asked.indexed;
  }
  return { questions, run };
}

function expectSame(run: Awaited<ReturnType<typeof bothWays>>, count: number) {
  expect(run.indexed).toBe(count);
  for (const { question, walked, numbered } of run.pairs) {
    const asked = `${question.from.id} → ${question.to.id} ${JSON.stringify(question.options)} (seed ${SEED})`;
    expect(numbered, asked).toEqual(walked);
  }
  // Not a comparison of empty answers: paths found, the budget reached, both ways.
  const walked = run.pairs.map((p) => p.walked);
  expect(walked.filter((c) => c.paths.length > 0).length).toBeGreaterThan(count / 10);
  expect(walked.some((c) => c.capped)).toBe(true);
  expect(walked.some((c) => c.paths.some((p) => p.links.some((l) => l.kind === 'SAME_LETTER')))).toBe(true);
}

describe('connections from numbered links answers as the walk through edgesOf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'innograph-connections-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('on our own letters (seeds and the letters written blind), merged in memory', async () => {
    const store = new MemoryStore({ path: null });
    await ingestFiles([LETTERS_DIR, join(REPO_ROOT, 'tests/fixtures/written-blind/texts')], store, { workers: 0 });
    const { questions, run } = await askedUntilCovered(store, 120, SEED);
    expectSame(run, questions.length);
  }, 240_000);

  it('a question asked again gets the kept answer; once a letter on its path is removed, the smaller graph’s', async () => {
    const store = new MemoryStore({ path: null });
    await ingestFiles([LETTERS_DIR], store, { workers: 0 });
    const questions = (await questionsOf(store, 200, SEED + 2)).filter((q) => !q.options.budget);
    let asked: { question: Question; answer: Connections } | null = null;
    for (const question of questions) {
      const answer = await findConnections(store, question.from, question.to, question.options);
      if (answer.paths.some((p) => p.nodes.slice(1, -1).some((n) => n.kind === 'Letter'))) {
        asked = { question, answer };
        break;
      }
    }
    expect(asked).not.toBeNull();
    const { question, answer } = asked!;
    expect(await findConnections(store, question.from, question.to, question.options)).toBe(answer);
    const letter = answer.paths.flatMap((p) => p.nodes.slice(1, -1)).find((n) => n.kind === 'Letter')!;
    await removeSources([String(letter.props.source)], store, { workers: 0 });
    const after = await findConnections(store, question.from, question.to, question.options);
    expect(after).toEqual(await findConnections(walking(store), question.from, question.to, question.options));
    expect(after.paths.flatMap((p) => p.nodes.map((n) => n.id))).not.toContain(letter.id);
    expect(after).not.toEqual(answer);
  }, 240_000);

  it('on a synthetic archive, merged in memory and opened from the store image', async () => {
    await generateCorpus({ letters: 60, out: join(dir, 'letters'), seed: SEED, seedDir: LETTERS_DIR });
    const merged = new MemoryStore({ path: null });
    await ingestFiles([join(dir, 'letters')], merged, { workers: 0 });
    const written = new MemoryStore({ path: join(dir, 'store.json') });
    await ingestFiles([join(dir, 'letters')], written, { workers: 0 });
    await written.close();
    const opened = new MemoryStore({ path: join(dir, 'store.json') });
    try {
      const questions = await questionsOf(merged, 120, SEED + 1);
      expectSame(await bothWays(merged, questions), questions.length);
      // The same questions of the store opened from its image (its own numbering of nodes and links).
      const again = await Promise.all(
        questions.map(async (q) => {
          const [from, to] = (await opened.getNodes([q.from.id, q.to.id])) as GraphNode[];
          return { ...q, from, to };
        }),
      );
      expectSame(await bothWays(opened, again), again.length);
    } finally {
      await opened.close();
    }
  }, 240_000);
});
