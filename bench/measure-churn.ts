import { type ChildProcess, spawn } from 'node:child_process';
import { ingestFiles } from '../ingest/ingest-files.ts';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '../store/memory/memory-store.ts';

/**
 * The store under change and load: a served embedded store of N letters, 50
 * clients querying it from another process, while `innograph ingest` and
 * `innograph remove` change it from a third, over and over. Reports failed
 * requests, latency and the server's peak resident memory.
 */
export interface ChurnFigures {
  letters: number;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  changes: number;
  serverPeakRssMiB: number;
  serverAlive: boolean;
}

const BIN = fileURLToPath(new URL('../bin/innograph.js', import.meta.url));
const QUERY = '{ search(text: "实验室", first: 10) { score node { id name letterCount } } stats { letters nodes } }';

export async function measureChurn(
  corpus: string,
  storePath: string,
  clients: number,
  seconds: number,
  log: (line: string) => void = () => {},
): Promise<ChurnFigures> {
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).sort();
  if (!existsSync(storePath)) {
    log(`building the store of ${files.length} letters at ${storePath}`);
    await ingestFiles([corpus], new MemoryStore({ path: storePath }));
  }
  // The letters that come and go: copies of a few stored ones under new names, so the rest stays put.
  const churnDir = join('bench/out', 'churn-letters');
  await rm(churnDir, { recursive: true, force: true });
  await mkdir(churnDir, { recursive: true });
  for (const f of files.slice(0, 5)) await cp(join(corpus, f), join(churnDir, `churn-${f}`));
  const churnFiles = (await readdir(churnDir)).map((f) => join(churnDir, f));

  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', storePath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let alive = true;
  server.on('exit', () => {
    alive = false;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d;
      const found = /GraphQL (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  let peak = 0;
  const sampler = setInterval(() => {
    void rssMiB(server.pid!).then((mib) => {
      peak = Math.max(peak, mib);
    });
  }, 200);
  let changes = 0;
  let stop = false;
  const churn = (async () => {
    for (let k = 0; !stop; k++) {
      const file = churnFiles[k % churnFiles.length];
      await run(['ingest', '--quiet', '--data', storePath, file]);
      await run(['remove', '--data', storePath, basename(file)]);
      changes += 2;
    }
  })();
  try {
    log(`${clients} clients for ${seconds} s against ${url} while letters are ingested and removed`);
    const load = await runLoad(url, clients, seconds);
    stop = true;
    await churn;
    return { letters: files.length, clients, seconds, ...load, changes, serverPeakRssMiB: peak, serverAlive: alive };
  } finally {
    stop = true;
    clearInterval(sampler);
    server.kill('SIGTERM');
  }
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function runLoad(
  url: string,
  clients: number,
  seconds: number,
): Promise<{ requests: number; errors: number; p50: number; p95: number; p99: number }> {
  const script = fileURLToPath(new URL('./load-client.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, `${url}`, JSON.stringify(QUERY), String(clients), String(seconds)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load client exited with ${code}`)),
    );
  });
}
