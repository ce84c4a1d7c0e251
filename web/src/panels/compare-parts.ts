import { h } from '../dom.ts';
import { chainName, type Lang } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { pw } from '../place-words.ts';

/**
 * The parts of the compare view that put places side by side: a small
 * four-chain matrix per place on one colour scale (so a darker cell is more
 * in either place), and the commitments of each place on each indicator,
 * one row per indicator, one column per place, year by year.
 */
export interface ComparedPair {
  a: { name: string };
  b: { name: string };
  count: number;
}
export interface ComparedCommitment {
  id: string;
  text: string;
  value: number;
  unit: string;
  letter: { source: string; docNumber: string | null };
}
export interface IndicatorYear {
  indicator: { id: string; name: string } | null;
  year: number | null;
  commitments: ComparedCommitment[];
}

/** One place's matrix: cells shaded on `strongest` (the largest off-diagonal cell of all places compared). */
export function miniMatrix(
  pairs: ComparedPair[],
  strongest: number,
  lang: Lang,
  open: (a: string, b: string) => void,
): HTMLElement {
  const countOf = (a: string, b: string) =>
    pairs.find((p) => (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a))?.count ?? 0;
  const cell = (a: string, b: string) => {
    const count = countOf(a, b);
    if (a === b) return h('td', { class: 'diagonal' }, String(count));
    const td = h(
      'td',
      {
        class: 'pair',
        'data-pair': `${a}|${b}`,
        tabindex: '0',
        role: 'button',
        onclick: () => open(a, b),
        onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && open(a, b),
      },
      String(count),
    );
    td.style.background = `rgb(37 99 235 / ${(0.04 + 0.5 * (count / Math.max(1, strongest))).toFixed(2)})`;
    return td;
  };
  return h(
    'table',
    { class: 'mini-matrix' },
    h('thead', {}, h('tr', {}, h('th', {}), ...CHAIN_NAMES.map((c) => h('th', { scope: 'col' }, short(c, lang))))),
    h(
      'tbody',
      {},
      ...CHAIN_NAMES.map((a) =>
        h('tr', {}, h('th', { scope: 'row' }, short(a, lang)), ...CHAIN_NAMES.map((b) => cell(a, b))),
      ),
    ),
  );
}

/** 创新链 → 创新; Innovation chain → Innovation: the small matrix's headers. */
const short = (chain: string, lang: Lang) => chainName(chain, lang).replace(/链$| chain$/, '');

/** The largest count off the diagonal among several places' matrices. */
export function strongestPair(matrices: ComparedPair[][]): number {
  return Math.max(
    1,
    ...matrices
      .flat()
      .filter((p) => p.a.name !== p.b.name)
      .map((p) => p.count),
  );
}

/** Rows: every indicator any place commits on (by name); per place the commitments on it, by year. */
export function indicatorTable(
  places: Array<{ name: string; commitments: IndicatorYear[] }>,
  lang: Lang,
  open: (id: string) => void,
): HTMLElement {
  const rows = new Map<string, { name: string; perPlace: IndicatorYear[][] }>();
  places.forEach((place, column) => {
    for (const group of place.commitments) {
      const key = group.indicator?.id ?? '';
      const row = rows.get(key) ?? {
        name: group.indicator?.name ?? pw('compare.noIndicator', lang),
        perPlace: places.map(() => []),
      };
      row.perPlace[column].push(group);
      rows.set(key, row);
    }
  });
  // Indicators several places commit on first: those are the comparisons; the unmeasured last.
  const ordered = [...rows]
    .sort(
      ([ka, a], [kb, b]) =>
        Number(ka === '') - Number(kb === '') ||
        b.perPlace.filter((p) => p.length > 0).length - a.perPlace.filter((p) => p.length > 0).length ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map(([, row]) => row);
  const entry = (group: IndicatorYear) =>
    h(
      'li',
      {},
      h('span', { class: 'year' }, group.year === null ? pw('compare.noYear', lang) : String(group.year)),
      ' ',
      ...group.commitments.map((c) =>
        h(
          'a',
          {
            href: '#',
            class: 'figure',
            title: `${c.text} — ${c.letter.docNumber ?? c.letter.source}`,
            onclick: (e: Event) => {
              e.preventDefault();
              open(c.id);
            },
          },
          `${formatValue(c.value)}${c.unit}`,
        ),
      ),
    );
  return h(
    'table',
    { class: 'compare-ledger' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, pw('compare.indicator', lang)), ...places.map((p) => h('th', { scope: 'col' }, p.name))),
    ),
    h(
      'tbody',
      {},
      ...ordered.map((row) =>
        h(
          'tr',
          { 'data-indicator': row.name },
          h('th', { scope: 'row' }, row.name),
          ...row.perPlace.map((groups) =>
            h(
              'td',
              {},
              groups.length === 0
                ? h('span', { class: 'muted' }, '—')
                : h(
                    'ul',
                    {},
                    ...[...groups].sort((x, y) => (x.year ?? 9999) - (y.year ?? 9999)).map((group) => entry(group)),
                  ),
            ),
          ),
        ),
      ),
    ),
  );
}

const formatValue = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, ''));
