import { describe, expect, it } from 'vitest';
import { ingestTexts } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { runCli } from '../helpers/cli.ts';
import { withTempDir } from '../helpers/seeds.ts';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';

/**
 * `--place`: a letter that names no place of its own (县科学技术局, 县政协) takes the place the user gives,
 * its local names resolve there, and the place holds when the store reads the letter again for a later
 * change. A place that names two divisions, or none, is refused before any work.
 */
const county = (n: number) =>
  [
    `关于县政协十五届四次会议第${n}号提案的答复函`,
    '',
    '李四委员：',
    '您提出的《关于加快科创走廊建设的建议》收悉。现答复如下：',
    '一、工作进展',
    '我局会同县科技局推进科创走廊建设，累计建成孵化器3家。',
    '县科学技术局',
    '2025年6月1日',
  ].join('\n');
const text = (source: string, body: string) => ({
  source,
  path: source,
  format: 'txt' as const,
  encoding: 'utf-8',
  text: body,
});

describe('the place a user gives on ingest', () => {
  it('is the letter’s place, its local names resolve there, and it holds when the letter is read again', async () => {
    const store = new MemoryStore({ path: null });
    await ingestTexts([text('a.txt', county(1))], store, { workers: 0, place: '温岭市' });
    // Another county's letter, ingested later without a cache: a.txt is read again from its stored text.
    await ingestTexts([text('b.txt', county(2))], store, { workers: 0, place: '331023' });
    const graph = await wholeGraph(store);
    const letter = (id: string) => graph.nodes.find((n) => n.id === id)!.props;
    expect(letter('Letter:a.txt')).toMatchObject({ place: '331081', placeSource: 'given', givenPlace: '331081' });
    expect(letter('Letter:b.txt')).toMatchObject({ place: '331023', placeSource: 'given' });
    // Two counties' 县科学技术局 stay two bureaus.
    const bureaus = graph.nodes.filter((n) => n.name === '县科学技术局').map((n) => n.id);
    expect(bureaus).toHaveLength(2);
  });

  it.each([
    ['朝阳区', /names 2 places .*北京市朝阳区 110105.*give its province or city before it, or its code/],
    ['月球市', /no province, city or county of that name/],
    ['999999', /no division has that code/],
  ])(
    '--place %s is refused with the reason, exit 2, nothing stored',
    async (place, message) => {
      await withTempDir(async (dir) => {
        const file = join(dir, 'a.txt');
        await writeFile(file, county(1));
        const data = join(dir, 'store.json');
        const result = await runCli(['ingest', '--quiet', '--place', place, '--data', data, file]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(JSON.parse((await runCli(['stats', '--json', '--data', data])).stdout)).toMatchObject({ letters: 0 });
      });
    },
    60_000,
  );
});
