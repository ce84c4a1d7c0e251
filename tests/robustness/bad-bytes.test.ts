import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { LIMITS, readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { LetterReadError } from '../../domain/errors.ts';
import { LETTERS_DIR, seedPath, seedText, withTempDir } from '../helpers/seeds.ts';

async function readBytes(name: string, bytes: Uint8Array) {
  return withTempDir(async (dir) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return readLetterFile(path);
  });
}

describe('encodings: decode what can be decoded, say why when not', () => {
  const seed = readFileSync(seedPath('004'));
  const clean = seedText('004');

  it('one invalid byte in UTF-8 costs one replacement character, not the letter', async () => {
    const at = seed.indexOf(Buffer.from('吴让大代表'));
    const broken = Buffer.concat([seed.subarray(0, at), Buffer.from([0xff]), seed.subarray(at)]);
    const letter = await readBytes('letter.txt', broken);
    expect(letter.encoding).toBe('utf-8-damaged');
    expect(letter.text).toContain('\ufffd吴让大代表：');
    expect(letter.text).toContain('温科提复〔2024〕92号');
  });

  it('a file cut in the middle of a character keeps everything before the cut', async () => {
    const letter = await readBytes(
      'letter.txt',
      seed.subarray(0, seed.length - 1 - (seed[seed.length - 1] === 0x0a ? 1 : 0)),
    );
    expect(letter.text.startsWith('温科提复〔2024〕92号')).toBe(true);
    expect(letter.text).toContain('抄送：市人大常委会代表工委');
  });

  it.each(['utf-16le', 'utf-16be'])('%s without a byte-order mark is read as the same text', async (encoding) => {
    const letter = await readBytes('letter.txt', iconv.encode(clean, encoding, { addBOM: false }));
    expect(letter.encoding).toBe(encoding);
    expect(letter.text).toBe((await readLetterFile(seedPath('004'))).text);
  });

  it('Big5 is read as Big5', async () => {
    const traditional =
      '溫州市科學技術局關於市十四屆人大四次會議第229號建議的答覆函\n吳讓大代表：\n您在會議期間所提的《關於我市創新平台提質增效的建議》收悉。現答覆如下：';
    const letter = await readBytes('letter.txt', iconv.encode(traditional, 'big5'));
    expect(letter.encoding).toBe('big5');
    expect(letter.text).toBe(traditional);
  });

  it('GBK stays GBK', async () => {
    const letter = await readBytes('letter.txt', iconv.encode(clean, 'gbk'));
    expect(letter.encoding).toBe('gb18030');
    expect(letter.text).toBe((await readLetterFile(seedPath('004'))).text);
  });

  it.each([
    [
      'random bytes',
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)),
      /binary|not decodable/,
    ],
    ['control characters', Buffer.from('\u0001\u0002\u0003\u0004'.repeat(200)), /control characters/],
  ])('%s are refused with the reason', async (_what, bytes, reason) => {
    await expect(readBytes('letter.txt', bytes)).rejects.toThrow(reason);
  });
});

describe('invisible characters', () => {
  it('are removed at read time, so names and offsets are those of the clean letter', async () => {
    const dirty = seedText('000')
      .replaceAll('瓯江实验室', '瓯江\u200b实验\u200d室')
      .replace('温州市', '\u200f温州\u2060市\ufeff')
      .replaceAll('科技', '科\u00ad技\u202a');
    await withTempDir(async (dir) => {
      await writeFile(join(dir, '000_c3f10cc589d1c01a.txt'), dirty);
      const read = await readLetters([join(dir, '000_c3f10cc589d1c01a.txt')]);
      const original = await readLetters([seedPath('000')]);
      expect(read.letters[0].letter.text).toBe(original.letters[0].letter.text);
      const ids = (letters: typeof read.letters) =>
        graphOfLetters(letters)
          .nodes.map((n) => n.id)
          .sort();
      expect(ids(read.letters)).toEqual(ids(original.letters));
      expect(ids(read.letters)).toContain('Platform:瓯江实验室');
    });
  });
});

describe('the size and time guard', () => {
  it('an oversized file is refused with its size and the limit; the batch goes on', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'huge.txt'), Buffer.alloc(LIMITS.fileBytes.txt + 1, 0x41));
      await writeFile(join(dir, 'long.txt'), `${seedText('004')}\n${'科技创新。'.repeat(LIMITS.textCharacters / 4)}`);
      await writeFile(join(dir, '004.txt'), seedText('004'));
      const { outcomes, letters } = await readLetters([dir]);
      const reason = (name: string) => outcomes.find((o) => o.source === name)!;
      expect(reason('huge.txt').status).toBe('rejected');
      expect(reason('huge.txt').problems[0]).toMatch(/the file is 8\.0 MB; .* up to 8\.0 MB/);
      expect(reason('long.txt').problems[0]).toMatch(/characters; .* up to 400,000/);
      expect(letters.map((l) => l.letter.source)).toEqual(['004.txt']);
    });
  });

  it('a file that takes longer than the limit is rejected with the reason, and the rest are read', async () => {
    const tight = await readLetters([LETTERS_DIR], undefined, { timeLimitMs: 1 });
    expect(tight.letters).toHaveLength(0);
    for (const outcome of tight.outcomes)
      expect(outcome.problems[0]).toMatch(/reading took longer than 1 ms, the limit per file/);
    const fair = await readLetters([LETTERS_DIR], undefined, { timeLimitMs: 60_000 });
    expect(fair.letters).toHaveLength(5);
  }, 60_000);

  it('a .docx that unpacks to gigabytes is refused before it is unpacked', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', Buffer.alloc(80 * 2 ** 20, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(2 ** 20);
    const error = await readBytes('bomb.docx', bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterReadError);
    expect((error as Error).message).toMatch(/unpacks to more than 64 MB \(a zip bomb\?\)/);
  }, 60_000);
});
