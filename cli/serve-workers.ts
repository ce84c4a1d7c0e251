import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * `innograph serve` on every core: the first process forks one worker per
 * core (node:cluster), each a whole server on the same store — the embedded
 * store's read-only image, or Neo4j — listening on one shared port, the
 * first process handing each new connection to the next worker. One Node
 * process answers one request at a time; with N workers, N requests run at
 * once and a slow one holds up only its own worker.
 *
 * The first worker starts alone, so a busy port or a bad store is reported
 * once; once it listens, the line is printed and the others start; a worker that dies is replaced (at most
 * RESTARTS_PER_MINUTE a minute); SIGINT or SIGTERM stops them all.
 */
const RESTARTS_PER_MINUTE = 5;

export const WORKERS_HELP = `  --workers N        server processes (env INNOGRAPH_WORKERS; default one per
                     core, here ${availableParallelism()}); 1 serves from this process alone`;

/** The number of workers asked for, or a message saying what is wrong with it. */
export function workersFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number | string {
  const text = flag ?? env.INNOGRAPH_WORKERS;
  if (text === undefined || text === '') return availableParallelism();
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : `--workers must be a whole number from 1 to 256, got ${text}`;
}

/** Whether this process is one of the workers (it serves, and tells the first process when it listens). */
export const isServeWorker = (): boolean => cluster.isWorker;

/** In a worker: the line `serve` prints when it listens, for the first process to print once. */
export function reportListening(line: string): void {
  process.send?.({ innograph: 'listening', line });
}

/** In a worker that has stopped serving: lets go of the first process, so nothing holds this one open. */
export function leaveWorkers(): void {
  // Through the worker object: a bare process.disconnect() makes a worker exit at once, with code 0.
  cluster.worker?.disconnect();
}

/**
 * The first process: forks `count` workers running the same command line,
 * prints the first one's line with the number of workers, and waits for a
 * signal. Returns the exit code: the first worker's when it could not start.
 */
export async function superviseWorkers(count: number): Promise<number> {
  const workers = new Set<Worker>();
  let stopping = false;
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const worker of workers) worker.process.kill('SIGTERM');
    if (workers.size === 0) resolveDone(code);
  };
  const restarts: number[] = [];
  // Taken before any worker starts: a signal during start-up stops the workers too.
  process.once('SIGINT', () => stop());
  process.once('SIGTERM', () => stop());
  cluster.on('exit', (worker, code, signal) => {
    if (!workers.delete(worker)) return;
    if (stopping) {
      if (workers.size === 0) resolveDone(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - 60_000) restarts.shift();
    const how = signal ?? `exit code ${code}`;
    if (restarts.length > RESTARTS_PER_MINUTE) {
      console.error(`innograph serve: workers keep stopping (the last with ${how}); stopping. See the messages above.`);
      return stop(1);
    }
    console.error(`innograph serve: a worker stopped (${how}); starting another`);
    void start().then((started) => {
      if (typeof started === 'number') {
        if (workers.size === 0) stop(1);
      } else if (!stopping) console.log(`innograph: ${workers.size} of ${count} workers serving`);
    });
  });

  /** Forks a worker and waits until it listens (its line) or exits first (its exit code). */
  const start = (): Promise<{ line: string } | number> => {
    const worker = cluster.fork();
    return new Promise((resolve) => {
      const onExit = (code: number | null) => resolve(code ?? 1);
      worker.once('exit', onExit);
      worker.on('message', (message: { innograph?: string; line?: string }) => {
        if (message?.innograph !== 'listening') return;
        worker.off('exit', onExit);
        workers.add(worker);
        if (stopping) worker.process.kill('SIGTERM');
        resolve({ line: String(message.line) });
      });
    });
  };

  const first = await start();
  if (typeof first === 'number') {
    stopping = true;
    return first;
  }
  // The first worker serves already: say where, then start the others beside it.
  console.log(`${first.line} · ${count} worker processes`);
  void Promise.all(Array.from({ length: count - 1 }, () => start())).then(() => {
    if (!stopping) console.log(`innograph: ${workers.size} of ${count} workers serving`);
  });
  return done;
}
