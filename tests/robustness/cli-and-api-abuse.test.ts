import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { LETTERS_DIR, REPO_ROOT, seedPath, seedText, withTempDir } from '../helpers/seeds.ts';
import { seededStore, startServer } from '../helpers/server.ts';

type Exported = {
  nodes: Array<{ id: string; mentions: unknown[] }>;
  edges: Array<{ type: string; source: string; target: string; evidence: unknown[] }>;
};

async function exported(data: string, dir: string): Promise<Exported> {
  const out = join(dir, `export-${Math.random().toString(36).slice(2)}.json`);
  expect((await runCli(['export', '--data', data, '--out', out])).code).toBe(0);
  return JSON.parse(await readFile(out, 'utf8'));
}

/** Each node with its mention count and each edge with its evidence count: what a change of batching must not change. */
function shape(graph: Exported) {
  return {
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.id, n.mentions.length])),
    edges: Object.fromEntries(graph.edges.map((e) => [`${e.type}|${e.source}|${e.target}`, e.evidence.length])),
  };
}

describe('ingest order does not change the graph', () => {
  it('re-ingesting one letter alone leaves the graph the batch made (基金村, 双尖双领 stay)', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      expect((await runCli(['ingest', '--quiet', '--data', data, LETTERS_DIR])).code).toBe(0);
      const batch = shape(await exported(data, dir));
      expect(batch.nodes['Platform:基金村']).toBeGreaterThan(0);
      expect(batch.nodes['Programme:双尖双领']).toBeGreaterThan(0);
      expect((await runCli(['ingest', '--quiet', '--data', data, seedPath('002')])).code).toBe(0);
      expect(shape(await exported(data, dir))).toEqual(batch);
    });
  }, 60_000);

  it('letters ingested one by one, in any order, give the batch’s names and mentions', async () => {
    await withTempDir(async (dir) => {
      const batchData = join(dir, 'batch.json');
      const oneData = join(dir, 'one.json');
      await runCli(['ingest', '--quiet', '--data', batchData, LETTERS_DIR]);
      for (const prefix of ['004', '002', '000', '003', '001'])
        expect((await runCli(['ingest', '--quiet', '--data', oneData, seedPath(prefix)])).code).toBe(0);
      // Named things (not the per-letter figures, whose ids carry their place) and how often each is mentioned.
      const named = (graph: Exported) =>
        Object.fromEntries(
          Object.entries(shape(graph).nodes).filter(([id]) => !/^(Commitment|Achievement|Indicator):/.test(id)),
        );
      expect(named(await exported(oneData, dir))).toEqual(named(await exported(batchData, dir)));
    });
  }, 120_000);
});

describe('the command line under odd use', () => {
  it('a second file with a stored letter’s document number is reported, naming both', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      await runCli(['ingest', '--quiet', '--data', data, seedPath('004')]);
      const copy = join(dir, 'copy-of-92.txt');
      await writeFile(copy, seedText('004'));
      const again = await runCli(['ingest', '--quiet', '--data', data, copy]);
      expect(again.stderr).toMatch(
        /⚠ .*copy-of-92\.txt.*004_b9feebffa1582534\.txt \(already stored\).*温科提复〔2024〕92号|⚠ .*004_b9feebffa1582534\.txt \(already stored\).*copy-of-92\.txt.*温科提复〔2024〕92号/,
      );
    });
  }, 60_000);

  it('under --quiet, a batch where many numbers repeat names the first ten and counts the rest', async () => {
    await withTempDir(async (dir) => {
      // Twelve pairs of letters, each pair under one document number of its own: twelve warnings.
      for (let n = 1; n <= 12; n++)
        for (const copy of ['a', 'b'])
          await writeFile(join(dir, `${n}${copy}.txt`), seedText('004').replaceAll('〔2024〕92号', `〔2024〕${n}号`));
      const run = await runCli(['ingest', '--quiet', '--data', join(dir, 'store.json'), dir]);
      expect(run.code).toBe(0);
      const warnings = run.stderr.split('\n').filter((line) => line.startsWith('⚠'));
      expect(warnings).toHaveLength(11);
      expect(warnings.slice(0, 10).every((w) => /carry the same document number 温科提复〔2024〕\d+号/.test(w))).toBe(
        true,
      );
      expect(warnings[10]).toBe('⚠ … and 2 more warnings (run without --quiet to list them all)');
      expect(run.stdout).toMatch(/^ingest: 24 files → 24 read/);
    });
  }, 60_000);

  it('ingesting a missing file stores nothing and says so', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      const result = await runCli(['ingest', '--data', data, join(dir, 'no-such-letter.txt')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no such file or folder');
      expect(result.stdout).toContain('nothing stored (no letter was read)');
      expect(result.stdout).not.toMatch(/nodes, \d+ edges in store/);
      expect(existsSync(data)).toBe(false);
    });
  });

  it('remove takes the path a letter was ingested from, as well as its base name', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      await runCli(['ingest', '--quiet', '--data', data, LETTERS_DIR]);
      const removed = await runCli(['remove', '--data', data, 'data/letters/001_04a38ffad57288c3.txt']);
      expect(removed.code).toBe(0);
      expect(removed.stdout).toContain('removed 001_04a38ffad57288c3.txt');
      expect((await runCli(['stats', '--json', '--data', data])).stdout).toContain('"letters": 4');
    });
  }, 60_000);

  it('`innograph stats | head -1`: a reader that went away ends the command quietly', async () => {
    await withTempDir(async (dir) => {
      const data = join(dir, 'store.json');
      await runCli(['ingest', '--quiet', '--data', data, seedPath('000')]);
      const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/innograph.js'), 'stats', '--data', data], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reader closes its end before the command writes: every write meets EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d;
      });
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
      expect(stderr).not.toMatch(/EPIPE|Error| {4}at /);
      expect(code).toBe(0);
    });
  });
});

describe('the API under abusive queries', () => {
  it('a query nested 5,000 deep is QUERY_TOO_DEEP; 3,000 repeated fields get a coded error', async () => {
    const server = await startServer(await seededStore());
    try {
      const deep = await server.gql(`{ node(id: "x") { ${'a { '.repeat(5000)}id${' }'.repeat(5000)} } }`);
      expect(deep.status).toBe(400);
      expect(deep.body.errors![0].extensions?.code).toBe('QUERY_TOO_DEEP');
      const repeated = await server.gql(`{ stats { ${'letters '.repeat(3000)} } }`);
      expect(repeated.body.errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(repeated.body.errors![0].message).not.toBe('Validation aborted.');
      // The server is still fine.
      expect((await server.gql('{ stats { letters } }')).body.data?.stats.letters).toBe(5);
    } finally {
      await server.close();
    }
  });
});

describe('the server’s log', () => {
  it('an answered bad request (a coded error) prints no stack trace', async () => {
    const server = await startServer(await seededStore());
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const answer = await server.gql('{ commitments(filter: { chain: "water" }) { totalCount } }');
      expect(answer.body.errors![0].extensions?.code).toBe('BAD_REQUEST');
      expect((await server.gql('{ node(id: "Platform:不存在") { id } }')).status).toBe(200);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      await server.close();
    }
  });
});
