import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFiles } from '../ingest/ingest-files.ts';
import { MemoryStore } from '../store/memory/memory-store.ts';
import { storeBytes } from './measure-formats.ts';

export interface IngestFigures {
  letters: number;
  megabytes: number;
  extractSeconds: number;
  resolveSeconds: number;
  lettersPerSecond: number;
  megabytesPerSecond: number;
  storeWriteSeconds: number;
  storeBytes: number;
  storeLoadSeconds: number;
  nodes: number;
  edges: number;
  peakRssMiB: number;
}

/** read → parse → extract, resolve, then write to and reload an embedded store; wall-clock per stage. */
export async function measureIngest(
  corpus: string,
  snapshot: string,
  onProgress?: (done: number, total: number) => void,
): Promise<IngestFigures> {
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.txt'));
  let bytes = 0;
  for (const f of files) bytes += (await stat(join(corpus, f))).size;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const store = new MemoryStore({ path: snapshot });
    await store.clear();
    // The one way in (ingest/ingest-files.ts), into an empty store: its phases are timed by ingestFiles itself.
    const { timings, outcomes } = await ingestFiles([corpus], store, { onProgress });
    const letters = outcomes.filter((o) => o.status !== 'rejected').length;
    const t4 = performance.now();
    const loaded = new MemoryStore({ path: snapshot });
    const stats = await loaded.stats();
    const t5 = performance.now();
    const total = (timings.readMs + timings.buildMs) / 1000;
    return {
      letters,
      megabytes: bytes / 2 ** 20,
      extractSeconds: timings.readMs / 1000,
      resolveSeconds: timings.buildMs / 1000,
      lettersPerSecond: letters / total,
      megabytesPerSecond: bytes / 2 ** 20 / total,
      storeWriteSeconds: timings.commitMs / 1000,
      storeBytes: await storeBytes(snapshot),
      storeLoadSeconds: (t5 - t4) / 1000,
      nodes: stats.nodes,
      edges: stats.edges,
      peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss, highWaterMark()) / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The process's peak resident memory so far (Linux VmHWM, bytes; 0 elsewhere): it catches peaks between two samples. */
function highWaterMark(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
