import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../domain/model.ts';
import chainFile from '../../ingest/lexicon/chains.json' with { type: 'json' };
import { type ChainVocabulary, type Hit, loadVocabulary } from '../../ingest/chains/vocabulary.ts';
import { random } from '../../bench/random.ts';

/**
 * The chain stage reads many spans of one letter (each clause, each name in it, each commitment); the scanner
 * keeps what it found per text instead of scanning again. What it finds must be what one alternation of every
 * word, longest first, finds in the span as the span alone — the reading the chain rules were written on.
 */
const LETTERS = '../shared/dev-letters/texts';

/** The scan as it was first written: one alternation of every word, longest first, over text.slice(from, to). */
function byAlternation(vocabulary: ChainVocabulary, text: string, from: number, to: number): Hit[] {
  const words = [...new Set([...CHAINS, ...vocabulary.senses.flatMap((s) => s.words)])];
  const pattern = new RegExp(
    words
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  const found: Hit[] = [];
  for (const match of text.slice(from, to).matchAll(pattern)) {
    const start = from + match.index;
    const end = start + match[0].length;
    const word = match[0];
    if ((CHAINS as readonly string[]).includes(word)) {
      found.push({ chain: word as Hit['chain'], word, start, end, sense: null, contextual: false });
      continue;
    }
    const before = side(text, start, -1);
    const after = side(text, end, 1);
    for (const sense of vocabulary.senses.filter((s) => s.words.includes(word))) {
      if (sense.notBefore?.test(before) || sense.notAfter?.test(after)) continue;
      found.push({ chain: sense.chain, word, start, end, sense, contextual: sense.onlyAfter?.test(before) ?? false });
    }
  }
  return found;
}

/** Up to 16 characters before or after an offset, not past a clause stop. */
function side(text: string, at: number, direction: -1 | 1): string {
  const stop = /[，,；;。！？!?：:\n]/;
  let edge = at;
  if (direction === -1) {
    while (edge > 0 && at - edge < 16 && !stop.test(text[edge - 1])) edge--;
    return text.slice(edge, at);
  }
  while (edge < text.length && edge - at < 16 && !stop.test(text[edge])) edge++;
  return text.slice(at, edge);
}

describe('the chain vocabulary scanner', () => {
  const vocabulary = loadVocabulary(chainFile);
  const texts = readdirSync(LETTERS).map((f) => readFileSync(join(LETTERS, f), 'utf8'));

  it('finds in random spans of the dev letters, read in any order, the words the alternation finds', () => {
    const rand = random(24);
    let compared = 0;
    for (let n = 0; n < 3000; n++) {
      const text = texts[Math.floor(rand() * texts.length)];
      const from = Math.floor(rand() * text.length);
      // Short spans (a name, a head word) as often as long ones (a clause, a sentence): cut words are the edge cases.
      const to = Math.min(text.length, from + 1 + Math.floor(rand() * (rand() < 0.5 ? 12 : 300)));
      const expected = byAlternation(vocabulary, text, from, to);
      expect(vocabulary.hits(text, from, to)).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives the same hits for a span asked again, and for a name read apart from its letter', () => {
    const text = '围绕产业链部署创新链，推动科技成果转化，设立天使投资基金';
    const first = vocabulary.hits(text, 0, text.length);
    expect(vocabulary.hits(text, 0, text.length)).toEqual(first);
    expect(first.map((h) => h.word)).toEqual(expect.arrayContaining(['产业链', '创新链']));
    // A span that cuts a word finds the shorter word inside it, as the span alone would.
    expect(vocabulary.hits(text, 0, 4).map((h) => h.word)).not.toContain('产业链');
    const name = '天使投资基金';
    expect(vocabulary.hits(name, 0, name.length).map((h) => h.word)).toEqual(
      vocabulary.hits(text, text.indexOf(name), text.length).map((h) => h.word),
    );
  });
});
