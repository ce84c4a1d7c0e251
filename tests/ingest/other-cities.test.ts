import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphOfTexts } from '../helpers/extract.ts';
import { parseText } from '../helpers/parse.ts';

/**
 * Letters of other cities, written for this project (tests/fixtures/other-cities),
 * each with what a careful reader takes from it. The header must be read
 * exactly; the entities are scored as shared/eval/score.mjs scores them (a
 * node matches an expected entity of its kind by its name or an alias).
 */
const DIR = fileURLToPath(new URL('../fixtures/other-cities/', import.meta.url));
const letters = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const KINDS = ['Platform', 'Enterprise', 'Organization', 'Person', 'Policy', 'Programme'];
const norm = (s: string) => s.normalize('NFKC').replace(/[“”"'‘’《》〈〉「」『』\s]/g, '');

interface Expected {
  header: {
    docNumber: string | null;
    issuer: string | null;
    date: string | null;
    number: number | null;
    kind: string | null;
    proposers: string[];
    contacts: string[];
    cc: string[];
  };
  entities: string[];
}
const expectedOf = (file: string) =>
  JSON.parse(readFileSync(`${DIR}${file.replace(/\.txt$/, '.expected.json')}`, 'utf8')) as Expected;
const textOf = (file: string) => readFileSync(`${DIR}${file}`, 'utf8');

/** Matched, found and expected entities of one letter, with what was missed and what was extra. */
function score(file: string) {
  const graph = graphOfTexts({ [file]: textOf(file) });
  const letter = graph.nodes.find((n) => n.kind === 'Letter')!;
  const found = graph.nodes.filter((n) => KINDS.includes(n.kind) && n.mentions.some((m) => m.letter === letter.id));
  const wanted = expectedOf(file).entities.map((e) => {
    const [kind, names] = e.split(/:(.*)/s);
    return { kind, keys: new Set(names.split('|').map(norm)), label: e };
  });
  const used = new Set<number>();
  const extra: string[] = [];
  for (const node of found) {
    const names = [node.name, ...node.aliases].map(norm);
    const i = wanted.findIndex((w, j) => !used.has(j) && w.kind === node.kind && names.some((n) => w.keys.has(n)));
    if (i >= 0) used.add(i);
    else extra.push(`${node.kind}:${node.name}`);
  }
  return {
    matched: used.size,
    found: found.length,
    expected: wanted.length,
    missed: wanted.filter((_, j) => !used.has(j)).map((w) => w.label),
    extra,
  };
}

describe('letters of other cities', () => {
  it('has the letters', () => expect(letters.length).toBeGreaterThanOrEqual(4));

  it.each(letters)('%s: the header as a reader reads it', (file) => {
    const letter = parseText(textOf(file), file);
    expect({
      docNumber: letter.docNumber?.text ?? null,
      issuer: letter.issuer?.name ?? null,
      date: letter.date?.value ?? null,
      number: letter.proposal?.number ?? null,
      kind: letter.proposal?.kind ?? null,
      proposers: letter.proposers.map((p) => p.name),
      contacts: letter.contacts.map((c) => c.name),
      cc: letter.cc.map((c) => c.text),
    }).toEqual(expectedOf(file).header);
  });

  it('finds the entities a reader finds, and little else (F1 at least 0.95)', () => {
    const scores = letters.map(score);
    const matched = scores.reduce((s, x) => s + x.matched, 0);
    const precision = matched / scores.reduce((s, x) => s + x.found, 0);
    const recall = matched / scores.reduce((s, x) => s + x.expected, 0);
    const f1 = (2 * precision * recall) / (precision + recall);
    const misses = scores.flatMap((s, i) => [
      ...s.missed.map((m) => `${letters[i]} missed ${m}`),
      ...s.extra.map((m) => `${letters[i]} extra ${m}`),
    ]);
    expect({ f1: +f1.toFixed(3) >= 0.95, misses }).toMatchObject({ f1: true });
  });
});
