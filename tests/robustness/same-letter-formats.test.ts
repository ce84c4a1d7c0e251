import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { readLetterFile } from '../../ingest/read/read-letter-file.ts';
import { makeBureauPage, makeDocx, makeTextPdf } from '../helpers/documents.ts';
import { SEED_FILES, seedText, withTempDir } from '../helpers/seeds.ts';

/** What a reader of the graph sees of a letter, whatever file it came from: its header and the things it names. */
async function letterSeen(path: string) {
  const { letters } = await readLetters([path]);
  const [{ letter }] = letters;
  const source = letter.source;
  const graph = graphOfLetters(letters);
  return {
    header: {
      docNumber: letter.docNumber?.text ?? null,
      date: letter.date?.value ?? null,
      issuer: letter.issuer?.name ?? null,
      addressee: letter.addressee?.text ?? null,
      title: letter.titleBlock?.text.replace(/\s/g, '') ?? null,
      missing: letter.missing,
    },
    // Ids of per-letter things carry the file name: compare them without it.
    nodes: graph.nodes.map((n) => n.id.split(source).join('<file>')).sort(),
  };
}

describe('the same letter as .txt, .docx, .html and .pdf gives the same graph', () => {
  it.each(SEED_FILES.map((f) => [f.slice(0, 3)]))(
    'seed %s',
    async (prefix) => {
      const text = seedText(prefix);
      await withTempDir(async (dir) => {
        const files = {
          txt: join(dir, 'letter.txt'),
          docx: join(dir, 'letter.docx'),
          html: join(dir, 'letter.html'),
          pdf: join(dir, 'letter.pdf'),
        };
        await writeFile(files.txt, text);
        await writeFile(files.docx, await makeDocx(text));
        await writeFile(files.html, makeBureauPage(text));
        // Typeset as a letter is: each paragraph's first line indented two characters, lines of 36, a blank line as a wider gap.
        const typeset = (await readLetterFile(files.txt)).text
          .split('\n')
          .flatMap((line) => (line === '' ? [''] : `\u3000\u3000${line}`.match(/.{1,36}/gu)!));
        await writeFile(files.pdf, makeTextPdf(typeset));
        const txt = await letterSeen(files.txt);
        expect(txt.header.missing).toEqual([]);
        for (const format of ['docx', 'html', 'pdf'] as const) {
          const other = await letterSeen(files[format]);
          expect({ format, ...other.header }).toEqual({ format, ...txt.header });
          expect({ format, nodes: other.nodes }).toEqual({ format, nodes: txt.nodes });
        }
      });
    },
    // Four readings of the longest seed: on a loaded machine this takes a while; it is no speed check.
    90_000,
  );
});

describe('web pages', () => {
  it('a <pre> letter keeps its line breaks', async () => {
    const text = seedText('004');
    await withTempDir(async (dir) => {
      const path = join(dir, 'letter.html');
      await writeFile(
        path,
        `<html><body><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`,
      );
      const txt = join(dir, 'letter.txt');
      await writeFile(txt, text);
      expect((await readLetterFile(path)).text).toBe((await readLetterFile(txt)).text);
    });
  });

  it('100,000 nested <div>s are read without overflowing the stack', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'deep.html');
      const paragraphs = seedText('004')
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('');
      await writeFile(
        path,
        `<html><body>${'<div>'.repeat(100_000)}${paragraphs}${'</div>'.repeat(100_000)}</body></html>`,
      );
      const { outcomes, letters } = await readLetters([path]);
      expect(outcomes[0].status).not.toBe('rejected');
      expect(letters[0].letter.docNumber?.text).toBe('温科提复〔2024〕92号');
    });
  }, 60_000);
});
