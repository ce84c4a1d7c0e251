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
  /** The thing named, when the span is a mention of it (not an edge's evidence): what Mention.rule looks up. */
  of?: string;
}

export async function mentionViews(
  context: InnographContext,
  evidence: Evidence[],
  of?: string,
): Promise<MentionView[]> {
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
        ...(of ? { of } : {}),
      },
    ];
  });
}

/**
 * The rule that found a mention (ingest's `rule`, kept on the letter's MENTIONS edge as `rules`, one
 * for each span in the order of its evidence); null for a span that is an edge's evidence. Each thing's
 * MENTIONS edges are read once per request.
 */
export async function ruleOf(context: InnographContext, view: MentionView): Promise<string | null> {
  if (!view.of) return null;
  let rules = mentionRules.get(context);
  if (!rules) mentionRules.set(context, (rules = new Map()));
  let ofNode = rules.get(view.of);
  if (!ofNode) {
    ofNode = context.store.edgesOf([view.of], { types: ['MENTIONS'], direction: 'in' }).then((edges) => {
      const bySpan = new Map<string, string>();
      for (const edge of edges) {
        const list = Array.isArray(edge.props.rules) ? edge.props.rules : [];
        edge.evidence.forEach((e, i) => {
          if (typeof list[i] === 'string') bySpan.set(`${e.letter}|${e.start}|${e.end}`, list[i] as string);
        });
      }
      return bySpan;
    });
    rules.set(view.of, ofNode);
  }
  return (await ofNode).get(`${view.letter.id}|${view.start}|${view.end}`) ?? null;
}

const mentionRules = new WeakMap<InnographContext, Map<string, Promise<Map<string, string>>>>();
