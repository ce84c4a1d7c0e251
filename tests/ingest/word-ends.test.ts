import { describe, expect, it } from 'vitest';
import { LEFT_STOPS } from '../../ingest/rules/left-stops.ts';
import { SUFFIX_RULES } from '../../ingest/rules/name-suffixes.ts';
import { WordEnds } from '../../ingest/extract/word-ends.ts';
import { random } from '../../bench/random.ts';

/**
 * The left edge of a name asks, at every word it walks over, which stop word or suffix the text before it ends
 * in; WordEnds answers by lookups. Its answer must be the list's own: the first word in the list's order, as
 * Array.find gives it (科学技术局 before 局 when the list says so).
 */
describe('WordEnds', () => {
  const lists = [
    LEFT_STOPS.filter((w) => w.length > 1),
    SUFFIX_RULES.map((r) => r.suffix),
    ['局', '科技局', '技局', '局'],
  ];

  it('answers as Array.find over the list, for texts ending and opening in its words or not', () => {
    const rand = random(7);
    for (const words of lists) {
      const ends = new WordEnds(words);
      const characters = [...new Set(words.join(''))];
      for (let n = 0; n < 2000; n++) {
        // Half the texts end (or open) with a word of the list, glued to random characters of its words.
        const noise = Array.from(
          { length: Math.floor(rand() * 5) },
          () => characters[Math.floor(rand() * characters.length)],
        ).join('');
        const word = words[Math.floor(rand() * words.length)];
        const text = rand() < 0.5 ? noise + word : noise;
        expect(ends.endOf(text)).toBe(words.find((w) => text.endsWith(w)));
        const opening = rand() < 0.5 ? word + noise : noise;
        const at = Math.floor(rand() * 2);
        expect(ends.startOf(opening, at)).toBe(words.find((w) => opening.startsWith(w, at)));
      }
    }
  });

  it('takes the earlier word of the list where two fit', () => {
    expect(new WordEnds(['局', '科技局']).endOf('温州市科技局')).toBe('局');
    expect(new WordEnds(['科技局', '局']).endOf('温州市科技局')).toBe('科技局');
    expect(new WordEnds(['科技局']).endOf('局')).toBeUndefined();
  });
});
