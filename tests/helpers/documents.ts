import JSZip from 'jszip';

/**
 * Letter files in other formats, made from a letter's text, for the reader's
 * tests: a .docx (one Word paragraph a line), a bureau web page with
 * navigation and scripts around the letter, a PDF whose text layer holds the
 * letter (Identity-H font with a ToUnicode map, one text line a line), and a
 * PDF with no text at all (a scan).
 */
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function makeDocx(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

export function makeBureauPage(text: string): string {
  const body = text
    .split('\n')
    .map((line) => `<p style="text-indent:2em">${escapeXml(line)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>答复函</title><script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav>
<div class="wrap"><div class="sidebar"><ul><li>建议提案办理</li></ul></div>
<div class="article"><h1>答复函</h1><div class="content">${body}</div></div></div>
<footer>主办单位：某市科学技术局 | 备案号 12345</footer></body></html>`;
}

/** A PDF with a text layer; `perPage` lines a page (a page holds 55 lines at 14 pt); leading U+3000s indent a line. */
export function makeTextPdf(lines: string[], perPage = 55): Buffer {
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += perPage) pages.push(lines.slice(i, i + perPage));
  const contents = pages.map((pageLines) => {
    const content = ['BT', '/F1 10 Tf'];
    pageLines.forEach((line, i) => {
      // Leading ideographic spaces indent the line (a paragraph's first line), as typesetting does.
      const indent = /^\u3000*/.exec(line)![0].length;
      const hex = [...line.slice(indent)]
        .map((c) => (c.codePointAt(0)! > 0xffff ? 0x3000 : c.codePointAt(0)!).toString(16).padStart(4, '0'))
        .join('');
      content.push(`1 0 0 1 ${40 + indent * 10} ${800 - i * 14} Tm <${hex}> Tj`);
    });
    content.push('ET');
    return content.join('\n');
  });
  const ranges: string[] = [];
  for (let high = 0; high < 256; high++) {
    const h = high.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100)
    blocks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  // Objects 1–5: catalog, page tree, the font's three parts and descriptor; then a page and its content per page.
  const pageObject = (k: number) => 7 + 2 * k;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, k) => `${pageObject(k)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    ...contents.flatMap((content, k) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageObject(k) + 1} 0 R >>`,
      stream(content),
    ]),
  ]);
}

export function makeImageOnlyPdf(): Buffer {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 40 40 500 700 re f'),
  ]);
}

function stream(data: string): string {
  return `<< /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
}

function assemblePdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
