import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../domain/model.ts';
import { runCli } from '../helpers/cli.ts';
import { letterText } from '../helpers/parse.ts';
import { seedPath, withTempDir } from '../helpers/seeds.ts';

describe('innograph ingest --dry-run', () => {
  it('writes a GraphDocument with the header nodes and edges, with evidence', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'graph.json');
      const result = await runCli(['ingest', '--dry-run', '--out', out, seedPath('000'), seedPath('002')]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/ingest: 2 files → 2 read, 0 partial, 0 rejected; \d+ nodes, \d+ edges; dry run/);
      const graph = JSON.parse(await readFile(out, 'utf8')) as GraphDocument;
      for (const kind of ['Letter', 'Proposal', 'Person', 'Organization'])
        expect(graph.nodes.some((n) => n.kind === kind)).toBe(true);
      for (const type of ['ANSWERS', 'PROPOSED_BY', 'ISSUED_BY', 'CONTACT', 'CC']) {
        const edge = graph.edges.find((e) => e.type === type)!;
        expect(edge.evidence.length).toBeGreaterThan(0);
      }
      const letter = graph.nodes.find((n) => n.id === 'Letter:002_ec349f58704320cf.txt')!;
      expect(letter.props).toMatchObject({
        source: '002_ec349f58704320cf.txt',
        docNumber: '温科提复〔2024〕96号',
        date: '2024-06-26',
        dateSource: '印发',
        issuer: '温州市科学技术局',
      });
    });
  });

  it('a batch with bad files: each is named with its reason, the rest are read, the exit code says a file failed', async () => {
    await withTempDir(async (dir) => {
      await copyFile(seedPath('001'), join(dir, 'good.txt'));
      await writeFile(join(dir, 'empty.txt'), '');
      await writeFile(join(dir, 'notes.txt'), '会议纪要\n今天讨论了午餐安排。');
      await writeFile(join(dir, 'partial.txt'), letterText({ docNumber: '', signature: '', printed: '' }));
      const out = join(dir, 'graph.json');
      const result = await runCli(['ingest', '--dry-run', '--out', out, dir, join(dir, 'missing.txt')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('empty.txt: the file is empty');
      expect(result.stderr).toMatch(/notes\.txt: not a reply letter/);
      expect(result.stderr).toMatch(/partial\.txt: missing document number.*missing issuer/);
      expect(result.stderr).toContain('missing.txt: no such file or folder');
      expect(result.stdout).toMatch(/5 files → 1 read, 1 partial, 3 rejected/);
      const graph = JSON.parse(await readFile(out, 'utf8')) as GraphDocument;
      expect(
        graph.nodes
          .filter((n) => n.kind === 'Letter')
          .map((n) => n.props.source)
          .sort(),
      ).toEqual(['good.txt', 'partial.txt']);
    });
  });

  it('a partial letter alone exits 0: it was read', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'partial.txt'), letterText({ contact: '', docNumber: '' }));
      const result = await runCli(['ingest', '--dry-run', dir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('0 read, 1 partial, 0 rejected');
    });
  });

  it('no paths is a usage error', async () => {
    const result = await runCli(['ingest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('name at least one letter file or folder');
  });
});
