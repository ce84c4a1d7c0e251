import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, withTempDir } from '../helpers/seeds.ts';

/**
 * The architecture's arrows are checked by `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs),
 * which CI runs before the tests. Here the same check runs on a small tree that breaks them — an import
 * cycle, the API importing ingest, the store importing the API — and must fail, naming each; on this
 * repository it must pass.
 */
const run = promisify(execFile);
const DEPCRUISE = join(REPO_ROOT, 'node_modules/.bin/depcruise');
const CONFIG = join(REPO_ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string, folders: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, [...folders, '--config', CONFIG, '--output-type', 'err'], { cwd });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('the import rules CI enforces', () => {
  it('a cycle, api → ingest and store → api each fail the check, by name', async () => {
    await withTempDir(async (dir) => {
      for (const folder of ['api', 'ingest', 'store']) await mkdir(join(dir, folder));
      await copyFile(join(REPO_ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      await writeFile(join(dir, 'api/a.ts'), "import { b } from '../ingest/b.ts';\nexport const a = b;\n");
      await writeFile(
        join(dir, 'ingest/b.ts'),
        "import { d } from './d.ts';\nexport const b = 1;\nexport const c = d;\n",
      );
      await writeFile(
        join(dir, 'ingest/d.ts'),
        "import { c } from './b.ts';\nexport const d = 2;\nexport const e = c;\n",
      );
      await writeFile(join(dir, 'store/s.ts'), "import { a } from '../api/a.ts';\nexport const s = a;\n");
      const { code, out } = await cruise(dir, ['api', 'ingest', 'store']);
      expect(code).not.toBe(0);
      expect(out).toMatch(/no-cycles: ingest\/b\.ts/);
      expect(out).toMatch(/api-not-ingest: api\/a\.ts → ingest\/b\.ts/);
      expect(out).toMatch(/store-not-ingest: store\/s\.ts → api\/a\.ts/);
    });
  }, 60_000);

  it('this repository keeps them', async () => {
    const { code, out } = await cruise(REPO_ROOT, ['domain', 'ingest', 'store', 'api', 'cli', 'web', 'bench']);
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  }, 60_000);
});
