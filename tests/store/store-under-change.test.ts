import { existsSync } from 'node:fs';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../../domain/errors.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { segmentFolder } from '../../store/memory/segments.ts';
import { runCli } from '../helpers/cli.ts';
import { LETTERS_DIR, seedPath, withTempDir } from '../helpers/seeds.ts';

async function ingestInto(path: string, paths: string[]): Promise<void> {
  await ingestFiles(paths, new MemoryStore({ path }));
}

describe('the embedded store while another process changes it', () => {
  it('50 reads that find the store changed load it once, and all see the change', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [seedPath('000')]);
      const reader = new MemoryStore({ path });
      expect((await reader.stats()).letters).toBe(1);
      expect(reader.loads).toBe(1);
      await ingestInto(path, [seedPath('001')]);
      const answers = await Promise.all(Array.from({ length: 50 }, () => reader.stats()));
      expect(answers.map((a) => a.letters)).toEqual(Array(50).fill(2));
      expect(reader.loads).toBe(2);
    });
  });

  it('the server’s store loads a change off the request path; a pinned request keeps its version', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [seedPath('000')]);
      const served = new MemoryStore({ path, reload: 'background', pollMs: 20 });
      try {
        const request = await served.pinned();
        expect((await request.stats()).letters).toBe(1);
        await ingestInto(path, [seedPath('001'), seedPath('002')]);
        await vi.waitFor(async () => expect((await served.stats()).letters).toBe(3), { timeout: 20_000, interval: 20 });
        // The request that started before the change still reads the graph it started with.
        expect((await request.stats()).letters).toBe(1);
        expect((await request.getNodes(['Letter:001_04a38ffad57288c3.txt']))[0]).toBeNull();
        expect((await (await served.pinned()).stats()).letters).toBe(3);
      } finally {
        await served.close();
      }
    });
  });

  it('a damaged change seen in the background keeps the server on the version it has', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [seedPath('000')]);
      const served = new MemoryStore({ path, reload: 'background', pollMs: 20 });
      try {
        expect((await served.stats()).letters).toBe(1);
        await writeFile(
          path,
          '{"format":"innograph-snapshot","version":2,"shared":[],"letters":{"Letter:x":["gone.jsonl",0,10]}}',
        );
        await new Promise((r) => setTimeout(r, 200));
        expect((await served.stats()).letters).toBe(1);
      } finally {
        await served.close();
      }
    });
  });
});

describe('the embedded store’s segmented files', () => {
  it('a one-letter change writes that letter only, and leaves no garbage', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await ingestInto(path, [LETTERS_DIR]);
      const before = await readdir(segmentFolder(path));
      expect(before).toHaveLength(1);
      // 003 again with another document number: only its own part changes.
      const changed = join(dir, 'changed', '003_8026abd5319cce3e.txt');
      await mkdir(join(dir, 'changed'));
      await writeFile(changed, (await readFile(seedPath('003'), 'utf8')).replace(/〔2024〕\d+号/, '〔2024〕999号'));
      await ingestInto(path, [changed]);
      const after = await readdir(segmentFolder(path));
      const added = after.filter((f) => !before.includes(f));
      expect(added).toHaveLength(1);
      const lines = (await readFile(join(segmentFolder(path), added[0]), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]).letter).toBe('Letter:003_8026abd5319cce3e.txt');
      expect((await new MemoryStore({ path }).stats()).letters).toBe(5);
    });
  });

  it('the next writer removes the *.tmp files a killed writer left', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await mkdir(segmentFolder(path), { recursive: true });
      await writeFile(`${path}.4242.tmp`, '{"half');
      await writeFile(`${path}.0123456789abcdef.image.4242.tmp`, 'INNOIMG1 half');
      await writeFile(join(segmentFolder(path), 'abc.jsonl.4242.tmp'), '{"half');
      // Another store's file in the same folder, whose name starts with this one's: not this writer's to remove.
      await writeFile(`${path}.old.json.4242.tmp`, '{"theirs');
      await ingestInto(path, [seedPath('000')]);
      expect(existsSync(`${path}.4242.tmp`)).toBe(false);
      expect(existsSync(`${path}.0123456789abcdef.image.4242.tmp`)).toBe(false);
      expect(existsSync(`${path}.old.json.4242.tmp`)).toBe(true);
      expect(existsSync(join(segmentFolder(path), 'abc.jsonl.4242.tmp'))).toBe(false);
    });
  });

  it('reads a single-file snapshot of the previous format and migrates it on the next write', async () => {
    await withTempDir(async (dir) => {
      const old = join(dir, 'old.json');
      const path = join(dir, 'store.json');
      await ingestInto(old, [seedPath('000'), seedPath('001')]);
      const store = new MemoryStore({ path: old });
      const nodes = (await store.stats()).nodes;
      // Write the same graph as the previous format did: one JSON file holding every fragment.
      const fragments = await Promise.all(
        (await readdir(segmentFolder(old))).map((f) => readFile(join(segmentFolder(old), f), 'utf8')),
      );
      const decoded = (await import('../../store/memory/segments.ts')).readStore;
      const disk = await decoded(old);
      await writeFile(
        path,
        JSON.stringify({
          format: 'innograph-snapshot',
          version: 1,
          shared: disk.shared,
          fragments: [...disk.fragments.values()].map((f) => f.fragment),
        }),
      );
      expect(fragments.length).toBeGreaterThan(0);
      expect(await new MemoryStore({ path }).stats()).toMatchObject({ letters: 2, nodes });
      await ingestInto(path, [seedPath('002')]);
      expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(3);
      expect((await new MemoryStore({ path }).stats()).letters).toBe(3);
    });
  });

  it('a file with a valid header but a broken body is a store error, and the CLI exits 2', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(
        path,
        JSON.stringify({
          format: 'innograph-snapshot',
          version: 1,
          shared: [],
          fragments: [{ letter: 'Letter:x.txt', nodes: [{ id: 'a' }], edges: 7 }],
        }),
      );
      await expect(new MemoryStore({ path }).stats()).rejects.toThrow(StoreUnavailableError);
      await expect(new MemoryStore({ path }).stats()).rejects.toThrow(/damaged/);
      const cli = await runCli(['stats', '--data', path]);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toMatch(/damaged/);
      expect(cli.stderr).not.toMatch(/TypeError| {4}at /);
    });
  });

  it('a manifest naming a missing segment is a store error', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(
        path,
        '{"format":"innograph-snapshot","version":2,"shared":[],"letters":{"Letter:x":["gone.jsonl",0,10]}}',
      );
      await expect(new MemoryStore({ path }).stats()).rejects.toThrow(StoreUnavailableError);
    });
  });
});
