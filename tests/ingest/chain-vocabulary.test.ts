import { describe, expect, it } from 'vitest';
import chainFile from '../../ingest/lexicon/chains.json' with { type: 'json' };
import { loadVocabulary } from '../../ingest/chains/vocabulary.ts';

/**
 * The chain vocabulary is data (ingest/lexicon/chains.json) that a researcher may edit: a wrong entry stops
 * ingest with LEXICON_INVALID naming the entry and what is wrong, and the parts it reads say what they mean.
 */
const SENSE = { chain: '资金链', sense: 'funds', words: ['基金'] };

function refusal(file: unknown): { code: string; message: string } {
  try {
    loadVocabulary(file, 'chains.json');
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the vocabulary was accepted');
}

describe('the chain vocabulary file', () => {
  it('loads as shipped: each party letter of 产学研用金才 stands for its chain, other names hold none', () => {
    const vocabulary = loadVocabulary(chainFile);
    expect(vocabulary.parties('产学研用金才政介美云').map((p) => `${p.letter}${p.chain}`)).toEqual([
      '产产业链',
      '研创新链',
      '金资金链',
      '才人才链',
    ]);
    // Not every letter of the name is a party: a name, not an abbreviation.
    expect(vocabulary.parties('产学研合作基地')).toEqual([]);
    expect(vocabulary.parties('政产学研金服用').map((p) => p.chain)).toEqual(['产业链', '创新链', '资金链']);
  });

  it.each([
    [{ entries: [{ ...SENSE, joins: '金融链' }] }, /entry 1 \(funds\): "joins" must be one of 创新链/],
    [{ entries: [{ ...SENSE, chain: '金融链' }] }, /entry 1: "chain" must be one of/],
    [{ entries: [{ ...SENSE, notAfter: '(' }] }, /entry 1 \(funds\): "notAfter" is not a regular expression/],
    [
      { entries: [{ ...SENSE, in: 'name', kinds: 'Enterprise' }] },
      /entry 1 \(funds\): "kinds" must be a list of kinds/,
    ],
    [{ entries: [{ ...SENSE, kinds: ['Enterprise'] }] }, /entry 1 \(funds\): "kinds" goes with in: "name" only/],
    [{ entries: [SENSE], partyLetters: { anchor: '产学研', letters: { 产: null } } }, /anchor "产学研" must be listed/],
    [
      { entries: [SENSE], partyLetters: { anchor: '产', letters: { 产: { chain: '产业链' } } } },
      /"产" needs a "chain" .* and what it "stands" for/,
    ],
    [{ entries: [SENSE], partyLetters: { anchor: '产', letters: { 产业: null } } }, /"产业" is not one letter/],
  ])('refuses a wrong part, naming it (%#)', (file, message) => {
    const error = refusal(file);
    expect(error.code).toBe('LEXICON_INVALID');
    expect(error.message).toMatch(message);
  });
});
