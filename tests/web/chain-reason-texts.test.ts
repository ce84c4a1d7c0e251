import { describe, expect, it } from 'vitest';
import { TIE_RULES } from '../../domain/chain-ties.ts';
import { reasonOf } from '../../web/src/panels/chain-ties.ts';

/**
 * The explorer tells each tie's reason in the reader's language. Every rule the chain stage can write
 * (domain/chain-ties.ts) has its words there: a tie shown with a bare rule id (prev-clause：孵化) says nothing.
 */
describe('the reason of every chain rule, in words, in the explorer', () => {
  it.each(Object.keys(TIE_RULES))('%s', (rule) => {
    for (const lang of ['zh', 'en'] as const) {
      const reason = reasonOf({ rule, words: ['孵化'] }, lang);
      expect(reason.startsWith(rule), `${rule} (${lang}): ${reason}`).toBe(false);
      expect(reason.endsWith('孵化')).toBe(true);
    }
  });
});
