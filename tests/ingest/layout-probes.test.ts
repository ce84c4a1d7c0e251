import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers/parse.ts';

/**
 * Letters written in 25 layouts seen on portals (tests/fixtures/layouts/probes),
 * each with what a careful reader takes from its header. Every field must match.
 */
const DIR = fileURLToPath(new URL('../fixtures/layouts/probes/', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const norm = (value: unknown) => (value == null ? null : String(value).replace(/[\s“”"《》]/g, ''));

interface Expected {
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  proposal: { number: number | string | null; kind: string | null; title: string | null };
  proposers: string[];
  contacts: string[];
  cc: string[];
}

describe('headers of 25 portal layouts', () => {
  it('has the letters', () => expect(files.length).toBeGreaterThanOrEqual(25));

  it.each(files)('%s', (file) => {
    const expected = JSON.parse(readFileSync(`${DIR}${file.replace(/\.txt$/, '.expected.json')}`, 'utf8')) as Expected;
    const letter = parseText(readFileSync(`${DIR}${file}`, 'utf8'), file);
    expect({
      docNumber: norm(letter.docNumber?.text),
      issuer: norm(letter.issuer?.name),
      date: letter.date?.value ?? null,
      number: letter.proposal?.number ?? null,
      kind: letter.proposal?.kind ?? null,
      title: norm(letter.proposal?.title),
      proposers: letter.proposers.map((p) => norm(p.name)),
      contacts: letter.contacts.map((c) => norm(c.name)),
      cc: letter.cc.map((c) => norm(c.text)),
    }).toEqual({
      docNumber: norm(expected.docNumber),
      issuer: norm(expected.issuer),
      date: expected.date,
      number: expected.proposal.number,
      kind: expected.proposal.kind,
      title: norm(expected.proposal.title),
      proposers: expected.proposers.map(norm),
      contacts: expected.contacts.map(norm),
      cc: expected.cc.map(norm),
    });
  });
});
