import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readOne } from '../../ingest/read-one.ts';
import { workerBundle } from '../../ingest/worker-bundle.ts';
import { extractInWorkers } from '../../ingest/worker-pool.ts';
import { LETTERS_DIR, REPO_ROOT, SEED_FILES, withTempDir } from '../helpers/seeds.ts';

/**
 * Ingest workers run a bundle of their code built on first use (ingest/worker-bundle.ts) instead of loading the
 * TypeScript through tsx. What a user would notice: a reading that differs from the one made in the CLI's own
 * thread, or a bundle that still runs the code as it was before an edit.
 */
const DEV_LETTERS = join(LETTERS_DIR, '../../../shared/dev-letters/texts');
const files = [
  ...SEED_FILES.map((f) => join(LETTERS_DIR, f)),
  ...readdirSync(DEV_LETTERS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(DEV_LETTERS, f)),
];

describe('the ingest worker bundle', () => {
  it('reads the seeds and the dev letters to the same readings as this thread and as the TypeScript worker', async () => {
    // The default pool runs the bundle: it can be built here (it is not the fallback being compared with itself).
    expect(await workerBundle()).toMatch(/extract-worker-\w+\.mjs$/);
    const inThread = [];
    for (const file of files) inThread.push(await readOne(file));
    const bundled = await extractInWorkers(files, 2, () => {}, { code: 'bundle' });
    const source = await extractInWorkers(files, 1, () => {}, { code: 'source' });
    expect(inThread.every((r) => r.ok)).toBe(true);
    expect(JSON.stringify(bundled)).toBe(JSON.stringify(inThread));
    expect(JSON.stringify(source)).toBe(JSON.stringify(inThread));
  }, 120_000);

  it('reads in workers from a process started with Node options a worker refuses and with tsx (as the benchmarks start theirs)', async () => {
    // --max-old-space-size is refused by a worker if passed on to it; --import tsx is not needed by the bundle.
    const script = [
      `const { readLetters } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'ingest/pipeline.ts')).href)});`,
      `const { outcomes } = await readLetters(${JSON.stringify(files.slice(0, 2))}, undefined, { workers: 2 });`,
      'console.log(outcomes.map((o) => o.status).join(" "));',
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=4096', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('read read');
  }, 60_000);

  it("is built once, rebuilt when a source it imports changes, finds files from its sources' place, and is missing when the sources do not build", async () => {
    await withTempDir(async (root) => {
      const spec = { root, entry: 'worker.ts', cacheDir: join(root, 'node_modules', '.cache', 'innograph') };
      // It reads a file beside it, found from its own URL, as ingest's modules may: the bundle lives elsewhere.
      await writeFile(
        join(root, 'worker.ts'),
        [
          "import { readFileSync } from 'node:fs';",
          "import { parentPort } from 'node:worker_threads';",
          "import { answer } from './answer.ts';",
          "parentPort!.postMessage(answer() + readFileSync(new URL('./mark.txt', import.meta.url), 'utf8'));",
        ].join('\n'),
      );
      await writeFile(join(root, 'mark.txt'), '!');
      const answerIs = (text: string) =>
        writeFile(join(root, 'answer.ts'), `export function answer(): string {\n  return '${text}';\n}\n`);
      const run = (file: string) =>
        new Promise<unknown>((resolve, reject) => new Worker(file).once('message', resolve).once('error', reject));

      await answerIs('first');
      const first = await workerBundle(spec);
      expect(first).not.toBeNull();
      expect(await run(first!)).toBe('first!');
      expect(await workerBundle(spec)).toBe(first);

      await answerIs('second');
      const second = await workerBundle(spec);
      expect(second).not.toBe(first);
      expect(await run(second!)).toBe('second!');

      await writeFile(join(root, 'answer.ts'), 'export function answer( {');
      expect(await workerBundle(spec)).toBeNull();
    });
  }, 60_000);
});
