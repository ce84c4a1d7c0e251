import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { seedPath, withTempDir } from '../helpers/seeds.ts';

/**
 * A full disk and a read-only folder, for real: a small tmpfs (mounting
 * needs root, as in CI here; elsewhere the full-disk case is skipped with
 * the reason) and a folder the user cannot write (chmod, or a tmpfs
 * remounted read-only when the tests run as root, whom chmod does not stop).
 */
function mount(args: string[]): string | null {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

const root = process.getuid?.() === 0;
const cannotMount = root ? null : 'the full-disk test mounts a small tmpfs, which needs root';
if (cannotMount) console.log(`disk-faults: skipped the full disk (${cannotMount})`);

async function withTmpfs<T>(dir: string, size: string, work: (folder: string) => Promise<T>): Promise<T> {
  const folder = join(dir, 'disk');
  await mkdir(folder);
  const failed = mount(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder]);
  if (failed) throw new Error(`cannot mount a tmpfs: ${failed}`);
  try {
    return await work(folder);
  } finally {
    mount(['-o', 'remount,rw', folder]);
    execFileSync('umount', [folder]);
  }
}

const STACK = / {4}at |node:internal|Error: E[A-Z]+:/;

describe('a disk that is full or read-only', () => {
  it.skipIf(cannotMount !== null)(
    'a full disk: exit 2 in plain words, the store as it was, no temp file holding the space',
    async () => {
      await withTempDir(async (dir) => {
        await withTmpfs(dir, '400k', async (disk) => {
          const data = join(disk, 'store.json');
          expect((await runCli(['ingest', '--quiet', '--data', data, seedPath('000')])).code).toBe(0);
          const result = await runCli(['ingest', '--quiet', '--data', data, seedPath('001'), seedPath('002')]);
          expect(result.stderr).not.toMatch(STACK);
          expect(result.stderr).toMatch(/the disk holding .* is full; free some space and run the command again/);
          expect(result.code).toBe(2);
          expect((await runCli(['stats', '--json', '--data', data])).stdout).toContain('"letters": 1');
          const files = [...(await readdir(disk)), ...(await readdir(join(disk, 'store.json.segments')))];
          expect(files.filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
        });
      });
    },
    60_000,
  );

  it('a read-only folder: exit 2 in plain words, and the store still reads', async () => {
    await withTempDir(async (dir) => {
      const readOnly = async (folder: string) => {
        const data = join(folder, 'store.json');
        expect((await runCli(['ingest', '--quiet', '--data', data, seedPath('000')])).code).toBe(0);
        if (root) expect(mount(['-o', 'remount,ro', folder])).toBeNull();
        else await chmod(folder, 0o555);
        const result = await runCli(['ingest', '--quiet', '--data', data, seedPath('001')]);
        await chmod(folder, 0o755).catch(() => undefined);
        expect(result.stderr).not.toMatch(STACK);
        expect(result.stderr).toMatch(/read-only file system|not writable for this user/);
        expect(result.stderr).toMatch(/--data FILE/);
        expect(result.code).toBe(2);
        expect((await runCli(['stats', '--json', '--data', data])).stdout).toContain('"letters": 1');
      };
      if (root && !cannotMount) await withTmpfs(dir, '4m', readOnly);
      else await readOnly(dir);
    });
  }, 60_000);
});
