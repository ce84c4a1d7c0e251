import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterExtraction } from '../../ingest/extract/extract-letter.ts';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { planIngest, removeLetters } from '../../ingest/ingest-plan.ts';
import { readLetters } from '../../ingest/pipeline.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { GraphDocument } from '../../domain/model.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { letterText, parseText } from '../helpers/parse.ts';
import { runCli } from '../helpers/cli.ts';
import { LETTERS_DIR, SEED_FILES, seedText, withTempDir } from '../helpers/seeds.ts';

/**
 * Issue #13, item 8: the graph must not depend on how letters were batched.
 * Each store below is built through the ingest plan, as `innograph ingest`
 * and `innograph remove` do, and compared whole (names, props, mentions,
 * evidence) with a store that got the same letters in one batch.
 */
// Known letters, read in the test's thread: the time guard's workers are tested in tests/ingest/file-time-guard.test.ts.
const IN_THIS_THREAD = { workers: 0 } as const;
let seeds: LetterExtraction[];
beforeAll(async () => {
  seeds = (await readLetters([LETTERS_DIR], undefined, IN_THIS_THREAD)).letters;
}, 60_000);

async function ingested(batches: LetterExtraction[][]): Promise<MemoryStore> {
  const store = new MemoryStore({ path: null });
  for (const letters of batches) {
    const plan = await planIngest(store, letters, IN_THIS_THREAD);
    await store.replaceLetters(plan.graph, plan.letterIds);
  }
  return store;
}

/** Every node and edge as one comparable line, so a difference names what differs. */
function lines(graph: GraphDocument): string[] {
  return [
    ...graph.nodes.map(
      (n) => `${n.id} ${n.name} ${JSON.stringify(n.aliases)} ${JSON.stringify(n.props)} ${JSON.stringify(n.mentions)}`,
    ),
    ...graph.edges.map(
      (e) => `${e.type} ${e.source} → ${e.target} ${JSON.stringify(e.props)} ${JSON.stringify(e.evidence)}`,
    ),
  ].sort();
}

const sourceOf = (l: LetterExtraction) => l.letter.source;
const without = (source: string) => seeds.filter((l) => sourceOf(l) !== source);

describe('removing a letter leaves the graph of the others ingested alone', () => {
  it.each(SEED_FILES)('ingest all five, remove %s = ingest the other four', async (source) => {
    const store = await ingested([seeds]);
    const plan = await removeLetters(store, [`Letter:${source}`], IN_THIS_THREAD);
    expect(plan.removed).toEqual([`Letter:${source}`]);
    const fresh = await ingested([without(source)]);
    expect(lines(await wholeGraph(store))).toEqual(lines(await wholeGraph(fresh)));
  });

  it('names only 000 taught (基金村, 双尖双领) leave 002 with 000', async () => {
    const store = await ingested([seeds]);
    const plan = await removeLetters(store, ['Letter:000_c3f10cc589d1c01a.txt'], IN_THIS_THREAD);
    expect(plan.reread).toContain('002_ec349f58704320cf.txt');
    const [fund, programme] = await store.getNodes(['Platform:基金村', 'Programme:双尖双领']);
    expect([fund, programme]).toEqual([null, null]);
  });

  it('`innograph remove` does it too: the exported graph is that of the other letters ingested alone', async () => {
    await withTempDir(async (dir) => {
      const [all, four] = [join(dir, 'all', 'store.json'), join(dir, 'four', 'store.json')];
      expect((await runCli(['ingest', '--quiet', '--data', all, LETTERS_DIR])).code).toBe(0);
      const removed = await runCli(['remove', '--data', all, '000_c3f10cc589d1c01a.txt']);
      expect(removed.stdout).toContain('removed 000_c3f10cc589d1c01a.txt');
      expect(removed.stdout).toMatch(/read again: \d+ stored letters/);
      expect(
        (await runCli(['ingest', '--quiet', '--data', four, ...SEED_FILES.slice(1).map((f) => join(LETTERS_DIR, f))]))
          .code,
      ).toBe(0);
      for (const [data, out] of [
        [all, join(dir, 'all.json')],
        [four, join(dir, 'four.json')],
      ])
        expect((await runCli(['export', '--data', data, '--out', out])).code).toBe(0);
      const exported = async (file: string) => lines(JSON.parse(await readFile(file, 'utf8')) as GraphDocument);
      expect(await exported(join(dir, 'all.json'))).toEqual(await exported(join(dir, 'four.json')));
    });
  }, 120_000);

  it('removing a letter the store does not hold changes nothing and says so', async () => {
    const store = await ingested([seeds]);
    const before = lines(await wholeGraph(store));
    const plan = await removeLetters(store, ['Letter:no-such-letter.txt'], IN_THIS_THREAD);
    expect(plan).toMatchObject({ removed: [], reread: [] });
    expect(lines(await wholeGraph(store))).toEqual(before);
  });
});

describe('re-ingesting a changed letter that no longer teaches a name', () => {
  // a.txt marks “东川科创快车”; b.txt uses it bare, so only a.txt's quotes make it a thing there.
  const body = (sentence: string) =>
    `您所提的《关于加强科技服务的建议》收悉。现答复如下：\n一、工作进展\n${sentence}\n感谢您的支持。`;
  const letter = (source: string, docNumber: string, sentence: string) =>
    extractLetter(parseText(letterText({ docNumber, body: body(sentence) }), source));
  const a = letter('a.txt', '渝科局函〔2023〕281号', '我局组建“东川科创快车”，深入企业开展服务。');
  const changedA = letter('a.txt', '渝科局函〔2023〕281号', '我局组建服务专班，深入企业开展服务。');
  const b = letter('b.txt', '渝科局函〔2023〕282号', '今年东川科创快车走访企业120家。');

  it('b.txt loses the mention it only had from a.txt, as in a fresh batch', async () => {
    const store = await ingested([[a, b]]);
    expect((await store.getNodes(['Programme:东川科创快车']))[0]?.mentions.map((m) => m.letter)).toEqual([
      'Letter:a.txt',
      'Letter:b.txt',
    ]);
    const plan = await planIngest(store, [changedA], IN_THIS_THREAD);
    expect(plan.reread).toEqual(['b.txt']);
    await store.replaceLetters(plan.graph, plan.letterIds);
    expect(lines(await wholeGraph(store))).toEqual(lines(await wholeGraph(await ingested([[changedA, b]]))));
    expect(await store.getNodes(['Programme:东川科创快车'])).toEqual([null]);
  });

  it('a letter it does not concern is not read again', async () => {
    const c = letter('c.txt', '渝科局函〔2023〕283号', '今年走访企业120家。');
    const store = await ingested([[a, b, c]]);
    expect((await planIngest(store, [changedA], IN_THIS_THREAD)).reread).toEqual(['b.txt']);
  });

  it('000 without 基金村: the seeds give what a fresh batch gives', async () => {
    const changed = extractLetter(
      parseText(seedText('000').replaceAll('基金村', '基金站'), '000_c3f10cc589d1c01a.txt'),
    );
    const store = await ingested([seeds, [changed]]);
    const fresh = await ingested([[changed, ...without('000_c3f10cc589d1c01a.txt')]]);
    expect(lines(await wholeGraph(store))).toEqual(lines(await wholeGraph(fresh)));
  });
});

describe('ingesting one by one gives what one batch gives', () => {
  it.each([[[0, 1, 2, 3, 4]], [[4, 3, 2, 1, 0]], [[2, 4, 0, 3, 1]]])('order %j', async (order) => {
    const batch = await ingested([seeds]);
    const oneByOne = await ingested(order.map((i) => [seeds[i]]));
    expect(lines(await wholeGraph(oneByOne))).toEqual(lines(await wholeGraph(batch)));
  });

  it('letter 004 measures the same Indicators alone as in the batch', async () => {
    const indicatorsOf004 = async (store: MemoryStore) =>
      (await wholeGraph(store)).edges
        .filter((e) => e.type === 'MEASURES' && e.source.includes('004_'))
        .map((e) => `${e.source} → ${e.target} ${JSON.stringify(e.props)}`)
        .sort();
    const alone = await indicatorsOf004(await ingested(seeds.map((l) => [l])));
    expect(alone.length).toBeGreaterThan(0);
    expect(alone).toEqual(await indicatorsOf004(await ingested([seeds])));
  });
});

describe('variants of one name in letters ingested apart', () => {
  const letterOf = (source: string, n: number, sentence: string, city = '南江市') =>
    extractLetter(
      parseText(
        letterText({
          docNumber: '',
          printed: '',
          cc: '',
          contact: '',
          title: `关于市政协八届二次会议第${n}号提案的答复函`,
          salutation: '王一委员：',
          body: `您所提的《关于促进成果转化的提案》收悉。现答复如下：\n一、工作进展\n${sentence}\n感谢您的支持。`,
          signature: `${city}科学技术局\n2023年5月10日`,
        }),
        source,
      ),
    );
  const full = letterOf('a.txt', 1, '加强南江市校（院）地科技成果转化联合办公室建设，推动成果转化。');
  const short = letterOf('b.txt', 2, '依托校（院）科技成果转化联合办公室，推动成果转化。');
  // Another office of the same tail (…联合办公室) that no rule joins with these, and a letter that only holds the tail's words.
  const other = letterOf('c.txt', 3, '加强南江市知识产权保护联合办公室建设。');
  const tail = letterOf('d.txt', 4, '我们将深化联合办公室运行机制，推动落实。');
  // Another city's office of the short name: never joined with 南江市's, so it stays that city's own (…@北岭市).
  const elsewhere = letterOf('e.txt', 5, '依托校（院）科技成果转化联合办公室，推动成果转化。', '北岭市');

  it.each([[[0, 1, 2, 3, 4]], [[1, 0, 4, 3, 2]], [[4, 3, 2, 1, 0]], [[4, 1, 0, 2, 3]]])(
    'one by one in order %j gives the batch, joins included',
    async (order) => {
      const letters = [full, short, other, tail, elsewhere];
      const batch = await ingested([letters]);
      const joined = (await batch.getNodes(['Platform:南江市校(院)地科技成果转化联合办公室']))[0];
      expect(joined?.aliases).toContain('校（院）科技成果转化联合办公室');
      expect(lines(await wholeGraph(await ingested(order.map((i) => [letters[i]]))))).toEqual(
        lines(await wholeGraph(batch)),
      );
    },
  );

  it('reads again the letter naming a variant, not every letter that holds the last words of the name', async () => {
    const store = await ingested([[full, other, tail]]);
    const plan = await planIngest(store, [short], IN_THIS_THREAD);
    expect(plan.reread).toEqual(['a.txt']);
  });
});
