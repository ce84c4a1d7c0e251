import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/random.ts';
import type { LetterExtraction } from '../../ingest/extract/extract-letter.ts';
import { keptArchiveGraph } from '../../ingest/graph/kept-parts.ts';
import { readTexts } from '../../ingest/pipeline.ts';
import { archiveGraph } from '../../ingest/stages.ts';
import { syntheticTexts } from '../helpers/corpus.ts';
import { txtLetter } from '../helpers/parse.ts';
import { withTempDir } from '../helpers/seeds.ts';

describe('the archive build with letters’ parts kept between changes', () => {
  it('gives, byte for byte, the batch build of every set of letters, and reuses the parts a change leaves', async () => {
    await withTempDir(async (dir) => {
      const texts = await syntheticTexts(40, 31);
      // Each letter also as it comes back changed: its quoted names unmarked, which changes what it teaches others.
      const changedTexts = texts.map((t) => txtLetter(t.source, t.text.replace(/[“”]/g, '')));
      const [{ letters }, { letters: changed }] = await Promise.all([
        readTexts(texts, { workers: 0 }),
        readTexts(changedTexts, { workers: 0 }),
      ]);
      const folder = join(dir, 'parts');
      const same = async (set: LetterExtraction[]) => {
        const stats = { kept: 0, worked: 0 };
        const kept = await keptArchiveGraph(set, folder, stats);
        expect(JSON.stringify(kept)).toBe(JSON.stringify(archiveGraph(set)));
        return stats;
      };
      expect(await same(letters)).toEqual({ kept: 0, worked: letters.length });
      // Built again: every part is played from the folder.
      expect(await same([...letters].reverse())).toEqual({ kept: letters.length, worked: 0 });
      // One letter more, one letter less: most parts are kept, a few worked out again.
      const one = await same(letters.slice(1));
      expect(one.kept).toBeGreaterThan(letters.length / 2);
      const rand = random(5);
      let reused = 0;
      for (let step = 0; step < 6; step++) {
        const set = letters.map((l, i) => (rand() < 0.2 ? changed[i] : l)).filter(() => rand() < 0.7);
        reused += (await same(set)).kept;
      }
      expect(reused).toBeGreaterThan(0);
    });
  }, 300_000);
});
