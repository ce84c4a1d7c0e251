import { createCipheriv, randomBytes } from 'node:crypto';
import { createDeflate } from 'node:zlib';
import { hardenedHash, md5, PASSWORD_PAD, rc4, rc4Key } from '../../ingest/read/pdf-decrypt.ts';

/**
 * Compression bombs and encrypted PDFs for the tests: small files that
 * unpack to far more than any letter, built as streams so that the test
 * never holds the unpacked bytes itself, and the same encrypted (with an
 * empty user password, as files that only restrict copying are). pdf.js,
 * which reads the encrypted letters of these tests, checks the encryption.
 */
export async function deflated(head: string | Buffer, blankMb: number, times = 1): Promise<Buffer> {
  let data = await deflateStream(head, blankMb);
  // A filter chain ([/FlateDecode /FlateDecode]) packs the packed bytes again: smaller still.
  for (let i = 1; i < times; i++) data = await deflateStream(data, 0);
  return data;
}

function deflateStream(head: string | Buffer, blankMb: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const blank = Buffer.alloc(2 ** 20, 0x20);
    let left = blankMb;
    deflate.write(head);
    const pump = () => {
      while (left > 0) {
        left--;
        if (!deflate.write(blank)) return void deflate.once('drain', pump);
      }
      deflate.end();
    };
    pump();
  });
}

export type Encryption = 'none' | 'rc4' | 'aes128' | 'aes256';

/**
 * A one-page PDF showing `lines` (one text line each), its content stream
 * followed by `blankMb` MB of blanks, deflated `times` times (or packed with
 * LZW), encrypted or not (`needsPassword`: with a password other than the
 * empty one, for RC4 and AES-128).
 */
export async function pdfOf(
  lines: string[],
  options: { blankMb?: number; times?: number; encryption?: Encryption; lzw?: boolean; needsPassword?: boolean } = {},
): Promise<Buffer> {
  const { blankMb = 0, times = 1, encryption = 'none', lzw = false, needsPassword = false } = options;
  const text = lines
    .map((line, i) => {
      const hex = [...line].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
      return `1 0 0 1 40 ${800 - i * 14} Tm <${hex}> Tj`;
    })
    .join('\n');
  const page = `BT /F1 10 Tf\n${text}\nET\n`;
  const content = lzw ? lzwBlanks(Buffer.from(page), blankMb) : await deflated(page, blankMb, times);
  const id = randomBytes(16);
  const lock = encryption === 'none' ? null : locked(encryption, id, needsPassword);
  const filter = lzw ? '/LZWDecode' : times === 1 ? '/FlateDecode' : `[${' /FlateDecode'.repeat(times)} ]`;
  const data = lock ? lock.encrypt(4, content) : content;
  // A font whose /ToUnicode maps each two-byte code to the same Unicode value, so text is read back
  // (in ranges within one high byte each, as the CMap format wants, 100 to a block).
  const ranges = Array.from({ length: 256 }, (_, h) => h.toString(16).padStart(2, '0')).map(
    (h) => `<${h}00> <${h}ff> <${h}00>`,
  );
  const blocks = [0, 100, 200].map(
    (i) => `${ranges.slice(i, i + 100).length} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`,
  );
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /U def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const cmapData = lock ? lock.encrypt(7, Buffer.from(cmap, 'latin1')) : Buffer.from(cmap, 'latin1');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${data.length} /Filter ${filter} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    Buffer.from(
      '<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /ToUnicode 7 0 R /DescendantFonts [6 0 R] >>',
    ),
    Buffer.from(
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${cmapData.length} >>\nstream\n`, 'latin1'),
      cmapData,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    Buffer.from(
      '<< /Type /FontDescriptor /FontName /T /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    ),
  ];
  if (lock) objects.push(Buffer.from(lock.dictionary, 'latin1'));
  const trailer = `/Size ${objects.length + 1} /Root 1 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]${lock ? ` /Encrypt ${objects.length} 0 R` : ''}`;
  return assemble(objects, trailer);
}

function assemble(objects: Buffer[], trailer: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
  });
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< ${trailer} >>\nstartxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

const hex = (b: Buffer) => `<${b.toString('hex')}>`;
const P = -3904; // printing allowed, copying not: what such government PDFs set

/** The standard security handler, writing side (ISO 32000 7.6.3–7.6.4), with the empty user password. */
function locked(method: Exclude<Encryption, 'none'>, id: Buffer, needsPassword: boolean) {
  if (method === 'aes256') {
    const fileKey = randomBytes(32);
    const [vs, ks, ovs, oks] = [randomBytes(8), randomBytes(8), randomBytes(8), randomBytes(8)];
    const none = Buffer.alloc(0);
    const u = Buffer.concat([hardenedHash(none, vs, none), vs, ks]);
    const owner = Buffer.from('owner');
    const o = Buffer.concat([hardenedHash(owner, ovs, u), ovs, oks]);
    const wrap = (key: Buffer) => aes(key, Buffer.alloc(16), fileKey, false);
    const perms = Buffer.alloc(16);
    perms.writeInt32LE(P);
    perms.writeInt32LE(-1, 4);
    Buffer.from('Tadb').copy(perms, 8);
    const ecb = createCipheriv('aes-256-ecb', fileKey, null).setAutoPadding(false);
    return {
      dictionary: `<< /Filter /Standard /V 5 /R 6 /Length 256 /P ${P} /O ${hex(o)} /U ${hex(u)} /OE ${hex(wrap(hardenedHash(owner, oks, u)))} /UE ${hex(wrap(hardenedHash(none, ks, none)))} /Perms ${hex(Buffer.concat([ecb.update(perms), ecb.final()]))} /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF >>`,
      encrypt: (_object: number, data: Buffer) => withIv(fileKey, data),
    };
  }
  const revision = method === 'aes128' ? 4 : 3;
  const length = 16;
  // Algorithm 3: O from the owner password (and the empty user password).
  let ownerKey = md5(Buffer.concat([Buffer.from('owner'), PASSWORD_PAD]).subarray(0, 32));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey.subarray(0, length));
  let o = rc4(ownerKey.subarray(0, length), PASSWORD_PAD);
  for (let i = 1; i <= 19; i++) o = rc4(xor(ownerKey.subarray(0, length), i), o);
  const key = rc4Key(revision, length, o, P, id);
  // Algorithm 5: U, which a reader checks the empty password against.
  let u = rc4(key, md5(PASSWORD_PAD, id));
  for (let i = 1; i <= 19; i++) u = rc4(xor(key, i), u);
  // A U that the empty password does not give: the reader asks for the password the file was locked with.
  u = needsPassword ? randomBytes(32) : Buffer.concat([u, Buffer.alloc(16)]);
  const filters =
    method === 'aes128'
      ? ' /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF'
      : '';
  return {
    dictionary: `<< /Filter /Standard /V ${revision === 4 ? 4 : 2} /R ${revision} /Length 128 /P ${P} /O ${hex(o)} /U ${hex(u)}${filters} >>`,
    encrypt: (object: number, data: Buffer) => {
      const salt = Buffer.from([object & 0xff, (object >> 8) & 0xff, (object >> 16) & 0xff, 0, 0]);
      const aesSalt = method === 'aes128' ? Buffer.from('sAlT') : Buffer.alloc(0);
      const objectKey = md5(key, salt, aesSalt).subarray(0, Math.min(length + 5, 16));
      return method === 'aes128' ? withIv(objectKey, data) : rc4(objectKey, data);
    },
  };
}

function withIv(key: Buffer, data: Buffer): Buffer {
  const iv = randomBytes(16);
  return Buffer.concat([iv, aes(key, iv, data, true)]);
}

function aes(key: Buffer, iv: Buffer, data: Buffer, padding: boolean): Buffer {
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv).setAutoPadding(padding);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

const xor = (key: Buffer, n: number) => Buffer.from(key.map((b) => b ^ n));

/**
 * LZW as PDF reads it (EarlyChange 1). The code width of each code is the one
 * the reader will use, so the writer follows the reader's table, which lags
 * its own by one entry; a clear code starts the table again before it is full.
 */
class LzwWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private accBits = 0;
  // The reader's state: its table size and code width when it reads the next code.
  private readerNext = 258;
  private readerBits = 9;
  private readerFirst = true;

  emit(code: number): void {
    this.acc = (this.acc << this.readerBits) | code;
    this.accBits += this.readerBits;
    while (this.accBits >= 8) {
      this.out.push((this.acc >>> (this.accBits - 8)) & 0xff);
      this.accBits -= 8;
    }
    this.acc &= (1 << this.accBits) - 1;
    if (code === 256) {
      [this.readerNext, this.readerBits, this.readerFirst] = [258, 9, true];
      return;
    }
    if (!this.readerFirst) this.readerNext++;
    this.readerFirst = false;
    if (this.readerNext + 1 >= 1 << this.readerBits && this.readerBits < 12) this.readerBits++;
  }

  /** The code the reader defines on reading the next code (sent as that code, it repeats the last string plus its first byte). */
  get next(): number {
    return this.readerNext;
  }

  done(): Buffer {
    this.emit(257);
    if (this.accBits > 0) this.out.push((this.acc << (8 - this.accBits)) & 0xff);
    return Buffer.from(this.out);
  }
}

/** Plain LZW of `data`, as a PDF writer packs it. */
export function lzwEncode(data: Buffer): Buffer {
  const writer = new LzwWriter();
  packInto(writer, data);
  return writer.done();
}

function packInto(writer: LzwWriter, data: Buffer): void {
  writer.emit(256);
  let table = new Map<number, number>();
  let next = 258;
  let w = -1;
  for (const b of data) {
    if (w < 0) {
      w = b;
      continue;
    }
    const known = table.get(w * 256 + b);
    if (known !== undefined) {
      w = known;
      continue;
    }
    writer.emit(w);
    table.set(w * 256 + b, next++);
    w = b;
    if (next >= 4000) {
      writer.emit(256);
      table = new Map();
      next = 258;
    }
  }
  if (w >= 0) writer.emit(w);
}

/**
 * `head`, then `blankMb` MB of blanks written as LZW's longest strings: after
 * a clear, a blank, then each code the reader is about to define (one blank
 * longer than the last), 3,700 codes unpacking to 7 MB, again and again.
 */
export function lzwBlanks(head: Buffer, blankMb: number): Buffer {
  const writer = new LzwWriter();
  packInto(writer, head);
  for (let left = blankMb * 2 ** 20; left > 0;) {
    writer.emit(256);
    writer.emit(0x20);
    left--;
    for (let length = 2; length < 3700 && left > 0; length++, left -= length) writer.emit(writer.next);
  }
  return writer.done();
}
