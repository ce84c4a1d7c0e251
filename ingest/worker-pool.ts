import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InnographError } from '../store/errors.ts';
import type { OneResult } from './read-one.ts';

/**
 * Extraction on every core: jieba's tagging and the rules are CPU-bound and
 * letters are independent, so files are spread over worker threads; the
 * results come back in input order. Resolution across letters stays in the
 * main thread. Workers load the TypeScript through tsx, as the CLI does.
 */
export function defaultWorkers(files: number): number {
  // Starting a worker costs about half a second (module loading, jieba's dictionary): not worth it for a few letters.
  return files >= 200 ? Math.min(4, availableParallelism()) : 1;
}

export async function extractInWorkers(files: string[], workers: number, onDone: (done: number) => void): Promise<OneResult[]> {
  const results: OneResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      // Two files in flight per worker keep it busy while its last answer travels back.
      const send = () => {
        if (next >= files.length) return false;
        const id = next++;
        worker.postMessage({ id, file: files[id] });
        return true;
      };
      let inFlight = 0;
      worker.on('message', (message: { id: number; result?: OneResult; crash?: string }) => {
        if (message.crash) return reject(new InnographError('WORKER_FAILED', `extracting ${files[message.id]} failed: ${message.crash}`));
        results[message.id] = message.result!;
        onDone(++done);
        inFlight--;
        if (send()) inFlight++;
        if (inFlight === 0) resolve();
      });
      worker.on('error', reject);
      for (let k = 0; k < 2; k++) if (send()) inFlight++;
      if (inFlight === 0) resolve();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
