import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../ingest/parse/parse-letter.ts';
import { splitLetters } from '../../ingest/parse/split-letters.ts';
import { readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { REPO_ROOT } from '../helpers/seeds.ts';

/**
 * Where each dev letter is from, judged by hand from the portal each came from
 * (../shared/dev-letters/README.md) — a judgment, not the letters' text. 13's
 * 绍兴县 was merged into 柯桥区 in 2013; 19's high-tech zone lies in 重庆市.
 */
const TRUTH: Record<string, string> = {
  '01': '河南省郑州市',
  '02': '湖南省湘潭市',
  '03': '河南省郑州市上街区',
  '04': '河南省郑州市惠济区',
  '05': '河南省郑州市新郑市',
  '06': '辽宁省鞍山市',
  '07': '贵州省遵义市绥阳县',
  '08': '陕西省榆林市子洲县',
  '09': '云南省文山壮族苗族自治州砚山县',
  '10': '河北省邢台市沙河市',
  '11': '河南省郑州市新密市',
  '12': '云南省',
  '13': '浙江省绍兴市柯桥区',
  '14': '河北省石家庄市',
  '15': '天津市',
  '16': '浙江省台州市温岭市',
  '17': '浙江省杭州市滨江区',
  '18': '重庆市',
  '19': '重庆市',
  '20': '重庆市',
  '21': '广东省深圳市',
  '22': '广东省深圳市',
  '23': '广东省深圳市',
  '24': '湖北省武汉市',
  '25': '四川省',
  '26': '湖南省岳阳市',
  '27': '河南省商丘市',
  '28': '河南省郑州市上街区',
};
const DEV = join(REPO_ROOT, '../shared/dev-letters/texts');
const SEEDS = join(REPO_ROOT, '../shared/seeds');

async function judge(dir: string, truthOf: (file: string) => string) {
  const rows: Array<{ file: string; verdict: 'right' | 'coarser' | 'wrong' | 'unknown'; source: string }> = [];
  for (const file of readdirSync(dir).sort()) {
    const [first] = splitLetters(await readLetterFile(join(dir, file)));
    const place = parseLetter(first).placeFound;
    const truth = truthOf(file);
    if (!place.known) {
      rows.push({ file, verdict: 'unknown', source: '-' });
      continue;
    }
    const found = place.path.map((d) => d.name).join('');
    const verdict = found === truth ? 'right' : truth.startsWith(found) ? 'coarser' : 'wrong';
    rows.push({ file, verdict, source: place.source });
  }
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  const bySource = new Map<string, number>();
  for (const r of rows) if (r.verdict === 'right') bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
  console.log(
    `${dir}: right ${count('right')}, coarser ${count('coarser')}, wrong ${count('wrong')}, unknown ${count('unknown')}; right by source: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`,
  );
  return { rows, count };
}

describe('places of letters no rule was written on', () => {
  it('the 28 dev letters of 18 provinces: most right, none wrong (unknown rather than guessed)', async () => {
    const { rows, count } = await judge(DEV, (file) => TRUTH[file.slice(0, 2)]);
    expect(rows.filter((r) => r.verdict === 'wrong')).toEqual([]);
    expect(count('right')).toBeGreaterThanOrEqual(22);
  });

  it('the five Wenzhou seeds are 温州市', async () => {
    const { count } = await judge(SEEDS, () => '浙江省温州市');
    expect(count('right')).toBe(5);
  });
});
