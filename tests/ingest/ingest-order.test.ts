import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/random.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { ingestTexts, removeSources } from '../../ingest/ingest-files.ts';
import { graphOfLetters, readLetters, readTexts } from '../../ingest/pipeline.ts';
import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { ReadingCache } from '../../ingest/reading-cache.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphStore } from '../../store/port.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { syntheticTexts } from '../helpers/corpus.ts';
import { runCli } from '../helpers/cli.ts';
import { lines } from '../helpers/graph-lines.ts';
import { letterText, txtLetter } from '../helpers/parse.ts';
import { LETTERS_DIR, SEED_FILES, seedText, withTempDir } from '../helpers/seeds.ts';

/**
 * Issue 23: the graph is a function of the set of stored letters. Every store
 * below is changed through ingestTexts / removeSources (the one way in, as
 * `innograph ingest` and `remove` do) and compared whole — names, props,
 * mentions, evidence — with a store that got its final letters in one batch.
 */
// Known letters, read in the test's thread: the time guard's workers are tested in tests/ingest/file-time-guard.test.ts.
const IN_THIS_THREAD = { workers: 0 } as const;

const seeds = SEED_FILES.map((file) => txtLetter(file, seedText(file.slice(0, 3))));

async function batch(letters: LetterText[]): Promise<string[]> {
  const store = new MemoryStore({ path: null });
  await ingestTexts(letters, store, IN_THIS_THREAD);
  return lines(await wholeGraph(store));
}

// Small letters of one city that teach each other names, vary one name, and share a document number.
const body = (sentence: string) =>
  `您所提的《关于加强科技服务的建议》收悉。现答复如下：\n一、工作进展\n${sentence}\n感谢您的支持。`;
const written = (source: string, docNumber: string, sentence: string, city = '南江市') =>
  txtLetter(
    source,
    letterText({ docNumber, body: body(sentence), signature: `${city}科学技术局\n2023年5月10日`, cc: '', printed: '' }),
  );
const own = [
  written('a.txt', '南科函〔2023〕1号', '我局组建“东川科创快车”，深入企业开展服务。'),
  written(
    'b.txt',
    '南科函〔2023〕2号',
    '今年东川科创快车走访企业120家，依托校（院）科技成果转化联合办公室推动成果转化。',
  ),
  written('c.txt', '南科函〔2023〕3号', '加强南江市校（院）地科技成果转化联合办公室建设。'),
  written('d.txt', '南科函〔2023〕3号', '我们将深化联合办公室运行机制，力争新增孵化器5家。'),
  written('e.txt', '北科函〔2023〕5号', '依托校（院）科技成果转化联合办公室，推动成果转化。', '北岭市'),
];

describe('any order of ingests and removes gives the graph of the final letters in one batch', () => {
  const pool = [...seeds, ...own];
  /** A random run of changes: batches of letters ingested (some again, some changed) and removed. */
  async function randomRun(seed: number, store: GraphStore): Promise<Map<string, LetterText>> {
    const rand = random(seed);
    const held = new Map<string, LetterText>();
    for (let step = 0; step < 8; step++) {
      if (held.size > 0 && rand() < 0.3) {
        const gone = [...held.keys()].filter(() => rand() < 0.4);
        await removeSources(gone, store, IN_THIS_THREAD);
        for (const source of gone) held.delete(source);
      } else {
        const letters = pool.filter(() => rand() < 0.35);
        // Now and then a letter comes back changed: its quoted name is gone.
        const changed = letters.map((l) => (rand() < 0.2 ? txtLetter(l.source, l.text.replace(/[“”]/g, '')) : l));
        await ingestTexts(changed, store, IN_THIS_THREAD);
        for (const l of changed) held.set(l.source, l);
      }
    }
    return held;
  }

  it.each([1, 2, 3, 4, 5, 6])('random run %i, in memory', async (seed) => {
    const store = new MemoryStore({ path: null });
    const held = await randomRun(seed, store);
    expect(lines(await wholeGraph(store))).toEqual(await batch([...held.values()]));
  });

  it.each([7, 8])('random run %i, on disk, with readings kept between runs', async (seed) => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const cache = new ReadingCache(join(dir, 'readings'));
      const rand = random(seed);
      const held = new Map<string, LetterText>();
      for (let step = 0; step < 5; step++) {
        // A fresh process each step, as separate `innograph ingest` runs are.
        const store = new MemoryStore({ path });
        const letters = pool.filter(() => rand() < 0.4);
        await ingestTexts(letters, store, { ...IN_THIS_THREAD, cache });
        for (const l of letters) held.set(l.source, l);
        const gone = [...held.keys()].filter(() => rand() < 0.2);
        await removeSources(gone, new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
        for (const source of gone) held.delete(source);
      }
      expect(lines(await wholeGraph(new MemoryStore({ path })))).toEqual(await batch([...held.values()]));
    });
  });

  it('random runs over a synthetic corpus (40 letters of seven cities, names shared across letters), in memory', async () => {
    const corpus = await syntheticTexts(40, 23);
    for (const seed of [11, 12]) {
      const rand = random(seed);
      const store = new MemoryStore({ path: null });
      const held = new Map<string, LetterText>();
      for (let step = 0; step < 6; step++) {
        const letters = corpus.filter(() => rand() < 0.3);
        await ingestTexts(letters, store, IN_THIS_THREAD);
        for (const l of letters) held.set(l.source, l);
        const gone = [...held.keys()].filter(() => rand() < 0.25);
        await removeSources(gone, store, IN_THIS_THREAD);
        for (const source of gone) held.delete(source);
      }
      expect(held.size).toBeGreaterThan(5);
      expect(lines(await wholeGraph(store))).toEqual(await batch([...held.values()]));
    }
  }, 120_000);

  it('the readings of stored letters are kept between runs: the next change reads none of them again', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const cache = new ReadingCache(join(dir, 'readings'));
      await ingestTexts(seeds, new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
      const next = await ingestTexts([own[0]], new MemoryStore({ path }), { ...IN_THIS_THREAD, cache });
      expect(next.reread).toBe(0);
      // Without them, every stored letter is read again from its text, and the graph is the same.
      const without = await ingestTexts([own[1]], new MemoryStore({ path }), IN_THIS_THREAD);
      expect(without.reread).toBe(seeds.length + 1);
      expect(lines(await wholeGraph(new MemoryStore({ path })))).toEqual(await batch([...seeds, own[0], own[1]]));
    });
  });

  it('ingesting the same letters again writes nothing and changes nothing', async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(pool, store, IN_THIS_THREAD);
    const before = lines(await wholeGraph(store));
    const again = await ingestTexts(pool, store, IN_THIS_THREAD);
    expect(again.commit).toMatchObject({ written: [], removed: [] });
    expect(lines(await wholeGraph(store))).toEqual(before);
  });
});

describe('the archive build', () => {
  it('is a function of the set of letters: any order of the seeds, the dev letters and our own gives the same document', async () => {
    const devDir = fileURLToPath(new URL('../../../shared/dev-letters/texts/', import.meta.url));
    const dev = existsSync(devDir) ? (await readLetters([devDir], undefined, IN_THIS_THREAD)).letters : [];
    const letters = [...(await readTexts([...seeds, ...own], IN_THIS_THREAD)).letters, ...dev];
    const expected = JSON.stringify(graphOfLetters(letters));
    const rand = random(42);
    for (let round = 0; round < 4; round++) {
      const shuffled = letters
        .map((l) => ({ l, key: rand() }))
        .sort((a, b) => a.key - b.key)
        .map(({ l }) => l);
      expect(JSON.stringify(graphOfLetters(shuffled))).toBe(expected);
    }
  });
});

describe('removing', () => {
  it.each(SEED_FILES)('ingest all five, remove %s = ingest the other four', async (source) => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(seeds, store, IN_THIS_THREAD);
    const result = await removeSources([source], store, IN_THIS_THREAD);
    expect(result).toMatchObject({ removed: [source], missing: [] });
    expect(lines(await wholeGraph(store))).toEqual(await batch(seeds.filter((l) => l.source !== source)));
  });

  it('names only 000 taught (基金村) go with it, also from 002; one 002 names itself (双尖双领) stays', async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(seeds, store, IN_THIS_THREAD);
    expect((await store.getNodes(['Platform:基金村']))[0]?.mentions.map((m) => m.letter)).toContain(
      'Letter:002_ec349f58704320cf.txt',
    );
    const result = await removeSources(['000_c3f10cc589d1c01a.txt'], store, IN_THIS_THREAD);
    expect(result.commit?.written).toContain('Letter:002_ec349f58704320cf.txt');
    expect(await store.getNodes(['Platform:基金村'])).toEqual([null]);
    // 002 names 双尖双领 on its own (实施省双尖双领项目: a motto a level word grades), so it stays, 002's alone.
    expect((await store.getNodes(['Programme:双尖双领']))[0]?.mentions.map((m) => m.letter)).toEqual([
      'Letter:002_ec349f58704320cf.txt',
    ]);
  });

  it('a letter the store does not hold changes nothing and is named', async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(seeds, store, IN_THIS_THREAD);
    const before = lines(await wholeGraph(store));
    const result = await removeSources(['no-such-letter.txt'], store, IN_THIS_THREAD);
    expect(result).toMatchObject({ removed: [], missing: ['no-such-letter.txt'], commit: null });
    expect(lines(await wholeGraph(store))).toEqual(before);
  });

  it('`innograph remove` does it too: the exported graph is that of the other letters ingested alone', async () => {
    await withTempDir(async (dir) => {
      const [all, four] = [join(dir, 'all', 'store.json'), join(dir, 'four', 'store.json')];
      expect((await runCli(['ingest', '--quiet', '--data', all, LETTERS_DIR])).code).toBe(0);
      const removed = await runCli(['remove', '--data', all, '000_c3f10cc589d1c01a.txt', 'nothing.txt']);
      expect(removed.code).toBe(1);
      expect(removed.stdout).toContain('removed 000_c3f10cc589d1c01a.txt');
      expect(removed.stdout).toContain('✗ nothing.txt: no such letter in the store');
      expect(removed.stdout).toMatch(/remove: 1 removed, 1 not found; \d+ stored letters read differently/);
      const seedFiles = SEED_FILES.slice(1).map((f) => join(LETTERS_DIR, f));
      expect((await runCli(['ingest', '--quiet', '--data', four, ...seedFiles])).code).toBe(0);
      for (const [data, out] of [
        [all, join(dir, 'all.json')],
        [four, join(dir, 'four.json')],
      ])
        expect((await runCli(['export', '--data', data, '--out', out])).code).toBe(0);
      const exported = async (file: string) => lines(JSON.parse(await readFile(file, 'utf8')) as GraphDocument);
      expect(await exported(join(dir, 'all.json'))).toEqual(await exported(join(dir, 'four.json')));
      // --quiet: what a script reads is the summary and what was not there, no progress and no line per letter.
      const quiet = await runCli(['remove', '--quiet', '--data', all, SEED_FILES[1]!, 'nothing.txt']);
      expect(quiet.code).toBe(1);
      expect(quiet.stderr).toBe('');
      expect(quiet.stdout.trim().split('\n')).toEqual([
        '✗ nothing.txt: no such letter in the store',
        expect.stringMatching(/^remove: 1 removed, 1 not found;/),
      ]);
    });
  }, 120_000);
});

describe('a changed letter', () => {
  it('that no longer teaches a name takes it from the letters that used it bare, as a fresh batch does', async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts(own.slice(0, 2), store, IN_THIS_THREAD);
    expect((await store.getNodes(['Programme:东川科创快车']))[0]?.mentions.map((m) => m.letter)).toEqual([
      'Letter:a.txt',
      'Letter:b.txt',
    ]);
    const changedA = written('a.txt', '南科函〔2023〕1号', '我局组建服务专班，深入企业开展服务。');
    const result = await ingestTexts([changedA], store, IN_THIS_THREAD);
    expect(result.commit?.written).toEqual(['Letter:a.txt', 'Letter:b.txt']);
    expect(await store.getNodes(['Programme:东川科创快车'])).toEqual([null]);
    expect(lines(await wholeGraph(store))).toEqual(await batch([changedA, own[1]]));
  });

  it('another city’s same words stay that city’s own, whatever the order', async () => {
    const orders = [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      [2, 4, 0, 3, 1],
    ];
    const expected = await batch(own);
    for (const order of orders) {
      const store = new MemoryStore({ path: null });
      for (const i of order) await ingestTexts([own[i]], store, IN_THIS_THREAD);
      expect(lines(await wholeGraph(store))).toEqual(expected);
    }
  });
});
