import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { chainName, kindName, type Lang } from '../i18n.ts';
import { nameWithPlace, placeName } from '../place-label.ts';
import { pw } from '../place-words.ts';
import { actions, type Store } from '../state.ts';
import { type ComparedPair, type IndicatorYear, indicatorTable, miniMatrix, strongestPair } from './compare-parts.ts';

/**
 * The compare view: the places chosen in the facet side by side (the API's
 * compare) — their letters (how many, of which kinds and years), their
 * four-chain matrices on one scale (a cell lists its things underneath), their
 * commitments per indicator and year, and what their letters share. Text
 * from letters goes in through textContent only (dom.ts).
 */
interface ComparedPlace {
  place: { code: string; name: string; fullName: string };
  letters: Array<{ id: string; source: string; docNumber: string | null; letterKind: string; year: number | null }>;
  chainMatrix: Array<ComparedPair & { nodes: Array<{ node: { id: string; kind: string; name: string } }> }>;
  commitments: IndicatorYear[];
}
interface Shared {
  node: { id: string; kind: string; name: string };
  places: Array<{ code: string }>;
}

const MOST_PLACES = 6;
const SHOWN_SHARED = 60;
const QUERY = `query Compare($places: [String!]!) { compare(places: $places) {
  places { place { code name fullName }
    letters { id source docNumber letterKind year }
    chainMatrix { a { name } b { name } count nodes { node { id kind name } } }
    commitments { indicator { id name } year commitments { id text value unit letter { source docNumber } } } }
  shared { node { id kind name } places { code } } } }`;

export async function renderCompareView(root: HTMLElement, store: Store, gql: Gql): Promise<void> {
  const { lang, filters, archive } = store.get();
  const codes = filters.places.slice(0, MOST_PLACES);
  const title = h('h2', {}, pw('compare.title', lang));
  if (codes.length < 2)
    return root.replaceChildren(title, h('p', { class: 'compare-hint' }, pw('compare.pickMore', lang)));
  const data = await gql<{ compare: { places: ComparedPlace[]; shared: Shared[] } }>(QUERY, { places: codes });
  const places = data.compare.places;
  const names = places.map((p) => (archive ? placeName(archive.places, p.place.code) : p.place.name));
  const open = (id: string) => actions.showInGraph(store, id);
  const strongest = strongestPair(places.map((p) => p.chainMatrix));
  root.replaceChildren(
    title,
    filters.places.length > MOST_PLACES ? h('p', { class: 'muted' }, pw('compare.tooMany', lang)) : '',
    h('h3', {}, pw('compare.letters', lang)),
    lettersTable(places, names, lang, store),
    h('h3', {}, pw('compare.matrix', lang)),
    h('p', { class: 'muted' }, pw('compare.matrixNote', lang)),
    h(
      'div',
      { class: 'compare-matrices' },
      ...places.map((p, i) => {
        const bridges = h('div', { class: 'cell-things' });
        const showCell = (a: string, b: string) => {
          const pair = p.chainMatrix.find(
            (x) => (x.a.name === a && x.b.name === b) || (x.a.name === b && x.b.name === a),
          );
          bridges.replaceChildren(
            h('strong', {}, `${chainName(a, lang)} ↔ ${chainName(b, lang)}: ${pair?.count ?? 0}`),
            h('ul', {}, ...(pair?.nodes ?? []).slice(0, 20).map(({ node }) => thingItem(node, lang, open))),
          );
        };
        return h(
          'figure',
          { class: 'compare-place', 'data-code': p.place.code },
          h('figcaption', {}, names[i]),
          miniMatrix(p.chainMatrix, strongest, lang, showCell),
          bridges,
        );
      }),
    ),
    h('h3', {}, pw('compare.ledger', lang)),
    h('p', { class: 'muted' }, pw('compare.ledgerNote', lang)),
    indicatorTable(
      places.map((p, i) => ({ name: names[i], commitments: p.commitments })),
      lang,
      open,
    ),
    h('h3', {}, pw('compare.shared', lang)),
    h('p', { class: 'muted' }, pw('compare.sharedNote', lang)),
    sharedTable(data.compare.shared, places, names, lang, open),
  );
}

function lettersTable(places: ComparedPlace[], names: string[], lang: Lang, store: Store): HTMLElement {
  const count = <T>(values: T[]) => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts];
  };
  const row = (label: string, cell: (p: ComparedPlace) => Node | string) =>
    h('tr', {}, h('th', { scope: 'row' }, label), ...places.map((p) => h('td', {}, cell(p))));
  return h(
    'table',
    { class: 'compare-letters' },
    h('thead', {}, h('tr', {}, h('th', {}), ...names.map((n) => h('th', { scope: 'col' }, n)))),
    h(
      'tbody',
      {},
      row(pw('compare.letters', lang), (p) => pw('compare.lettersLine', lang, { n: p.letters.length })),
      row(pw('compare.kinds', lang), (p) =>
        count(p.letters.map((l) => l.letterKind))
          .map(([k, n]) => `${pw(`kind.${k}` as 'kind.reply', lang)} ${n}`)
          .join(' · '),
      ),
      row(pw('compare.years', lang), (p) =>
        count(p.letters.map((l) => l.year))
          .sort((a, b) => (a[0] ?? 9999) - (b[0] ?? 9999))
          .map(([y, n]) => `${y ?? pw('compare.noYear', lang)}: ${n}`)
          .join(' · '),
      ),
      row('', (p) =>
        h(
          'ul',
          { class: 'compare-letter-list' },
          ...p.letters.slice(0, 12).map((l) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  href: '#',
                  onclick: (e: Event) => {
                    e.preventDefault();
                    actions.openLetter(store, l.source);
                  },
                },
                l.docNumber ?? l.source,
              ),
            ),
          ),
          p.letters.length > 12 ? h('li', { class: 'muted' }, `… ${p.letters.length - 12}`) : '',
        ),
      ),
    ),
  );
}

function sharedTable(
  shared: Shared[],
  places: ComparedPlace[],
  names: string[],
  lang: Lang,
  open: (id: string) => void,
): HTMLElement {
  if (shared.length === 0) return h('p', { class: 'muted', id: 'no-shared' }, pw('compare.noShared', lang));
  return h(
    'div',
    {},
    shared.length > SHOWN_SHARED
      ? h('p', { class: 'muted' }, pw('compare.moreShared', lang, { n: SHOWN_SHARED, total: shared.length }))
      : '',
    h(
      'table',
      { class: 'compare-shared' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, pw('compare.thing', lang)), ...names.map((n) => h('th', { scope: 'col' }, n))),
      ),
      h(
        'tbody',
        {},
        ...shared
          .slice(0, SHOWN_SHARED)
          .map((s) =>
            h(
              'tr',
              { 'data-id': s.node.id },
              h(
                'th',
                { scope: 'row' },
                thingLink(s.node, lang, open),
                ' ',
                h('span', { class: 'kind' }, kindName(s.node.kind, lang, true)),
              ),
              ...places.map((p) =>
                h('td', { class: 'mark' }, s.places.some((x) => x.code === p.place.code) ? '●' : ''),
              ),
            ),
          ),
      ),
    ),
  );
}

const thingLink = (node: { id: string; name: string }, lang: Lang, open: (id: string) => void) =>
  h(
    'a',
    {
      href: '#',
      onclick: (e: Event) => {
        e.preventDefault();
        open(node.id);
      },
    },
    nameWithPlace(node, lang),
  );

const thingItem = (node: { id: string; kind: string; name: string }, lang: Lang, open: (id: string) => void) =>
  h('li', {}, thingLink(node, lang, open), ' ', h('span', { class: 'kind' }, kindName(node.kind, lang, true)));
