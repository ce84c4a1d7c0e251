import type { Evidence, GraphNode } from '../domain/model.ts';
import type { InnographContext } from './context.ts';

/** The sentence around a span of a letter's text: from the last stop before it to the next stop after it. */
const STOPS = new Set(['。', '；', '！', '？', '\n']);

export function sentenceAround(text: string, start: number, end: number): { text: string; start: number; end: number } {
  let from = start;
  while (from > 0 && !STOPS.has(text[from - 1])) from--;
  let to = Math.max(end, start);
  // A span that already ends its sentence (…目标。) is not extended into the next one.
  if (!(to > start && STOPS.has(text[to - 1]))) {
    while (to < text.length && !STOPS.has(text[to])) to++;
    if (to < text.length && text[to] !== '\n') to++;
  }
  while (to > from && /\s/.test(text[to - 1])) to--;
  while (from < to && /\s/.test(text[from])) from++;
  return { text: text.slice(from, to), start: from, end: to };
}

/** A Mention as the API shows it: the letter, the words at the offsets and their sentence. */
export interface MentionView {
  letter: GraphNode;
  start: number;
  end: number;
  text: string;
  sentence: { text: string; start: number; end: number };
}

export async function mentionViews(context: InnographContext, evidence: Evidence[]): Promise<MentionView[]> {
  const letters = await context.nodes.loadMany([...new Set(evidence.map((e) => e.letter))]);
  const byId = new Map(
    letters.filter((l): l is GraphNode => l !== null && !(l instanceof Error)).map((l) => [l.id, l]),
  );
  return evidence.flatMap((e) => {
    const letter = byId.get(e.letter);
    if (!letter) return [];
    const text = String(letter.props.text ?? '');
    return [
      {
        letter,
        start: e.start,
        end: e.end,
        text: text.slice(e.start, e.end),
        sentence: sentenceAround(text, e.start, e.end),
      },
    ];
  });
}
