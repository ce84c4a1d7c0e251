import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../ingest/parse/parse-letter.ts';
import { splitLetters } from '../../ingest/parse/split-letters.ts';
import { cleanLetterText } from '../../ingest/read/clean.ts';
import { letterText } from '../helpers/parse.ts';

const asFile = (text: string) => ({
  source: 'replies.txt',
  path: 'replies.txt',
  format: 'txt' as const,
  encoding: 'utf-8',
  text: cleanLetterText(text),
});
const first = letterText();
const second = letterText({
  docNumber: '渝科局函〔2023〕300号',
  title: '关于市六届人大二次会议第0456号建议的\n答复函',
  salutation: '李四代表：',
  body: '您所提的《关于支持科技型企业融资的建议》收悉。现答复如下：\n我局联合市财政局设立科技型企业贷款风险补偿资金，累计支持企业120家。\n感谢您的支持。',
});

describe('a file holding several letters', () => {
  it('is cut where the second letter begins, its title and doc number going with it; each part reads as its own letter', () => {
    const parts = splitLetters(asFile(`${first}\n\n${second}`));
    expect(parts.map((p) => p.source)).toEqual(['replies.txt', 'replies.txt#2']);
    const [a, b] = parts.map(parseLetter);
    expect([a.docNumber?.text, a.proposal?.number, a.proposers.map((p) => p.name)]).toEqual([
      '渝科局函〔2023〕281号',
      123,
      ['张三'],
    ]);
    expect([b.docNumber?.text, b.proposal?.number, b.proposers.map((p) => p.name)]).toEqual([
      '渝科局函〔2023〕300号',
      456,
      ['李四'],
    ]);
    expect(a.text).not.toContain('李四');
  });

  it('a single letter, and a page that repeats one letter, stay whole', () => {
    expect(splitLetters(asFile(first))).toHaveLength(1);
    expect(splitLetters(asFile(`${first}\n${first}`))).toHaveLength(1);
  });
});

describe('ingesting a file of two letters', () => {
  it('gives two letters, each with its own outcome, and a warning that names both', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { readLetters } = await import('../../ingest/pipeline.ts');
    const { withTempDir } = await import('../helpers/seeds.ts');
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'replies.txt'), `${first}\n\n${second}`);
      const { letters, outcomes, warnings } = await readLetters([dir], undefined, { workers: 1 });
      expect(letters.map((l) => l.letter.source)).toEqual(['replies.txt', 'replies.txt#2']);
      expect(outcomes.map((o) => o.source)).toEqual(['replies.txt', 'replies.txt#2']);
      expect(warnings.join('\n')).toMatch(/holds 2 letters: read as replies\.txt, replies\.txt#2/);
    });
  });
});
