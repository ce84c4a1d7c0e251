import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanLetterText } from '../../ingest/read/clean.ts';
import { readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { LetterReadError } from '../../domain/errors.ts';
import { makeBureauPage, makeDocx, makeImageOnlyPdf, makeTextPdf } from '../helpers/documents.ts';
import { seedPath, seedText, withTempDir } from '../helpers/seeds.ts';

describe('reading letter files', () => {
  it('reads a seed as UTF-8 and keeps its base name as source', async () => {
    const letter = await readLetterFile(seedPath('000'));
    expect(letter.source).toBe('000_c3f10cc589d1c01a.txt');
    expect(letter.encoding).toBe('utf-8');
    expect(letter.text.startsWith('温科提复〔2024〕108号')).toBe(true);
  });

  it.each([
    ['GBK', (t: string) => iconv.encode(t, 'gbk'), 'gb18030'],
    ['GB18030', (t: string) => iconv.encode(t, 'gb18030'), 'gb18030'],
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), 'utf-8-bom'],
    [
      'UTF-16LE with BOM',
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16-le')]),
      'utf-16le',
    ],
  ])('a %s copy of a seed reads the same as the UTF-8 original', async (_name, encode, encoding) => {
    const original = await readLetterFile(seedPath('001'));
    await withTempDir(async (dir) => {
      const path = join(dir, 'copy.txt');
      await writeFile(path, encode(seedText('001')));
      const copy = await readLetterFile(path);
      expect(copy.encoding).toBe(encoding);
      expect(copy.text).toBe(original.text);
    });
  });

  it('reads a .docx made from a seed to the same lines', async () => {
    const original = await readLetterFile(seedPath('003'));
    await withTempDir(async (dir) => {
      const path = join(dir, 'letter.docx');
      await writeFile(path, await makeDocx(seedText('003')));
      const docx = await readLetterFile(path);
      expect(docx.format).toBe('docx');
      expect(docx.text.split('\n').filter(Boolean)).toEqual(original.text.split('\n').filter(Boolean));
    });
  });

  it('reads a bureau web page, dropping navigation, scripts and footer', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'letter.html');
      await writeFile(path, makeBureauPage(seedText('004')));
      const html = await readLetterFile(path);
      expect(html.text).toContain('温科提复〔2024〕92号');
      expect(html.text).toContain('吴让大代表：');
      expect(html.text).not.toContain('首页');
      expect(html.text).not.toContain('not text');
      expect(html.text).not.toContain('备案号');
    });
  });

  it('reads the text layer of a PDF, joining the lines a paragraph was wrapped into', async () => {
    const paragraphs = (await readLetterFile(seedPath('000'))).text.split('\n').filter(Boolean).slice(0, 9);
    // Typeset as a PDF would: 36 characters a line.
    const wrapped = paragraphs.flatMap((p) => p.match(/.{1,36}/gu) ?? []);
    expect(wrapped.length).toBeGreaterThan(paragraphs.length);
    await withTempDir(async (dir) => {
      const path = join(dir, 'letter.pdf');
      await writeFile(path, makeTextPdf(wrapped));
      const pdf = await readLetterFile(path);
      expect(pdf.format).toBe('pdf');
      expect(pdf.text.split('\n')).toEqual(paragraphs);
    });
  });

  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), /empty/],
    ['a binary file', 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0, 0, 9]), /binary/],
    ['an image-only PDF', 'scan.pdf', makeImageOnlyPdf(), /no text layer/],
    ['a broken PDF', 'broken.pdf', Buffer.from('%PDF-1.7 this is not really a pdf'), /not a readable pdf/],
    ['a broken docx', 'broken.docx', Buffer.from('PK not a zip'), /not a readable docx/],
    ['an unknown format', 'letter.odt', Buffer.from('x'), /unsupported format ".odt"/],
  ])('rejects %s with a message naming the file and the reason', async (_name, file, bytes, reason) => {
    await withTempDir(async (dir) => {
      const path = join(dir, file);
      await writeFile(path, bytes);
      const error = await readLetterFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LetterReadError);
      expect((error as LetterReadError).file).toBe(file);
      expect((error as LetterReadError).message).toMatch(reason);
    });
  });
});

describe('cleaning converted text', () => {
  it.each([
    ['removes Word bookmarks', '[bookmark: _GoBack]吴文灿委员：', '吴文灿委员：'],
    ['keeps one blank line of many', 'a\n\n\n\n\nb', 'a\n\nb'],
    ['trims lines and folds inner spaces', '   温州市科学技术局   \n 2024年6月27日', '温州市科学技术局\n2024年6月27日'],
    ['turns CRLF into LF', '第一行\r\n第二行', '第一行\n第二行'],
    [
      'must not touch ordinary text',
      '累计引进香港理工大学温州研究院等高能级科创平台68家。',
      '累计引进香港理工大学温州研究院等高能级科创平台68家。',
    ],
  ])('%s', (_name, raw, clean) => {
    expect(cleanLetterText(raw)).toBe(clean);
    expect(cleanLetterText(clean)).toBe(clean);
  });
});
