import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { PdfStream } from './pdf-streams.ts';

/**
 * The streams of an encrypted PDF, decrypted with the empty user password —
 * as every PDF viewer (and pdf.js) opens a file that only restricts copying
 * or printing, as many government PDFs do. pdf-streams.ts needs the plain
 * bytes to count what the file unpacks to; without them a compression bomb
 * would only need encrypting to pass. The standard security handler of ISO
 * 32000 (7.6.3–7.6.4): RC4 (V1, V2), AES-128 (V4 AESV2) and AES-256
 * (V5 AESV3, revisions 5 and 6). A file that needs a real password gives
 * garbage here (counted as nothing) and pdf.js then refuses it.
 */
export type Decrypt = (stream: PdfStream) => Buffer;

/** The decryption of a PDF's streams, or null when the file is not encrypted. */
export function pdfDecryptor(bytes: Buffer): Decrypt | null {
  const text = bytes.toString('latin1');
  const ref = /\/Encrypt\s+(\d+)\s+(\d+)\s+R/g;
  let last: RegExpExecArray | null = null;
  for (let m = ref.exec(text); m; m = ref.exec(text)) last = m;
  const dictionary = last
    ? objectText(text, last[1], last[2])
    : /\/Encrypt\s*(<<[\s\S]*?>>\s*>>|<<[\s\S]*?>>)/.exec(text)?.[1];
  if (!dictionary) return null;
  const number = (key: string) => Number(new RegExp(`/${key}\\s+(-?\\d+)`).exec(dictionary)?.[1] ?? NaN);
  // /O and /U, not /OE and /UE: a name ends where its letters do.
  const string = (key: string) => stringAfter(dictionary, new RegExp(`/${key}(?![A-Za-z])\\s*`));
  const version = number('V');
  const revision = number('R');
  const owner = string('O');
  const user = string('U');
  if (!owner || !user) return null;
  const method = /\/CFM\s*\/(\w+)/.exec(dictionary)?.[1] ?? (version >= 5 ? 'AESV3' : 'V2');
  if (/\/StmF\s*\/Identity/.test(dictionary)) return (stream) => stream.data;
  const encryptMetadata = !/\/EncryptMetadata\s+false/.test(dictionary);
  // Cross-reference streams are never encrypted (7.6.2), nor metadata when the dictionary says so.
  const plain = (stream: PdfStream) =>
    /\/Type\s*\/XRef/.test(stream.dictionary) || (!encryptMetadata && /\/Type\s*\/Metadata/.test(stream.dictionary));
  if (version >= 5) {
    const key = aes256Key(revision, user, string('UE') ?? Buffer.alloc(32));
    return (stream) => (plain(stream) ? stream.data : aesDecrypt(stream.data, key));
  }
  const id = stringAfter(text.slice(text.lastIndexOf('/ID')), /\/ID\s*\[\s*/) ?? Buffer.alloc(0);
  const length = version === 1 ? 5 : (number('Length') || 40) / 8;
  const key = rc4Key(revision, length, owner, number('P'), id, encryptMetadata);
  const aes = method === 'AESV2';
  return (stream) => {
    if (plain(stream)) return stream.data;
    // Algorithm 1: each object's key from the file's key, its number and generation.
    const salt = Buffer.from([
      stream.object & 0xff,
      (stream.object >> 8) & 0xff,
      (stream.object >> 16) & 0xff,
      stream.generation & 0xff,
      (stream.generation >> 8) & 0xff,
    ]);
    const objectKey = md5(key, salt, aes ? Buffer.from('sAlT') : Buffer.alloc(0)).subarray(0, Math.min(length + 5, 16));
    return aes ? aesDecrypt(stream.data, objectKey) : rc4(objectKey, stream.data);
  };
}

/** The 32 bytes every password is padded with (7.6.3.3). */
export const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/** Algorithm 2: the file key for the empty user password (revisions 2–4). */
export function rc4Key(revision: number, length: number, owner: Buffer, p: number, id: Buffer, metadata = true) {
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(p | 0);
  let hash = md5(
    PASSWORD_PAD,
    owner.subarray(0, 32),
    permissions,
    id,
    revision >= 4 && !metadata ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0),
  );
  if (revision >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, length));
  return hash.subarray(0, length);
}

/** The file key of AES-256 (revisions 5 and 6): the user key salt hashed with the empty password unlocks UE. */
function aes256Key(revision: number, user: Buffer, userKey: Buffer): Buffer {
  const salt = user.subarray(40, 48);
  const intermediate =
    revision >= 6 ? hardenedHash(Buffer.alloc(0), salt, Buffer.alloc(0)) : createHash('sha256').update(salt).digest();
  const decipher = createDecipheriv('aes-256-cbc', intermediate, Buffer.alloc(16)).setAutoPadding(false);
  return Buffer.concat([decipher.update(userKey.subarray(0, 32)), decipher.final()]);
}

/** Algorithm 2.B (revision 6): SHA-256, then rounds of AES-128 and SHA-2 until the last byte says stop. */
export function hardenedHash(password: Buffer, salt: Buffer, userData: Buffer): Buffer {
  let k = createHash('sha256')
    .update(Buffer.concat([password, salt, userData]))
    .digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array(64).fill(Buffer.concat([password, k, userData])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3])
      .update(e)
      .digest();
    if (round >= 63 && e[e.length - 1] <= round - 31) return k.subarray(0, 32);
  }
}

/** AES in CBC mode, the first 16 bytes being the IV; a stream whose padding is wrong gives what decrypts. */
function aesDecrypt(data: Buffer, key: Buffer): Buffer {
  if (data.length < 32) return Buffer.alloc(0);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, data.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  const pad = plain[plain.length - 1];
  return pad >= 1 && pad <= 16 ? plain.subarray(0, plain.length - pad) : plain;
}

/** RC4 (OpenSSL 3 keeps it in its legacy provider only, so it is written out: 15 lines). */
export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

export const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** The text of object `number generation` (the encryption dictionary of a file that refers to it). */
function objectText(text: string, number: string, generation: string): string | undefined {
  const start = new RegExp(`(?:^|[^\\d])${number}\\s+${generation}\\s+obj\\b`).exec(text);
  if (!start) return undefined;
  const end = text.indexOf('endobj', start.index);
  return text.slice(start.index, end < 0 ? undefined : end);
}

/** The PDF string after `key` in `text`: literal (…) with its escapes, or hex <…>. */
export function stringAfter(text: string, key: RegExp): Buffer | null {
  const found = key.exec(text);
  if (!found) return null;
  let i = found.index + found[0].length;
  if (text[i] === '<') {
    const end = text.indexOf('>', i);
    const hex = text.slice(i + 1, end).replace(/\s/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  }
  if (text[i] !== '(') return null;
  const out: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let depth = 1, c = text[++i]; i < text.length; c = text[++i]) {
    if (c === '\\') {
      const e = text[++i];
      if (e in escapes) out.push(escapes[e]);
      else if (/[0-7]/.test(e)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))![0];
        out.push(parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else if (e === '\r' && text[i + 1] === '\n') i++;
      // A backslash before a line end joins the lines; before any other character it is ignored.
      else if (e !== '\r' && e !== '\n') out.push(e.charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out.push(c.charCodeAt(0));
  }
  return Buffer.from(out);
}
