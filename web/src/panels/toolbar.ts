import { download, h } from '../dom.ts';
import { toGraphML, toJson } from '../export-formats.ts';
import type { GraphView } from '../graph-view.ts';
import { kindName, type Lang, t } from '../i18n.ts';
import { withLegendPng, withLegendSvg } from '../map/map-export.ts';
import type { MapMode } from '../map/map-mode.ts';
import type { Store } from '../state.ts';
import { KIND_STYLE } from '../style.ts';

/**
 * Switch between the map of the whole archive and the canvas, undo the last expand, fit, reset, and the exports
 * of the current view: PNG and SVG with their legend, JSON and GraphML of what the canvas holds.
 */
export function renderToolbar(
  root: HTMLElement,
  store: Store,
  view: GraphView,
  map: MapMode,
  handlers: { undo(): void; reset(): void; whole(): void },
): void {
  const { lang, expansions, whole } = store.get();
  const kindsLegend = () =>
    [...view.shownKinds()].map((kind) => ({
      colour: KIND_STYLE[kind]?.color ?? '#98a2b3',
      text: kindName(kind, lang, true),
    }));
  const png = async () => (whole ? await map.png() : await withLegendPng(view.png(), kindsLegend()));
  const svgText = () => (whole ? map.svg() : withLegendSvg(view.svg(), kindsLegend()));
  const buttons: Array<HTMLElement | null> = [
    h(
      'button',
      { type: 'button', id: 'toggle-whole', onclick: handlers.whole },
      t(whole ? 'toolbar.summary' : 'toolbar.whole', lang),
    ),
    whole
      ? null
      : h(
          'button',
          { type: 'button', id: 'undo-expand', disabled: expansions.length === 0, onclick: handlers.undo },
          t('toolbar.undo', lang),
        ),
    h('button', { type: 'button', id: 'fit', onclick: () => (whole ? map.fit() : view.fit()) }, t('toolbar.fit', lang)),
    h('button', { type: 'button', onclick: handlers.reset }, t('toolbar.reset', lang)),
    // The exports in one menu: the toolbar's row leaves the place facet its right part (page.css).
    exportsMenu(lang, [
      h(
        'button',
        {
          type: 'button',
          id: 'export-png',
          onclick: () => void png().then((blob) => blob && download('innograph.png', blob)),
        },
        t('toolbar.png', lang),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'export-svg',
          onclick: () => {
            const text = svgText();
            if (text) download('innograph.svg', text, 'image/svg+xml');
          },
        },
        t('toolbar.svg', lang),
      ),
      whole
        ? null
        : h(
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
      whole
        ? null
        : h(
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
    ]),
  ];
  root.replaceChildren(...buttons.filter((b): b is HTMLElement => b !== null));
}

/** A menu that closes once an export is chosen; it stays open across the toolbar's re-renders while it is open. */
function exportsMenu(lang: Lang, items: Array<HTMLElement | null>): HTMLElement {
  const open = document.querySelector<HTMLDetailsElement>('#toolbar details.exports')?.open ?? false;
  const details = h(
    'details',
    { class: 'exports', open },
    h('summary', { id: 'exports' }, `${t('toolbar.export', lang)} ▾`),
    h('div', { class: 'export-menu' }, ...items),
  );
  details.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).tagName === 'BUTTON') details.open = false;
  });
  return details;
}
