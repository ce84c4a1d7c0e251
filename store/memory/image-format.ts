import { crc32 } from 'node:zlib';

/**
 * The store image: the merged graph of one committed state of a store as one
 * binary file beside the manifest (image-file.ts names and finds it;
 * image-encode.ts writes it, image-graph.ts reads it). It lets a process open
 * 10,000 letters in about half a second instead of parsing every letter's
 * fragment and merging them again.
 *
 * It is a cache, never the truth: its header names the digest of the
 * manifest it was made from and a CRC of its body, and a store without a
 * matching, whole image is read from its fragments. Layout, all numbers
 * little-endian:
 *   "INNOIMG1", uint32 header length, header JSON, then 4-byte-aligned sections
 *   - lengths: Int32 per string (UTF-16 units) of
 *   - blob:    every string, UTF-8, back to back (ids, names, props as JSON …)
 *   - nodes:   Int32 × 8 per node [id, kind, name, aliasStart, aliasCount, props, spanStart, spanCount]
 *   - aliases: Int32 string numbers
 *   - spans:   Int32 × 3 per mention or evidence [letter, start, end]
 *   - edges:   Int32 × 6 per edge [type, source node, target node, props, spanStart, spanCount]
 * Nodes and edges become objects only when a read touches them.
 */
export const MAGIC = 'INNOIMG1';
export const NODE_FIELDS = 8;
export const EDGE_FIELDS = 6;
export const NO_PROPS = -1;
export const SECTIONS = ['lengths', 'blob', 'nodes', 'aliases', 'spans', 'edges'] as const;
export type Section = (typeof SECTIONS)[number];

export interface ImageHeader {
  version: 1;
  /** Digest of the manifest this image was made from (segments.ts `manifestDigest`). */
  manifest: string;
  sections: Record<Section, [offset: number, length: number]>;
  /** CRC-32 of everything after the header: a damaged image is passed over, never read as a wrong graph. */
  crc: number;
}

export const align = (n: number) => (n + 3) & ~3;

export function crcOf(chunks: Buffer[]): number {
  let crc = 0;
  // Empty chunks are skipped: Node 20's crc32 answers 0 for an empty view of an empty ArrayBuffer, whatever the running value.
  for (const chunk of chunks) if (chunk.length > 0) crc = crc32(chunk, crc);
  return crc;
}
