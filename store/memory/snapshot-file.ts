import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { StoreBusyError, StoreUnavailableError } from '../errors.ts';
import type { GraphNode } from '../model.ts';
import type { LetterFragment } from '../letter-fragments.ts';

/**
 * The embedded store's file: one JSON snapshot of every letter's fragment.
 * Written atomically (temp file, fsync, rename, fsync of the folder), so a
 * crash mid-write leaves the previous snapshot whole. One writer at a time:
 * `<snapshot>.lock` holds the writer's pid; a lock whose process is gone is
 * taken over, a live one refuses the second writer with a clear message.
 */
export interface Snapshot {
  format: 'innograph-snapshot';
  version: 1;
  shared: GraphNode[];
  fragments: LetterFragment[];
}

export const EMPTY_SNAPSHOT: Snapshot = { format: 'innograph-snapshot', version: 1, shared: [], fragments: [] };

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

export async function readSnapshot(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_SNAPSHOT;
    throw new StoreUnavailableError(`cannot read the embedded store ${path}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: Snapshot;
  try {
    parsed = JSON.parse(text) as Snapshot;
  } catch (error) {
    throw new StoreUnavailableError(`the embedded store ${path} is not valid JSON; restore it from a backup or delete it and ingest again`, { cause: error });
  }
  if (parsed.format !== 'innograph-snapshot' || parsed.version !== 1) {
    throw new StoreUnavailableError(`${path} is not an innograph snapshot (format ${String(parsed.format)}, version ${String(parsed.version)})`);
  }
  return parsed;
}

export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await rename(temp, path);
  // The rename itself must reach the disk: fsync the folder.
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** Takes the write lock or throws StoreBusyError; returns the release function. */
export async function lockSnapshot(path: string): Promise<() => Promise<void>> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  // The lock appears whole or not at all: its content is written to a file of this process, then
  // hard-linked into place (link fails if the lock exists), so a writer killed midway never leaves an empty lock.
  const mine = `${lock}.${process.pid}`;
  await writeFile(mine, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await link(mine, lock);
      await rm(mine, { force: true });
      return async () => { await rm(lock, { force: true }); };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreUnavailableError(`cannot lock ${path}: ${(error as Error).message}`, { cause: error });
      const holder = await readFile(lock, 'utf8').then((t) => JSON.parse(t) as { pid: number; host: string; since: string }).catch(() => null);
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        await rm(lock, { force: true });
        continue;
      }
      await rm(mine, { force: true });
      throw new StoreBusyError(`another innograph process (pid ${holder?.pid ?? '?'} since ${holder?.since ?? '?'}) is writing ${path}; wait for it to finish, or delete ${lock} if no such process runs`);
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
