import { pdfDecryptor } from './pdf-decrypt.ts';
import { checkUnpackedSize, LockedFileError, pdfStreams, UNPACKED_LIMIT } from './pdf-streams.ts';

/**
 * The text layer of a PDF letter, through Mozilla's pdf.js. Lines are rebuilt
 * from the text items' vertical positions (pdf.js gives runs, not lines), a
 * wider gap is a blank line, and paragraphs are joined again across lines
 * and pages. A PDF with no text layer (a scan) gives '' and the
 * caller reports it as image-only.
 */
interface TextItemLike {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // What the file unpacks to is counted first: pdf.js inflates whatever it reads, without a limit.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkUnpackedSize(pdfStreams(buffer), UNPACKED_LIMIT, pdfDecryptor(buffer) ?? undefined);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js keeps the buffer; give it a copy so the caller's bytes stay intact.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const document = await task.promise.catch((error: Error) => {
    // pdf.js asks for the password the file needs (the empty one, which opens files that only restrict copying, failed).
    if (error?.name === 'PasswordException')
      throw new LockedFileError(
        'the PDF is protected by a password; open it, save or print a copy without the password, and ingest that',
      );
    throw error;
  });
  try {
    // Lines of all pages, reflowed together: a paragraph that runs over a page break is one line again.
    const lines: Array<{ text: string; indented: boolean }> = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      lines.push(...withBlankLines(linesOf(content.items as TextItemLike[])));
    }
    return reflow(
      lines.map((l) => l.text),
      lines.map((l) => l.indented),
    );
  } finally {
    await document.destroy();
  }
}

/**
 * A PDF wraps paragraphs into lines; the letter's structure (sentences end at
 * line ends, headings start lines) needs them whole again. A line that fills
 * the page's width (within 2 characters of the longest line) continues on the
 * next line, unless the next line is indented (a new paragraph, as letters
 * are typeset) — or, in a PDF without indented paragraphs, unless it ends a
 * sentence.
 */
export function reflow(lines: string[], indented: boolean[] = []): string {
  // A loop, not Math.max(...lines): a text layer of 200,000 one-character lines would overflow the stack.
  let width = 0;
  for (const line of lines) width = Math.max(width, line.trim().length);
  const byIndent = indented.some(Boolean);
  const out: string[] = [];
  let fills = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    // A closing quote alone does not end a sentence (…“投早、投小、投硬科技” runs on); 。” does.
    const carry =
      fills && trimmed !== '' && (byIndent ? !indented[i] : !/[。；：:！？]”?$/.test(out[out.length - 1] ?? ''));
    if (carry && out.length > 0) out[out.length - 1] += trimmed;
    else out.push(trimmed);
    fills = width >= 20 && trimmed.length >= width - 2;
  });
  return out.join('\n');
}

interface PdfLine {
  text: string;
  y: number;
  /** Where the line starts on the page. */
  x: number;
}

function linesOf(items: TextItemLike[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current = '';
  let currentY = 0;
  let currentX = 0;
  let lastY: number | undefined;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    if (lastY !== undefined && Math.abs(y - lastY) > 1 && current !== '') {
      lines.push({ text: current, y: currentY, x: currentX });
      current = '';
    }
    if (current === '') {
      currentY = y;
      currentX = item.transform[4];
    }
    current += item.str;
    lastY = y;
    if (item.hasEOL) {
      lines.push({ text: current, y: currentY, x: currentX });
      current = '';
    }
  }
  if (current !== '') lines.push({ text: current, y: currentY, x: currentX });
  return lines;
}

/**
 * A text layer has no empty lines: a blank line of the letter (after the
 * document number, before the signature) is a wider gap between two lines.
 * A gap of more than 1.6 times the usual line distance becomes a blank line,
 * as the .txt of the same letter has.
 */
function withBlankLines(lines: PdfLine[]): Array<{ text: string; indented: boolean }> {
  const gaps = lines
    .slice(1)
    .map((line, i) => Math.abs(lines[i].y - line.y))
    .filter((g) => g > 1)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  // The left margin is where most lines start; a line starting well right of it is indented (or centred).
  let margin = Infinity;
  for (const line of lines) if (line.text.trim() !== '') margin = Math.min(margin, line.x);
  const out: Array<{ text: string; indented: boolean }> = [];
  lines.forEach((line, i) => {
    if (i > 0 && usual > 0 && Math.abs(lines[i - 1].y - line.y) > usual * 1.6) out.push({ text: '', indented: false });
    out.push({ text: line.text, indented: line.x > margin + 4 || /^[\s\u3000]{2}/.test(line.text) });
  });
  return out;
}
