import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EdgeType, Evidence, GraphDocument, NodeKind, Props } from '../../domain/model.ts';
import { tieRank } from '../chains/chain-ties.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import { withRepeatedNames } from '../extract/repeats.ts';
import { readingDigest } from '../reading-cache.ts';
import { type Resolution, resolveNames } from '../resolve/resolve-names.ts';
import { scopeOfLetter } from '../resolve/scope.ts';
import { archiveGraph, tiesOf } from '../stages.ts';
import { buildGraph, type LetterParts, type Phase } from './build-graph.ts';
import { GraphBuilder, type WrittenName } from './graph-builder.ts';

/**
 * The archive build, with each letter's part kept between changes. Every change rebuilds the graph from all
 * stored letters (ingest/ingest-files.ts); most of that time went on each letter's own part — its chain ties,
 * nodes, edges and ledger — though a change leaves most letters' parts as they were. A letter's part is a
 * function of its reading, of the names other letters taught it (the repeats stage) and of what its names
 * resolve to (the resolution stage), and of the code: the builder calls it made are kept under the digest of
 * exactly these, and played again in the same order when they recur. Repeats and resolution are still
 * worked out over every letter, so a change that teaches or joins a name gives the letters it touches another
 * key: the graph is, byte for byte, what archiveGraph builds (tests/ingest/kept-parts.test.ts). It is only a
 * cache, beside the readings: deleting it costs time, never correctness; a damaged entry is worked out again.
 */
export async function keptArchiveGraph(
  readings: LetterExtraction[],
  folder: string,
  /** Filled with how many letters' parts were played from the folder, and how many worked out (and kept). */
  stats: { kept: number; worked: number } = { kept: 0, worked: 0 },
): Promise<GraphDocument> {
  // As archiveStages (ingest/stages.ts): in source order from the first step.
  const ordered = [...readings].sort((a, b) =>
    a.letter.source < b.letter.source ? -1 : a.letter.source > b.letter.source ? 1 : 0,
  );
  const repeats = withRepeatedNames(ordered);
  const resolution = resolveNames(repeats);
  const keys = repeats.map((extraction, i) => partKey(ordered[i], extraction, resolution));
  // Each part is read as its letter's turn comes, and its letter calls dropped once played: the parts of
  // 10,000 letters are never all in memory at once.
  const ledgers = new Map<number, Call[]>();
  const recorded = new Map<number, Recording>();
  const parts: LetterParts = {
    replay(index, phase, graph) {
      if (phase === 'ledger') {
        const calls = ledgers.get(index);
        if (!calls) return false;
        ledgers.delete(index);
        replay(graph, calls, [], '');
        return true;
      }
      const part = readPart(folder, keys[index]);
      if (!part) return false;
      replay(graph, part.letter, part.textAt, repeats[index].letter.text);
      ledgers.set(index, part.ledger);
      stats.kept++;
      return true;
    },
    recorder(index, phase, graph) {
      let recording = recorded.get(index);
      if (!recording) recorded.set(index, (recording = { own: new Set(), letter: [], ledger: [], pure: true }));
      return new Recorder(graph, recording, phase);
    },
    recorded(index, phase) {
      const recording = recorded.get(index)!;
      // Kept as it is done, so that the calls of every letter are not all held until the end (a first build
      // of 10,000 letters): the letter's calls as JSON until its ledger's are done, then written.
      if (phase === 'letter') recording.json = letterJson(recording, repeats[index].letter.text);
      else {
        recorded.delete(index);
        // Only a cache: a full disk or a read-only folder costs the next change time, not this one.
        if (recording.pure) writePart(folder, keys[index], recording);
      }
    },
  };
  stats.kept = 0;
  const graph = buildGraph(repeats, resolution, (extraction) => tiesOf(extraction, resolution), parts);
  stats.worked = repeats.length - stats.kept;
  return graph;
}

/** archiveGraph with the parts kept in `folder`, or archiveGraph itself without one. */
export function archiveGraphKept(readings: LetterExtraction[], folder: string | null): Promise<GraphDocument> {
  return folder ? keptArchiveGraph(readings, folder) : Promise.resolve(archiveGraph(readings));
}

/**
 * One call on the builder: a node, a mention's node (its names the resolution's, asked again as it is
 * played), an edge (ranked: a chain tie's), or an edge's prop set.
 */
type Call =
  | ['n', string, NodeKind, string, Props, Evidence | null, string[]]
  | ['m', string, WrittenName['kind'], string, string, Props, Evidence]
  | ['e', EdgeType, string, string, Evidence | null, Props, 0 | 1]
  | ['p', EdgeType, string, string, string, Props[string]];

interface Part {
  letter: Call[];
  ledger: Call[];
  /** The calls of the letter phase whose props.text is the letter's text (kept once, in the reading). */
  textAt: number[];
}

interface Recording {
  letter: Call[];
  ledger: Call[];
  /** The nodes the letter's own calls made: the only ones its ledger may ask about. */
  own: Set<string>;
  /** False when a call depended on other letters (a node it did not make) or used a rank other than a tie's. */
  pure: boolean;
  /** The letter calls as kept (letterJson), once the letter phase is done. */
  json?: string;
}

/** Passes every call on to the builder that makes the graph, and keeps it. */
class Recorder extends GraphBuilder {
  constructor(
    private readonly target: GraphBuilder,
    private readonly recording: Recording,
    private readonly phase: Phase,
  ) {
    super();
  }
  override node(
    id: string,
    kind: NodeKind,
    name: string,
    props: Props = {},
    mention?: Evidence,
    aliases: string[] = [],
  ): string {
    this.recording[this.phase].push(['n', id, kind, name, props, mention ?? null, aliases]);
    this.recording.own.add(id);
    return this.target.node(id, kind, name, props, mention, aliases);
  }
  override mentionNode(id: string, written: WrittenName, props: Props, mention: Evidence): string {
    this.recording[this.phase].push(['m', id, written.kind, written.name, written.scope, props, mention]);
    this.recording.own.add(id);
    return this.target.mentionNode(id, written, props, mention);
  }
  override edge(
    type: EdgeType,
    source: string,
    target: string,
    evidence?: Evidence,
    props: Props = {},
    rank?: (props: Props) => number,
  ): void {
    if (rank && rank !== tieRank) this.recording.pure = false;
    this.recording[this.phase].push(['e', type, source, target, evidence ?? null, props, rank ? 1 : 0]);
    this.target.edge(type, source, target, evidence, props, rank);
  }
  override setEdgeProp(type: EdgeType, source: string, target: string, key: string, value: Props[string]): void {
    this.recording[this.phase].push(['p', type, source, target, key, value]);
    this.target.setEdgeProp(type, source, target, key, value);
  }
  override hasNode(id: string): boolean {
    // Another letter's node: the answer depends on the other letters, so these calls are not kept.
    if (!this.recording.own.has(id)) this.recording.pure = false;
    return this.target.hasNode(id);
  }
  override toDocument(): GraphDocument {
    throw new Error('a recorder passes calls on; the document is its target’s');
  }
}

function replay(graph: GraphBuilder, calls: Call[], textAt: number[], text: string): void {
  const withText = new Set(textAt);
  calls.forEach((call, i) => {
    if (call[0] === 'n') {
      const props = withText.has(i) ? { ...call[4], text } : call[4];
      graph.node(call[1], call[2], call[3], props, call[5] ?? undefined, call[6]);
    } else if (call[0] === 'm')
      graph.mentionNode(call[1], { kind: call[2], name: call[3], scope: call[4] }, call[5], call[6]);
    else if (call[0] === 'e')
      graph.edge(call[1], call[2], call[3], call[4] ?? undefined, call[5], call[6] ? tieRank : undefined);
    else graph.setEdgeProp(call[1], call[2], call[3], call[4], call[5]);
  });
}

/**
 * The key of a letter's part: the code of the archive stages, the letter's reading (with its given place),
 * its mentions after the repeats stage, and the node each resolves to. Not the names the resolution gives
 * those nodes (name, other names, names merged into them): the part's mention calls ask for them as they are
 * played (GraphBuilder.mentionNode), so a letter that adds a variant of a name others write, or joins it
 * to another, leaves their parts as they were: it used to key anew every letter naming it. (`mergedFrom`
 * lists the letters a variant is in, so it also made the parts of 10,000 letters grow with the store.)
 */
function partKey(reading: LetterExtraction, extraction: LetterExtraction, resolution: Resolution): string {
  const scope = scopeOfLetter(extraction.letter);
  const resolved = extraction.mentions.map((mention) => resolution.resolve(mention, scope).id);
  return createHash('sha256')
    .update(`${archiveVersion()}\u0000${readingDigest(reading)}\u0000`)
    .update(JSON.stringify([extraction.mentions, resolved]))
    .digest('hex');
}

function fileOf(folder: string, key: string): string {
  return join(folder, key.slice(0, 2), `${key.slice(2)}.json.gz`);
}

function readPart(folder: string, key: string): Part | null {
  try {
    const part = JSON.parse(gunzipSync(readFileSync(fileOf(folder, key))).toString('utf8')) as Part;
    return Array.isArray(part.letter) && Array.isArray(part.ledger) && Array.isArray(part.textAt) ? part : null;
  } catch {
    // Missing or damaged: the letter's part is worked out again, and kept anew.
    return null;
  }
}

/** The letter phase's calls as JSON, the letter's text left out (textAt says where it goes); null when not exact. */
function letterJson(recording: Recording, text: string): string | undefined {
  const textAt: number[] = [];
  const letter = recording.letter.map((call, i): Call => {
    if (call[0] !== 'n' || call[2] !== 'Letter' || call[4].text !== text) return call;
    textAt.push(i);
    return ['n', call[1], call[2], call[3], { ...call[4], text: null }, call[5], call[6]];
  });
  recording.letter = [];
  return exactJson({ letter, textAt });
}

/** JSON of a value that JSON gives back as it was; undefined when it holds an undefined or non-finite value. */
function exactJson(value: unknown): string | undefined {
  let exact = true;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) exact = false;
    return v;
  });
  return exact ? json : undefined;
}

function writePart(folder: string, key: string, recording: Recording): void {
  const ledger = exactJson(recording.ledger);
  if (recording.json === undefined || ledger === undefined) return;
  // {letter, textAt} and the ledger's calls as one Part.
  const json = `${recording.json.slice(0, -1)},"ledger":${ledger}}`;
  const file = fileOf(folder, key);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    // The fastest compression: a part is written once and read on every change.
    writeFileSync(temp, gzipSync(json, { level: 1 }));
    renameSync(temp, file);
  } catch {
    // Only a cache: a full disk or a read-only folder costs the next change time, not this one.
  }
}

let version: string | null = null;

/** The digest of every file of ingest/ and domain/: the archive stages' code; any edit there makes every kept part stale. */
function archiveVersion(): string {
  if (version) return version;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|json)$/.test(entry.name))
        hash
          .update(path)
          .update('\u0000')
          .update(readFileSync(join(root, path)));
    }
  };
  walk('ingest');
  walk('domain');
  version = hash.digest('hex').slice(0, 16);
  return version;
}
