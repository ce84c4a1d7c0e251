import { download, h } from '../dom.ts';
import { toGraphML, toJson } from '../export-formats.ts';
import type { GraphView } from '../graph-view.ts';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';

/** Undo the last expand, fit, reset, and the four exports of the current view. */
export function renderToolbar(
  root: HTMLElement,
  store: Store,
  view: GraphView,
  handlers: { undo(): void; reset(): void; whole(): void },
): void {
  const { lang, expansions, whole } = store.get();
  root.replaceChildren(
    h(
      'button',
      { type: 'button', id: 'toggle-whole', onclick: handlers.whole },
      t(whole ? 'toolbar.summary' : 'toolbar.whole', lang),
    ),
    h(
      'button',
      { type: 'button', id: 'undo-expand', disabled: expansions.length === 0, onclick: handlers.undo },
      t('toolbar.undo', lang),
    ),
    h('button', { type: 'button', onclick: () => view.fit() }, t('toolbar.fit', lang)),
    h('button', { type: 'button', onclick: handlers.reset }, t('toolbar.reset', lang)),
    h(
      'button',
      { type: 'button', id: 'export-png', onclick: () => download('innograph.png', view.png()) },
      t('toolbar.png', lang),
    ),
    h(
      'button',
      { type: 'button', id: 'export-svg', onclick: () => download('innograph.svg', view.svg(), 'image/svg+xml') },
      t('toolbar.svg', lang),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'export-json',
        onclick: () => {
          const v = view.visible();
          download('innograph.json', toJson(v.nodes, v.edges), 'application/json');
        },
      },
      t('toolbar.json', lang),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'export-graphml',
        onclick: () => {
          const v = view.visible();
          download('innograph.graphml', toGraphML(v.nodes, v.edges), 'application/xml');
        },
      },
      t('toolbar.graphml', lang),
    ),
  );
}
