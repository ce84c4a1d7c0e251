import { h } from './dom.ts';
import { kindName, type Lang } from './i18n.ts';
import { KIND_STYLE } from './style.ts';

/**
 * A letter's whole text with every span the extraction found marked by kind:
 * names as coloured marks, commitments and achievements (whole clauses) as
 * underlined clauses with their figure and year after them. Spans may nest (a
 * platform named inside a commitment); the text is cut at every span edge and
 * each piece takes the innermost name and the clause around it. Text goes in
 * as text nodes only.
 */
export interface Span {
  start: number;
  end: number;
  node: {
    id: string;
    kind: string;
    name: string;
    value?: number | null;
    unit?: string | null;
    year?: number | null;
    qualifier?: string | null;
  };
}

const CLAUSE_KINDS = new Set(['Commitment', 'Achievement']);
const STOPS = new Set(['。', '；', '！', '？', '\n']);

/** The end of the sentence starting at `at` (the API's sentences end at 。；！？ or a line end). */
export function sentenceEnd(text: string, at: number): number {
  let to = at;
  while (to < text.length && !STOPS.has(text[to])) to++;
  return Math.min(text.length, to + 1);
}

interface Piece {
  from: number;
  to: number;
  name: Span | null;
  clause: Span | null;
}

export function pieces(text: string, spans: Span[], cuts: number[] = []): Piece[] {
  const edges = [...new Set([0, text.length, ...cuts, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((x) => x >= 0 && x <= text.length)
    .sort((a, b) => a - b);
  const innermost = (list: Span[], from: number, to: number) =>
    list.filter((s) => s.start <= from && s.end >= to).sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
  const names = spans.filter((s) => !CLAUSE_KINDS.has(s.node.kind));
  const clauses = spans.filter((s) => CLAUSE_KINDS.has(s.node.kind));
  return edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1],
    name: innermost(names, from, edges[i + 1]),
    clause: innermost(clauses, from, edges[i + 1]),
  }));
}

export function figure(span: Span): string {
  const n = span.node;
  if (n.value === undefined || n.value === null) return '';
  return `${n.qualifier === '以上' || n.qualifier === '左右' ? '' : (n.qualifier ?? '')}${n.value}${n.unit ?? ''}${n.qualifier === '以上' || n.qualifier === '左右' ? n.qualifier : ''}${n.year ? ` · ${n.year}` : ''}`;
}

/** The text as DOM; `focus` is the [start, end) of a sentence to mark and scroll to. */
export function letterTextElement(
  text: string,
  spans: Span[],
  lang: Lang,
  focus: [number, number] | null,
): HTMLElement {
  const article = h('article', { class: 'letter-text', id: 'letter-text' });
  let wrapper: { clause: Span; element: HTMLElement } | null = null;
  for (const piece of pieces(text, spans, focus ?? [])) {
    const words = text.slice(piece.from, piece.to);
    const element = piece.name
      ? h(
          'mark',
          {
            class: 'ent',
            'data-id': piece.name.node.id,
            'data-kind': piece.name.node.kind,
            title: `${kindName(piece.name.node.kind, lang)}：${piece.name.node.name}`,
          },
          words,
        )
      : h('span', {}, words);
    if (piece.name) element.style.setProperty('--k', KIND_STYLE[piece.name.node.kind]?.color ?? '#98a2b3');
    element.dataset.start = String(piece.from);
    if (focus && piece.from >= focus[0] && piece.to <= focus[1]) element.classList.add('focus');
    if (!piece.clause) {
      wrapper = null;
      article.append(element);
      continue;
    }
    if (wrapper?.clause !== piece.clause) {
      const clause: Span = piece.clause;
      const el = h('span', {
        class: `clause k-${clause.node.kind}`,
        'data-id': clause.node.id,
        title: kindName(clause.node.kind, lang),
      });
      wrapper = { clause, element: el };
      article.append(el);
    }
    wrapper.element.append(element);
    // The figure goes right after the clause's last words.
    if (piece.to === piece.clause.end && figure(piece.clause))
      wrapper.element.append(h('span', { class: 'figure' }, figure(piece.clause)));
  }
  return article;
}
