import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import type { Store } from '../state.ts';
import { w } from '../words.ts';

interface SavedView {
  name: string;
  state: string;
  saved: string;
}

/**
 * Named views: the page's whole state is its URL, so a view is a name for a URL query string, saved with the
 * store through the API's one write (saveView). The list opens each as a link: the page reloads into it.
 */
export function mountViewsMenu(root: HTMLElement, store: Store, gql: Gql): void {
  let views: SavedView[] = [];
  let form = false;
  let error: string | null = null;
  const refresh = async () => {
    try {
      views = (await gql<{ views: SavedView[] }>('query Views { views { name state saved } }')).views;
    } catch (e) {
      error = (e as Error).message;
    }
    render();
  };
  const save = async (name: string) => {
    try {
      await gql('mutation Save($name: String!, $state: String!) { saveView(name: $name, state: $state) { name } }', {
        name,
        state: location.search.replace(/^\?/, ''),
      });
      form = false;
      error = null;
    } catch (e) {
      error = (e as Error).message;
    }
    await refresh();
  };
  const remove = async (name: string) => {
    await gql('mutation Delete($name: String!) { deleteView(name: $name) }', { name }).catch(() => undefined);
    await refresh();
  };
  const render = () => {
    const lang = store.get().lang;
    const input = h('input', { id: 'view-name', type: 'text', maxlength: '60', placeholder: w('views.name', lang) });
    const open = root.querySelector('details')?.open ?? false;
    root.replaceChildren(
      form
        ? h(
            'form',
            {
              class: 'save-view',
              onsubmit: (e: Event) => {
                e.preventDefault();
                void save(input.value);
              },
            },
            input,
            h('button', { type: 'submit', id: 'save-view-confirm' }, w('views.save', lang)),
            h('button', { type: 'button', onclick: () => ((form = false), render()) }, w('views.cancel', lang)),
          )
        : h(
            'button',
            { type: 'button', id: 'save-view', onclick: () => ((form = true), render(), input.focus()) },
            w('views.save', lang),
          ),
      h(
        'details',
        { class: 'saved-views', open },
        h(
          'summary',
          {},
          h('span', { class: 'long' }, w('views.saved', lang)),
          h('span', { class: 'short' }, w('views.savedShort', lang)),
          ` (${views.length})`,
        ),
        h(
          'ul',
          {},
          ...(views.length === 0
            ? [h('li', { class: 'muted' }, w('views.none', lang))]
            : views.map((v) =>
                h(
                  'li',
                  {},
                  h('a', { href: `?${v.state}`, class: 'saved-view' }, v.name),
                  h(
                    'button',
                    { type: 'button', class: 'delete-view', onclick: () => void remove(v.name) },
                    w('views.delete', lang),
                  ),
                ),
              )),
        ),
      ),
      ...(error ? [h('span', { class: 'error', role: 'alert' }, error)] : []),
    );
    if (form) setTimeout(() => input.focus(), 0);
  };
  store.subscribe((_, changed) => {
    if (changed.has('lang')) render();
  });
  void refresh();
}
