import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { LetterReadError } from '../../domain/errors.ts';
import { cleanLetterText } from './clean.ts';
import { pathOnDisk } from './file-names.ts';
import { decodeText, whyNotText } from './decode-text.ts';
import { DocxTooLargeError, docxToText } from './read-docx.ts';
import { htmlToText } from './read-html.ts';
import { LockedFileError, PdfTooLargeError } from './pdf-streams.ts';
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
const READERS: Record<
  string,
  { format: LetterFormat; toText: (bytes: Uint8Array, path: string) => Promise<{ text: string; encoding: string }> }
> = {
  '.txt': { format: 'txt', toText: async (bytes, path) => textFromTxt(bytes, path) },
  '.text': { format: 'txt', toText: async (bytes, path) => textFromTxt(bytes, path) },
  '.docx': { format: 'docx', toText: async (bytes) => ({ text: await docxToText(bytes), encoding: 'docx' }) },
  '.html': { format: 'html', toText: async (bytes) => ({ text: htmlToText(decodeHtml(bytes)), encoding: 'html' }) },
  '.htm': { format: 'html', toText: async (bytes) => ({ text: htmlToText(decodeHtml(bytes)), encoding: 'html' }) },
  '.pdf': { format: 'pdf', toText: async (bytes) => ({ text: await pdfToText(bytes), encoding: 'pdf' }) },
};

export const LETTER_EXTENSIONS = Object.keys(READERS);

/**
 * The size guard. A reply letter is a few KB of text (a PDF or Word file with
 * pictures a few MB); a file far beyond that is not one letter, and reading
 * it would hold the batch. Both limits are generous multiples of real letters.
 */
export const LIMITS = {
  fileBytes: { txt: 8 * 2 ** 20, html: 16 * 2 ** 20, docx: 32 * 2 ** 20, pdf: 64 * 2 ** 20 } as Record<
    LetterFormat,
    number
  >,
  textCharacters: 400_000,
};

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 1)} MB`;

export async function readLetterFile(path: string): Promise<LetterText> {
  const source = basename(path);
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new LetterReadError(
      source,
      `unsupported format "${extname(path) || '(no extension)'}"; innograph reads ${LETTER_EXTENSIONS.join(' ')}`,
    );
  }
  let bytes: Uint8Array;
  try {
    // A name that is not UTF-8 is shown decoded (file-names.ts): opened by its bytes on disk. Most names are
    // what they show, so the path is tried as shown first (one call to the file system instead of two).
    const { onDisk, info } = await stat(path).then(
      (info) => ({ onDisk: path as string | Buffer, info }),
      async () => {
        const onDisk = await pathOnDisk(path);
        return { onDisk, info: await stat(onDisk) };
      },
    );
    if (!info.isFile()) throw new LetterReadError(source, 'not a regular file');
    if (info.size > LIMITS.fileBytes[reader.format]) {
      throw new LetterReadError(
        source,
        `the file is ${mb(info.size)}; a reply letter is far smaller, so innograph reads ${reader.format} files up to ${mb(LIMITS.fileBytes[reader.format])}`,
      );
    }
    bytes = new Uint8Array(await readFile(onDisk));
  } catch (error) {
    if (error instanceof LetterReadError) throw error;
    throw new LetterReadError(source, whyNotOpened(error), { cause: error });
  }
  if (bytes.length === 0) throw new LetterReadError(source, 'the file is empty');
  let converted: { text: string; encoding: string };
  try {
    converted = await reader.toText(bytes, path);
  } catch (error) {
    if (error instanceof LetterReadError) throw error;
    if (error instanceof DocxTooLargeError || error instanceof PdfTooLargeError)
      throw new LetterReadError(source, `refused: ${error.message}`);
    if (error instanceof LockedFileError) throw new LetterReadError(source, error.message);
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new LetterReadError(source, `not a readable ${reader.format} file (nested too deeply)`);
    throw new LetterReadError(source, `not a readable ${reader.format} file (${plainReason(error)})`, { cause: error });
  }
  const text = cleanLetterText(converted.text);
  if (text.length === 0) {
    const why =
      reader.format === 'pdf'
        ? 'the PDF has no text layer (image-only scan?); run OCR first'
        : 'the file holds no text';
    throw new LetterReadError(source, why);
  }
  if (text.length > LIMITS.textCharacters) {
    throw new LetterReadError(
      source,
      `its text is ${text.length.toLocaleString('en')} characters; a reply letter is a few thousand, so innograph reads letters up to ${LIMITS.textCharacters.toLocaleString('en')} (several letters in one file? split it)`,
    );
  }
  return { source, path, format: reader.format, encoding: converted.encoding, text };
}

function textFromTxt(bytes: Uint8Array, path: string): { text: string; encoding: string } {
  const decoded = decodeText(bytes);
  const why = whyNotText(bytes, decoded);
  if (why) throw new LetterReadError(basename(path), why);
  return decoded;
}

/**
 * HTML declares its charset; pages of Chinese bureaus are often GBK. A page
 * saved again as UTF-8 often keeps its old GBK declaration: bytes that are
 * valid UTF-8 (which GBK text practically never is) are read as UTF-8.
 */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030)$/.test(declared)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }
  return decodeText(bytes).text;
}

/** Why the system would not open a file, in plain words (not "ELOOP: too many symbolic links encountered"). */
function whyNotOpened(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    ENOENT: 'no such file (a link to a file that is gone?)',
    ELOOP: 'it is a symbolic link that leads back to itself (a loop); point it at the letter file',
    EACCES: 'this user may not read it; fix its permissions',
    EPERM: 'this user may not read it; fix its permissions',
    EISDIR: 'it is a folder',
    ENAMETOOLONG: 'its path is longer than the system allows',
    EMFILE: 'too many files are open at once; run the command again',
    EIO: 'the disk reported an input/output error reading it',
  };
  return `cannot be opened: ${(code && why[code]) ?? `the system refused (${code ?? String(error)})`}`;
}

/** A library's error as a reason for the user: its first line, without the library's own markers and unknown positions. */
function plainReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  return (
    message
      .replace(/\[xmldom [a-z]+\]\s*/gi, '')
      .replace(/@#\[line:[^\]]*\]/g, '')
      .replace(/^warning:\s*/i, '')
      .trim() || 'unknown damage'
  );
}
