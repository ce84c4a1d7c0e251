import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/random.ts';
import { ingestFiles, removeSources } from '../../ingest/ingest-files.ts';
import { ReadingCache } from '../../ingest/reading-cache.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { runCli } from '../helpers/cli.ts';
import { REPO_ROOT, seedPath, withTempDir } from '../helpers/seeds.ts';
import { lines } from '../helpers/graph-lines.ts';

/**
 * Issue 23: every write is all or nothing. `innograph ingest` and `innograph remove` are killed (-9) at
 * random moments of their run; the store must then open as the old state or the new one, never between,
 * and running the command again must finish the job. A second writer is refused before it does any work,
 * or waits with --wait.
 */
const IN_THIS_THREAD = { workers: 0 } as const;

async function state(path: string): Promise<string[]> {
  return lines(await wholeGraph(new MemoryStore({ path })));
}

/** Starts the CLI and kills it after `ms`; resolves when it has exited (killed, or done before). */
function killedAfter(args: string[], ms: number): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/innograph.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: '' },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'done');
    });
  });
}

describe('a writer killed at any moment', () => {
  it.each([
    {
      command: 'ingest',
      args: (data: string) => ['ingest', '--quiet', '--data', data, seedPath('003'), seedPath('004')],
    },
    { command: 'remove', args: (data: string) => ['remove', '--data', data, '001_04a38ffad57288c3.txt'] },
  ])(
    'innograph $command: the store opens as before or after, and running it again finishes the job',
    async ({ command, args }) => {
      await withTempDir(async (dir) => {
        const base = join(dir, 'base');
        const data = (root: string) => join(root, 'store.json');
        const cache = (root: string) => new ReadingCache(`${data(root)}.readings`);
        await ingestFiles(['000', '001', '002'].map(seedPath), new MemoryStore({ path: data(base) }), {
          ...IN_THIS_THREAD,
          cache: cache(base),
        });
        const before = await state(data(base));
        // The state after, from a run left to finish; its length sets the range of moments to kill at.
        const done = join(dir, 'done');
        await cp(base, done, { recursive: true });
        const started = performance.now();
        expect((await runCli(args(data(done)))).code).toBe(0);
        const duration = performance.now() - started;
        const after = await state(data(done));
        expect(after).not.toEqual(before);

        const rand = random(command === 'ingest' ? 11 : 12);
        const outcomes = { killed: 0, done: 0, old: 0, new: 0 };
        for (let round = 0; round < 5; round++) {
          const run = join(dir, `run-${round}`);
          await cp(base, run, { recursive: true });
          outcomes[await killedAfter(args(data(run)), Math.floor(rand() * duration))]++;
          const seen = await state(data(run));
          expect([before, after]).toContainEqual(seen);
          outcomes[JSON.stringify(seen) === JSON.stringify(before) ? 'old' : 'new']++;
          // Run again (the killed writer's lock names a dead process: it is taken over): the job is finished.
          const store = new MemoryStore({ path: data(run) });
          if (command === 'ingest')
            await ingestFiles([seedPath('003'), seedPath('004')], store, { ...IN_THIS_THREAD, cache: cache(run) });
          else await removeSources(['001_04a38ffad57288c3.txt'], store, { ...IN_THIS_THREAD, cache: cache(run) });
          expect(await state(data(run))).toEqual(after);
        }
        expect(outcomes.killed).toBeGreaterThan(0);
      });
    },
    240_000,
  );
});

describe('a second writer', () => {
  it('is refused before it does any work, or waits with --wait until the first is done', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      const store = new MemoryStore({ path: data });
      await ingestFiles([seedPath('000')], store, IN_THIS_THREAD);
      const first = await store.beginWrite();
      try {
        const refused = await runCli(['ingest', '--data', data, seedPath('001')]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/another innograph process \(pid \d+ since .*\) is writing/);
        // Refused before it read anything.
        expect(refused.stderr).not.toMatch(/reading/);
      } finally {
        setTimeout(() => void first.release(), 1500);
      }
      const waited = await runCli(['ingest', '--quiet', '--wait', '30', '--data', data, seedPath('001')]);
      expect(waited.code).toBe(0);
      expect(JSON.parse((await runCli(['stats', '--json', '--data', data])).stdout)).toMatchObject({ letters: 2 });
    });
  }, 120_000);
});
