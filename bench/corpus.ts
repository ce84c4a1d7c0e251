import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractLetter } from '../ingest/extract/extract-letter.ts';
import type { ParsedLetter } from '../ingest/parse/parse-letter.ts';
import { readLetters } from '../ingest/pipeline.ts';
import { pick, random, zipf } from './random.ts';

/**
 * Synthetic letters of the real genre for benchmarks (never for quality
 * claims): header, salutation, sections with a 下一步 part, contacts, cc. The
 * body recombines the seed letters' sentences; the names in them are replaced
 * by generated names of the same kind from pools that grow with N, so the
 * number of distinct entities grows with the archive, and numbers are redrawn.
 */
const PLACES = '东南西北中华新光明安平和兴宁江海山川湖港城瓯鹿龙瑞乐永泰文成苍洞头'.split('');
const FIELDS = [
  '激光',
  '生物医药',
  '新材料',
  '智能装备',
  '数字经济',
  '眼视光',
  '汽车零部件',
  '新能源',
  '低空',
  '海洋',
  '集成电路',
  '氢能',
  '储能',
  '电气',
  '泵阀',
];
const SUFFIX: Record<string, string[]> = {
  Platform: ['实验室', '研究院', '技术创新中心', '产业园', '谷', '港'],
  Enterprise: ['集团', '股份有限公司', '科技有限公司'],
  Programme: ['提升工程', '培育计划', '专项行动', '攻坚行动'],
  Organization: ['大学', '学院', '协会'],
};
const CITIES = [
  ['温', '温州'],
  ['杭', '杭州'],
  ['甬', '宁波'],
  ['渝', '重庆'],
  ['蓉', '成都'],
  ['苏', '苏州'],
  ['合', '合肥'],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'.split('');

interface SeedSentence {
  text: string;
  part: 'done' | 'next';
  names: Array<{ start: number; end: number; kind: string }>;
}

async function seedSentences(seedDir: string): Promise<SeedSentence[]> {
  const { letters } = await readLetters([seedDir]);
  return letters.flatMap(({ letter }: { letter: ParsedLetter }) => {
    const { mentions } = extractLetter(letter);
    return letter.sentences
      .filter(
        (s) =>
          s.start >= letter.body.start &&
          s.end <= letter.body.end &&
          s.text.length > 12 &&
          !/^[一二三四五六七八九十（(\d]/.test(s.text),
      )
      .map((s) => ({
        text: s.text,
        part: s.part,
        names: mentions
          .filter((m) => m.start >= s.start && m.end <= s.end && m.kind in SUFFIX && !m.rule.startsWith('header'))
          .map((m) => ({ start: m.start - s.start, end: m.end - s.start, kind: m.kind })),
      }));
  });
}

function nameMaker(rand: () => number, letters: number) {
  const pool = new Map<string, string[]>();
  // Distinct names grow with the archive: about 30 + N/4 per kind.
  const size = 30 + Math.floor(letters / 4);
  return (kind: string): string => {
    let names = pool.get(kind);
    if (!names) {
      const local = random(kind.length * 7919 + letters);
      names = Array.from(
        { length: size },
        (_, i) =>
          `${pick(local, PLACES)}${pick(local, PLACES)}${pick(local, FIELDS)}${i % 7 === 0 ? '' : pick(local, ['', '创新', '智造', '科创'])}${pick(local, SUFFIX[kind])}`,
      );
      pool.set(kind, names);
    }
    return names[zipf(rand, names.length)];
  };
}

function rewrite(sentence: SeedSentence, rand: () => number, nameOf: (kind: string) => string): string {
  let text = '';
  let at = 0;
  for (const name of sentence.names) {
    if (name.start < at) continue;
    text += sentence.text.slice(at, name.start) + nameOf(name.kind);
    at = name.end;
  }
  text += sentence.text.slice(at);
  return text.replace(/\d+(\.\d+)?/g, (d) =>
    d.length === 4 && /^20/.test(d) ? d : String(Math.max(1, Math.round(Number(d) * (0.5 + rand())))),
  );
}

export async function generateCorpus(options: {
  letters: number;
  out: string;
  seed?: number;
  seedDir: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ files: number; bytes: number }> {
  const rand = random(options.seed ?? 42);
  const sentences = await seedSentences(options.seedDir);
  const done = sentences.filter((s) => s.part === 'done');
  const next = sentences.filter((s) => s.part === 'next');
  const nameOf = nameMaker(rand, options.letters);
  await mkdir(options.out, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < options.letters; i++) {
    const [abbr, city] = pick(rand, CITIES);
    const year = 2019 + Math.floor(rand() * 6);
    const cppcc = rand() < 0.5;
    const number = 1 + Math.floor(rand() * 900);
    const person = `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}${rand() < 0.5 ? pick(rand, GIVEN) : ''}`;
    const role = cppcc ? '委员' : '代表';
    const body = cppcc
      ? `市政协十${pick(rand, ['二', '三'])}届${pick(rand, ['一', '二', '三'])}次会议`
      : `市十${pick(rand, ['四', '五'])}届人大${pick(rand, ['一', '二', '三', '四'])}次会议`;
    const kind = cppcc ? '提案' : '建议';
    const lines = [
      `${abbr}科提复〔${year}〕${number}号`,
      '',
      `关于${body}${number}号${kind}的`,
      '答 复 函',
      '',
      `${person}${role}：`,
      `您在${body}期间所提的《关于加快${pick(rand, FIELDS)}产业创新发展的${kind}》（${cppcc ? '政协提案' : '人大建议'}${number}号）收悉。现答复如下：`,
      '一、工作进展',
      ...Array.from({ length: 4 + Math.floor(rand() * 5) }, () => rewrite(pick(rand, done), rand, nameOf)),
      '二、下一步工作计划',
      ...['（一）', '（二）', '（三）'].map(
        (marker) => `${marker}${rewrite(pick(rand, next), rand, nameOf)}${rewrite(pick(rand, next), rand, nameOf)}`,
      ),
      '感谢您对科技工作的支持。',
      `联系人：${pick(rand, SURNAMES)}${pick(rand, GIVEN)}，联系电话：${80000000 + Math.floor(rand() * 9999999)}。`,
      '',
      `${city}市科学技术局`,
      `${year}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`,
      `抄送：市府办，${cppcc ? '市政协提案委' : '市人大常委会代表工委'}`,
    ];
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    await writeFile(join(options.out, `letter-${String(i).padStart(6, '0')}.txt`), text);
    if (i % 100 === 99) options.onProgress?.(i + 1, options.letters);
  }
  options.onProgress?.(options.letters, options.letters);
  return { files: options.letters, bytes };
}
