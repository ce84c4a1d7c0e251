import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../cli/write-output.ts';
import { runCli } from '../helpers/cli.ts';
import { seedPath, withTempDir } from '../helpers/seeds.ts';

/** An output file that cannot be written is a coded error in plain words, naming the file and what to do. */
describe('writeOutput (innograph ingest --out, export --out)', () => {
  it.each([
    [
      'a folder that does not exist',
      (dir: string) => join(dir, 'no-such-folder', 'graph.json'),
      /the folder .*no-such-folder does not exist; create it or choose another place with --out FILE/,
    ],
    ['a path that is a folder', (dir: string) => dir, /the path is a folder; name a file in it with --out FILE/],
    ['a path under a file', (dir: string) => join(dir, 'file.txt', 'graph.json'), /is a file, not a folder/],
  ])('%s', async (_name, target, reason) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'file.txt'), 'x');
      await mkdir(join(dir, 'sub'));
      const error = await writeOutput(target(dir), '{}').then(
        () => null,
        (e: unknown) => e as Error & { code?: string },
      );
      expect(error?.code).toBe('OUTPUT_NOT_WRITABLE');
      expect(error?.message).toMatch(reason);
      expect(error?.message).not.toMatch(/ENOENT|EISDIR|ENOTDIR/);
    });
  });

  it('writes the file when it can', async () => {
    await withTempDir(async (dir) => {
      await writeOutput(join(dir, 'graph.json'), '{"nodes":[]}');
      expect(await readFile(join(dir, 'graph.json'), 'utf8')).toBe('{"nodes":[]}');
    });
  });

  it('a full disk (/dev/full) says the disk is full, not ENOSPC', async () => {
    const error = await writeOutput('/dev/full', '{}').then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error?.message).toMatch(/the disk holding \/dev is full; free some space/);
    expect(error?.message).not.toMatch(/ENOSPC/);
  });
});

describe('innograph ingest/export --out a path that cannot be written', () => {
  it('ingest refuses before any work: exit 2, a plain message, no store made', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      const out = join(dir, 'missing', 'graph.json');
      const run = await runCli(['ingest', '--quiet', '--data', data, '--out', out, seedPath('000')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cannot write .*graph\.json: the folder .*missing does not exist/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(data)).toBe(false);
    });
  }, 60_000);

  it('export to a folder: exit 2 and what to do; to a good path: the graph', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      expect((await runCli(['ingest', '--quiet', '--data', data, seedPath('000')])).code).toBe(0);
      const refused = await runCli(['export', '--data', data, '--out', dir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/the path is a folder; name a file in it with --out FILE/);
      const out = join(dir, 'graph.json');
      expect((await runCli(['export', '--data', data, '--out', out])).code).toBe(0);
      expect(JSON.parse(await readFile(out, 'utf8')).nodes.length).toBeGreaterThan(0);
    });
  }, 60_000);
});
