import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../../api/examples.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { runCli } from '../helpers/cli.ts';
import { LETTERS_DIR, REPO_ROOT } from '../helpers/seeds.ts';
import { startServer } from '../helpers/server.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/**
 * `innograph serve --workers 2`: two server processes on one port answer
 * every example query as one server in this process does on the same store;
 * a worker that dies is replaced while the other answers; SIGTERM stops them
 * all; a busy port is reported once.
 */
let dir: string;
let data: string;
let child: ChildProcess;
let url: string;
let stderr = '';
let stdout = '';

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The fields after the command name (which may hold spaces) start with the state, then the parent's pid.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const workerPids = () =>
  childrenOf(child.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('innograph.js'));

async function post(query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

/** One request on a connection of its own (a kept-alive one to a killed worker is reset, as with any server that dies). */
function postOnNewConnection(query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/graphql`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', accept: 'application/json' } },
      (response) => {
        let body = '';
        response.on('data', (d: Buffer) => (body += d));
        response.on('end', () => resolve(JSON.parse(body)));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 200)))
    if (check()) return true;
  return check();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'innograph-workers-'));
  data = join(dir, 'store.json');
  expect((await runCli(['ingest', '--quiet', '--data', data, LETTERS_DIR])).code).toBe(0);
  child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin/innograph.js'), 'serve', '--port', '0', '--workers', '2', '--data', data],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: '' },
    },
  );
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d;
  });
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d;
      const m = /GraphQL (http:\/\/\S+)\/graphql .* · 2 worker processes/.exec(String(d));
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) {
    for (const pid of workerPids()) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
});

describe('innograph serve --workers 2', () => {
  it('runs two server processes that answer every example query as one server does', { timeout: 120_000 }, async () => {
    expect(await until(() => stdout.includes('innograph: 2 of 2 workers serving'), 60_000)).toBe(true);
    expect(workerPids()).toHaveLength(2);
    const single = await startServer(new MemoryStore({ path: data }));
    try {
      for (const { name, query } of exampleQueries()) {
        // Several at once, so both workers answer.
        const answers = await Promise.all([post(query), post(query), post(query), post(query)]);
        const expected = await single.gql(query);
        for (const answer of answers) expect(answer, name).toEqual(expected);
      }
    } finally {
      await single.close();
    }
  });

  it('replaces a worker that dies, answering meanwhile', async () => {
    const [victim, other] = workerPids();
    process.kill(victim, 'SIGKILL');
    // A connection handed to the worker at the moment it dies is lost, as with any server that dies: ask once it is known dead.
    expect(await until(() => stderr.includes('a worker stopped (SIGKILL); starting another'), 20_000)).toBe(true);
    const answers = await Promise.all(Array.from({ length: 6 }, () => postOnNewConnection('{ stats { letters } }')));
    for (const answer of answers) expect(answer).toEqual({ data: { stats: { letters: 5 } } });
    const serving = (text: string) => text.split('innograph: 2 of 2 workers serving').length - 1;
    expect(await until(() => serving(stdout) === 2, 60_000)).toBe(true);
    expect(workerPids()).not.toContain(victim);
    expect(workerPids()).toHaveLength(2);
    expect(workerPids()).toContain(other);
  }, 90_000);

  it('says once that the port is taken, with exit code 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const result = await runCli(['serve', '--port', String(port), '--workers', '2', '--data', data]);
      expect(result.code).toBe(2);
      expect(result.stderr.match(/the port is in use/g)).toHaveLength(1);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('refuses a bad number of workers', async () => {
    const result = await runCli(['serve', '--workers', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--workers must be a whole number from 1 to 256, got many');
  });

  it('stops every worker on SIGTERM, with exit code 0', async () => {
    const workers = workerPids();
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    for (const pid of workers)
      expect(await until(() => !readdirSync('/proc').includes(String(pid)), 10_000)).toBe(true);
  }, 30_000);
});
