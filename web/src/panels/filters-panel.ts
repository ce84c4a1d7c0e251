import { h } from '../dom.ts';
import { chainName, edgeName, kindName, t } from '../i18n.ts';
import { ALL_EDGE_TYPES, ALL_KINDS, CHAIN_NAMES } from '../model.ts';
import { actions, type Store } from '../state.ts';

/** Filters by kind, edge type, chain and letter; every change goes through actions (and so into the URL). */
export function renderFilters(root: HTMLElement, store: Store, letters: Array<{ id: string; name: string }>): void {
  const state = store.get();
  const { lang, filters } = state;
  // Only the kinds on the canvas: a box for a kind that is not drawn would do nothing.
  const present = new Set([...state.nodes.values()].map((n) => n.kind));
  const shownKinds =
    present.size > 0 ? ALL_KINDS.filter((k) => present.has(k) || filters.kinds.includes(k)) : ALL_KINDS;
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  // `universe`: every value the filter can take, so unticking one drawn kind does not hide kinds an expand brings later.
  const checkboxes = (
    values: string[],
    chosen: string[],
    label: (v: string) => string,
    change: (next: string[]) => void,
    universe = values,
  ) =>
    values.map((value) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          checked: chosen.length === 0 || chosen.includes(value),
          onchange: () => {
            const all = chosen.length === 0 ? universe : chosen;
            const next = toggle(all, value);
            change(next.length === universe.length ? [] : next);
          },
        }),
        label(value),
      ),
    );
  const select = (
    options: Array<{ value: string; label: string }>,
    value: string | null,
    change: (v: string | null) => void,
  ) =>
    h(
      'select',
      { onchange: (e: Event) => change((e.target as HTMLSelectElement).value || null) },
      h('option', { value: '' }, t('filters.all', lang)),
      ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
    );

  root.replaceChildren(
    h(
      'fieldset',
      {},
      h('legend', {}, t('filters.kinds', lang)),
      ...checkboxes(
        shownKinds,
        filters.kinds,
        (k) => kindName(k, lang),
        (kinds) => actions.setFilters(store, { kinds }),
        ALL_KINDS,
      ),
    ),
    yearSlider(store),
    h(
      'fieldset',
      {},
      h('legend', {}, t('filters.chain', lang)),
      select(
        CHAIN_NAMES.map((c) => ({ value: c, label: chainName(c, lang) })),
        filters.chain,
        (chain) => actions.setFilters(store, { chain }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('filters.letter', lang)),
      select(
        letters.map((l) => ({ value: l.id, label: l.name })),
        filters.letter,
        (letter) => actions.setFilters(store, { letter }),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('filters.edges', lang)),
      ...checkboxes(
        ALL_EDGE_TYPES,
        filters.edgeTypes,
        (e) => edgeName(e, lang),
        (edgeTypes) => actions.setFilters(store, { edgeTypes }),
      ),
    ),
  );
}

/**
 * Slide through the years of the letters (the archive's, else those of the things drawn): only what letters of that
 * year mention stays, and what undated letters mention (marked undated); "all" shows every year.
 */
function yearSlider(store: Store): HTMLElement | string {
  const { lang, filters, years, archive } = store.get();
  const all = archive && archive.years.length > 0 ? archive.years.map((y) => y.year) : [...years.values()].flat();
  if (all.length === 0) return '';
  const [min, max] = [Math.min(...all), Math.max(...all)];
  // Letters of one year only: nothing to slide.
  if (min === max && filters.year === null) return '';
  const set = (year: number | null) => actions.setFilters(store, { year });
  return h(
    'fieldset',
    { class: 'years' },
    h('legend', {}, t('filters.year', lang)),
    h(
      'output',
      { id: 'year-value', class: 'year-value' },
      filters.year === null ? t('filters.allYears', lang) : String(filters.year),
    ),
    h(
      'div',
      { class: 'year-line' },
      h('input', {
        type: 'range',
        id: 'year-slider',
        min: String(min),
        max: String(max),
        step: '1',
        value: String(filters.year ?? max),
        'aria-label': t('filters.year', lang),
        onchange: (e: Event) => set(Number((e.target as HTMLInputElement).value)),
      }),
    ),
    h('div', { class: 'year-ends muted' }, h('span', {}, String(min)), h('span', {}, String(max))),
    filters.year === null
      ? ''
      : h('button', { type: 'button', id: 'all-years', onclick: () => set(null) }, t('filters.allYears', lang)),
  );
}
