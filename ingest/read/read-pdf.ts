/**
 * The text layer of a PDF letter, through Mozilla's pdf.js. Lines are rebuilt
 * from the text items' vertical positions (pdf.js gives runs, not lines); a
 * page break is a line end. A PDF with no text layer (a scan) gives '' and the
 * caller reports it as image-only.
 */
interface TextItemLike {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js keeps the buffer; give it a copy so the caller's bytes stay intact.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(reflow(linesOf(content.items as TextItemLike[])));
    }
    return pages.join('\n');
  } finally {
    await document.destroy();
  }
}

/**
 * A PDF wraps paragraphs into lines; the letter's structure (sentences end at
 * line ends, headings start lines) needs them whole again. A line that fills
 * the page's width (within 2 characters of the longest line) and does not end
 * a sentence continues on the next line.
 */
export function reflow(lines: string[]): string {
  const width = Math.max(0, ...lines.map((l) => l.trim().length));
  const out: string[] = [];
  let carry = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (carry && out.length > 0) out[out.length - 1] += trimmed;
    else out.push(trimmed);
    carry = width >= 20 && trimmed.length >= width - 2 && !/[。；：:！？”]$/.test(trimmed);
  }
  return out.join('\n');
}

function linesOf(items: TextItemLike[]): string[] {
  const lines: string[] = [];
  let current = '';
  let lastY: number | undefined;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    if (lastY !== undefined && Math.abs(y - lastY) > 1 && current !== '') {
      lines.push(current);
      current = '';
    }
    current += item.str;
    lastY = y;
    if (item.hasEOL) {
      lines.push(current);
      current = '';
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
