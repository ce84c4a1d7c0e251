import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { LETTERS_DIR, withTempDir } from '../helpers/seeds.ts';

/**
 * The four-chain ties of the seed letters, scored by the project's judge
 * (../shared/eval/score-chains.mjs, beside the clone in CI) against the ties
 * judged by hand in ../shared/chain-gold (seeds 000, 001, 003): precision over
 * judged ties, strict precision (a tie nobody judged counts as wrong), recall
 * and the share of bridges (things tied to two chains or more in a letter)
 * whose every tie is right — the bars of issue 21.
 */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const GOLD = join(SHARED, 'chain-gold');
const SCORER = join(SHARED, 'eval/score-chains.mjs');
const present = existsSync(GOLD) && existsSync(SCORER);
if (!present)
  console.warn(`skipping the chain-gold score: ${GOLD} or ${SCORER} is not there (CI puts ../shared beside the clone)`);

interface ChainScore {
  result: { precision: number; strictPrecision: number; recall: number; bridgeShare: number };
  wrong: string[];
  misses: string[];
  unjudged: string[];
}

describe.skipIf(!present)('four-chain ties of the seeds, scored by the shared judge', () => {
  it('reach the bars of precision, strict precision, recall and bridges all right', async () => {
    const graph = graphOfLetters((await readLetters([LETTERS_DIR])).letters);
    const score = await withTempDir(async (dir) => {
      const file = join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(graph));
      return JSON.parse(
        execFileSync(process.execPath, [SCORER, file, GOLD, '--json'], { encoding: 'utf8' }),
      ) as ChainScore;
    });
    const { precision, strictPrecision, recall, bridgeShare } = score.result;
    const report = `wrong: ${score.wrong.join('; ')}\nunjudged: ${score.unjudged.join('; ')}`;
    // Issue 21 asks for 0.92 / 0.85 / 0.85 / 0.85; the bars stand at what the rules reach now (1.00, 0.950,
    // 0.860, 61 of 71 bridges), less a little room for a name extraction reads differently.
    expect(precision, report).toBeGreaterThanOrEqual(0.97);
    expect(strictPrecision, report).toBeGreaterThanOrEqual(0.93);
    expect(bridgeShare, report).toBeGreaterThanOrEqual(0.85);
    expect(recall, `missed: ${score.misses.join('; ')}`).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
