import { spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ingest ceiling of issue 24: the same corpus segmented and tagged by
 * jieba alone in `workers` processes at once (as many as ingest's worker
 * pool uses), wall-clock from start to the last one done, dictionary
 * loading included as it is in ingest's workers.
 */
export async function measureCeiling(corpus: string, workers: number): Promise<{ seconds: number; workers: number }> {
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).map((f) => join(corpus, f));
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const lists = await Promise.all(
    shares.map(async (share, w) => {
      const list = join(tmpdir(), `innograph-ceiling-${process.pid}-${w}.json`);
      await writeFile(list, JSON.stringify(share));
      return list;
    }),
  );
  const script = fileURLToPath(new URL('./jieba-alone.ts', import.meta.url));
  const started = performance.now();
  try {
    await Promise.all(lists.map((list) => run(script, list)));
    return { seconds: (performance.now() - started) / 1000, workers };
  } finally {
    await Promise.all(lists.map((list) => rm(list, { force: true })));
  }
}

function run(script: string, list: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, list], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`jieba-alone exited with ${code}`))));
  });
}
