import { describe, expect, it } from 'vitest';
import chainFile from '../../ingest/lexicon/chains.json' with { type: 'json' };
import { chainTiesOf } from '../../ingest/chains/chain-ties.ts';
import { loadVocabulary } from '../../ingest/chains/vocabulary.ts';
import type { LetterExtraction } from '../../ingest/extract/extract-letter.ts';
import type { Mention } from '../../ingest/extract/mention.ts';
import { letterText, parseText } from '../helpers/parse.ts';

/**
 * The chain step is linear in a letter's length (issue 23: a letter of 20,000
 * 《》 titles on one line took 287 s, each title walking out to its clause's
 * ends). A letter four times as long must cost about four times the work — the
 * characters the chain vocabulary reads — and, generously, no more than ten
 * times the time of the short one. The titles are given as the letter's
 * things directly, so only the chain step is measured.
 */
function titleLetter(titles: number): LetterExtraction {
  const names = Array.from({ length: titles }, (_, i) => `澜城市第${i + 1}号科技创新资金管理办法`);
  const line = `根据${names.map((n) => `《${n}》`).join('、')}等文件，加大科技金融支持力度。`;
  const body = `您所提的《关于加快科技金融发展的建议》收悉。现答复如下：\n一、下一步工作\n${line}\n以上答复供参考。`;
  const letter = parseText(letterText({ body }), `long-${titles}.txt`);
  const mentions: Mention[] = [];
  let from = letter.text.indexOf(line);
  for (const name of names) {
    const start = letter.text.indexOf(name, from);
    mentions.push({ kind: 'Policy', name, start, end: start + name.length, rule: 'book-title' });
    from = start + name.length;
  }
  return { letter, mentions, figures: [] };
}

function chainStep(titles: number): { work: number; ms: number; ties: number } {
  const extraction = titleLetter(titles);
  const nodes = new Map(extraction.mentions.map((m) => [m, `Policy:${m.name}`]));
  let best = Infinity;
  let work = 0;
  let ties = 0;
  for (let run = 0; run < 3; run++) {
    const vocabulary = loadVocabulary(chainFile);
    const started = performance.now();
    ties = chainTiesOf(extraction, nodes, new Map(), vocabulary).length;
    best = Math.min(best, performance.now() - started);
    work = vocabulary.scanned;
  }
  return { work, ms: best, ties };
}

describe('the chain step on a letter of thousands of titles', () => {
  it('does work in proportion to the letter’s length, not its square', () => {
    const short = chainStep(1000);
    const long = chainStep(4000);
    // Every title is a policy on innovation money (科技创新, 资金 in its name): tied to both chains by its name.
    expect(short.ties).toBe(2000);
    expect(long.ties).toBe(8000);
    expect(long.work / short.work).toBeGreaterThan(3);
    expect(long.work / short.work).toBeLessThan(5);
    expect(long.ms / Math.max(short.ms, 1)).toBeLessThan(10);
  }, 120_000);
});
