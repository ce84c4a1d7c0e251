import { h } from '../dom.ts';
import { kindName, t } from '../i18n.ts';
import { ALL_EDGE_TYPES, ALL_KINDS, CHAIN_NAMES } from '../model.ts';
import { actions, type Store } from '../state.ts';

/** Filters by kind, edge type, chain and letter; every change goes through actions (and so into the URL). */
export function renderFilters(root: HTMLElement, store: Store, letters: Array<{ id: string; name: string }>): void {
  const state = store.get();
  const { lang, filters } = state;
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const checkboxes = (values: string[], chosen: string[], label: (v: string) => string, change: (next: string[]) => void) =>
    values.map((value) => h('label', {},
      h('input', { type: 'checkbox', checked: chosen.length === 0 || chosen.includes(value), onchange: () => {
        const all = chosen.length === 0 ? values : chosen;
        const next = toggle(all, value);
        change(next.length === values.length ? [] : next);
      } }),
      label(value)));
  const select = (options: Array<{ value: string; label: string }>, value: string | null, change: (v: string | null) => void) =>
    h('select', { onchange: (e: Event) => change((e.target as HTMLSelectElement).value || null) },
      h('option', { value: '' }, t('filters.all', lang)),
      ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));

  root.replaceChildren(
    h('fieldset', {}, h('legend', {}, t('filters.kinds', lang)), ...checkboxes(ALL_KINDS, filters.kinds, (k) => kindName(k, lang), (kinds) => actions.setFilters(store, { kinds }))),
    h('fieldset', {}, h('legend', {}, t('filters.chain', lang)), select(CHAIN_NAMES.map((c) => ({ value: c, label: c })), filters.chain, (chain) => actions.setFilters(store, { chain }))),
    h('fieldset', {}, h('legend', {}, t('filters.letter', lang)), select(letters.map((l) => ({ value: l.id, label: l.name })), filters.letter, (letter) => actions.setFilters(store, { letter }))),
    h('fieldset', {}, h('legend', {}, t('filters.edges', lang)), ...checkboxes(ALL_EDGE_TYPES, filters.edgeTypes, (e) => e, (edgeTypes) => actions.setFilters(store, { edgeTypes }))),
  );
}
