import { h } from '../dom.ts';
import type { PlaceCount } from '../model.ts';
import { flatPlaces, placeName } from '../place-label.ts';
import { pw } from '../place-words.ts';
import { actions, type Store } from '../state.ts';

/**
 * The place facet, in every view: the places chosen (chips, each removable),
 * a menu with the archive's places as a tree (province, city, county, each
 * with its letters; any level, several at once, filtered by typing), the
 * button that puts the chosen places side by side, and, under a year filter,
 * the reminder that undated letters stay. Every change goes through actions,
 * so into the URL and the named views.
 */
export function renderPlaceFacet(root: HTMLElement, store: Store): void {
  const { archive, filters, lang, view } = store.get();
  if (!archive) return root.replaceChildren();
  const tree = archive.places;
  const total = flatPlaces(tree).length;
  if (total === 0) return root.replaceChildren(h('span', { class: 'muted' }, pw('facet.noPlaces', lang)));
  const letters = (code: string) => flatPlaces(tree).find((p) => p.place.code === code)?.letters ?? 0;
  const chosen = filters.places;
  const set = (places: string[]) => actions.setPlaces(store, places);
  const chips = chosen.map((code) =>
    h(
      'span',
      { class: 'place-chip', 'data-code': code },
      `${placeName(tree, code)} `,
      h('span', { class: 'muted' }, `(${letters(code)})`),
      h(
        'button',
        {
          type: 'button',
          class: 'chip-remove',
          'aria-label': pw('facet.remove', lang, { name: placeName(tree, code) }),
          onclick: () => set(chosen.filter((c) => c !== code)),
        },
        '×',
      ),
    ),
  );
  const lettersInArchive = tree.reduce((s, p) => s + p.letters, 0) + archive.unknownPlace;
  root.replaceChildren(
    h('span', { class: 'scope-label' }, pw('facet.places', lang)),
    chosen.length === 0
      ? h(
          'span',
          { class: 'place-all' },
          `${pw('facet.all', lang)} `,
          h('span', { class: 'muted' }, pw('facet.summary', lang, { places: total, letters: lettersInArchive })),
        )
      : h('span', { class: 'place-chips' }, ...chips),
    placeMenu(store, tree, archive.unknownPlace),
    h(
      'button',
      {
        type: 'button',
        id: 'compare-places',
        'data-view': 'compare',
        'aria-selected': String(view === 'compare'),
        title: chosen.length < 2 ? pw('facet.compareNeeds', lang) : '',
        onclick: () => actions.setView(store, 'compare'),
      },
      h('span', { class: 'long' }, pw('facet.compare', lang)),
      h('span', { class: 'short' }, pw('facet.compareShort', lang)),
    ),
    filters.year !== null && archive.undated > 0 && (view === 'graph' || view === 'compare')
      ? h(
          'span',
          { class: 'undated-note', id: 'undated-note' },
          `${pw('facet.year', lang, { year: filters.year })} · ${pw('facet.undated', lang, { n: archive.undated })}`,
        )
      : '',
  );
}

/** The tree of places in a menu that stays open while boxes are ticked (each tick re-renders the bar). */
function placeMenu(store: Store, tree: readonly PlaceCount[], unknown: number): HTMLElement {
  const { filters, lang } = store.get();
  const open = document.querySelector<HTMLDetailsElement>('#place-menu')?.open ?? false;
  const typed = document.querySelector<HTMLInputElement>('#place-filter')?.value ?? '';
  const rows = flatPlaces(tree).map((p) => {
    const checked = filters.places.includes(p.place.code);
    return h(
      'li',
      { class: `depth-${p.depth}`, 'data-name': `${p.place.fullName} ${p.place.code}` },
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          value: p.place.code,
          checked,
          onchange: () =>
            actions.setPlaces(
              store,
              checked ? filters.places.filter((c) => c !== p.place.code) : [...filters.places, p.place.code],
            ),
        }),
        ` ${p.place.name} `,
        h('span', { class: 'muted' }, pw('facet.letters', lang, { n: p.letters })),
      ),
    );
  });
  const list = h('ul', { class: 'place-tree' }, ...rows);
  const narrow = (text: string) =>
    rows.forEach((row) => (row.hidden = text !== '' && !(row.dataset.name ?? '').includes(text.trim())));
  narrow(typed);
  const details = h(
    'details',
    { id: 'place-menu', class: 'place-menu', open },
    h(
      'summary',
      {},
      h('span', { class: 'long' }, pw('facet.pick', lang)),
      h('span', { class: 'short' }, pw('facet.pickShort', lang)),
      ' ▾',
    ),
    h(
      'div',
      { class: 'place-panel' },
      h('input', {
        type: 'search',
        id: 'place-filter',
        value: typed,
        placeholder: pw('facet.filter', lang),
        'aria-label': pw('facet.filter', lang),
        oninput: (e: Event) => narrow((e.target as HTMLInputElement).value),
      }),
      list,
      unknown > 0 ? h('p', { class: 'muted' }, pw('facet.unknown', lang, { n: unknown })) : '',
      h(
        'button',
        { type: 'button', id: 'all-places', onclick: () => actions.setPlaces(store, []) },
        pw('facet.clear', lang),
      ),
    ),
  );
  return details;
}
