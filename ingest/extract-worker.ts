import { parentPort } from 'node:worker_threads';
import { type ReadJob, readOne } from './read-one.ts';

/** A worker of the ingest pool: reads, parses and extracts the jobs it is sent (files, stored letters' text), one message each. */
parentPort!.on('message', async (message: { id: number; job: ReadJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: await readOne(message.job) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, crash: (error as Error).stack ?? String(error) });
  }
});
// Loaded (modules, dictionaries): the pool starts a file's clock only now, so start-up is not counted against the first file.
parentPort!.postMessage({ ready: true });
