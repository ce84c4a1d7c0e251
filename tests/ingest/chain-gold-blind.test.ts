import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphOfTexts } from '../helpers/extract.ts';
import { withTempDir } from '../helpers/seeds.ts';

/**
 * The four-chain ties of letters of places other than 温州 (tests/fixtures/written-blind, rounds 7 and 8: Baoji,
 * Mianyang, Yongchuan, Yiwu, Honghe, Liupanshui; Hengyang, Zhangzhou, Dalian, Nanyang, Jiujiang, Guilin), scored by
 * the project's judge (../shared/eval/score-chains.mjs) against ties judged by hand from the texts alone, before
 * innograph was run on them (written-blind/chains/README.md). Each round is read alone, as a user would ingest it.
 * The rules were written on round 7's misses only (round 8 was held out until they were written).
 */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SCORER = join(SHARED, 'eval/score-chains.mjs');
const DIR = fileURLToPath(new URL('../fixtures/written-blind/', import.meta.url));
const present = existsSync(SCORER);
if (!present)
  console.warn(`skipping the blind chain-gold score: ${SCORER} is not there (CI puts ../shared beside the clone)`);

interface ChainScore {
  result: { precision: number; strictPrecision: number; recall: number; bridgeShare: number };
  wrong: string[];
  misses: string[];
  unjudged: string[];
}

/**
 * What each round reaches (first reading with the seeds' rules → now): round 7 (h) precision 0.951 → 0.977, strict
 * 0.822 → 0.875, recall 0.478 → 0.828, bridges 17/29 → 43/58; round 8 (i, held out) 0.965 → 0.973, 0.790 → 0.843,
 * 0.532 → 0.707, 16/26 → 22/36 (with extraction's round-8 names of 5f5a9a7). Rounds 9 and 10 (j, k: twelve more
 * places, judged blind by a second engineer after round 7's chain rules were written, and held out: no rule is written
 * on them) stood at their first reading: j 0.955, 0.808, 0.559, 17/25; k 0.934, 0.739, 0.521, 10/20. Opened on
 * 8 December (rules written on them, issue 21) they read j 0.985, 0.905, 0.707, 23/28 and k 0.993, 0.886, 0.737, 20/27
 * (with extraction's names of 32d7353). The bars stand a little below, for a name extraction reads differently. Round 11 (l:
 * Guizhou province, Jining, Jiangning, the Tangshan zone, Changyuan, Beihai; judged blind by chainjudge on 8 December,
 * held out) read 0.913, 0.633, 0.415, 15/33 with the rules of 6e8ce6f and 0.920, 0.654, 0.454, 18/36 with the first
 * rule written on j and k (756baa5), when it landed.
 */
const BARS: Record<string, { precision: number; strict: number; recall: number; bridges: number }> = {
  h: { precision: 0.95, strict: 0.85, recall: 0.81, bridges: 0.7 },
  i: { precision: 0.95, strict: 0.82, recall: 0.69, bridges: 0.58 },
  j: { precision: 0.95, strict: 0.85, recall: 0.66, bridges: 0.72 },
  k: { precision: 0.95, strict: 0.83, recall: 0.69, bridges: 0.62 },
  l: { precision: 0.9, strict: 0.62, recall: 0.42, bridges: 0.45 },
};

describe.skipIf(!present)('four-chain ties of letters of other places, scored by the shared judge', () => {
  for (const [round, bar] of Object.entries(BARS))
    it(`round ${round}: reaches its bars of precision, strict precision, recall and bridges all right`, async () => {
      const files = readdirSync(join(DIR, 'texts')).filter((f) => f.startsWith(round) && f.endsWith('.txt'));
      const texts = Object.fromEntries(files.map((f) => [f, readFileSync(join(DIR, 'texts', f), 'utf8')]));
      const score = await withTempDir(async (dir) => {
        const gold = join(dir, 'gold');
        await mkdir(gold);
        for (const f of files)
          await copyFile(join(DIR, 'chains', f.replace(/\.txt$/, '.json')), join(gold, f.replace(/\.txt$/, '.json')));
        const graph = join(dir, 'graph.json');
        await writeFile(graph, JSON.stringify(graphOfTexts(texts)));
        return JSON.parse(
          execFileSync(process.execPath, [SCORER, graph, gold, '--json'], { encoding: 'utf8' }),
        ) as ChainScore;
      });
      expect(files.length).toBe(6);
      const { precision, strictPrecision, recall, bridgeShare } = score.result;
      const report = `wrong: ${score.wrong.join('; ')}\nunjudged: ${score.unjudged.join('; ')}`;
      expect(precision, report).toBeGreaterThanOrEqual(bar.precision);
      expect(strictPrecision, report).toBeGreaterThanOrEqual(bar.strict);
      expect(bridgeShare, report).toBeGreaterThanOrEqual(bar.bridges);
      expect(recall, `missed: ${score.misses.join('; ')}`).toBeGreaterThanOrEqual(bar.recall);
    }, 60_000);
});
