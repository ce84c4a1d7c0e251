import JSZip from 'jszip';
import { LockedFileError } from './pdf-streams.ts';

/**
 * The text of a Word letter, through mammoth. Two things around it:
 * - A .docx is a zip: a small file can unpack to gigabytes (a zip bomb).
 *   Every part is inflated once, counting bytes, and the file is refused as
 *   soon as the parts pass UNPACKED_LIMIT, before mammoth unpacks anything.
 * - mammoth ends every paragraph with a blank line; the .txt of the same
 *   letter has one line end between paragraphs. Paragraphs are joined with
 *   one line end, so an empty paragraph is the only blank line, as in the .txt.
 */
export const UNPACKED_LIMIT = 64 * 2 ** 20;

export class DocxTooLargeError extends Error {}

// An OLE compound file (D0 CF 11 E0 A1 B1 1A E1): what Word writes for a password-protected document, and an old .doc.
const COMPOUND_FILE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

export async function docxToText(bytes: Uint8Array): Promise<string> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.byteLength)).equals(COMPOUND_FILE))
    throw new LockedFileError(
      'the Word file is protected by a password, or is an old .doc named .docx; open it in Word, save it as .docx without a password, and ingest that',
    );
  await checkUnpackedSize(bytes);
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return paragraphsToLines(result.value);
}

export function paragraphsToLines(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/\n\n$/, '').split('\n\n').join('\n');
}

async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > UNPACKED_LIMIT) {
          stream.pause();
          reject(new DocxTooLargeError(`it unpacks to more than ${UNPACKED_LIMIT / 2 ** 20} MB (a zip bomb?)`));
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
  }
}
