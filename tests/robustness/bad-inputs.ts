import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { makeBureauPage, makeDocx, makeImageOnlyPdf, makeTextPdf } from '../helpers/documents.ts';

/**
 * A corpus of bad input files, one per kind, for the ingest's robustness test
 * (and by hand: `npx tsx tests/robustness/write-bad-inputs.ts DIR`). Each kind
 * says what a careful reader expects: `rejected` (with a reason), `read`
 * (damage decoded around), or `either` (odd but possibly a letter).
 */
export interface BadInput {
  name: string;
  what: string;
  expect: 'rejected' | 'read' | 'either';
  bytes: () => Promise<Uint8Array> | Uint8Array;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const repeat = (byte: number, n: number) => Buffer.alloc(n, byte);

async function zip(
  files: Record<string, string | Buffer>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'nodebuffer', compression });
}

/** `letter` is a good letter's text (a seed), used to make damaged copies of it. */
export function badInputs(letter: string): BadInput[] {
  const good = utf8(letter);
  const lines = letter.split('\n');
  const mid = good.indexOf(Buffer.from('：')) + 3;
  const kinds: BadInput[] = [
    // Plain text: emptiness and binary.
    { name: 'empty.txt', what: 'an empty file', expect: 'rejected', bytes: () => Buffer.alloc(0) },
    { name: 'spaces.txt', what: 'only spaces and tabs', expect: 'rejected', bytes: () => utf8(' \t　 '.repeat(100)) },
    { name: 'newlines.txt', what: 'only line ends', expect: 'rejected', bytes: () => utf8('\r\n\n\r'.repeat(1000)) },
    { name: 'one-byte.txt', what: 'a single byte', expect: 'rejected', bytes: () => utf8('x') },
    { name: 'nuls.txt', what: 'NUL bytes', expect: 'rejected', bytes: () => repeat(0, 5000) },
    {
      name: 'random.txt',
      what: 'random bytes',
      expect: 'rejected',
      bytes: () => Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 2654435761) % 251)),
    },
    {
      name: 'png.txt',
      what: 'a PNG image named .txt',
      expect: 'rejected',
      bytes: () =>
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), repeat(0x11, 3000)]),
    },
    {
      name: 'elf.txt',
      what: 'an executable named .txt',
      expect: 'rejected',
      bytes: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), repeat(0, 4000)]),
    },
    {
      name: 'controls.txt',
      what: 'control characters',
      expect: 'rejected',
      bytes: () => utf8('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(500)),
    },
    {
      name: 'bom-only.txt',
      what: 'only a byte-order mark',
      expect: 'rejected',
      bytes: () => Buffer.from([0xef, 0xbb, 0xbf]),
    },
    {
      name: 'zero-width-only.txt',
      what: 'only zero-width characters',
      expect: 'rejected',
      bytes: () => utf8('\u200b\u200c\u200d\u2060\ufeff'.repeat(400)),
    },
    {
      name: 'english.txt',
      what: 'English prose',
      expect: 'rejected',
      bytes: () => utf8('The quick brown fox jumps over the lazy dog.\n'.repeat(200)),
    },
    {
      name: 'latin1.txt',
      what: 'Latin-1 prose',
      expect: 'rejected',
      bytes: () => Buffer.from('Café crème, naïve façade, über straße.\n'.repeat(200), 'latin1'),
    },
    {
      name: 'json.txt',
      what: 'JSON named .txt',
      expect: 'rejected',
      bytes: () => utf8(JSON.stringify({ a: [1, 2, 3], b: '建议' }).repeat(300)),
    },
    {
      name: 'markup.txt',
      what: 'HTML markup named .txt',
      expect: 'either',
      bytes: () => utf8(`<html><body>${letter}</body></html>`),
    },
    { name: 'emoji.txt', what: 'a flood of emoji', expect: 'rejected', bytes: () => utf8('🙂🚀🔥👍'.repeat(5000)) },
    {
      name: 'punctuation.txt',
      what: 'one long line of full stops',
      expect: 'rejected',
      bytes: () => utf8('。'.repeat(100000)),
    },
    {
      name: 'brackets.txt',
      what: 'deeply nested brackets',
      expect: 'rejected',
      bytes: () => utf8(`${'（'.repeat(50000)}提案${'）'.repeat(50000)}`),
    },
    {
      name: 'many-lines.txt',
      what: '100,000 one-character lines',
      expect: 'rejected',
      bytes: () => utf8('科\n'.repeat(100000)),
    },
    { name: 'oversized.txt', what: 'a 9 MB text', expect: 'rejected', bytes: () => repeat(0x41, 9 * 2 ** 20) },
    {
      name: 'too-long.txt',
      what: '600,000 characters of text',
      expect: 'rejected',
      bytes: () => utf8(`${letter}\n${'科技创新工作。'.repeat(90000)}`),
    },
    {
      name: 'surrogates.txt',
      what: 'encoded surrogates (CESU-8)',
      expect: 'either',
      bytes: () =>
        Buffer.concat([good.subarray(0, mid), Buffer.from([0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]), good.subarray(mid)]),
    },
    {
      name: 'overlong.txt',
      what: 'overlong UTF-8 sequences',
      expect: 'either',
      bytes: () =>
        Buffer.concat([good.subarray(0, mid), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), good.subarray(mid)]),
    },
    {
      name: 'utf32.txt',
      what: 'UTF-32 with a BOM',
      expect: 'either',
      bytes: () => {
        const b = Buffer.alloc(4 + 4 * [...letter].length);
        b.writeUInt32LE(0xfeff, 0);
        [...letter].forEach((c, i) => b.writeUInt32LE(c.codePointAt(0)!, 4 + 4 * i));
        return b;
      },
    },
    {
      name: 'header-only.txt',
      what: 'a header and nothing else',
      expect: 'either',
      bytes: () => utf8(lines.slice(0, 4).join('\n')),
    },
    {
      name: 'one-line.txt',
      what: 'the whole letter on one line',
      expect: 'either',
      bytes: () => utf8(letter.replace(/\n/g, '')),
    },
    {
      name: 'three-letters.txt',
      what: 'one letter three times in one file',
      expect: 'either',
      bytes: () => utf8(`${letter}\n\n${letter}\n\n${letter}`),
    },
    {
      name: 'shuffled.txt',
      what: 'the letter’s lines reversed',
      expect: 'either',
      bytes: () => utf8([...lines].reverse().join('\n')),
    },
    // Damaged, but a letter: read it.
    {
      name: 'bad-byte.txt',
      what: 'one invalid UTF-8 byte',
      expect: 'read',
      bytes: () => Buffer.concat([good.subarray(0, mid), Buffer.from([0xff]), good.subarray(mid)]),
    },
    {
      name: 'cut.txt',
      what: 'cut in the middle of a character',
      expect: 'read',
      bytes: () => good.subarray(0, good.length - 2),
    },
    {
      name: 'utf16le.txt',
      what: 'UTF-16LE without BOM',
      expect: 'read',
      bytes: () => iconv.encode(letter, 'utf-16le'),
    },
    {
      name: 'utf16be.txt',
      what: 'UTF-16BE without BOM',
      expect: 'read',
      bytes: () => iconv.encode(letter, 'utf-16be'),
    },
    {
      name: 'utf16-bom.txt',
      what: 'UTF-16LE with BOM',
      expect: 'read',
      bytes: () => iconv.encode(letter, 'utf-16le', { addBOM: true }),
    },
    { name: 'gbk.txt', what: 'GBK', expect: 'read', bytes: () => iconv.encode(letter, 'gbk') },
    {
      name: 'gbk-cut.txt',
      what: 'GBK cut in the middle of a character',
      expect: 'read',
      bytes: () => {
        const b = iconv.encode(letter, 'gbk');
        return b.subarray(0, b.length - 1);
      },
    },
    { name: 'big5.txt', what: 'Big5', expect: 'either', bytes: () => iconv.encode(letter, 'big5') },
    { name: 'crlf.txt', what: 'Windows line ends', expect: 'read', bytes: () => utf8(letter.replace(/\n/g, '\r\n')) },
    { name: 'cr.txt', what: 'old Mac line ends', expect: 'read', bytes: () => utf8(letter.replace(/\n/g, '\r')) },
    {
      name: 'separators.txt',
      what: 'U+2028 line separators',
      expect: 'read',
      bytes: () => utf8(letter.replace(/\n/g, '\u2028')),
    },
    {
      name: 'form-feeds.txt',
      what: 'form feeds between pages',
      expect: 'read',
      bytes: () => utf8(letter.replace(/\n\n/g, '\n\f\n')),
    },
    {
      name: 'invisible.txt',
      what: 'zero-width and direction marks inside names',
      expect: 'read',
      bytes: () => utf8(letter.replace(/(实验室|研究院|科技局)/g, '\u200b$1\u200f').replace(/温州/g, '温\u200d州')),
    },
    {
      name: 'nbsp.txt',
      what: 'odd spaces everywhere',
      expect: 'read',
      bytes: () => utf8(letter.replace(/，/g, '，\u00a0\u2003\u202f')),
    },
    // Word.
    { name: 'empty.docx', what: 'an empty .docx', expect: 'rejected', bytes: () => Buffer.alloc(0) },
    { name: 'text.docx', what: 'plain text named .docx', expect: 'rejected', bytes: () => good },
    {
      name: 'no-document.docx',
      what: 'a zip without word/document.xml',
      expect: 'rejected',
      bytes: () => zip({ 'readme.txt': 'hello' }),
    },
    {
      name: 'truncated.docx',
      what: 'a .docx cut in half',
      expect: 'rejected',
      bytes: async () => {
        const d = await makeDocx(letter);
        return d.subarray(0, d.length >> 1);
      },
    },
    {
      name: 'bomb.docx',
      what: 'a zip bomb',
      expect: 'rejected',
      bytes: () => zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': repeat(0x20, 100 * 2 ** 20) }),
    },
    {
      name: 'bad-xml.docx',
      what: 'broken XML inside',
      expect: 'rejected',
      bytes: () => zip({ '[Content_Types].xml': '<Types', 'word/document.xml': '<w:document><w:body><w:p>' }),
    },
    { name: 'empty-body.docx', what: 'a document without paragraphs', expect: 'rejected', bytes: () => makeDocx('') },
    {
      name: 'many-entries.docx',
      what: 'a zip of 3,000 entries',
      expect: 'rejected',
      bytes: () => zip(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x/${i}.xml`, '<a/>'])), 'STORE'),
    },
    { name: 'good.docx', what: 'a good Word letter', expect: 'read', bytes: () => makeDocx(letter) },
    // Web pages.
    {
      name: 'tags-only.html',
      what: 'tags and no text',
      expect: 'rejected',
      bytes: () => utf8('<html><body><div><p></p><br><span></span></div></body></html>'),
    },
    {
      name: 'script-only.html',
      what: 'only scripts',
      expect: 'rejected',
      bytes: () => utf8(`<html><script>${'var a = "答复函";'.repeat(1000)}</script></html>`),
    },
    {
      name: 'deep.html',
      what: '100,000 nested <div>s around a letter',
      expect: 'read',
      bytes: () =>
        utf8(
          `<html><body>${'<div>'.repeat(100000)}${lines.map((l) => `<p>${l}</p>`).join('')}${'</div>'.repeat(100000)}</body></html>`,
        ),
    },
    {
      name: 'deep-empty.html',
      what: '200,000 nested <span>s',
      expect: 'rejected',
      bytes: () => utf8(`${'<span>'.repeat(200000)}x`),
    },
    {
      name: 'soup.html',
      what: 'unclosed tag soup',
      expect: 'either',
      bytes: () => utf8(`<p><b><i><div>${lines.join('<p><td><li>')}`),
    },
    {
      name: 'wrong-charset.html',
      what: 'declares GBK, holds UTF-8',
      expect: 'read',
      bytes: () => utf8(`<meta charset="gbk">${makeBureauPage(letter)}`),
    },
    {
      name: 'entities.html',
      what: '100,000 entities',
      expect: 'rejected',
      bytes: () => utf8(`<p>${'&amp;&#x4e00;&nbsp;'.repeat(100000)}</p>`),
    },
    {
      name: 'pre.html',
      what: 'a letter in <pre>',
      expect: 'read',
      bytes: () => utf8(`<html><body><pre>${letter}</pre></body></html>`),
    },
    {
      name: 'nul.html',
      what: 'NUL bytes in a page',
      expect: 'either',
      bytes: () => Buffer.concat([utf8('<html><body><p>'), repeat(0, 3000), utf8(`${letter}</p></body></html>`)]),
    },
    {
      name: 'comments.html',
      what: 'only comments',
      expect: 'rejected',
      bytes: () => utf8(`<!--${'答复函'.repeat(10000)}-->`),
    },
    {
      name: 'huge-attribute.html',
      what: 'a 5 MB attribute',
      expect: 'rejected',
      bytes: () => utf8(`<div title="${'x'.repeat(5 * 2 ** 20)}"></div>`),
    },
    { name: 'good.html', what: 'a good bureau page', expect: 'read', bytes: () => utf8(makeBureauPage(letter)) },
    // PDF.
    { name: 'empty.pdf', what: 'an empty .pdf', expect: 'rejected', bytes: () => Buffer.alloc(0) },
    { name: 'text.pdf', what: 'plain text named .pdf', expect: 'rejected', bytes: () => good },
    {
      name: 'header-only.pdf',
      what: 'a PDF header and garbage',
      expect: 'rejected',
      bytes: () => Buffer.concat([utf8('%PDF-1.7\n'), repeat(0x41, 5000)]),
    },
    {
      name: 'truncated.pdf',
      what: 'a PDF cut in half',
      expect: 'either',
      bytes: () => {
        const p = makeTextPdf(lines);
        return p.subarray(0, p.length >> 1);
      },
    },
    { name: 'scan.pdf', what: 'an image-only PDF', expect: 'rejected', bytes: () => makeImageOnlyPdf() },
    { name: 'good.pdf', what: 'a good PDF letter', expect: 'read', bytes: () => makeTextPdf(lines) },
    // Names.
    {
      name: 'letter.doc',
      what: 'an old Word file',
      expect: 'rejected',
      bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), repeat(0, 2000)]),
    },
    { name: 'no-extension', what: 'a file without extension', expect: 'rejected', bytes: () => good },
  ];
  return kinds;
}
