import type { Gql } from '../api-client.ts';
import { download, h } from '../dom.ts';
import { toCsv } from '../export-formats.ts';
import { chainName, type Lang, t } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { scopeOf } from '../explorer/place-scope.ts';
import { placeName } from '../place-label.ts';
import { actions, type Store } from '../state.ts';

export interface CommitmentRow {
  id: string;
  text: string;
  value: number;
  unit: string;
  qualifier: string | null;
  year: number | null;
  letter: string;
  /** The letter's place (its name, full where two places share it); '' when unknown. */
  place: string;
  chains: Array<{ chain: { name: string } }>;
}

type Column = 'text' | 'value' | 'unit' | 'qualifier' | 'year' | 'letter' | 'place';
const COLUMNS: Column[] = ['text', 'value', 'unit', 'qualifier', 'year', 'letter', 'place'];

/** Sorts rows by a column; numbers numerically, nulls last. By value, rows are kept together by unit (units in a fixed order whichever way). */
export function sortRows(rows: CommitmentRow[], column: Column, ascending: boolean): CommitmentRow[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (column === 'value' && a.unit !== b.unit) return a.unit.localeCompare(b.unit, 'zh');
    const x = a[column];
    const y = b[column];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * sign;
  });
}

export function commitmentsCsv(rows: CommitmentRow[]): string {
  return toCsv(
    ['text', 'value', 'unit', 'qualifier', 'year', 'letter', 'place', 'chains'],
    rows.map((r) => [
      r.text,
      r.value,
      r.unit,
      r.qualifier,
      r.year,
      r.letter,
      r.place,
      r.chains.map((c) => c.chain.name).join(' '),
    ]),
  );
}

/** A sortable table; clicking a row's text opens the commitment in the graph. */
export function commitmentTable(
  rows: CommitmentRow[],
  lang: Lang,
  open: (id: string) => void,
  withPlace = true,
): HTMLElement {
  // One letter's table (the letter reader) has one place: no column for it.
  const columns = withPlace ? COLUMNS : COLUMNS.filter((c) => c !== 'place');
  let column: Column = 'year';
  let ascending = true;
  const body = h('tbody');
  const fill = () =>
    body.replaceChildren(
      ...sortRows(rows, column, ascending).map((r) =>
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h(
              'a',
              {
                href: '#',
                onclick: (e: Event) => {
                  e.preventDefault();
                  open(r.id);
                },
              },
              r.text,
            ),
          ),
          h('td', {}, String(r.value)),
          h('td', {}, r.unit),
          h('td', {}, r.qualifier ?? ''),
          h('td', {}, r.year === null ? '' : String(r.year)),
          h('td', { class: 'nowrap' }, r.letter),
          withPlace ? h('td', { class: 'nowrap' }, r.place) : '',
          h('td', {}, r.chains.map((c) => chainName(c.chain.name, lang)).join(' ')),
        ),
      ),
    );
  const head = h('tr');
  const fillHead = () =>
    head.replaceChildren(
      ...columns.map((c) =>
        h(
          'th',
          { 'aria-sort': c === column ? (ascending ? 'ascending' : 'descending') : 'none' },
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                ascending = column === c ? !ascending : true;
                column = c;
                fill();
                fillHead();
              },
            },
            t(`table.${c}` as const, lang),
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, c === column ? (ascending ? ' ▲' : ' ▼') : ''),
          ),
        ),
      ),
      h('th', {}, t('table.chains', lang)),
    );
  fillHead();
  fill();
  return h('table', { class: 'commitments-table' }, h('thead', {}, head), body);
}

const QUERY = `query CommitmentsView($filter: CommitmentFilter, $after: String, $scope: LetterScope) { commitments(filter: $filter, first: 200, after: $after, scope: $scope) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id text value unit qualifier year letter { docNumber source place { code name fullName } } chains { chain { name } } } } }`;

/** Every commitment of the places in the facet, filterable by chain and year, sortable, exportable as CSV. */
export async function renderCommitmentsView(
  root: HTMLElement,
  store: Store,
  gql: Gql,
  rerender: () => void,
): Promise<void> {
  const { lang, filters, archive } = store.get();
  const year = Number(new URLSearchParams(location.search).get('year')) || null;
  const rows: CommitmentRow[] = [];
  for (let after: string | null = null, guard = 0; guard < 100; guard++) {
    type Page = {
      commitments: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<
          Omit<CommitmentRow, 'letter' | 'place'> & {
            letter: { docNumber: string | null; source: string; place: { code: string; name: string } | null };
          }
        >;
      };
    };
    const data: Page = await gql<Page>(QUERY, {
      filter: { chain: filters.chain, year },
      after,
      scope: scopeOf(filters, false),
    });
    rows.push(
      ...data.commitments.nodes.map((n) => ({
        ...n,
        letter: n.letter.docNumber ?? n.letter.source,
        place: n.letter.place ? (archive ? placeName(archive.places, n.letter.place.code) : n.letter.place.name) : '',
      })),
    );
    if (!data.commitments.pageInfo.hasNextPage) break;
    after = data.commitments.pageInfo.endCursor;
  }
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
  const setYear = (value: string) => {
    const url = new URL(location.href);
    if (value) url.searchParams.set('year', value);
    else url.searchParams.delete('year');
    history.replaceState(null, '', url);
    rerender();
  };
  root.replaceChildren(
    h(
      'div',
      { class: 'controls' },
      h(
        'select',
        {
          'aria-label': t('filters.chain', lang),
          onchange: (e: Event) => actions.setFilters(store, { chain: (e.target as HTMLSelectElement).value || null }),
        },
        h('option', { value: '' }, t('filters.all', lang)),
        ...CHAIN_NAMES.map((c) => h('option', { value: c, selected: c === filters.chain }, chainName(c, lang))),
      ),
      h(
        'select',
        { 'aria-label': t('table.year', lang), onchange: (e: Event) => setYear((e.target as HTMLSelectElement).value) },
        h('option', { value: '' }, t('table.anyYear', lang)),
        ...[...new Set([...years, ...(year ? [year] : [])])].map((y) =>
          h('option', { value: String(y), selected: y === year }, String(y)),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'export-csv',
          onclick: () => download('commitments.csv', commitmentsCsv(rows), 'text/csv;charset=utf-8'),
        },
        t('table.csv', lang),
      ),
      h('span', { class: 'muted', id: 'commitment-count' }, `${rows.length}`),
    ),
    commitmentTable(rows, lang, (id) => {
      actions.setView(store, 'graph');
      actions.select(store, id);
    }),
  );
}
