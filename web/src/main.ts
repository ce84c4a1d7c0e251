import { ApiError, apiClient } from './api-client.ts';
import { h } from './dom.ts';
import { GraphCanvas } from './explorer/graph-canvas.ts';
import { pageHooks } from './explorer/page-hooks.ts';
import { PageViews } from './explorer/page-views.ts';
import { PathFinder } from './explorer/path-finder.ts';
import { judgeDrawn, loadArchive, scopeOf } from './explorer/place-scope.ts';
import { GraphView } from './graph-view.ts';
import { t, type StringKey } from './i18n.ts';
import { MapMode } from './map/map-mode.ts';
import type { ApiSubgraph } from './model.ts';
import { loadExtras } from './node-extras.ts';
import { renderDetails } from './panels/details-panel.ts';
import { renderFilters } from './panels/filters-panel.ts';
import { renderLegend } from './panels/legend.ts';
import { foldPanels } from './panels/panel-folds.ts';
import { renderPlaceFacet } from './panels/place-facet.ts';
import { pw } from './place-words.ts';
import { mountSearch } from './panels/search-box.ts';
import { renderToolbar } from './panels/toolbar.ts';
import { mountViewsMenu } from './panels/views-menu.ts';
import { actions, createState, type State, syncUrl } from './state.ts';
import { SUBGRAPH_FIELDS } from './explorer/graph-canvas.ts';

// The composition root: the one place that wires state, API, canvas, map and panels.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const store = createState(location.search);
syncUrl(store, location, history);
const gql = apiClient('./graphql');
let letters: Array<{ id: string; name: string; source: string }> = [];

const view = new GraphView($('graph'), {
  select: (id) => actions.select(store, id),
  expand: (id) => void graph.expand(id),
  moved: (camera) => !store.get().whole && store.get().view === 'graph' && store.set({ camera }),
});
const graph = new GraphCanvas(view, store, gql, $('graph'));
const map = new MapMode($('map'), $('map-legend'), store, gql, (text) => banner(text));
const pages = new PageViews($('page-view'), store, gql, () => letters);
const paths = new PathFinder(store, gql, graph, $('paths'), (text) => banner(text, true));

/** The line under the header: an error or a state of the map, or a path's switches (hubs, clear). */
function banner(message: string | null, path = false): void {
  const { lang, hubs } = store.get();
  $('banner').hidden = message === null;
  $('banner').classList.toggle('info', path);
  const controls = path
    ? [
        h(
          'label',
          { class: 'hubs' },
          h('input', {
            type: 'checkbox',
            id: 'path-hubs',
            checked: hubs,
            onchange: (e: Event) => actions.setHubs(store, (e.target as HTMLInputElement).checked),
          }),
          t('path.hubs', lang),
        ),
        h(
          'button',
          { type: 'button', id: 'clear-path', onclick: () => actions.clearPath(store) },
          t('path.clear', lang),
        ),
      ]
    : [];
  $('banner').replaceChildren(h('span', { id: 'banner-text' }, message ?? ''), ...controls);
}

function applyI18n(): void {
  const lang = store.get().lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey, lang);
  });
  document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as StringKey, lang);
  });
  // The short form on a laptop screen (page.css), where the header must hold on one line.
  $('lang').replaceChildren(
    h('span', { class: 'long' }, lang === 'zh' ? 'English' : '中文'),
    h('span', { class: 'short' }, lang === 'zh' ? 'EN' : '中'),
  );
  $('lang').title = lang === 'zh' ? 'English' : '中文';
  $('loading').textContent = t('loading', lang);
  $('empty').replaceChildren(t('empty', lang), ' ', h('code', {}, 'npx innograph ingest data/letters'));
  renderLegend($('legend'), lang, view.shownKinds());
}

/** The page's first question: counts, letters and (for the summary) its things; the whole archive is the map. */
async function loadOverview(): Promise<void> {
  store.set({ status: 'loading', error: null });
  try {
    // The summary of the places chosen in the facet (every place takes turns: api/resolvers/place-overview.ts).
    const places = store.get().filters.places.join(',');
    const scope = { ...graph.summaryQuery(), scope: scopeOf(store.get().filters, false) };
    const data = await gql<{
      stats: { letters: number; byKind: Array<{ kind: string; count: number }> };
      overview: ApiSubgraph;
      letters: { nodes: Array<{ id: string; name: string; source: string }> };
    }>(
      `query Overview($kinds: [NodeKind!], $edgeTypes: [EdgeType!], $limit: Int!, $scope: LetterScope) { stats { letters byKind { kind count } } overview(limit: $limit, kinds: $kinds, edgeTypes: $edgeTypes, scope: $scope) { ${SUBGRAPH_FIELDS} } letters(first: 200, scope: $scope) { nodes { id name source } } }`,
      scope,
    );
    if (store.get().filters.places.join(',') !== places) return;
    letters = data.letters.nodes;
    if (data.stats.letters === 0) return store.set({ status: 'empty' });
    graph.setOverview(data.overview, new Map(data.stats.byKind.map((k) => [k.kind, k.count])));
    store.set({ nodes: new Map(data.overview.nodes.map((n) => [n.id, n])), status: 'ready' });
    banner(null);
    await showView();
  } catch (error) {
    const message =
      error instanceof ApiError && error.code === 'UNREACHABLE'
        ? `${t('unreachable', store.get().lang)}: ${error.message}`
        : (error as Error).message;
    store.set({ status: 'error', error: message });
    banner(message);
  }
}

/** Shows the state's view: the map (whole archive), the canvas (summary and what grew from it), or a page. */
async function showView(): Promise<void> {
  const state = store.get();
  PageViews.frame(state.view);
  if (state.view !== 'graph') {
    map.hide();
    return pages.show(state.view);
  }
  pages.cancel();
  $('graph').hidden = state.whole;
  // The map has its own legend (colours by community, kind, chain or place).
  $('legend').hidden = state.whole;
  if (state.whole) await map.show();
  else {
    map.hide();
    await graph.show();
    view.render(state);
  }
  renderLegend($('legend'), state.lang, state.whole ? new Set() : view.shownKinds());
}

const drawnBy = (state: State, keys: Array<keyof State>, changed: Set<keyof State>) =>
  state.view === 'graph' && keys.some((k) => changed.has(k));

/** The places chosen when the summary was last asked for: another choice asks again. */
let summaryPlaces = store.get().filters.places.join(',');

store.subscribe((state, changed) => {
  $('loading').hidden = state.status !== 'loading';
  if (['archive', 'filters', 'lang', 'view'].some((k) => changed.has(k as keyof State)))
    renderPlaceFacet($('place-facet'), store);
  const placesChanged = changed.has('filters') && state.filters.places.join(',') !== summaryPlaces;
  if (placesChanged && state.status === 'ready') {
    summaryPlaces = state.filters.places.join(',');
    void loadOverview();
  }
  if ((changed.has('filters') || changed.has('nodes')) && !state.whole) void judgeDrawn(store, gql);
  if (changed.has('filters') && state.whole) void map.applyFacet(state.filters);
  $('empty').hidden = state.status !== 'empty';
  if (changed.has('lang')) applyI18n();
  if (['lang', 'filters', 'status', 'nodes', 'years'].some((k) => changed.has(k as keyof State)))
    renderFilters($('filters'), store, letters);
  const pageChanged =
    ((changed.has('letterSource') || changed.has('letterAt')) && state.view === 'letter') ||
    (changed.has('filters') && ['commitments', 'ledger', 'chains', 'compare'].includes(state.view)) ||
    changed.has('chainBases');
  if ((changed.has('view') || changed.has('whole') || pageChanged) && state.status === 'ready') void showView();
  if (changed.has('filters')) void graph.letterFilter(state.filters.letter);
  if (changed.has('nodes') && !state.whole) void loadExtras(store, gql);
  const look: Array<keyof State> = [
    'filters',
    'hidden',
    'pinned',
    'selected',
    'pathIds',
    'letterNodes',
    'years',
    'scope',
  ];
  if (drawnBy(state, [...look, 'chainsOf'], changed) && !state.whole) view.render(state);
  if (drawnBy(state, [...look, 'colour', 'community', 'lang'], changed) && state.whole) map.render(state);
  if (
    ['nodes', 'filters', 'hidden', 'letterNodes', 'years', 'chainsOf', 'scope'].some((k) =>
      changed.has(k as keyof State),
    )
  )
    renderLegend($('legend'), state.lang, state.whole ? new Set() : view.shownKinds());
  // A filter in the summary lays out again what stays, so no gaps are left where the filtered things were.
  if (drawnBy(state, ['filters', 'hidden', 'letterNodes', 'scope'], changed) && !state.whole && graph.drawn)
    graph.repack();
  if (changed.has('selected') || changed.has('lang') || changed.has('pinned'))
    void renderDetails($('details'), store, gql, (id) => expandFromDetails(id));
  if (
    ['pathFrom', 'pathTo', 'hubs'].some((k) => changed.has(k as keyof State)) ||
    (changed.has('lang') && state.pathFrom)
  )
    void paths.find();
  if (changed.has('reveal') && state.reveal) void pick(state.reveal);
  if (changed.has('lang') && graph.drawn) view.relabelTitles(graph.title);
  renderToolbar($('toolbar'), store, view, map, {
    undo: () => graph.undo(),
    reset: () => {
      actions.resetFilters(store);
      if (store.get().whole) map.fit();
      else view.fit();
    },
    whole: () => actions.setWhole(store, !store.get().whole),
  });
});

/** A thing from search or another view: centred on the map when it is there, else brought onto the canvas. */
async function pick(id: string): Promise<void> {
  if (store.get().view !== 'graph') actions.setView(store, 'graph');
  if (store.get().whole && map.focus(id)) return actions.select(store, id);
  if (store.get().whole) actions.setWhole(store, false);
  await graph.drawing;
  if (!view.has(id)) await graph.expandInto(id);
  actions.select(store, id);
  view.focus(id);
}

/** The details panel's expand: on the map, the thing is opened on the canvas with its neighbours. */
function expandFromDetails(id: string): void {
  if (!store.get().whole) return void graph.expand(id);
  actions.setWhole(store, false);
  void graph.drawing.then(() => graph.expand(id));
}

document
  .querySelectorAll<HTMLButtonElement>('[data-view]')
  .forEach((b) => b.addEventListener('click', () => actions.setView(store, b.dataset.view as State['view'])));
$('lang').addEventListener('click', () => actions.setLang(store, store.get().lang === 'zh' ? 'en' : 'zh'));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) {
    actions.select(store, null);
    if (store.get().pathFrom || store.get().pathTo) actions.clearPath(store);
  }
});
mountSearch(
  $('search') as HTMLInputElement,
  $('search-results') as HTMLUListElement,
  store,
  gql,
  (id) => void pick(id),
);
mountViewsMenu($('views-menu'), store, gql);
foldPanels(store);
(window as unknown as { innograph: object }).innograph = pageHooks(store, view, map);

applyI18n();
renderFilters($('filters'), store, letters);
// Without the places the facet stays empty; the rest of the page works, and the banner says why.
void loadArchive(store, gql).catch((error: Error) =>
  banner(`${pw('facet.failed', store.get().lang)}: ${error.message}`),
);
void renderDetails($('details'), store, gql, (id) => expandFromDetails(id));
void loadOverview().then(() => {
  if (store.get().pathFrom && store.get().pathTo) void paths.find();
  if (store.get().filters.letter) void graph.letterFilter(store.get().filters.letter);
});
