import type { GraphDocument, GraphNode } from '../../domain/model.ts';
import { normaliseName } from '../../domain/normalise.ts';
import type { GoldLetter } from './gold.ts';

/**
 * Scoring by the annotation guide's rules: an extracted entity matches a gold
 * entity of the same kind when a name of one (name or alias, normalised)
 * equals a name of the other; matching is one-to-one. Commitments match on
 * (value, unit) within the letter plus overlapping text. Header fields are
 * scored field by field, and the eight fields of shared/eval/score.mjs are
 * also counted where the gold fills them. Overall figures are micro-averaged
 * over entities and commitments. It follows the project's judge,
 * shared/eval/score.mjs: a node's names count only where the letter's text
 * holds them (so a wrong merge across letters cannot turn into a match), and a
 * node matched to gold entities of different names in different letters is
 * reported as a wrong merge.
 */
export const ENTITY_KINDS = ['Organization', 'Person', 'Platform', 'Enterprise', 'Policy', 'Programme'] as const;

export interface Tally {
  gold: number;
  found: number;
  matched: number;
}

export interface LetterScore {
  file: string;
  kinds: Record<string, Tally>;
  commitments: Tally;
  achievements: Tally | null;
  header: { fields: number; correct: number; wrong: string[] };
  /** The judge's eight header fields, counting only those the gold fills. */
  filled: { fields: number; correct: number };
  /** Node id → the gold name it matched here (for wrong merges across letters). */
  matchedGold: Array<[string, string]>;
  misses: Array<{ kind: string; name: string }>;
  extras: Array<{ kind: string; name: string }>;
}

export function f1(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.found === 0 ? (t.gold === 0 ? 1 : 0) : t.matched / t.found;
  const recall = t.gold === 0 ? 1 : t.matched / t.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function addTally(a: Tally, b: Tally): Tally {
  return { gold: a.gold + b.gold, found: a.found + b.found, matched: a.matched + b.matched };
}

export function scoreLetter(gold: GoldLetter, graph: GraphDocument): LetterScore | null {
  const letter = graph.nodes.find((n) => n.kind === 'Letter' && n.props.source === gold.file);
  if (!letter) return null;
  const inLetter = graph.nodes.filter((n) => n.mentions.some((m) => m.letter === letter.id));
  const kinds: Record<string, Tally> = {};
  const misses: LetterScore['misses'] = [];
  const extras: LetterScore['extras'] = [];
  const text = normaliseName(String(letter.props.text ?? ''));
  const matchedGold: Array<[string, string]> = [];
  for (const kind of ENTITY_KINDS) {
    const goldOfKind = gold.entities.filter((e) => e.kind === kind);
    const found = inLetter.filter((n) => n.kind === kind);
    const used = new Set<number>();
    let matched = 0;
    for (const node of found) {
      const all = [node.name, ...node.aliases].map(normaliseName).filter(Boolean);
      const here = text ? all.filter((n) => text.includes(n)) : all;
      const names = new Set(here.length > 0 ? here : [normaliseName(node.name)]);
      const hit = goldOfKind.findIndex(
        (g, i) => !used.has(i) && [g.name, ...(g.aliases ?? [])].some((n) => names.has(normaliseName(n))),
      );
      if (hit === -1) extras.push({ kind, name: node.name });
      else {
        used.add(hit);
        matched++;
        matchedGold.push([node.id, normaliseName(goldOfKind[hit].name)]);
      }
    }
    goldOfKind.forEach((g, i) => {
      if (!used.has(i)) misses.push({ kind, name: g.name });
    });
    kinds[kind] = { gold: goldOfKind.length, found: found.length, matched };
  }
  const figures = (kind: 'Commitment' | 'Achievement') => inLetter.filter((n) => n.kind === kind);
  return {
    file: gold.file,
    kinds,
    commitments: matchFigures(gold.commitments, figures('Commitment'), misses, extras, 'Commitment'),
    achievements: gold.achievements
      ? matchFigures(gold.achievements, figures('Achievement'), [], [], 'Achievement')
      : null,
    header: scoreHeader(gold, letter, graph),
    filled: scoreFilled(gold, letter, graph),
    misses,
    extras,
    matchedGold,
  };
}

function matchFigures(
  gold: Array<{ text: string; value: number; unit: string }>,
  found: GraphNode[],
  misses: LetterScore['misses'],
  extras: LetterScore['extras'],
  kind: string,
): Tally {
  const used = new Set<number>();
  let matched = 0;
  for (const node of found) {
    const text = normaliseName(String(node.props.text ?? node.name));
    const hit = gold.findIndex(
      (g, i) =>
        !used.has(i) &&
        g.value === node.props.value &&
        g.unit === node.props.unit &&
        overlaps(normaliseName(g.text), text),
    );
    if (hit === -1) extras.push({ kind, name: `${node.props.value} ${node.props.unit} — ${text}` });
    else {
      used.add(hit);
      matched++;
    }
  }
  gold.forEach((g, i) => {
    if (!used.has(i)) misses.push({ kind, name: `${g.value} ${g.unit} — ${g.text}` });
  });
  return { gold: gold.length, found: found.length, matched };
}

/** Two clause texts overlap when one holds the other or half of the shorter one's character pairs are shared (as the judge counts). */
function overlaps(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const pairs = (x: string) => new Set([...x].map((_, i) => x.slice(i, i + 2)).filter((p) => p.length === 2));
  const A = pairs(a);
  const B = pairs(b);
  let shared = 0;
  for (const p of A) if (B.has(p)) shared++;
  return shared / Math.max(1, Math.min(A.size, B.size)) >= 0.5;
}

/** The judge's eight fields, each counted only where the gold fills it (a number compares as a number, an identifier as text). */
function scoreFilled(gold: GoldLetter, letter: GraphNode, graph: GraphDocument): { fields: number; correct: number } {
  const g = gold.letter;
  const answers = graph.edges.find((e) => e.type === 'ANSWERS' && e.source === letter.id);
  const proposal = answers ? graph.nodes.find((n) => n.id === answers.target) : undefined;
  const names = (type: string, from: string | undefined) =>
    new Set(
      graph.edges
        .filter((e) => e.type === type && e.source === from)
        .map((e) => normaliseName(graph.nodes.find((n) => n.id === e.target)?.name ?? '')),
    );
  const same = (a: Set<string>, b: string[]) =>
    a.size === new Set(b.map(normaliseName)).size && b.every((x) => a.has(normaliseName(x)));
  const number = g.proposal?.number;
  const checks: Array<[boolean, boolean]> = [
    [!!g.docNumber, normaliseName(String(letter.props.docNumber ?? '')) === normaliseName(g.docNumber ?? '')],
    [!!g.date, String(letter.props.date ?? '').slice(0, 10) === g.date],
    [
      number != null,
      Number.isFinite(Number(number))
        ? Number(proposal?.props.number) === Number(number)
        : normaliseName(String(proposal?.props.number ?? '')) === normaliseName(String(number)),
    ],
    [!!g.proposal?.kind, normaliseName(String(proposal?.props.kind ?? '')) === normaliseName(g.proposal?.kind ?? '')],
    [
      !!g.proposal?.title,
      normaliseName(String(proposal?.props.title ?? '')) === normaliseName(g.proposal?.title ?? ''),
    ],
    [
      g.proposers.length > 0,
      same(
        names('PROPOSED_BY', proposal?.id),
        g.proposers.map((p) => p.name),
      ),
    ],
    [
      g.contacts.length > 0,
      same(
        names('CONTACT', letter.id),
        g.contacts.map((c) => c.name),
      ),
    ],
    [g.cc.length > 0, same(names('CC', letter.id), g.cc)],
  ];
  const filled = checks.filter(([isFilled]) => isFilled);
  return { fields: filled.length, correct: filled.filter(([, ok]) => ok).length };
}

function scoreHeader(gold: GoldLetter, letter: GraphNode, graph: GraphDocument): LetterScore['header'] {
  const wrong: string[] = [];
  let fields = 0;
  const check = (field: string, expected: unknown, actual: unknown) => {
    fields++;
    const norm = (v: unknown) => (typeof v === 'string' ? normaliseName(v) : JSON.stringify(v ?? null));
    if (norm(expected) !== norm(actual))
      wrong.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual ?? null)}`);
  };
  const g = gold.letter;
  check('docNumber', g.docNumber, letter.props.docNumber);
  check('issuer', g.issuer, letter.props.issuer);
  check('date', g.date, letter.props.date);
  const answers = graph.edges.find((e) => e.type === 'ANSWERS' && e.source === letter.id);
  const proposal = answers ? graph.nodes.find((n) => n.id === answers.target) : undefined;
  for (const key of ['body', 'session', 'number', 'kind', 'title'] as const)
    check(`proposal.${key}`, g.proposal?.[key] ?? null, proposal?.props[key] ?? null);
  const namesOf = (type: string, from: string) =>
    graph.edges
      .filter((e) => e.type === type && e.source === from)
      .map((e) => graph.nodes.find((n) => n.id === e.target)?.name ?? '')
      .map(normaliseName)
      .sort();
  check(
    'proposers',
    g.proposers.map((p) => normaliseName(p.name)).sort(),
    proposal ? namesOf('PROPOSED_BY', proposal.id) : [],
  );
  check('contacts', g.contacts.map((c) => normaliseName(c.name)).sort(), namesOf('CONTACT', letter.id));
  check('cc', g.cc.map(normaliseName).sort(), namesOf('CC', letter.id));
  return { fields, correct: fields - wrong.length, wrong };
}
