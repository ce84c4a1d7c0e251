import { execFileSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLetters } from '../../ingest/pipeline.ts';
import { SEED_FILES, seedPath, seedText, withTempDir } from '../helpers/seeds.ts';
import { badInputs } from './bad-inputs.ts';

describe('a batch of bad files beside good letters', () => {
  it('every bad file is read or refused with a clear reason, within the time limit; the good letters come out as read alone', async () => {
    await withTempDir(async (dir) => {
      const kinds = badInputs(seedText('004'));
      expect(new Set(kinds.map((k) => k.name)).size).toBeGreaterThanOrEqual(60);
      const files: string[] = [];
      for (const kind of kinds) {
        await writeFile(join(dir, kind.name), await kind.bytes());
        files.push(join(dir, kind.name));
      }
      // Files that are not files: reading them must not hang.
      await symlink('/dev/zero', join(dir, 'zero.txt'));
      files.push(join(dir, 'zero.txt'));
      try {
        execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
        files.push(join(dir, 'fifo.txt'));
      } catch {
        // No mkfifo here: one kind fewer.
      }
      const seeds = SEED_FILES.map((f) => seedPath(f.slice(0, 3)));
      const batch = await readLetters([...files, ...seeds], undefined, { timeLimitMs: 60_000, workers: 2 });
      const alone = await readLetters(seeds);

      expect(batch.outcomes).toHaveLength(files.length + seeds.length);
      const outcome = (name: string) => batch.outcomes.find((o) => o.source === name)!;
      const wrong: string[] = [];
      for (const kind of [...kinds, { name: 'zero.txt', what: 'a link to /dev/zero', expect: 'rejected' as const }]) {
        const { status, problems } = outcome(kind.name);
        if (kind.expect === 'rejected' && status !== 'rejected')
          wrong.push(`${kind.name} (${kind.what}) was ${status}`);
        if (kind.expect === 'read' && status === 'rejected')
          wrong.push(`${kind.name} (${kind.what}) was rejected: ${problems.join('; ')}`);
        // A reason a user can act on: words, not an internal error.
        if (
          status === 'rejected' &&
          !(
            problems.length === 1 &&
            problems[0].length > 10 &&
            !/undefined|\[object|TypeError|RangeError|ReferenceError/.test(problems[0])
          )
        ) {
          wrong.push(`${kind.name} (${kind.what}) has no clear reason: ${JSON.stringify(problems)}`);
        }
      }
      expect(wrong).toEqual([]);
      // The good letters beside the bad ones: read, and exactly as when read alone.
      const byName = (letters: typeof batch.letters) =>
        Object.fromEntries(
          letters.map((l) => [
            l.letter.source,
            {
              text: l.letter.text,
              docNumber: l.letter.docNumber?.text,
              mentions: l.mentions.map((m) => `${m.kind}:${m.name}@${m.start}`),
            },
          ]),
        );
      const batchSeeds = byName(batch.letters.filter((l) => SEED_FILES.includes(l.letter.source)));
      expect(batchSeeds).toEqual(byName(alone.letters));
      expect(Object.keys(batchSeeds)).toHaveLength(5);
    });
  }, 600_000);
});
