import { parentPort } from 'node:worker_threads';
import { readOne } from './read-one.ts';

/** A worker of the ingest pool: reads, parses and extracts the files it is sent, one message per file. */
parentPort!.on('message', async (message: { id: number; file: string }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: await readOne(message.file) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, crash: (error as Error).stack ?? String(error) });
  }
});
// Loaded (modules, dictionaries): the pool starts a file's clock only now, so start-up is not counted against the first file.
parentPort!.postMessage({ ready: true });
