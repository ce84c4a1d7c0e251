import type { GraphDocument } from '../../domain/model.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';
import type { Span } from '../parse/lines.ts';
import { splitLetters } from '../parse/split-letters.ts';
import { readLetterFile } from '../read/read-letter-file.ts';
import { scopeOfLetter } from '../resolve/scope.ts';
import {
  ARCHIVE_STAGES,
  type ArchiveStages,
  archiveStages,
  LETTER_STAGES,
  type LetterStages,
  letterStages,
  type StageName,
} from '../stages.ts';

/**
 * `innograph explain FILE`: every stage's value for the letters of one file
 * (ingest/stages.ts), so the stage that misreads a letter is found in one
 * step. Each stage gives a one-line summary and its value as plain JSON
 * (sets as lists, spans with their text and offsets). The archive stages run
 * over the file's letters and the `others` given (the stored letters, with
 * `--with-store`), as an ingest would.
 */
export interface Explanation {
  file: string;
  letters: LetterExplanation[];
  /** Why the file could not be read at all, else null. */
  rejected: string | null;
}

export interface LetterExplanation {
  source: string;
  stages: Partial<Record<StageName, StageView>>;
  /** The stage that stopped the letter (not a reply letter, no body), and why. */
  stopped: { stage: StageName; reason: string } | null;
}

export interface StageView {
  summary: string;
  value: unknown;
}

export const STAGE_NAMES: readonly StageName[] = [...LETTER_STAGES, ...ARCHIVE_STAGES];

export async function explainFile(file: string, others: LetterExtraction[] = []): Promise<Explanation> {
  let parts;
  try {
    parts = splitLetters(await readLetterFile(file));
  } catch (error) {
    return { file, letters: [], rejected: (error as Error).message };
  }
  const letters: LetterExplanation[] = [];
  const read: LetterStages[] = [];
  for (const part of parts) {
    try {
      const stages = letterStages(part);
      read.push(stages);
      letters.push({ source: part.source, stages: letterViews(stages), stopped: null });
    } catch (error) {
      letters.push({
        source: part.source,
        stages: {},
        stopped: { stage: stoppedAt(error), reason: (error as Error).message },
      });
    }
  }
  const own = new Set(read.map((s) => s.read.source));
  const archive = archiveStages([
    ...read.map(({ letter, mentions, figures }) => ({ letter, mentions, figures })),
    ...others.filter((o) => !own.has(o.letter.source)),
  ]);
  for (const explained of letters) {
    if (explained.stopped) continue;
    Object.assign(explained.stages, archiveViews(explained.source, archive));
  }
  return { file, letters, rejected: null };
}

/** A letter stops at the header stage (not a reply) or the body stage (no body): the error says which. */
function stoppedAt(error: unknown): StageName {
  return /no body text/.test((error as Error).message) ? 'body' : 'header';
}

const spanOf = (span: Span | null | undefined) => (span ? { text: span.text, start: span.start, end: span.end } : null);

function letterViews(s: LetterStages): Partial<Record<StageName, StageView>> {
  const { page, lines } = { page: s.page.page, lines: s.page.lines };
  const metadata = Object.entries(page.metadata).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0));
  const header = s.header;
  const found = Object.entries(header).filter(
    ([key, v]) => v !== null && !(Array.isArray(v) && v.length === 0) && key !== 'bodyLines' && key !== 'page',
  );
  const next = s.body.sentences.filter((x) => x.part === 'next').length;
  const byRule = countBy(s.mentions.map((m) => m.rule.split(':')[0]));
  return {
    read: {
      summary: `${s.read.source}: ${s.read.format}, ${s.read.encoding}, ${s.read.text.length} characters`,
      value: {
        source: s.read.source,
        format: s.read.format,
        encoding: s.read.encoding,
        characters: s.read.text.length,
      },
    },
    page: {
      summary: `${lines.length} lines; the letter is lines ${page.from + 1}–${page.to}; ${page.chrome.size} lines of chrome${page.repeatAt !== null ? `; a copy of the letter from line ${page.repeatAt + 1}` : ''}; metadata: ${metadata.map(([k]) => k).join(', ') || 'none'}`,
      value: {
        lines: lines.length,
        letter: { from: page.from + 1, to: page.to },
        repeatAt: page.repeatAt === null ? null : page.repeatAt + 1,
        chrome: [...page.chrome].sort((a, b) => a - b).map((i) => ({ line: i + 1, text: lines[i].text })),
        metadata: Object.fromEntries(metadata),
      },
    },
    header: {
      summary: `${found.length} parts found${s.letter.missing.length > 0 ? `; missing: ${s.letter.missing.join('; ')}` : ''}`,
      value: { ...Object.fromEntries(found), missing: s.letter.missing },
    },
    body: {
      summary: `characters ${s.body.body.start}–${s.body.body.end}; ${s.body.sections.length} sections; ${s.body.sentences.length} sentences, ${next} in the next-steps part`,
      value: {
        body: s.body.body,
        sections: s.body.sections.map((x) => ({
          marker: x.marker,
          level: x.level,
          part: x.part,
          heading: spanOf(x.heading),
          parent: x.parent,
        })),
        sentences: s.body.sentences.map((x) => ({
          index: x.index,
          part: x.part,
          section: x.section,
          start: x.start,
          end: x.end,
          text: x.text,
        })),
      },
    },
    place: {
      summary: s.place.known
        ? `${s.place.path.map((p) => p.name).join(' › ')} (${s.place.code}), from the ${s.place.source} «${s.place.words}», ${s.place.confidence}`
        : `unknown: ${s.place.reason}`,
      value: s.place,
    },
    mentions: {
      summary: `${s.mentions.length} mentions; by rule: ${Object.entries(byRule)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}`,
      value: s.mentions.map(mentionView(s.letter.text)),
    },
    figures: {
      summary: `${s.figures.filter((f) => f.kind === 'Commitment').length} commitments, ${s.figures.filter((f) => f.kind === 'Achievement').length} achievements`,
      value: s.figures.map((f) => ({
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        year: f.year,
        start: f.start,
        end: f.end,
        text: f.text,
      })),
    },
  };
}

const mentionView = (text: string) => (m: Mention) => ({
  kind: m.kind,
  name: m.name,
  rule: m.rule,
  start: m.start,
  end: m.end,
  written: text.slice(m.start, m.end),
  ...(m.props && Object.keys(m.props).length > 0 ? { props: m.props } : {}),
});

function archiveViews(source: string, archive: ArchiveStages): Partial<Record<StageName, StageView>> {
  const extraction = archive.repeats.find((e) => e.letter.source === source)!;
  const repeats = extraction.mentions.filter((m) => m.rule === 'repeat');
  const scope = scopeOfLetter(extraction.letter);
  const resolved = extraction.mentions.map((m) => {
    const node = archive.resolution.resolve(m, scope);
    return { kind: m.kind, written: m.name, node: node.id, name: node.name, aliases: node.aliases };
  });
  const names = new Set(extraction.mentions.map((m) => `${m.kind}|${m.name}`));
  const joins = archive.resolution.joins.filter(
    (j) =>
      (j.scope === null || j.scope === scope) && (names.has(`${j.kind}|${j.name}`) || names.has(`${j.kind}|${j.to}`)),
  );
  const ties = archive.chains.get(source) ?? [];
  const letterId = `Letter:${source}`;
  const own = ownPart(archive.graph, letterId);
  return {
    repeats: {
      summary: `${repeats.length} names other letters marked, found here bare`,
      value: repeats.map(mentionView(extraction.letter.text)),
    },
    resolution: {
      summary: `${new Set(resolved.map((r) => r.node)).size} things; ${resolved.filter((r) => r.name !== r.written).length} names resolve to a fuller one; ${joins.length} joins by rule; scope ${scope}`,
      value: { scope, mentions: resolved, joins },
    },
    chains: {
      summary: `${ties.length} ties: ${
        Object.entries(countBy(ties.map((t) => `${t.link.chain} by ${t.link.basis}`)))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }`,
      value: ties.map((t) => ({
        source: t.source,
        chain: t.link.chain,
        basis: t.link.basis,
        keyword: t.link.keyword,
        ...('reason' in t.link ? { reason: (t.link as { reason?: unknown }).reason } : {}),
        evidence: extraction.letter.text.slice(t.link.start, t.link.end),
      })),
    },
    graph: {
      summary: `this letter's part: ${own.nodes.length} nodes, ${own.edges.length} edges (${Object.entries(
        countBy(own.edges.map((e) => e.type)),
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); the whole graph: ${archive.graph.nodes.length} nodes, ${archive.graph.edges.length} edges`,
      value: own,
    },
  };
}

/** The nodes and edges a letter gives evidence for, with only its own evidence (as the store keeps it). */
function ownPart(graph: GraphDocument, letter: string): GraphDocument {
  return {
    nodes: graph.nodes
      .filter((n) => n.mentions.some((m) => m.letter === letter))
      .map((n) => ({
        ...n,
        props: n.kind === 'Letter' ? { ...n.props, text: '…' } : n.props,
        mentions: n.mentions.filter((m) => m.letter === letter),
      })),
    edges: graph.edges
      .filter((e) => e.evidence.some((x) => x.letter === letter))
      .map((e) => ({ ...e, evidence: e.evidence.filter((x) => x.letter === letter) })),
  };
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
