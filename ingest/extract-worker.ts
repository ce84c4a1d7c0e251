import { parentPort } from 'node:worker_threads';
import { type ReadJob, readOne } from './read-one.ts';
import { warmUp } from './warm-up.ts';

/** A worker of the ingest pool: reads, parses and extracts the jobs it is sent (files, stored letters' text), one message each. */
parentPort!.on('message', async (message: { id: number; job: ReadJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: await readOne(message.job) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, crash: (error as Error).stack ?? String(error) });
  }
});
// Loaded (modules, dictionaries) and warmed (one short letter read): the pool starts a file's clock only now,
// so the worker's start-up is not counted against its first file.
warmUp();
parentPort!.postMessage({ ready: true });
