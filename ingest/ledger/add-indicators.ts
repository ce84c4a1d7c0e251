import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { GraphBuilder } from '../graph/graph-builder.ts';
import { figureId, letterId } from '../../domain/ids.ts';
import { indicatorsOfSentence, type LedgerFigure, yearNamedIn } from './indicator-of-figure.ts';

/**
 * The ledger stage of the graph: an Indicator node per measured thing and a
 * MEASURES edge from each Commitment and Achievement to it, with the figure's
 * clause as evidence. The edge carries what the ledger compares: the value in
 * the indicator's unit, the year the figure is for, target or result.
 * Indicator ids come from the indicator's key, so letters ingested apart
 * still meet on one node.
 */
export const indicatorId = (key: string) => `Indicator:${key}`;

export function addIndicators(graph: GraphBuilder, extraction: LetterExtraction): void {
  const { letter } = extraction;
  const letterNode = letterId(letter.source);
  const letterYear = letter.date ? Number(letter.date.value.slice(0, 4)) : null;
  const bySentence = new Map<number, LedgerFigure[]>();
  for (const figure of extraction.figures) {
    const list = bySentence.get(figure.sentence) ?? [];
    list.push(figure);
    bySentence.set(figure.sentence, list);
  }
  for (const [index, figures] of bySentence) {
    const sentence = letter.sentences[index];
    if (!sentence) continue;
    figures.sort((a, b) => a.numberStart - b.numberStart);
    const indicators = indicatorsOfSentence(
      sentence,
      figures,
      letterYear,
      carriedYear(letter.text, letter.sentences, index, letterYear),
    );
    figures.forEach((figure, i) => {
      const indicator = indicators[i];
      if (!indicator) return;
      const source = figureId(figure.kind, letter.source, figure.numberStart);
      if (!graph.hasNode(source)) return;
      const id = indicatorId(indicator.key);
      const evidence = { letter: letterNode, start: figure.start, end: figure.end };
      graph.node(
        id,
        'Indicator',
        indicator.name,
        {
          noun: indicator.noun,
          scope: indicator.scope,
          measure: indicator.measure,
          dimension: indicator.dimension,
          unit: indicator.unit,
        },
        evidence,
      );
      graph.edge('MEASURES', source, id, evidence, {
        role: figure.kind === 'Commitment' ? 'target' : 'result',
        value: indicator.value,
        unit: indicator.unit,
        forYear: indicator.forYear,
        qualifier: figure.qualifier,
        rule: indicator.rule,
      });
    });
  }
}

/** The year the sentences before this one (joined by ； on one line) name last: 2024年，全市新增…；新认定…12家. */
function carriedYear(
  text: string,
  sentences: Array<{ start: number; end: number; text: string }>,
  index: number,
  letterYear: number | null,
): number | null {
  for (let i = index - 1; i >= 0; i--) {
    const between = text.slice(sentences[i].end, sentences[i + 1].start);
    if (!/[；;]\s*$/.test(sentences[i].text) || /\n/.test(between)) return null;
    const year = yearNamedIn(sentences[i].text, letterYear);
    if (year !== null) return year;
  }
  return null;
}
