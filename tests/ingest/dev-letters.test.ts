import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { withTempDir } from '../helpers/seeds.ts';

/**
 * Real reply letters of other cities and bureaus (../shared/dev-letters, beside
 * the clone in CI), scored by the project's judge (../shared/eval/score.mjs)
 * run as a separate program on the GraphDocument this project writes. The
 * thresholds: each set at the F1 and share of filled header fields it reaches,
 * no letter rejected, no two cities' things merged into one node.
 */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const DEV = join(SHARED, 'dev-letters');
const SCORER = join(SHARED, 'eval/score.mjs');
const present = existsSync(join(DEV, 'gold')) && existsSync(SCORER);
if (!present)
  console.warn(`skipping the dev-letters score: ${DEV} or ${SCORER} is not there (CI puts ../shared beside the clone)`);

interface Judged {
  result: Record<string, { p: number; r: number; f1: number; tp: number; pred: number; gold: number }> & {
    mergedDistinctGoldNames: { count: number; nodes: string[] };
  };
}

describe.skipIf(!present)('letters of other cities, scored by the shared judge', () => {
  it('every dev letter is read (none rejected), and each names who proposed what', async () => {
    const texts = readdirSync(join(DEV, 'texts'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(DEV, 'texts', f));
    const { letters, outcomes } = await readLetters(texts);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(letters).toHaveLength(texts.length);
    for (const letter of letters) {
      // A page's chrome is never the addressee: every letter has a proposer or names the proposal.
      expect(letter.letter.proposers.length + (letter.letter.proposal ? 1 : 0), letter.letter.source).toBeGreaterThan(
        0,
      );
      expect(letter.letter.addressee?.text ?? '', letter.letter.source).not.toMatch(/分享|字体|索引号|当前位置|附件/);
    }
    // A co-handling opinion (协办/会办 意见) is sent to the lead unit, which never becomes its proposer.
    const opinions = letters.filter((l) => l.letter.kind.value !== 'reply');
    expect(opinions.length, 'dev letter 06 is a 协办意见').toBeGreaterThanOrEqual(1);
    for (const opinion of opinions) {
      const lead = opinion.letter.leadUnit?.text;
      expect(lead, opinion.letter.source).toBeTruthy();
      expect(
        opinion.letter.proposers.map((p) => p.name),
        opinion.letter.source,
      ).not.toContain(lead);
    }
  });

  /**
   * Two sets held apart: 01–15 are the letters the rules were written on; 16–28 came later and were first
   * read as unseen letters (F1 0.723, header fields 47/54 before any rule was written on them). Each set has
   * its own bar at the level it reaches, never below what was measured; raise a bar as extraction improves.
   */
  it.each([
    { set: '01–15', first: 1, last: 15, f1: 1.0, header: 1.0 },
    { set: '16–28', first: 16, last: 28, f1: 0.96, header: 1.0 },
  ])(
    'letters $set reach F1 ≥ $f1 on entities and commitments and ≥ $header of filled header fields, with no wrong merge',
    async ({ set, first, last, f1, header }) => {
      await withTempDir(async (dir) => {
        const goldDir = join(dir, 'gold');
        await mkdir(goldDir);
        const gold = readdirSync(join(DEV, 'gold')).filter(
          (f) => f.endsWith('.json') && Number(f.slice(0, 2)) >= first && Number(f.slice(0, 2)) <= last,
        );
        expect(gold.length, `gold files of letters ${set}`).toBeGreaterThan(0);
        for (const g of gold) {
          await copyFile(join(DEV, 'texts', `${basename(g, '.json')}.txt`), join(dir, `${basename(g, '.json')}.txt`));
          await copyFile(join(DEV, 'gold', g), join(goldDir, g));
        }
        const { letters } = await readLetters([dir]);
        const graphFile = join(dir, 'graph.json');
        await writeFile(graphFile, JSON.stringify(graphOfLetters(letters)));
        const judged = JSON.parse(
          execFileSync(process.execPath, [SCORER, graphFile, goldDir, '--json'], { encoding: 'utf8' }),
        ) as Judged;
        const { entitiesAndCommitments, metaFilled, mergedDistinctGoldNames } = judged.result;
        console.log(
          `dev letters ${set}: F1 ${entitiesAndCommitments.f1} (P ${entitiesAndCommitments.p}, R ${entitiesAndCommitments.r}); filled header fields ${metaFilled.tp}/${metaFilled.gold}`,
        );
        expect(entitiesAndCommitments.f1).toBeGreaterThanOrEqual(f1);
        expect(metaFilled.tp / metaFilled.gold).toBeGreaterThanOrEqual(header);
        expect(mergedDistinctGoldNames.nodes).toEqual([]);
      });
    },
  );

  /**
   * Each letter on its own, judged by the same scorer: none falls below the floor, every filled header field is read.
   * The floor is the lowest letter's F1 as measured (0.857: 23, whose gold names three things in a long body; 18,
   * 0.875, a development zone the gold calls an organisation); the aim is 0.92 each.
   */
  it('no dev letter scores below F1 0.85 on its own, and each reads every header field its gold fills', async () => {
    await withTempDir(async (dir) => {
      const gold = readdirSync(join(DEV, 'gold')).filter((f) => f.endsWith('.json'));
      const { letters } = await readLetters(gold.map((g) => join(DEV, 'texts', `${basename(g, '.json')}.txt`)));
      const graphFile = join(dir, 'graph.json');
      await writeFile(graphFile, JSON.stringify(graphOfLetters(letters)));
      const scores: string[] = [];
      for (const g of gold) {
        const goldDir = join(dir, basename(g, '.json'));
        await mkdir(goldDir);
        await copyFile(join(DEV, 'gold', g), join(goldDir, g));
        const judged = JSON.parse(
          execFileSync(process.execPath, [SCORER, graphFile, goldDir, '--json'], { encoding: 'utf8' }),
        ) as Judged;
        const { entitiesAndCommitments, metaFilled } = judged.result;
        scores.push(`${g.slice(0, 2)} ${entitiesAndCommitments.f1}`);
        expect(entitiesAndCommitments.f1, g).toBeGreaterThanOrEqual(0.85);
        expect(metaFilled.tp, g).toBe(metaFilled.gold);
      }
      console.log(`dev letters one by one: ${scores.join(', ')}`);
    });
    // (23 runs of the judge, one a letter: 16 s alone, over 30 s beside other tests on the shared machine.)
  }, 120_000);
});
