import { figureId } from '../domain/ids.ts';
import type { GraphDocument } from '../domain/model.ts';
import { type ChainTie, chainTiesOf } from './chains/chain-ties.ts';
import { extractLetter, type LetterExtraction } from './extract/extract-letter.ts';
import type { Figure } from './extract/figures.ts';
import type { Mention } from './extract/mention.ts';
import { withRepeatedNames } from './extract/repeats.ts';
import { buildGraph } from './graph/build-graph.ts';
import {
  assembleLetter,
  type BodyReading,
  bodyOf,
  headerOf,
  type PageReading,
  pageOf,
  type ParsedLetter,
  placeOfLetter,
} from './parse/parse-letter.ts';
import type { LetterHeader } from './parse/header.ts';
import type { LetterPlace } from './place/find-place.ts';
import type { LetterText } from './read/read-letter-file.ts';
import { type Resolution, resolveNames } from './resolve/resolve-names.ts';
import { scopeOfLetter } from './resolve/scope.ts';

/**
 * The pipeline, in order. Each stage is a function from a value to a value;
 * `innograph explain FILE` prints each one for a letter.
 *
 * Per letter — pure, run in workers, kept between runs (ingest/reading-cache.ts):
 *   read      the file's text, cleaned (ingest/read; a file holding several letters is split)
 *   page      which lines are the portal's chrome, its metadata, the letter (ingest/parse/page.ts)
 *   header    doc number, proposal, proposers, issuer, date, contacts, cc, kind — each with its source
 *   body      sections by their numbering, sentences, the next-steps part
 *   place     the place the letter speaks for, with its source (ingest/place)
 *   mentions  names of things, each with the rule that found it (ingest/extract, ingest/rules)
 *   figures   numbers with units: commitments and achievements (ingest/extract/figures.ts)
 *
 * Over the archive — a pure function of the set of letters (ingest/ingest-files.ts builds it from every
 * stored letter on each change):
 *   repeats     names one letter marked, found bare in the others (ingest/extract/repeats.ts)
 *   resolution  one node per real thing, and which names joined by which rule (ingest/resolve)
 *   chains      each letter's ties to the four chains, with their basis (ingest/chains)
 *   graph       the GraphDocument: nodes, edges, evidence (ingest/graph), then the ledger's
 *               indicators (ingest/ledger)
 */
export const LETTER_STAGES = ['read', 'page', 'header', 'body', 'place', 'mentions', 'figures'] as const;
export const ARCHIVE_STAGES = ['repeats', 'resolution', 'chains', 'graph'] as const;
export type StageName = (typeof LETTER_STAGES)[number] | (typeof ARCHIVE_STAGES)[number];

/** Every per-letter stage's value for one letter. */
export interface LetterStages {
  read: LetterText;
  page: PageReading;
  header: LetterHeader;
  body: BodyReading;
  place: LetterPlace;
  /** The parsed letter: header, body and place in one record, what the extraction stages read. */
  letter: ParsedLetter;
  mentions: Mention[];
  figures: Figure[];
}

export function letterStages(read: LetterText): LetterStages {
  const page = pageOf(read);
  const header = headerOf(read, page);
  const body = bodyOf(read, page, header);
  const place = placeOfLetter(page, header, body);
  const letter = assembleLetter(read, page, header, body, place);
  return {
    read,
    page,
    header,
    body,
    place,
    ...extractLetter(letter),
  };
}

/** A letter's reading: what the archive stages need of it (and what the reading cache keeps). */
export function readingOf(read: LetterText): LetterExtraction {
  const { letter, mentions, figures } = letterStages(read);
  return { letter, mentions, figures };
}

/** Every archive stage's value for a set of letters. */
export interface ArchiveStages {
  /** The readings in source order, with the names other letters taught added (rule 'repeat'). */
  repeats: LetterExtraction[];
  resolution: Resolution;
  /** Each letter's chain ties, by letter source; sources are node ids, as the graph has them. */
  chains: Map<string, ChainTie[]>;
  graph: GraphDocument;
}

export function archiveStages(readings: LetterExtraction[]): ArchiveStages {
  // In source order from the first step: which letter teaches a name first must not depend on the caller's order.
  const ordered = [...readings].sort((a, b) =>
    a.letter.source < b.letter.source ? -1 : a.letter.source > b.letter.source ? 1 : 0,
  );
  const repeats = withRepeatedNames(ordered);
  const resolution = resolveNames(repeats);
  const chains = new Map<string, ChainTie[]>();
  for (const extraction of repeats) chains.set(extraction.letter.source, tiesOf(extraction, resolution));
  return { repeats, resolution, chains, graph: buildGraph(repeats, resolution, chains) };
}

/** The graph of a set of letters: the archive stages' last value. */
export function archiveGraph(readings: LetterExtraction[]): GraphDocument {
  return archiveStages(readings).graph;
}

/** A letter's chain ties as the graph stage makes them, with the nodes its names resolve to. */
export function tiesOf(extraction: LetterExtraction, resolution: Resolution): ChainTie[] {
  const scope = scopeOfLetter(extraction.letter);
  const nodeOfMention = new Map(extraction.mentions.map((m) => [m, resolution.resolve(m, scope).id]));
  const nodeOfFigure = new Map(
    extraction.figures.map((f) => [f, figureId(f.kind, extraction.letter.source, f.numberStart)]),
  );
  return chainTiesOf(extraction, nodeOfMention, nodeOfFigure);
}
