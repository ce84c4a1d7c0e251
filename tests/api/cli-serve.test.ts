import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { REPO_ROOT, seedPath, withTempDir } from '../helpers/seeds.ts';

describe('innograph serve', () => {
  it('serves what `innograph ingest` stored, and stops on SIGTERM', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      expect((await runCli(['ingest', '--quiet', '--data', data, seedPath('001')])).code).toBe(0);
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'bin/innograph.js'), 'serve', '--port', '0', '--data', data],
        { cwd: REPO_ROOT, env: { ...process.env, NEO4J_URI: '' } },
      );
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /GraphQL (http:\/\/\S+)\/graphql/.exec(String(d));
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const health = await (await fetch(`${url}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', store: { ok: true } });
      const answer = await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stats { letters } }' }),
        })
      ).json();
      expect(answer.data.stats.letters).toBe(1);
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    });
    // An ingest and a server's start in processes of their own: slow on a loaded machine, and no speed check.
  }, 90_000);

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const result = await runCli(['serve', '--port', String(port), '--data', '/nonexistent/store.json']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the port is in use; pass --port');
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad port', async () => {
    const result = await runCli(['serve', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be 0 to 65535');
  });
});
