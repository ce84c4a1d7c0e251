import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/random.ts';
import type { LetterExtraction } from '../../ingest/extract/extract-letter.ts';
import { keptArchiveGraph } from '../../ingest/graph/kept-parts.ts';
import { readTexts } from '../../ingest/pipeline.ts';
import { scopeOfLetter } from '../../ingest/resolve/scope.ts';
import { archiveGraph, archiveStages } from '../../ingest/stages.ts';
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

  it('keeps the parts of letters whose names another letter only renames (a variant, another name, mergedFrom)', async () => {
    await withTempDir(async (dir) => {
      const { letters } = await readTexts(await syntheticTexts(40, 31), { workers: 0 });
      // What a letter's part is keyed by, beside its reading: its mentions and the nodes they resolve to; and
      // the names the resolution gives those nodes, which its part asks for as it is played.
      const byLetter = (set: LetterExtraction[]) => {
        const { repeats, resolution } = archiveStages(set);
        return new Map(
          repeats.map((e) => {
            const scope = scopeOfLetter(e.letter);
            const resolved = e.mentions.map((m) => ({
              ...resolution.resolve(m, scope),
              mergedFrom: resolution.mergedFrom.get(`${m.kind}|${scope}|${m.name}`),
            }));
            const nodes = JSON.stringify([e.mentions, resolved.map((r) => r.id)]);
            return [e.letter.source, { nodes, names: JSON.stringify(resolved) }];
          }),
        );
      };
      const all = byLetter(letters);
      // A letter whose removal renames what other letters' names resolve to: the first such in the corpus.
      let removal: { set: LetterExtraction[]; renamed: number; renodes: number } | null = null;
      for (const [i] of letters.entries()) {
        const set = letters.filter((_, j) => j !== i);
        const changed = [...byLetter(set)].filter(([source, v]) => v.names !== all.get(source)!.names);
        const renodes = changed.filter(([source, v]) => v.nodes !== all.get(source)!.nodes).length;
        if (changed.length > renodes) {
          removal = { set, renamed: changed.length - renodes, renodes };
          break;
        }
      }
      expect(removal).not.toBeNull();
      const folder = join(dir, 'parts');
      await keptArchiveGraph(letters, folder);
      const stats = { kept: 0, worked: 0 };
      const kept = await keptArchiveGraph(removal!.set, folder, stats);
      expect(JSON.stringify(kept)).toBe(JSON.stringify(archiveGraph(removal!.set)));
      // Only the letters whose mentions or nodes changed are worked out again; the renamed ones are played.
      expect(stats.worked).toBe(removal!.renodes);
    });
  }, 300_000);
});
