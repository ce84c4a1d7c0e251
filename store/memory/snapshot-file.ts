import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { StoreBusyError } from '../../domain/errors.ts';
import { StoreNotWritableError, whyNotWritable } from './store-errors.ts';

/**
 * The embedded store's manifest stamp (to notice another process's change)
 * and its write lock. One writer at a time: `<path>.lock` holds the writer's
 * pid; a lock whose process is gone is taken over, a live one refuses the
 * second writer with a clear message. (The files themselves: segments.ts.)
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

export async function stampOf(path: string): Promise<FileStamp | null> {
  const info = await stat(path).catch(() => null);
  return info ? { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino } : null;
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino);
}

/**
 * Takes the write lock or throws StoreBusyError; returns the release function.
 * A folder that cannot be written (read-only, full) is StoreNotWritableError:
 * the first thing a writer does is take the lock, so it is refused before any work.
 */
export async function lockSnapshot(path: string): Promise<() => Promise<void>> {
  const lock = `${path}.lock`;
  // The lock appears whole or not at all: its content is written to a file of this process, then
  // hard-linked into place (link fails if the lock exists), so a writer killed midway never leaves an empty lock.
  const mine = `${lock}.${process.pid}`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(mine, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  } catch (error) {
    await rm(mine, { force: true }).catch(() => undefined);
    throw new StoreNotWritableError(path, `${whyNotWritable(error, dirname(path))}; nothing was changed`, {
      cause: error,
    });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await link(mine, lock);
      await rm(mine, { force: true });
      return async () => {
        await rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        await rm(mine, { force: true });
        throw new StoreNotWritableError(path, `${whyNotWritable(error, dirname(path))}; nothing was changed`, {
          cause: error,
        });
      }
      const holder = await readFile(lock, 'utf8')
        .then((t) => JSON.parse(t) as { pid: number; host: string; since: string })
        .catch(() => null);
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        await rm(lock, { force: true });
        continue;
      }
      await rm(mine, { force: true });
      throw new StoreBusyError(
        `another innograph process (pid ${holder?.pid ?? '?'} since ${holder?.since ?? '?'}) is writing ${path}; wait for it to finish, or delete ${lock} if no such process runs`,
      );
    }
  }
  await rm(mine, { force: true });
  throw new StoreBusyError(`could not take the lock ${lock}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
