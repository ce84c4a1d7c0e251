import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { LetterReadError } from '../../store/errors.ts';
import { cleanLetterText } from './clean.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { htmlToText } from './read-html.ts';
import { pdfToText } from './read-pdf.ts';

/** One input file as text: the first stage of the pipeline. */
export interface LetterText {
  /** The file's base name, kept as the Letter's `source`. */
  source: string;
  path: string;
  format: LetterFormat;
  /** How the bytes were decoded (for .txt), else the format. */
  encoding: string;
  /** The cleaned text; all evidence offsets point into it. */
  text: string;
}

export type LetterFormat = 'txt' | 'docx' | 'html' | 'pdf';

/**
 * Readers by file extension. To add a format, add an entry here that turns
 * the file's bytes into plain text with line ends; cleaning, parsing and the
 * rest of the pipeline stay as they are.
 */
const READERS: Record<string, { format: LetterFormat; toText: (bytes: Uint8Array, path: string) => Promise<{ text: string; encoding: string }> }> = {
  '.txt': { format: 'txt', toText: async (bytes, path) => textFromTxt(bytes, path) },
  '.text': { format: 'txt', toText: async (bytes, path) => textFromTxt(bytes, path) },
  '.docx': { format: 'docx', toText: async (bytes) => ({ text: await docxToText(bytes), encoding: 'docx' }) },
  '.html': { format: 'html', toText: async (bytes) => ({ text: htmlToText(decodeHtml(bytes)), encoding: 'html' }) },
  '.htm': { format: 'html', toText: async (bytes) => ({ text: htmlToText(decodeHtml(bytes)), encoding: 'html' }) },
  '.pdf': { format: 'pdf', toText: async (bytes) => ({ text: await pdfToText(bytes), encoding: 'pdf' }) },
};

export const LETTER_EXTENSIONS = Object.keys(READERS);

export async function readLetterFile(path: string): Promise<LetterText> {
  const source = basename(path);
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new LetterReadError(source, `unsupported format "${extname(path) || '(no extension)'}"; innograph reads ${LETTER_EXTENSIONS.join(' ')}`);
  }
  let bytes: Uint8Array;
  try {
    if (!(await stat(path)).isFile()) throw new LetterReadError(source, 'not a regular file');
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof LetterReadError) throw error;
    throw new LetterReadError(source, `cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (bytes.length === 0) throw new LetterReadError(source, 'the file is empty');
  let converted: { text: string; encoding: string };
  try {
    converted = await reader.toText(bytes, path);
  } catch (error) {
    if (error instanceof LetterReadError) throw error;
    throw new LetterReadError(source, `not a readable ${reader.format} file (${(error as Error).message})`, { cause: error });
  }
  const text = cleanLetterText(converted.text);
  if (text.length === 0) {
    const why = reader.format === 'pdf' ? 'the PDF has no text layer (image-only scan?); run OCR first' : 'the file holds no text';
    throw new LetterReadError(source, why);
  }
  return { source, path, format: reader.format, encoding: converted.encoding, text };
}

function textFromTxt(bytes: Uint8Array, path: string): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  if (looksBinary(bytes, decoded)) {
    throw new LetterReadError(basename(path), 'binary content, not text (is the extension right?)');
  }
  return decoded;
}

/** HTML declares its charset; pages of Chinese bureaus are often GBK. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  return decodeText(bytes).text;
}

async function docxToText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}
