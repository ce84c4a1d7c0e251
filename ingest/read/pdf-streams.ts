import { createInflate } from 'node:zlib';
import { lzwDecode, runLengthDecode } from './pdf-filters.ts';

/**
 * How much a PDF unpacks to, counted before pdf.js reads it. pdf.js inflates
 * every stream it needs whole, into memory, with no limit: a 1 MB PDF whose
 * page inflates to 1 GB of blanks drove ingest to 2.6 GB. Here each stream's
 * filters are run in turn (Flate as a stream, LZW and RunLength by their
 * counts), adding up the bytes, and the file is refused as soon as the sum
 * passes the budget — before pdf.js unpacks anything. Filters pdf.js does
 * not run to read text (images: DCT, JPX, CCITT, JBIG2) end the count of
 * their stream. The streams of an encrypted PDF are decrypted first
 * (pdf-decrypt.ts), so encryption does not hide a bomb.
 */
export const UNPACKED_LIMIT = 128 * 2 ** 20;

export class PdfTooLargeError extends Error {
  override name = 'PdfTooLargeError';
}

/** A PDF or Word file that opens only with a password: its text cannot be read, and the user can make a copy that can. */
export class LockedFileError extends Error {
  override name = 'LockedFileError';
}

export interface PdfStream {
  /** Object number and generation (the key of an encrypted stream depends on them). */
  object: number;
  generation: number;
  /** The stream's dictionary, as text. */
  dictionary: string;
  data: Buffer;
}

// The start of an object, its number and generation before `obj`: "12 0 obj".
const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;
// A direct /Length: "/Length 5231" (not "/Length 6 0 R", which is resolved separately).
const DIRECT_LENGTH = /\/Length\s+(\d+)(?!\s+\d+\s+R)/;
const INDIRECT_LENGTH = /\/Length\s+(\d+)\s+(\d+)\s+R/;

/** Every stream of the file, in the order it stands, with its dictionary. */
export function pdfStreams(bytes: Buffer): PdfStream[] {
  const text = bytes.toString('latin1');
  const streams: PdfStream[] = [];
  OBJECT_HEADER.lastIndex = 0;
  for (let header = OBJECT_HEADER.exec(text); header; header = OBJECT_HEADER.exec(text)) {
    const bodyStart = header.index + header[0].length;
    // Looked for within this object only: an object without a stream must not send the search to the file's end.
    const end = text.indexOf('endobj', bodyStart);
    const within = text.slice(bodyStart, end < 0 ? text.length : end).indexOf('stream');
    if (within < 0) continue;
    const keyword = bodyStart + within;
    const dictionary = text.slice(bodyStart, keyword);
    // The data starts after the line end that follows the keyword (CR LF or LF).
    let start = keyword + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const declared = lengthOf(dictionary, text);
    const byLength = declared !== null && start + declared <= bytes.length ? start + declared : -1;
    const stop =
      byLength >= 0 && /^\s*endstream/.test(text.slice(byLength, byLength + 20))
        ? byLength
        : text.indexOf('endstream', start);
    if (stop < 0) break;
    streams.push({
      object: Number(header[1]),
      generation: Number(header[2]),
      dictionary,
      data: bytes.subarray(start, stop),
    });
    OBJECT_HEADER.lastIndex = stop;
  }
  return streams;
}

function lengthOf(dictionary: string, text: string): number | null {
  const direct = DIRECT_LENGTH.exec(dictionary);
  if (direct) return Number(direct[1]);
  const ref = INDIRECT_LENGTH.exec(dictionary);
  if (!ref) return null;
  const value = new RegExp(`(?:^|\\s)${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\d+)`).exec(text);
  return value ? Number(value[1]) : null;
}

/** The filters of a stream, in order: /Filter /FlateDecode or /Filter [/ASCII85Decode /FlateDecode]. */
export function filtersOf(dictionary: string): string[] {
  const list = /\/Filter\s*\[([^\]]*)\]/.exec(dictionary)?.[1] ?? /\/Filter\s*(\/\w+)/.exec(dictionary)?.[1] ?? '';
  return [...list.matchAll(/\/(\w+)/g)].map((m) => m[1]);
}

/**
 * Counts what every stream unpacks to; throws PdfTooLargeError past `limit`.
 * `decrypt` (for an encrypted file) gives a stream's plain bytes.
 */
export async function checkUnpackedSize(
  streams: PdfStream[],
  limit = UNPACKED_LIMIT,
  decrypt: (stream: PdfStream) => Buffer = (stream) => stream.data,
): Promise<number> {
  let total = 0;
  for (const stream of streams) {
    let data = decrypt(stream);
    const filters = filtersOf(stream.dictionary);
    for (const [i, filter] of filters.entries()) {
      // The last filter's bytes are only counted; a filter's output is kept when another one reads it.
      const next = await unpack(filter, data, limit - total, i < filters.length - 1);
      if (next === null) break;
      // A chain (Flate of Flate) is counted at every step: each step's bytes are held in memory by pdf.js.
      total += next.size;
      if (total > limit)
        throw new PdfTooLargeError(`it unpacks to more than ${limit / 2 ** 20} MB (a compression bomb?)`);
      data = next.bytes;
    }
  }
  return total;
}

/** One filter's output size (and bytes, when kept), or null for a filter pdf.js does not run to read text. */
async function unpack(
  filter: string,
  data: Buffer,
  left: number,
  keep: boolean,
): Promise<{ size: number; bytes: Buffer } | null> {
  const whole = (bytes: Buffer) => ({ size: bytes.length, bytes });
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return inflateUpTo(data, left, keep);
    case 'LZWDecode':
    case 'LZW':
      return whole(lzwDecode(data, left + 1));
    case 'RunLengthDecode':
    case 'RL':
      return whole(runLengthDecode(data, left + 1));
    case 'ASCIIHexDecode':
    case 'AHx':
      return whole(Buffer.from(data.toString('latin1').replace(/[^0-9a-fA-F]/g, ''), 'hex'));
    default:
      // ASCII85 (at most 4/5 of its input) and image filters: nothing pdf.js would blow up for text.
      return null;
  }
}

/**
 * Inflates up to `left` + 1 bytes and stops: what pdf.js would get, counted
 * as it comes. A stream that is damaged midway gives what came before the
 * damage (pdf.js keeps that much too), so garbage after a bomb hides nothing.
 */
function inflateUpTo(data: Buffer, left: number, keep: boolean): Promise<{ size: number; bytes: Buffer }> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    const out: Buffer[] = [];
    let size = 0;
    const done = () => resolve({ size, bytes: Buffer.concat(out) });
    inflate.on('data', (chunk: Buffer) => {
      if (keep) out.push(chunk);
      size += chunk.length;
      if (size > left) {
        inflate.destroy();
        done();
      }
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.end(data);
  });
}
