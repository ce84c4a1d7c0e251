import { describe, expect, it } from 'vitest';
import { chainElements, type MatrixPair } from '../../web/src/chain-elements.ts';
import { newElements, shortLabel, toElements } from '../../web/src/elements.ts';
import { toCsv, toGraphML } from '../../web/src/export-formats.ts';
import { edgeVisible, NO_FILTERS, nodeVisible } from '../../web/src/filters.ts';
import type { ApiNode } from '../../web/src/model.ts';
import { commitmentsCsv, sortRows, type CommitmentRow } from '../../web/src/panels/commitments-view.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from '../../web/src/url-state.ts';

const node = (id: string, kind: string, extra: Partial<ApiNode> = {}): ApiNode => ({
  id, kind, name: id.split(':')[1], aliases: [], letterCount: 1, chains: [], ...extra,
});

describe('GraphQL results to Cytoscape elements', () => {
  it('keeps kind, chains, letters and weight, and drops edges without both ends', () => {
    const elements = toElements({
      nodes: [node('Platform:瓯江实验室', 'Platform', { letterCount: 3, chains: [{ chain: { name: '创新链' }, basis: 'HEADING' }, { chain: { name: '人才链' }, basis: 'VOCABULARY' }] }), node('Letter:a.txt', 'Letter')],
      edges: [
        { id: 'MENTIONS|Letter:a.txt|Platform:瓯江实验室', type: 'MENTIONS', source: 'Letter:a.txt', target: 'Platform:瓯江实验室' },
        { id: 'MENTIONS|Letter:a.txt|Platform:gone', type: 'MENTIONS', source: 'Letter:a.txt', target: 'Platform:gone' },
      ],
    });
    expect(elements).toHaveLength(3);
    expect(elements[0].data).toMatchObject({ id: 'Platform:瓯江实验室', kind: 'Platform', weight: 3, chains: ['创新链', '人才链'], explicitChains: ['创新链'] });
    expect(elements[2].data).toMatchObject({ source: 'Letter:a.txt', target: 'Platform:瓯江实验室', type: 'MENTIONS' });
  });

  it('shortens long labels and leaves short ones', () => {
    expect(shortLabel({ kind: 'Platform', name: '瓯江实验室' })).toBe('瓯江实验室');
    expect(shortLabel({ kind: 'Commitment', name: '全年招引创新型项目3000个以上再加一些字' })).toBe('全年招引创新型项目3000个…');
  });

  it('an expand adds only what is not there yet', () => {
    const incoming = toElements({ nodes: [node('Platform:a', 'Platform'), node('Platform:b', 'Platform')], edges: [] });
    expect(newElements(new Set(['Platform:a']), incoming).map((e) => e.data.id)).toEqual(['Platform:b']);
  });
});

describe('filters', () => {
  const lab = { id: 'Platform:瓯江实验室', kind: 'Platform', chains: ['创新链'] };
  const mentionedByA = new Set(['Platform:瓯江实验室']);
  it.each([
    ['no filter shows everything', NO_FILTERS, true],
    ['a kind filter with its kind', { ...NO_FILTERS, kinds: ['Platform'] }, true],
    ['a kind filter without its kind', { ...NO_FILTERS, kinds: ['Policy'] }, false],
    ['a chain it advances', { ...NO_FILTERS, chain: '创新链' }, true],
    ['a chain it does not advance', { ...NO_FILTERS, chain: '资金链' }, false],
    ['a letter that mentions it', { ...NO_FILTERS, letter: 'Letter:a.txt' }, true],
    ['a letter that does not', { ...NO_FILTERS, letter: 'Letter:b.txt' }, false],
  ])('%s', (_name, filters, visible) => {
    expect(nodeVisible(lab, filters, filters.letter === 'Letter:a.txt' ? mentionedByA : new Set())).toBe(visible);
  });

  it('a letter filter hides nothing until the letter’s nodes are known', () => {
    expect(nodeVisible(lab, { ...NO_FILTERS, letter: 'Letter:b.txt' }, null)).toBe(true);
  });

  it('the chain and letter a filter names stay visible themselves', () => {
    expect(nodeVisible({ id: 'Chain:资金链', kind: 'Chain' }, { ...NO_FILTERS, chain: '资金链' })).toBe(true);
    expect(nodeVisible({ id: 'Letter:b.txt', kind: 'Letter' }, { ...NO_FILTERS, letter: 'Letter:b.txt' })).toBe(true);
  });

  it('an edge shows when its type is chosen and both ends are visible', () => {
    const edge = { type: 'MENTIONS', source: 'a', target: 'b' };
    expect(edgeVisible(edge, NO_FILTERS, new Set(['a', 'b']))).toBe(true);
    expect(edgeVisible(edge, NO_FILTERS, new Set(['a']))).toBe(false);
    expect(edgeVisible(edge, { ...NO_FILTERS, edgeTypes: ['CC'] }, new Set(['a', 'b']))).toBe(false);
  });
});

describe('URL state', () => {
  it('round-trips every shareable part', () => {
    const state = { view: 'letter' as const, selected: 'Platform:瓯江实验室', filters: { kinds: ['Platform', 'Programme'], edgeTypes: ['MENTIONS'], chain: '人才链', letter: 'Letter:a.txt' }, lang: 'en' as const, pathFrom: 'Platform:a', pathTo: 'Platform:b', letterSource: 'a.txt' };
    expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
  });

  it('the default state is the bare URL, and junk decodes to defaults', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('?view=nonsense&lang=fr')).toEqual(DEFAULT_URL_STATE);
  });
});

describe('the four-chain view', () => {
  const n = (id: string, kind = 'Programme') => ({ node: { id, kind, name: id, letterCount: 1 } });
  const matrix: MatrixPair[] = [
    { a: { name: '产业链' }, b: { name: '产业链' }, count: 2, nodes: [n('P:only-industry'), n('P:both')] },
    { a: { name: '人才链' }, b: { name: '人才链' }, count: 1, nodes: [n('P:both')] },
    { a: { name: '产业链' }, b: { name: '人才链' }, count: 1, nodes: [n('P:both')] },
    { a: { name: '创新链' }, b: { name: '创新链' }, count: 1, nodes: [n('Organization:skip', 'Organization')] },
  ];
  const elements = chainElements(matrix);
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('puts a thing that advances one chain inside it, and one that advances two between them', () => {
    expect(byId.get('P:only-industry')!.data.parent).toBe('area:产业链');
    expect(byId.get('P:both')!.data.parent).toBeUndefined();
    expect(byId.get('tie:P:both:产业链')!.data.target).toBe('anchor:产业链');
    expect(byId.has('tie:P:both:人才链')).toBe(true);
    expect(byId.get('anchor:产业链')!.data).toMatchObject({ parent: 'area:产业链' });
  });

  it('links chains by how many things bridge them, and leaves out kinds the view does not show', () => {
    expect(byId.get('link:产业链:人才链')!.data).toMatchObject({ weight: 1, a: '产业链', b: '人才链' });
    expect(byId.has('Organization:skip')).toBe(false);
  });
});

describe('exports', () => {
  it('GraphML escapes text from letters', () => {
    const xml = toGraphML([{ id: 'Policy:<x>', kind: 'Policy', name: '《A&B》"q"' }], [{ id: 'e', type: 'CC', source: 'a', target: 'b' }]);
    expect(xml).toContain('<node id="Policy:&lt;x&gt;">');
    expect(xml).toContain('《A&amp;B》&quot;q&quot;');
    expect(xml).not.toContain('<x>');
  });

  it('CSV quotes commas, quotes and line ends, with a BOM for Excel', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1, null]])).toBe('\ufeffa,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });

  const rows: CommitmentRow[] = [
    { id: '1', text: 'b', value: 10, unit: '家', qualifier: null, year: 2024, letter: 'L1', chains: [{ chain: { name: '人才链' } }] },
    { id: '2', text: 'a', value: 2, unit: '个', qualifier: '以上', year: null, letter: 'L2', chains: [] },
    { id: '3', text: 'c', value: 300, unit: '个', qualifier: null, year: 2023, letter: 'L1', chains: [] },
  ];
  it('sorts commitments by value numerically and by year with blanks last', () => {
    expect(sortRows(rows, 'value', true).map((r) => r.value)).toEqual([2, 10, 300]);
    expect(sortRows(rows, 'value', false).map((r) => r.value)).toEqual([300, 10, 2]);
    expect(sortRows(rows, 'year', true).map((r) => r.year)).toEqual([2023, 2024, null]);
  });

  it('exports commitments as CSV with their chains', () => {
    expect(commitmentsCsv(rows).split('\r\n')[1]).toBe('b,10,家,,2024,L1,人才链');
  });
});
