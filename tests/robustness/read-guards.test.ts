import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLetters } from '../../ingest/pipeline.ts';
import { checkUnpackedSize, pdfStreams } from '../../ingest/read/pdf-streams.ts';
import { pdfToText } from '../../ingest/read/read-pdf.ts';
import { readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { runCli } from '../helpers/cli.ts';
import { makeBureauPage, makeDocx, makeTextPdf } from '../helpers/documents.ts';
import { seedPath, seedText, withTempDir } from '../helpers/seeds.ts';
import { lzwEncode, pdfOf } from './bombs.ts';

/**
 * What reading one file may cost, and what a user is told when a file cannot
 * be read: compression bombs refused before they unpack (PDF streams, Word's
 * zip), locked files, links in loops, names that are not UTF-8, and a letter
 * as long as the size guard allows read in one pass.
 */
const LETTER = [
  '关于市政协十二届三次会议第001号提案的答复',
  '尊敬的张委员：',
  '您提出的《关于加快科技创新的建议》收悉。',
];

describe('a PDF that unpacks to far more than a letter', () => {
  it.each([
    ['Flate', {}],
    ['Flate of Flate (a filter chain)', { times: 2 }],
    ['LZW', { lzw: true }],
    ['Flate, encrypted with RC4', { encryption: 'rc4' as const }],
    ['Flate, encrypted with AES-128', { encryption: 'aes128' as const }],
    ['Flate, encrypted with AES-256', { encryption: 'aes256' as const }],
  ])(
    '%s: refused before pdf.js unpacks it',
    async (_name, options) => {
      const bomb = await pdfOf(LETTER, { ...options, blankMb: 200 });
      expect(bomb.length).toBeLessThan(2 ** 20);
      await expect(pdfToText(bomb)).rejects.toThrow(/unpacks to more than 128 MB \(a compression bomb\?\)/);
      // The same letter without the blanks is read, however it is packed or locked: the limit is on size alone.
      expect(await pdfToText(await pdfOf(LETTER, options))).toContain('尊敬的张委员：');
    },
    60_000,
  );

  it('encryption would hide a bomb from a count that did not decrypt', async () => {
    const bomb = await pdfOf(LETTER, { encryption: 'rc4', blankMb: 200 });
    await expect(checkUnpackedSize(pdfStreams(bomb))).resolves.toBeLessThan(2 ** 20);
  });

  it('LZW unpacks here as pdf.js unpacks it', async () => {
    const text = Buffer.from(seedText('000'), 'utf8');
    const { lzwDecode } = await import('../../ingest/read/pdf-filters.ts');
    expect(lzwDecode(lzwEncode(text), 10 * text.length).equals(text)).toBe(true);
  });

  it('innograph ingest: the bomb is a rejected file with the reason, the letter beside it is read', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'bomb.pdf'), await pdfOf(LETTER, { blankMb: 300 }));
      const result = await runCli(['ingest', '--dry-run', dir, seedPath('001')]);
      expect(result.stderr).toMatch(/✗ .*bomb\.pdf: refused: it unpacks to more than 128 MB/);
      expect(result.stdout).toMatch(/2 files → 1 read, 0 partial, 1 rejected/);
      expect(result.code).toBe(1);
    });
  }, 120_000);
});

describe('files that open only with a password', () => {
  it.each([
    [
      'a PDF locked with RC4',
      'letter.pdf',
      () => pdfOf(LETTER, { encryption: 'rc4', needsPassword: true }),
      /the PDF is protected by a password; .* save or print a copy without the password/,
    ],
    [
      'a PDF locked with AES-128',
      'letter.pdf',
      () => pdfOf(LETTER, { encryption: 'aes128', needsPassword: true }),
      /the PDF is protected by a password/,
    ],
    // Word writes a protected document as an OLE compound file, not a zip.
    [
      'a protected Word file',
      'letter.docx',
      async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 7)]),
      /the Word file is protected by a password, or is an old \.doc/,
    ],
  ])('%s: our words, not the library’s', async (_name, file, bytes, reason) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, file), await bytes());
      const error = (await readLetterFile(join(dir, file)).then(
        () => null,
        (e: unknown) => e,
      )) as (Error & { code?: string }) | null;
      expect(error).toMatchObject({ code: 'LETTER_UNREADABLE' });
      expect(error!.message).toMatch(reason);
      expect(error!.message).not.toMatch(/PasswordException|No password given|central directory|zip file/i);
    });
  });

  it('a PDF that only restricts copying (the empty password opens it) is read', async () => {
    for (const encryption of ['rc4', 'aes128', 'aes256'] as const)
      expect(await pdfToText(await pdfOf(LETTER, { encryption }))).toContain(
        '关于市政协十二届三次会议第001号提案的答复',
      );
  });
});

describe('links and names', () => {
  it('links in a loop and links to nothing are named in plain words; a link back up the tree is read once', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'in', 'sub'), { recursive: true });
      await writeFile(join(dir, 'in', 'sub', 'letter.txt'), seedText('001'));
      await symlink('b.txt', join(dir, 'in', 'a.txt'));
      await symlink('a.txt', join(dir, 'in', 'b.txt'));
      await symlink('gone.txt', join(dir, 'in', 'broken.txt'));
      await symlink('..', join(dir, 'in', 'sub', 'up'));
      const { outcomes } = await readLetters([join(dir, 'in'), join(dir, 'in', 'a.txt')], undefined, { workers: 0 });
      const reason = (source: string) => outcomes.find((o) => o.source === source)?.problems.join('; ');
      expect(reason('a.txt')).toBe(
        'cannot be opened: it is a symbolic link that leads back to itself (a loop); point it at the letter file',
      );
      expect(reason('broken.txt')).toBe('cannot be opened: no such file (a link to a file that is gone?)');
      expect(outcomes.filter((o) => o.source === 'letter.txt').map((o) => o.status)).toEqual(['read']);
      expect(outcomes.map((o) => o.problems.join(' '))).not.toContainEqual(expect.stringMatching(/ELOOP|ENOENT|errno/));
    });
  });

  it('two letters whose names are GBK, not UTF-8, are both read, under their Chinese names', async () => {
    await withTempDir(async (dir) => {
      const { encode } = await import('iconv-lite');
      // Named as a zip made on a Chinese Windows leaves them: the bytes of GBK, which Node shows as U+FFFD.
      await writeFile(
        Buffer.from(join(dir, encode('答复一.txt', 'gbk').toString('latin1')), 'latin1'),
        seedText('000'),
      );
      await writeFile(
        Buffer.from(join(dir, encode('答复二.txt', 'gbk').toString('latin1')), 'latin1'),
        seedText('001'),
      );
      const { outcomes, letters } = await readLetters([dir], undefined, { workers: 0 });
      expect(outcomes.map((o) => [o.source, o.status]).sort()).toEqual([
        ['答复一.txt', 'read'],
        ['答复二.txt', 'read'],
      ]);
      // The same texts as the seeds read under their own names.
      const seeds = await readLetters([seedPath('000'), seedPath('001')], undefined, { workers: 0 });
      expect(letters.map((l) => l.letter.text).sort()).toEqual(seeds.letters.map((l) => l.letter.text).sort());
    });
  });
});

describe('a letter as long as the size guard allows', () => {
  // The seed's body repeated to about 390,000 characters (the guard is 400,000), in every format.
  const [head, body] = [seedText('000').split('\n').slice(0, 8), seedText('000').split('\n').slice(8, -6)];
  const repeats = Math.floor(390_000 / (body.join('\n').length + 1));
  const long = [...head, ...Array.from({ length: repeats }, () => body).flat()];
  // The start of a paragraph of the body: counted in what is read, it says no part was dropped or doubled.
  const phrase = body.find((line) => line.length > 40)!.slice(0, 16);
  it.each([
    ['txt', async () => Buffer.from(long.join('\n'), 'utf8')],
    ['html', async () => Buffer.from(makeBureauPage(long.join('\n')), 'utf8')],
    ['docx', () => makeDocx(long.join('\n'))],
    // A PDF's lines are as wide as its page: 40 characters, joined again by the reader.
    ['pdf', async () => makeTextPdf(long.flatMap((line) => line.match(/.{1,40}/gu) ?? ['']))],
  ])(
    '.%s is read whole, in one pass over its text',
    async (format, bytes) => {
      await withTempDir(async (dir) => {
        await writeFile(join(dir, `long.${format}`), await bytes());
        // Read within the test's time: a step quadratic in the text's length would take hours here.
        const read = await readLetterFile(join(dir, `long.${format}`));
        expect(read.text.length).toBeGreaterThan(350_000);
        expect(read.text.split(phrase).length - 1).toBe(repeats);
      });
    },
    120_000,
  );
});
