import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `innograph serve` as its own process (one worker per core by default), as
 * a user runs it: the API benchmark loads it from another process, and its
 * memory is the sum of its processes'.
 */
const BIN = fileURLToPath(new URL('../bin/innograph.js', import.meta.url));

export interface ServedStore {
  url: string;
  workers: number;
  /** Resident memory of the server's processes now, MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export type StoreToServe = { data: string } | { neo4jUri: string };

export async function serveProcess(store: StoreToServe, workers: number): Promise<ServedStore> {
  const args = [BIN, 'serve', '--port', '0', '--workers', String(workers)];
  const env = { ...process.env, NEO4J_URI: '' };
  if ('data' in store) args.push('--data', store.data);
  else
    Object.assign(env, {
      NEO4J_URI: store.neo4jUri,
      NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
      INNOGRAPH_STORE: 'neo4j',
    });
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const address = /GraphQL (http:\/\/\S+)\/graphql/.exec(out)?.[1];
      // One worker serves once it prints its line; several, once all say they serve.
      if (address && (workers === 1 || out.includes(`${workers} of ${workers} workers serving`))) resolve(address);
    });
    child.on('exit', (code) => reject(new Error(`innograph serve exited with ${code}: ${out}`)));
  });
  const pids = () => [child.pid!, ...childrenOf(child.pid!)];
  return {
    url,
    workers,
    rssMiB: () => Math.round(pids().reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
