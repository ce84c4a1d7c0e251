import { describe, expect, it } from 'vitest';
import { newElements, shortLabel, toElements } from '../../web/src/elements.ts';
import { toCsv, toGraphML } from '../../web/src/export-formats.ts';
import { edgeVisible, facetKey, NO_FILTERS, nodeVisible } from '../../web/src/filters.ts';
import { nameWithPlace } from '../../web/src/place-label.ts';
import type { ApiNode } from '../../web/src/model.ts';
import { commitmentsCsv, sortRows, type CommitmentRow } from '../../web/src/panels/commitments-view.ts';
import { figure, pieces, sentenceEnd } from '../../web/src/letter-text.ts';
import { overlaps, packGroups, placeAround } from '../../web/src/summary-layout.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from '../../web/src/url-state.ts';

const node = (id: string, kind: string, extra: Partial<ApiNode> = {}): ApiNode => ({
  id,
  kind,
  name: id.split(':')[1],
  aliases: [],
  letterCount: 1,
  chains: [],
  ...extra,
});

describe('GraphQL results to Cytoscape elements', () => {
  it('keeps kind, chains, letters and weight, and drops edges without both ends', () => {
    const elements = toElements({
      nodes: [
        node('Platform:瓯江实验室', 'Platform', {
          letterCount: 3,
          chains: [
            { chain: { name: '创新链' }, basis: 'HEADING' },
            { chain: { name: '人才链' }, basis: 'VOCABULARY' },
          ],
        }),
        node('Letter:a.txt', 'Letter'),
      ],
      edges: [
        {
          id: 'MENTIONS|Letter:a.txt|Platform:瓯江实验室',
          type: 'MENTIONS',
          source: 'Letter:a.txt',
          target: 'Platform:瓯江实验室',
        },
        {
          id: 'MENTIONS|Letter:a.txt|Platform:gone',
          type: 'MENTIONS',
          source: 'Letter:a.txt',
          target: 'Platform:gone',
        },
      ],
    });
    expect(elements).toHaveLength(3);
    expect(elements[0].data).toMatchObject({
      id: 'Platform:瓯江实验室',
      kind: 'Platform',
      weight: 3,
      chains: ['创新链', '人才链'],
    });
    expect(elements[2].data).toMatchObject({ source: 'Letter:a.txt', target: 'Platform:瓯江实验室', type: 'MENTIONS' });
  });

  it('shortens long labels and leaves short ones', () => {
    expect(shortLabel({ kind: 'Platform', name: '瓯江实验室' })).toBe('瓯江实验室');
    expect(shortLabel({ kind: 'Commitment', name: '全年招引创新型项目3000个以上再加一些字' })).toBe(
      '全年招引创新型项目3000个…',
    );
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

  it('the year filter keeps what letters of that year mention, and keeps a node whose years are not known yet', () => {
    const years = new Map([
      ['Platform:a', [2019, 2023]],
      ['Platform:b', [2024]],
    ]);
    const filters = { ...NO_FILTERS, year: 2023 };
    expect(nodeVisible({ id: 'Platform:a', kind: 'Platform' }, filters, null, years)).toBe(true);
    expect(nodeVisible({ id: 'Platform:b', kind: 'Platform' }, filters, null, years)).toBe(false);
    expect(nodeVisible({ id: 'Platform:c', kind: 'Platform' }, filters, null, years)).toBe(true);
  });

  it('the place and year facet hides what the API did not keep, once it has judged the node', () => {
    const filters = { ...NO_FILTERS, places: ['330100'], year: 2024 };
    const scope = {
      key: facetKey(filters),
      asked: new Set(['Platform:a', 'Platform:b', 'Platform:c']),
      kept: new Map([
        ['Platform:a', false],
        ['Platform:c', true],
      ]),
    };
    const years = new Map([['Platform:c', [] as number[]]]);
    expect(nodeVisible({ id: 'Platform:a', kind: 'Platform' }, filters, null, years, scope)).toBe(true);
    expect(nodeVisible({ id: 'Platform:b', kind: 'Platform' }, filters, null, years, scope)).toBe(false);
    // Named only by an undated letter: the year keeps it (the years rule alone would have hidden it).
    expect(nodeVisible({ id: 'Platform:c', kind: 'Platform' }, filters, null, years, scope)).toBe(true);
    // Not judged yet, or judged for another choice of places: not hidden by the facet.
    expect(nodeVisible({ id: 'Platform:d', kind: 'Platform' }, filters, null, years, scope)).toBe(true);
    expect(
      nodeVisible({ id: 'Platform:b', kind: 'Platform' }, { ...filters, places: ['330200'] }, null, null, scope),
    ).toBe(true);
  });

  it.each([
    ['Organization:区科技局@北京市朝阳区', '区科技局', '区科技局（北京市朝阳区）'],
    ['Organization:市委@letter:no-place.txt', '市委', '市委（仅见 no-place.txt）'],
    ['Organization:温州市科学技术局', '温州市科学技术局', '温州市科学技术局'],
    // A letter's file name is no local name, whatever it holds.
    ['Letter:a@b.txt', 'a@b.txt', 'a@b.txt'],
  ])('a local name shows its place: %s', (id, name, shown) => {
    expect(nameWithPlace({ id, name }, 'zh')).toBe(shown);
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
    const state = {
      view: 'letter' as const,
      selected: 'Platform:瓯江实验室',
      filters: {
        kinds: ['Platform', 'Programme'],
        edgeTypes: ['MENTIONS'],
        chain: '人才链',
        letter: 'Letter:a.txt',
        year: 2023,
        places: ['330100', '330200'],
      },
      lang: 'en' as const,
      pathFrom: 'Platform:a',
      pathTo: 'Platform:b',
      letterSource: 'a.txt',
      whole: true,
      letterAt: 120,
      hubs: true,
      colour: 'chain' as const,
      camera: { zoom: 0.4213, x: -120, y: 35 },
      // Names hold commas (a list item's): the expanded things survive as they were.
      expanded: ['Platform:甲、乙,丙', 'Programme:揭榜挂帅'],
      cell: '创新链,产业链',
      community: 3,
    };
    expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
  });

  it('the default state is the bare URL, and junk decodes to defaults', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('?view=nonsense&lang=fr')).toEqual(DEFAULT_URL_STATE);
  });
});

describe('placing without overlaps', () => {
  const boxAt = (p: { x: number; y: number }, w: number, h: number) => ({
    x1: p.x - w / 2,
    y1: p.y - h / 2,
    x2: p.x + w / 2,
    y2: p.y + h / 2,
  });
  const items = Array.from({ length: 37 }, (_, i) => ({
    id: `n${i}`,
    group: ['Platform', 'Programme', 'Organization'][i % 3],
    w: 40 + ((i * 17) % 110),
    h: 30 + (i % 4) * 6,
  }));
  const titles = new Map([
    ['Platform', { id: 't:Platform', w: 120, h: 18 }],
    ['Programme', { id: 't:Programme', w: 140, h: 18 }],
  ]);

  it('packs each kind under its title, no two boxes overlapping, the same way every time', () => {
    const placed = packGroups(items, titles, 600);
    const boxes = [
      ...items.map((i) => boxAt(placed.get(i.id)!, i.w, i.h)),
      ...[...titles.values()].map((t) => boxAt(placed.get(t.id)!, t.w, t.h)),
    ];
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)));
    expect(clashes).toEqual([]);
    expect(placed.get('t:Platform')!.y).toBeLessThan(placed.get('n0')!.y);
    expect(Math.max(...items.map((i) => placed.get(i.id)!.x + i.w / 2))).toBeLessThanOrEqual(600);
    expect([...packGroups(items, titles, 600)]).toEqual([...placed]);
  });

  it('puts new boxes around a centre in free places only', () => {
    const occupied = [
      { x1: -50, y1: -20, x2: 50, y2: 20 },
      { x1: 60, y1: -20, x2: 160, y2: 20 },
    ];
    const sizes = Array.from({ length: 12 }, () => ({ w: 80, h: 30, dx: 40, dy: 10 }));
    const places = placeAround({ x: 0, y: 0 }, sizes, occupied);
    const boxes = places.map((p) => ({ x1: p.x - 40, y1: p.y - 10, x2: p.x + 40, y2: p.y + 20 }));
    expect(boxes.flatMap((a, i) => [...occupied, ...boxes.slice(i + 1)].filter((b) => overlaps(a, b)))).toEqual([]);
    expect(Math.max(...places.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(400);
  });
});

describe('the letter reader', () => {
  const text = '推进瓯江实验室建设，力争建设平台10家以上。感谢支持。';
  const lab = { start: 2, end: 7, node: { id: 'Platform:瓯江实验室', kind: 'Platform', name: '瓯江实验室' } };
  const promise = {
    start: 10,
    end: 21,
    node: {
      id: 'Commitment:x',
      kind: 'Commitment',
      name: '力争建设平台10家以上',
      value: 10,
      unit: '家',
      qualifier: '以上',
      year: 2024,
    },
  };

  it('cuts the text at every span edge; each piece knows its innermost name and the clause around it', () => {
    const parts = pieces(text, [lab, promise]);
    expect(parts.map((p) => text.slice(p.from, p.to)).join('')).toBe(text);
    expect(parts.find((p) => text.slice(p.from, p.to) === '瓯江实验室')!.name).toBe(lab);
    expect(
      parts
        .filter((p) => p.clause === promise)
        .map((p) => text.slice(p.from, p.to))
        .join(''),
    ).toBe('力争建设平台10家以上');
    expect(parts.find((p) => text.slice(p.from, p.to) === '推进')!.name).toBeNull();
  });

  it('writes a commitment’s figure with its qualifier and year, and finds where a sentence ends', () => {
    expect(figure(promise)).toBe('10家以上 · 2024');
    expect(text.slice(0, sentenceEnd(text, 0))).toBe('推进瓯江实验室建设，力争建设平台10家以上。');
  });
});

describe('exports', () => {
  it('GraphML escapes text from letters', () => {
    const xml = toGraphML(
      [{ id: 'Policy:<x>', kind: 'Policy', name: '《A&B》"q"' }],
      [{ id: 'e', type: 'CC', source: 'a', target: 'b' }],
    );
    expect(xml).toContain('<node id="Policy:&lt;x&gt;">');
    expect(xml).toContain('《A&amp;B》&quot;q&quot;');
    expect(xml).not.toContain('<x>');
  });

  it('CSV quotes commas, quotes and line ends, with a BOM for Excel', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('\ufeffa,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });

  const rows: CommitmentRow[] = [
    {
      id: '1',
      text: 'b',
      value: 10,
      unit: '家',
      qualifier: null,
      year: 2024,
      letter: 'L1',
      place: '杭州市',
      chains: [{ chain: { name: '人才链' } }],
    },
    { id: '2', text: 'a', value: 2, unit: '个', qualifier: '以上', year: null, letter: 'L2', place: '', chains: [] },
    {
      id: '3',
      text: 'c',
      value: 300,
      unit: '个',
      qualifier: null,
      year: 2023,
      letter: 'L1',
      place: '杭州市',
      chains: [],
    },
  ];
  it('sorts commitments by value within each unit (never 10 家 between 2 个 and 300 个), and by year with blanks last', () => {
    expect(sortRows(rows, 'value', true).map((r) => `${r.value}${r.unit}`)).toEqual(['2个', '300个', '10家']);
    expect(sortRows(rows, 'value', false).map((r) => `${r.value}${r.unit}`)).toEqual(['300个', '2个', '10家']);
    expect(sortRows(rows, 'year', true).map((r) => r.year)).toEqual([2023, 2024, null]);
  });

  it('exports commitments as CSV with their place and chains', () => {
    expect(commitmentsCsv(rows).split('\r\n')[1]).toBe('b,10,家,,2024,L1,杭州市,人才链');
  });
});
