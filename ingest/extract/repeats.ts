import { bookTitles } from './quoted-names.ts';
import type { LetterExtraction } from './extract-letter.ts';
import type { Mention } from './mention.ts';

/**
 * A name is marked once and then used bare: “科技轻骑队” in one letter,
 * 推广科技副总、科技轻骑队 in another. Names that the explicit rules found
 * anywhere in the batch (quotes, suffixes, titles' short forms) are looked for
 * again in every letter, where no other mention covers the place.
 */
const KINDS = new Set(['Programme', 'Platform', 'Enterprise', 'Organization']);
const MIN_LENGTH = 3;

export function addRepeatedNames(extractions: LetterExtraction[]): void {
  const names = new Map<string, Mention['kind']>();
  for (const { mentions } of extractions) {
    for (const m of mentions) {
      if (KINDS.has(m.kind) && m.name.length >= MIN_LENGTH && !m.rule.startsWith('header') && !names.has(m.name)) names.set(m.name, m.kind);
    }
  }
  // Longest first, so 大孵化器集群院校行活动 is placed before 大孵化器集群.
  const ordered = [...names].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  for (const extraction of extractions) {
    const { letter } = extraction;
    const titles = bookTitles(letter.text);
    const taken = extraction.mentions.map((m) => [m.start, m.end] as const);
    const free = (start: number, end: number) => !taken.some(([s, e]) => s < end && start < e) && !titles.some((t) => t.start <= start && end <= t.end);
    const added: Mention[] = [];
    for (const [name, kind] of ordered) {
      for (let at = letter.text.indexOf(name, letter.body.start); at !== -1 && at < letter.body.end; at = letter.text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        // 5+5 inside 5+5+N is not a mention of 5+5.
        if (/[+＋\w]/.test(letter.text[end] ?? '') || /[+＋\w]/.test(letter.text[at - 1] ?? '')) continue;
        if (!free(at, end)) continue;
        added.push({ kind, name, start: at, end, rule: 'repeat' });
        taken.push([at, end]);
      }
    }
    extraction.mentions = [...extraction.mentions, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
