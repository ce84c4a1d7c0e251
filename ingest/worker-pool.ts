import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { InnographError } from '../domain/errors.ts';
import { jobName, jobSource, type OneResult, type ReadJob } from './read-one.ts';
import { workerBundle } from './worker-bundle.ts';

/**
 * Extraction on every core, and the guard that keeps one odd file from
 * holding a batch. Letters are independent, so files are spread over worker
 * threads, one file at a time per worker; the results come back in input
 * order. A file that takes longer than `timeLimitMs`, or whose worker dies
 * (out of memory, a crash), is rejected with the reason; its worker is
 * replaced and the batch goes on. Resolution across letters stays in the
 * main thread. Workers run the prebuilt bundle of their code (ingest/worker-bundle.ts), or load the
 * TypeScript through tsx, as the CLI does, when there is none.
 */
export function defaultWorkers(files: number): number {
  // Starting a worker costs about half a second (module loading, jieba's dictionary): not worth it for a few letters.
  return files >= 200 ? Math.min(4, availableParallelism()) : 1;
}

export interface PoolOptions {
  /** A file still being read after this long is rejected and its worker replaced. */
  timeLimitMs?: number;
  /** Heap a worker may use before it is stopped (and its file rejected). */
  memoryLimitMb?: number;
  /** The workers' code: the prebuilt bundle when it can be had (default), or the TypeScript through tsx. */
  code?: 'bundle' | 'source';
}

export const DEFAULT_POOL: Required<PoolOptions> = { timeLimitMs: 120_000, memoryLimitMb: 2048, code: 'bundle' };

/** The TypeScript worker: registers tsx, then loads ingest/extract-worker.ts. */
const SOURCE_WORKER = new URL('./extract-worker.mjs', import.meta.url);

export async function extractInWorkers(
  jobs: ReadJob[],
  workers: number,
  onDone: (done: number) => void,
  options: PoolOptions = {},
): Promise<OneResult[]> {
  const { timeLimitMs, memoryLimitMb, code } = { ...DEFAULT_POOL, ...options };
  // Checked once per batch: a source edited since the last batch gets a new bundle (or the TypeScript worker).
  const bundle = code === 'bundle' ? await workerBundle() : null;
  let entry = bundle ? pathToFileURL(bundle) : SOURCE_WORKER;
  const results: OneResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const live = new Set<Worker>();
  const start = async (): Promise<Worker> => {
    try {
      return await startOne(entry);
    } catch (error) {
      if (entry === SOURCE_WORKER) throw error;
      // A bundle that does not start (removed meanwhile, a Node it does not suit): the TypeScript worker from now on.
      entry = SOURCE_WORKER;
      return startOne(entry);
    }
  };
  const startOne = async (url: URL): Promise<Worker> => {
    const options = { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb }, stderr: true };
    const worker = url === SOURCE_WORKER ? new Worker(url, options) : bundledWorker(url, options);
    // A dying worker's own report (a stack trace) is not for the user: the file's rejection says what happened.
    worker.stderr.resume();
    live.add(worker);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onMessage).off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage).off('error', onError);
        live.delete(worker);
        reject(new InnographError('WORKER_FAILED', `an ingest worker could not start: ${error.message}`));
      };
      worker.on('message', onMessage).on('error', onError);
    });
    return worker;
  };
  const rejected = (id: number, message: string): OneResult => ({
    ok: false,
    file: jobName(jobs[id]),
    source: jobSource(jobs[id]),
    message,
  });

  /** One lane: a worker that takes the next file until none is left, replaced when it has to be stopped. */
  const lane = async (): Promise<void> => {
    let worker = await start();
    while (next < jobs.length) {
      const id = next++;
      const outcome = await new Promise<{ result: OneResult; replace: boolean }>((resolve) => {
        const limit = timeLimitMs >= 1000 ? `${Math.round(timeLimitMs / 1000)} s` : `${timeLimitMs} ms`;
        const timer = setTimeout(
          () =>
            finish(
              rejected(id, `reading took longer than ${limit}, the limit per file; skipped (is it one letter?)`),
              true,
            ),
          timeLimitMs,
        );
        const onMessage = (message: { id: number; result?: OneResult; crash?: string }) => {
          if (message.id !== id) return;
          finish(message.result ?? rejected(id, `reading failed: ${firstLine(message.crash)}`), false);
        };
        const onError = (error: Error & { code?: string }) => {
          const why =
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `reading needs more than ${memoryLimitMb} MB of memory; skipped`
              : `reading failed: ${firstLine(error.message)}`;
          finish(rejected(id, why), true);
        };
        const onExit = () => finish(rejected(id, 'reading stopped the worker; skipped'), true);
        const finish = (result: OneResult, replace: boolean) => {
          clearTimeout(timer);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          resolve({ result, replace });
        };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        worker.postMessage({ id, job: jobs[id] });
      });
      results[id] = outcome.result;
      onDone(++done);
      if (outcome.replace) {
        live.delete(worker);
        await worker.terminate();
        worker = await start();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, lane));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return results;
}

/**
 * A worker of the bundle. It is JavaScript: a parent started with `--import tsx` (the benchmarks, scripts) would
 * have it load tsx and send each import through tsx's loader thread for nothing (134 ms of a 555 ms start).
 */
function bundledWorker(url: URL, options: WorkerOptions): Worker {
  try {
    return new Worker(url, { ...options, execArgv: workerArgv(process.execArgv) });
  } catch (error) {
    // An option a worker refuses that workerArgv let through: the parent's options, as before.
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(url, options);
  }
}

/** Options that take their value as the next argument (`--import x`). */
const WITH_VALUE =
  /^(--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--(cpu|heap)-prof-(dir|name|interval))$/;
/** What a worker accepts and acts on. V8's and the process's own options (--max-old-space-size) are refused. */
const FOR_WORKERS =
  /^(--import|--require|-r|--loader|--conditions|-C|--(cpu|heap)-prof|--enable-source-maps|--no-warnings|--no-deprecation|--experimental-|--trace-warnings|--trace-uncaught)/;
/** tsx, loaded by one of those options. */
const TSX = /^tsx(\/|$)/;

/** The parent's options that a worker of the bundle takes: without tsx and without those workers refuse. */
function workerArgv(execArgv: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const [flag, inline] = execArgv[i].split(/=(.*)/s, 2);
    const value = inline ?? (WITH_VALUE.test(flag) ? execArgv[++i] : undefined);
    if (
      !FOR_WORKERS.test(flag) ||
      (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(flag) && TSX.test(value ?? ''))
    )
      continue;
    kept.push(inline === undefined && value !== undefined ? `${flag}=${value}` : execArgv[i]);
  }
  return kept;
}

function firstLine(text: string | undefined): string {
  return (text ?? 'unknown error').split('\n')[0];
}
