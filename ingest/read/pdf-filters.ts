/**
 * Two PDF filters pdf.js runs, written out so that pdf-streams.ts can count
 * what they unpack to before pdf.js does: both stop once they have made more
 * than `max` bytes (which is all the caller needs to know).
 */

/**
 * LZW as PDF uses it (ISO 32000-1 7.4.4): codes of 9 to 12 bits, 256 clears
 * the table, 257 ends the data, and the code length grows one code early
 * (EarlyChange 1, the default). One code can stand for up to 4,096 bytes, so
 * a small stream can unpack to thousands of times its size.
 */
export function lzwDecode(data: Buffer, max: number, earlyChange = 1): Buffer {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  // Each string's first byte, kept so that defining a code costs one step, not a walk down its chain.
  const head = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    length[i] = 1;
    head[i] = i;
  }
  const out = Buffer.alloc(Math.min(max + 4096, Math.max(1024, data.length * 4)));
  let output = out;
  let size = 0;
  let next = 258;
  let bits = 9;
  let previous = -1;
  let buffer = 0;
  let buffered = 0;
  const write = (code: number) => {
    const n = length[code];
    if (size + n > output.length) {
      const bigger = Buffer.alloc(Math.min(max + 4096, Math.max(output.length * 2, size + n)));
      output.copy(bigger, 0, 0, size);
      output = bigger;
    }
    for (let at = size + n - 1, c = code; at >= size; at--, c = prefix[c]) output[at] = suffix[c];
    size += n;
  };
  for (let i = 0; i < data.length && size <= max; i++) {
    buffer = (buffer << 8) | data[i];
    buffered += 8;
    while (buffered >= bits && size <= max) {
      const code = (buffer >>> (buffered - bits)) & ((1 << bits) - 1);
      buffered -= bits;
      if (code === 256) {
        next = 258;
        bits = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return output.subarray(0, size);
      if (previous >= 0 && next < 4096) {
        // The new entry: the previous string and the first byte of this one (or of itself, for the code being defined).
        const first = code < next ? head[code] : head[previous];
        prefix[next] = previous;
        suffix[next] = first;
        length[next] = length[previous] + 1;
        head[next] = head[previous];
        next++;
      }
      if (code >= next) return output.subarray(0, size);
      write(code);
      previous = code;
      if (next + earlyChange >= 1 << bits && bits < 12) bits++;
    }
  }
  return output.subarray(0, size);
}

/** RunLength (7.4.5): a length byte n, then n+1 bytes as they are (n < 128) or one byte 257-n times (n > 128); 128 ends. */
export function runLengthDecode(data: Buffer, max: number): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  for (let i = 0; i < data.length && size <= max;) {
    const n = data[i++];
    if (n === 128) break;
    const part = n < 128 ? data.subarray(i, i + n + 1) : Buffer.alloc(257 - n, data[i] ?? 0);
    i += n < 128 ? n + 1 : 1;
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts);
}
