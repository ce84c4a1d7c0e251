import { spawn } from 'node:child_process';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreBusyError, StoreUnavailableError } from '../../domain/errors.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { segmentFolder } from '../../store/memory/segments.ts';
import { REPO_ROOT, seedPath, withTempDir } from '../helpers/seeds.ts';

function startWriter(path: string): Promise<{ kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'tests/helpers/store-writer.ts'), path, seedPath('001')],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    child.stdout.once('data', () => {
      child.removeAllListeners('exit');
      resolve({
        kill: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
  });
}

describe('the embedded store’s snapshot file', () => {
  it('a writer killed mid-write leaves a loadable store with the old or the new letter, never half', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      for (const delay of [5, 40, 90, 150, 230, 320]) {
        const writer = await startWriter(path);
        await new Promise((r) => setTimeout(r, delay));
        await writer.kill();
        const store = new MemoryStore({ path });
        const stats = await store.stats();
        expect(stats.letters).toBe(1);
        const [letter] = await store.getNodes(['Letter:letter.txt']);
        const [enterprise] = await store.getNodes(['Enterprise:正泰集团']);
        // Version one names 正泰集团 under number 109; version two has neither.
        if (letter!.props.docNumber === '温科提复〔2024〕109号') expect(enterprise).not.toBeNull();
        else {
          expect(letter!.props.docNumber).toBe('温科提复〔2024〕999号');
          expect(enterprise).toBeNull();
        }
      }
      // The killed writer's lock names a process that is gone: the next writer takes it over.
      await ingestFiles([seedPath('003')], new MemoryStore({ path }));
      expect((await new MemoryStore({ path }).stats()).letters).toBe(2);
      expect(existsSync(`${path}.lock`)).toBe(false);
      // Whatever the killed writers left half-written is gone, and only segments the manifest names remain.
      const left = [...(await readdir(dir)), ...(await readdir(segmentFolder(path)))];
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const named = new Set(
        Object.values(JSON.parse(await readFile(path, 'utf8')).letters as Record<string, [string]>).map(
          (ref) => ref[0],
        ),
      );
      expect((await readdir(segmentFolder(path))).sort()).toEqual([...named].sort());
    });
  }, 240_000);

  it('refuses a second writer while a live process holds the lock, and says who', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(
        `${path}.lock`,
        JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }),
      );
      const error = await new MemoryStore({ path }).clear().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreBusyError);
      expect((error as Error).message).toContain(`pid ${process.pid}`);
    });
  });

  it('a reader sees what another process wrote, without restarting', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const reader = new MemoryStore({ path });
      expect((await reader.stats()).letters).toBe(0);
      await ingestFiles([seedPath('000')], new MemoryStore({ path }));
      expect((await reader.stats()).letters).toBe(1);
    });
  });

  it('a damaged snapshot is reported, not silently replaced', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(path, '{"format": "innograph-snapsh');
      const store = new MemoryStore({ path });
      await expect(store.stats()).rejects.toThrow(StoreUnavailableError);
      await expect(store.stats()).rejects.toThrow(/not valid JSON/);
      expect((await store.health()).ok).toBe(false);
    });
  });
});
