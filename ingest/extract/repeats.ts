import { bookTitles } from './quoted-names.ts';
import type { LetterExtraction } from './extract-letter.ts';
import type { Mention } from './mention.ts';
import { tokenize } from './tokens.ts';

/**
 * A name is marked once and then used bare: “科技轻骑队” in one letter,
 * 推广科技副总、科技轻骑队 in another. Names that the explicit rules found
 * anywhere in the batch (quotes, suffixes, titles' short forms) are looked for
 * again in every letter, where no other mention covers the place.
 */
const KINDS = new Set(['Programme', 'Platform', 'Enterprise', 'Organization']);
const MIN_LENGTH = 3;

/**
 * The names a letter teaches the others: found by an explicit rule, of a kind that is repeated bare. Not 市政府 or
 * 县委 (rule 'government'): they name the writer's own place's bodies only in the frame that rule reads, and taught
 * to other letters they were found inside 深圳市政府.
 */
export function explicitNames(extraction: LetterExtraction): Array<[string, Mention['kind']]> {
  const names = new Map<string, Mention['kind']>();
  for (const m of extraction.mentions) {
    if (
      KINDS.has(m.kind) &&
      m.name.length >= MIN_LENGTH &&
      m.rule !== 'repeat' &&
      m.rule !== 'government' &&
      !m.rule.startsWith('header') &&
      !names.has(m.name)
    )
      names.set(m.name, m.kind);
  }
  return [...names];
}

/** Returns the extractions with the repeated mentions added; the inputs are not changed. */
export function withRepeatedNames(extractions: LetterExtraction[]): LetterExtraction[] {
  const names = new Map<string, Mention['kind']>();
  for (const extraction of extractions) {
    for (const [name, kind] of explicitNames(extraction)) if (!names.has(name)) names.set(name, kind);
  }
  // Names by their first two characters, then by length (longest first, so 大孵化器集群院校行活动 wins over
  // 大孵化器集群): one pass over each letter's text looks up, at each place, only the words written there.
  const byPrefix = new Map<number, { lengths: number[]; kinds: Map<string, Mention['kind']> }>();
  for (const [name, kind] of names) {
    const prefix = name.charCodeAt(0) * 0x10000 + name.charCodeAt(1);
    let group = byPrefix.get(prefix);
    if (!group) byPrefix.set(prefix, (group = { lengths: [], kinds: new Map() }));
    if (!group.lengths.includes(name.length)) group.lengths.push(name.length);
    group.kinds.set(name, kind);
  }
  for (const group of byPrefix.values()) group.lengths.sort((a, b) => b - a);
  return extractions.map((extraction) => {
    const { letter } = extraction;
    const text = letter.text;
    const titles = bookTitles(text);
    const covered = new Uint8Array(text.length);
    for (const m of extraction.mentions) covered.fill(1, m.start, m.end);
    for (const t of titles) covered.fill(1, t.start, t.end);
    const added: Mention[] = [];
    for (let at = letter.body.start; at < letter.body.end - 1; at++) {
      if (covered[at]) continue;
      const group = byPrefix.get(text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1));
      if (!group) continue;
      for (const length of group.lengths) {
        const end = at + length;
        if (end > letter.body.end) continue;
        const name = text.slice(at, end);
        const kind = group.kinds.get(name);
        if (kind === undefined) continue;
        // 5+5 inside 5+5+N is not a mention of 5+5.
        if (/[+＋\w]/.test(text[end] ?? '') || /[+＋\w]/.test(text[at - 1] ?? '')) continue;
        if (covered.subarray(at, end).some((c) => c === 1)) continue;
        if (!onWordBounds(text, at, end) || modifiesNext(text, end)) continue;
        added.push({ kind, name, start: at, end, rule: 'repeat' });
        covered.fill(1, at, end);
        at = end - 1;
        break;
      }
    }
    return {
      ...extraction,
      mentions: [...extraction.mentions, ...added].sort((a, b) => a.start - b.start || a.end - b.end),
    };
  });
}

/**
 * 加强科技金融 holds 强科技, 发放科技贷款 holds 科技贷: a name written bare stands as words of its own, so a repeat
 * starts and ends where the segmenter cuts the words around it (read on the clause it stands in).
 */
function onWordBounds(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 6);
  const bounds = new Set<number>();
  for (const token of tokenize(text.slice(from, Math.min(text.length, end + 6)), from)) {
    bounds.add(token.start);
    bounds.add(token.end);
  }
  return bounds.has(start) && bounds.has(end);
}

/**
 * 强化…国家创新型城市地位 · 制定国家创新型城市规划 · 入选省创新深化试点: a name written bare right before a word of standing,
 * plan or trial qualifies that word (the title held, the plan for it, the pilot of it); it is not a mention of the thing.
 * (推广星火燎原经验 still speaks of the scheme: 经验 is what it taught, not what it qualifies.)
 */
function modifiesNext(text: string, end: number): boolean {
  const next = tokenize(text.slice(end, Math.min(text.length, end + 6)), end)[0];
  return next !== undefined && QUALIFIED.test(next.word);
}
const QUALIFIED = /^(?:地位|规划|试点|称号|定位|目标)$/;
