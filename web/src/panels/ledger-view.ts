import type { Gql } from '../api-client.ts';
import { download, h } from '../dom.ts';
import { toCsv } from '../export-formats.ts';
import { type Lang, t } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { scopeOf } from '../explorer/place-scope.ts';
import { codesWithin } from '../place-label.ts';
import { actions, type Store } from '../state.ts';
import { reasonIn } from './ledger-reason.ts';

/**
 * The promise ledger: per indicator a small chart of its figures by year
 * (targets hollow, results filled; each point opens its sentence), and a
 * table of promises with their status, filterable by chain, year and status,
 * exportable as CSV. SVG is built with createElementNS and text goes in
 * through textContent only: the sentences are the letters' own.
 */
export interface LedgerPoint {
  role: 'TARGET' | 'RESULT';
  value: number;
  unit: string;
  qualifier: string | null;
  year: number | null;
  letterDate: string | null;
  text: string;
  sentence: { text: string };
  letter: { docNumber: string | null; source: string; place: { code: string } | null };
}
export interface LedgerIndicator {
  id: string;
  name: string;
  unit: string;
  series: LedgerPoint[];
}
export interface LedgerRow {
  year: number | null;
  commitment: { id: string; text: string; value: number; unit: string; qualifier: string | null };
  indicator: { id: string; name: string } | null;
  chains: string[];
  status: { status: string; label: string; reason: string; restated: boolean; letters: string[] };
}

export const STATUSES = ['MET', 'PARTLY', 'NOT_MET', 'SUPERSEDED', 'NO_COMPARABLE_REPORT', 'NO_LATER_REPORT'] as const;

const ENTRIES = `query LedgerView($filter: LedgerFilter, $after: String, $scope: LetterScope) { ledger(filter: $filter, scope: $scope, first: 200, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { year indicator { id name }
    commitment { id text value unit qualifier } chains
    status { status label reason restated letters } } } }`;
const INDICATORS = `query LedgerIndicators($after: String) { indicators(first: 200, after: $after) { pageInfo { hasNextPage endCursor }
  nodes { id name unit series { role value unit qualifier year letterDate text sentence { text } letter { docNumber source place { code } } } } } }`;

type Paged<K extends string, T> = Record<
  K,
  { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] }
>;

async function all<K extends string, T>(
  gql: Gql,
  query: string,
  key: K,
  variables: Record<string, unknown>,
): Promise<T[]> {
  const items: T[] = [];
  for (let after: string | null = null, guard = 0; guard < 200; guard++) {
    const data: Paged<K, T> = await gql<Paged<K, T>>(query, { ...variables, after });
    items.push(...data[key].nodes);
    if (!data[key].pageInfo.hasNextPage) break;
    after = data[key].pageInfo.endCursor;
  }
  return items;
}

const letterName = (l: { docNumber: string | null; source: string }) => l.docNumber ?? l.source;

export function ledgerCsv(rows: LedgerRow[]): string {
  return toCsv(
    ['year', 'indicator', 'commitment', 'value', 'unit', 'qualifier', 'status', 'reason', 'letters', 'chains'],
    rows.map((r) => [
      r.year,
      r.indicator?.name ?? '',
      r.commitment.text,
      r.commitment.value,
      r.commitment.unit,
      r.commitment.qualifier,
      r.status.label,
      r.status.reason,
      r.status.letters.join(' '),
      r.chains.join(' '),
    ]),
  );
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The year a point stands at: the year it is for, else its letter's year. */
const yearOf = (p: LedgerPoint) => p.year ?? (p.letterDate ? Number(p.letterDate.slice(0, 4)) : 0);

/** Values by year: targets as hollow diamonds, results as filled circles; a click on a point calls pick. */
export function seriesChart(indicator: LedgerIndicator, lang: Lang, pick: (p: LedgerPoint) => void): SVGSVGElement {
  const width = 300;
  const height = 150;
  const pad = { left: 46, right: 14, top: 12, bottom: 26 };
  const years = [...new Set(indicator.series.map(yearOf))].sort((a, b) => a - b);
  const max = Math.max(...indicator.series.map((p) => p.value), 0) * 1.1 || 1;
  const x = (year: number) =>
    years.length === 1
      ? (pad.left + width - pad.right) / 2
      : pad.left + ((width - pad.left - pad.right) * years.indexOf(year)) / (years.length - 1);
  const y = (value: number) => height - pad.bottom - ((height - pad.top - pad.bottom) * value) / max;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'ledger-chart', role: 'img' });
  chart.append(svg('title', {}, `${indicator.name}: ${t('ledger.chartTitle', lang)}`));
  const axis = { stroke: '#9ca3af', 'stroke-width': 1 };
  const tick = { 'font-size': 10, fill: '#4b5563' };
  chart.append(
    svg('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom, ...axis }),
  );
  chart.append(svg('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom, ...axis }));
  chart.append(svg('text', { x: pad.left - 4, y: pad.top + 8, 'text-anchor': 'end', ...tick }, formatValue(max / 1.1)));
  chart.append(svg('text', { x: pad.left - 4, y: height - pad.bottom, 'text-anchor': 'end', ...tick }, '0'));
  for (const year of years)
    chart.append(svg('text', { x: x(year), y: height - 8, 'text-anchor': 'middle', ...tick }, String(year)));
  for (const point of indicator.series) {
    const cx = x(yearOf(point)) + (point.role === 'TARGET' ? -7 : 7);
    const cy = y(point.value);
    const mark =
      point.role === 'TARGET'
        ? svg('path', {
            d: `M${cx} ${cy - 6} L${cx + 6} ${cy} L${cx} ${cy + 6} L${cx - 6} ${cy} Z`,
            fill: '#fff',
            stroke: '#c2410c',
            'stroke-width': 2,
          })
        : svg('circle', { cx, cy, r: 5, fill: '#15803d' });
    const group = svg('g', {
      class: 'ledger-point',
      'data-role': point.role.toLowerCase(),
      tabindex: 0,
      role: 'button',
      cursor: 'pointer',
    });
    group.append(
      svg(
        'title',
        {},
        `${t(point.role === 'TARGET' ? 'ledger.target' : 'ledger.result', lang)} ${yearOf(point)}: ${formatValue(point.value)}${point.unit} — ${point.text}`,
      ),
      mark,
    );
    group.addEventListener('click', () => pick(point));
    group.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') pick(point);
    });
    chart.append(group);
  }
  return chart;
}

/** 200000 → 20万, 1.5e8 → 1.5亿: the axis stays short. */
function formatValue(value: number): string {
  const round = (v: number) => String(Math.round(v * 100) / 100);
  if (Math.abs(value) >= 1e8) return `${round(value / 1e8)}亿`;
  if (Math.abs(value) >= 1e4) return `${round(value / 1e4)}万`;
  return round(value);
}

function indicatorCard(indicator: LedgerIndicator, lang: Lang): HTMLElement {
  const sentence = h('p', { class: 'ledger-sentence', 'aria-live': 'polite' }, t('ledger.pickPoint', lang));
  const chart = seriesChart(indicator, lang, (p) =>
    sentence.replaceChildren(
      h(
        'strong',
        {},
        `${t(p.role === 'TARGET' ? 'ledger.target' : 'ledger.result', lang)} · ${letterName(p.letter)}${p.letterDate ? ` (${p.letterDate})` : ''}: `,
      ),
      p.sentence.text,
    ),
  );
  return h(
    'figure',
    {
      class: 'ledger-card',
      'data-indicator': indicator.id,
      style: 'width:310px;margin:0;padding:6px;border:1px solid #e5e7eb;border-radius:4px',
    },
    h('figcaption', { style: 'font-weight:600' }, indicator.name),
    chart,
    sentence,
  );
}

function ledgerTable(rows: LedgerRow[], lang: Lang, open: (id: string) => void): HTMLElement {
  const head = h(
    'tr',
    {},
    ...(['year', 'indicator', 'commitment', 'status', 'reason', 'letters', 'chains'] as const).map((c) =>
      h('th', {}, t(`ledger.col.${c}`, lang)),
    ),
  );
  const body = h(
    'tbody',
    {},
    ...rows.map((r) =>
      h(
        'tr',
        { 'data-status': r.status.status },
        h('td', {}, r.year === null ? '' : String(r.year)),
        h('td', {}, r.indicator?.name ?? '—'),
        h(
          'td',
          {},
          h(
            'a',
            {
              href: '#',
              onclick: (e: Event) => {
                e.preventDefault();
                open(r.commitment.id);
              },
            },
            r.commitment.text,
          ),
        ),
        h('td', { class: 'ledger-status' }, t(`ledger.status.${r.status.status as (typeof STATUSES)[number]}`, lang)),
        h('td', {}, reasonIn(r.status.reason, lang)),
        h('td', {}, r.status.letters.join('、') + (r.status.restated ? ` (${t('ledger.restated', lang)})` : '')),
        h('td', {}, r.chains.join(' ')),
      ),
    ),
  );
  return h('table', { class: 'ledger-table' }, h('thead', {}, head), body);
}

/**
 * The ledger view; its year and status filters live in the URL (ledgerYear, ledgerStatus), the chain and the places
 * in the shared filters.
 */
export async function renderLedgerView(root: HTMLElement, store: Store, gql: Gql, rerender: () => void): Promise<void> {
  const { lang, filters, archive } = store.get();
  const params = new URLSearchParams(location.search);
  const year = Number(params.get('ledgerYear')) || null;
  const status = (STATUSES as readonly string[]).includes(params.get('ledgerStatus') ?? '')
    ? params.get('ledgerStatus')
    : null;
  // The places of the facet (and the places inside them): the ledger's promises and the charts' points of those.
  const scope = scopeOf(filters, false);
  const within = scope && archive ? codesWithin(archive.places, filters.places) : null;
  const [rows, allIndicators, everything] = await Promise.all([
    all<'ledger', LedgerRow>(gql, ENTRIES, 'ledger', { filter: { chain: filters.chain, year, status }, scope }),
    all<'indicators', LedgerIndicator>(gql, INDICATORS, 'indicators', {}),
    filters.chain || year || status
      ? all<'ledger', LedgerRow>(gql, ENTRIES, 'ledger', { scope })
      : Promise.resolve(null),
  ]);
  const indicators = within
    ? allIndicators.map((i) => ({ ...i, series: i.series.filter((p) => within.has(p.letter.place?.code ?? '')) }))
    : allIndicators;
  const shown = new Set(rows.map((r) => r.indicator?.id));
  const charted = indicators.filter(
    (i) => i.series.length >= 2 && (!(filters.chain || year || status || scope) || shown.has(i.id)),
  );
  const years = [...new Set((everything ?? rows).map((r) => r.year).filter((y): y is number => y !== null))].sort();
  const setParam = (key: string, value: string) => {
    const url = new URL(location.href);
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
    history.replaceState(null, '', url);
    rerender();
  };
  root.replaceChildren(
    h('p', { class: 'muted' }, t('ledger.explain', lang)),
    h(
      'div',
      { class: 'controls' },
      h(
        'select',
        {
          id: 'ledger-chain',
          'aria-label': t('filters.chain', lang),
          onchange: (e: Event) => actions.setFilters(store, { chain: (e.target as HTMLSelectElement).value || null }),
        },
        h('option', { value: '' }, t('filters.all', lang)),
        ...CHAIN_NAMES.map((c) => h('option', { value: c, selected: c === filters.chain }, c)),
      ),
      h(
        'select',
        {
          id: 'ledger-year',
          'aria-label': t('ledger.col.year', lang),
          onchange: (e: Event) => setParam('ledgerYear', (e.target as HTMLSelectElement).value),
        },
        h('option', { value: '' }, t('table.anyYear', lang)),
        ...[...new Set([...years, ...(year ? [year] : [])])].map((y) =>
          h('option', { value: String(y), selected: y === year }, String(y)),
        ),
      ),
      h(
        'select',
        {
          id: 'ledger-status',
          'aria-label': t('ledger.col.status', lang),
          onchange: (e: Event) => setParam('ledgerStatus', (e.target as HTMLSelectElement).value),
        },
        h('option', { value: '' }, t('ledger.anyStatus', lang)),
        ...STATUSES.map((s) => h('option', { value: s, selected: s === status }, t(`ledger.status.${s}`, lang))),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'ledger-csv',
          onclick: () => download('ledger.csv', ledgerCsv(rows), 'text/csv;charset=utf-8'),
        },
        t('table.csv', lang),
      ),
      h('span', { class: 'muted', id: 'ledger-count' }, `${rows.length}`),
    ),
    h(
      'div',
      { class: 'ledger-charts', style: 'display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 16px' },
      ...charted.map((i) => indicatorCard(i, lang)),
    ),
    ledgerTable(rows, lang, (id) => {
      actions.setView(store, 'graph');
      actions.select(store, id);
    }),
  );
}
