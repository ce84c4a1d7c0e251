import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { kindName, t } from '../i18n.ts';
import { scopeOf } from '../explorer/place-scope.ts';
import { placeNote } from '../place-label.ts';
import type { Store } from '../state.ts';

interface Hit {
  score: number;
  node: { id: string; kind: string; name: string };
}

/** Search as you type (debounced), arrow keys and Enter to pick, "/" to focus from anywhere. */
export function mountSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  store: Store,
  gql: Gql,
  pick: (id: string) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hits: Hit[] = [];
  let active = -1;
  let asked = 0;
  /** The text the hits are for: Enter on newer text asks again and opens the first fresh hit. */
  let answered = '';

  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const render = () => {
    const lang = store.get().lang;
    list.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { class: 'muted' }, t('search.none', lang))]
        : hits.map((hit, i) =>
            h(
              'li',
              { role: 'option', 'aria-selected': String(i === active), onclick: () => choose(i) },
              // Four 市政府 of four cities differ by the place beside the name.
              h(
                'span',
                { class: 'hit-name' },
                hit.node.name,
                h('span', { class: 'place' }, placeNote(hit.node.id, lang)),
              ),
              h('span', { class: 'kind' }, kindName(hit.node.kind, lang)),
            ),
          )),
    );
    list.hidden = false;
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = hit.node.name;
    pick(hit.node.id);
  };
  const ask = async () => {
    const text = input.value.trim();
    if (!text) return close();
    const ticket = ++asked;
    try {
      // Kept to the places of the facet, as every view is.
      const data = await gql<{ search: Hit[] }>(
        'query Search($text: String!, $scope: LetterScope) { search(text: $text, first: 12, scope: $scope) { score node { id kind name } } }',
        { text, scope: scopeOf(store.get().filters, false) },
      );
      if (ticket !== asked) return;
      hits = data.search;
      answered = text;
      active = hits.length > 0 ? 0 : -1;
      render();
    } catch {
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = Math.max(0, Math.min(hits.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      // Typed faster than the search answered: the hits shown are for a shorter text (a clause that starts like the name).
      if (input.value.trim() !== answered) void ask().then(() => choose(0));
      else if (active >= 0) choose(active);
      else void ask();
    } else if (e.key === 'Escape') close();
  });
  const onKey = (e: KeyboardEvent) => {
    const typing =
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLSelectElement ||
      e.target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
