/**
 * Decoding a plain-text letter. Bureau websites and office PCs produce UTF-8,
 * GBK/GB18030, sometimes UTF-16 (Windows "Unicode" text, with or without a
 * byte-order mark) and, from Taiwan and Hong Kong, Big5. Node's TextDecoder
 * (full ICU) decodes all of them; the choice is made from the bytes:
 * - a byte-order mark decides;
 * - valid UTF-8 is UTF-8;
 * - NUL bytes on every other position (ASCII in UTF-16), or a UTF-16 reading
 *   that is almost all CJK and punctuation, is UTF-16 without BOM;
 * - UTF-8 with a few broken sequences (one bad byte, a file cut mid-character)
 *   stays UTF-8, each broken sequence a U+FFFD — one bad byte must not turn
 *   the whole letter into GB18030 mojibake;
 * - otherwise GB18030 or Big5: Big5 puts half its characters (and its comma
 *   and full stop, A141 A143) on trail bytes 0x40–0x7E, which simplified
 *   Chinese in GBK almost never uses.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-8-damaged' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const decode = (encoding: string, bytes: Uint8Array) => new TextDecoder(encoding).decode(bytes);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  // NULs on one side of the pairs: UTF-16 (which can also be valid UTF-8, when it is all ASCII).
  const byNuls = nulOrder(bytes);
  if (byNuls) return { text: decode(byNuls, bytes), encoding: byNuls };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not clean UTF-8: look closer.
  }
  const utf16 = utf16Order(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };
  const utf8 = decode('utf-8', bytes);
  const broken = count(utf8, 0xfffd);
  // Real UTF-8 with damage: a few replacement characters among many decoded ones.
  if (broken <= Math.max(2, utf8.length / 200) && nonAsciiShare(bytes) > 0)
    return { text: utf8, encoding: 'utf-8-damaged' };
  return looksBig5(bytes)
    ? { text: decode('big5', bytes), encoding: 'big5' }
    : { text: decode('gb18030', bytes), encoding: 'gb18030' };
}

function nulOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 8192);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM and with little ASCII: a reading that is plausible Chinese text. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 8192);
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    if (plausibleChinese(decode(order, sample)) > 0.9) return order;
  }
  return null;
}

/** The share of characters that are CJK ideographs, CJK or full-width punctuation, ASCII or line ends. */
function plausibleChinese(text: string): number {
  let good = 0;
  let all = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    all++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x20 && c <= 0x7e) ||
      c === 0x0a ||
      c === 0x0d
    )
      good++;
  }
  return all === 0 ? 0 : good / all;
}

function looksBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] < 0x81) continue;
    pairs++;
    if (bytes[i + 1] >= 0x40 && bytes[i + 1] <= 0x7e) lowTrail++;
    i++;
  }
  return pairs > 0 && lowTrail / pairs > 0.15;
}

function nonAsciiShare(bytes: Uint8Array): number {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  return bytes.length === 0 ? 0 : high / bytes.length;
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/**
 * Why the bytes are not a text letter, or null when they are: NUL bytes
 * (binary), or more than 2% control characters or undecodable bytes.
 */
export function whyNotText(bytes: Uint8Array, decoded: DecodedText): string | null {
  // UTF-16 text is full of NUL bytes; its decoded characters decide.
  if (!decoded.encoding.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0))
    return 'binary content (NUL bytes), not text — is the extension right?';
  const text = decoded.text;
  let broken = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) control++;
  }
  if (text.length === 0) return null;
  if (control / text.length > 0.02)
    return `binary content (${Math.round((100 * control) / text.length)}% control characters), not text — is the extension right?`;
  if (broken / text.length > 0.02)
    return `not decodable text: ${broken} of ${text.length} characters are broken bytes in UTF-8, UTF-16, GB18030 and Big5`;
  return null;
}

/** Kept for callers that only need a yes/no. */
export function looksBinary(bytes: Uint8Array, decoded: DecodedText): boolean {
  return whyNotText(bytes, decoded) !== null;
}
