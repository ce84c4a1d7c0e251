/**
 * Decoding a plain-text letter. Bureau websites and office PCs still produce
 * GBK/GB18030 files, so a `.txt` is tried as UTF-8 (with or without BOM) first
 * and, if it is not valid UTF-8, as GB18030 (a superset of GBK and GB2312).
 * Node's TextDecoder (full ICU) does both; no guessing library is needed
 * because the two are told apart by UTF-8's own validity.
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * A file is binary, not text, when it holds NUL bytes or when, decoded, more
 * than 2% of it is control characters or U+FFFD replacement characters.
 */
export function looksBinary(bytes: Uint8Array, decoded: DecodedText): boolean {
  // UTF-16 text is full of NUL bytes; its decoded characters decide.
  if (!decoded.encoding.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) return true;
  const text = decoded.text;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c)) bad++;
  }
  return text.length > 0 && bad / text.length > 0.02;
}
