import type { ElementDefinition } from 'cytoscape';
import { ApiError, apiClient } from './api-client.ts';
import { h } from './dom.ts';
import { groupTitles, maxWeight, newElements, toElements, withSizes } from './elements.ts';
import { NO_FILTERS } from './filters.ts';
import { FORCE_LIMIT, GraphView } from './graph-view.ts';
import { letterThings } from './letter-things.ts';
import { loadExtras } from './node-extras.ts';
import { screenHooks } from './screen-hooks.ts';
import { edgeName, KIND_NAMES, t, type StringKey } from './i18n.ts';
import { ALL_EDGE_TYPES, ALL_KINDS, type ApiSubgraph, EDGE_FIELDS, NODE_FIELDS } from './model.ts';
import { renderChainMatrix } from './panels/chain-matrix.ts';
import { renderCommitmentsView } from './panels/commitments-view.ts';
import { renderLedgerView } from './panels/ledger-view.ts';
import { renderDetails } from './panels/details-panel.ts';
import { renderFilters } from './panels/filters-panel.ts';
import { renderLegend } from './panels/legend.ts';
import { renderLetterView } from './panels/letter-view.ts';
import { mountSearch } from './panels/search-box.ts';
import { renderToolbar } from './panels/toolbar.ts';
import { actions, createState, syncUrl } from './state.ts';
import type { View } from './url-state.ts';

// The composition root: the one place that wires state, API, canvas and panels.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const store = createState(location.search);
syncUrl(store, location, history);
const gql = apiClient('./graphql');
let letters: Array<{ id: string; name: string; source: string }> = [];
let overviewElements: ElementDefinition[] = [];
let kindTotals = new Map<string, number>();
let weightScale = 1;
/** The whole graph was packed by kind (too big for a force layout): filters lay it out again, as in the summary. */
let packedWhole = false;
const params = new URLSearchParams(location.search);
// How many nodes the whole-graph mode asks for (?all=1&limit=N; the benchmarks draw 2000 and 5000).
const wholeLimit = Math.min(10000, Number(params.get('limit')) || 5000);

const view = new GraphView(
  $('graph'),
  {
    select: (id) => actions.select(store, id),
    expand: (id) => void expand(id),
  },
  { webgl: params.get('webgl') === '1' },
);

/** How many things the summary shows: as many as fit the canvas with readable labels. */
function summaryLimit(): number {
  const area = $('graph').clientWidth * $('graph').clientHeight;
  return Math.max(12, Math.min(60, Math.floor(area / 17000)));
}

const subgraphFields = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } capped`;
// The ecosystem view leaves the chains to their own view: every ADVANCES edge runs to one of four
// hubs, which would pull the whole picture into one knot. Each node still knows its chains (filters).
const OVERVIEW_SCOPE = {
  kinds: ALL_KINDS.filter((k) => k !== 'Chain'),
  edgeTypes: ALL_EDGE_TYPES.filter((t) => t !== 'ADVANCES'),
};
// The summary shows the things letters talk about; letters, people and proposals are reached by search, expand
// and the letter reader, and commitments and achievements (sentence fragments as names) by expand and their table.
const EXPAND_STEP = 16;
const SUMMARY_KINDS = ['Organization', 'Platform', 'Programme', 'Policy', 'Enterprise'];

function summaryTitle(kind: string, shown: number, total: number): string {
  const lang = store.get().lang;
  const name = KIND_NAMES[kind]?.[lang] ?? kind;
  return lang === 'zh' ? `${name}（${shown} / 共 ${total}）` : `${name} (${shown} of ${total})`;
}

/** The line under the header: an error, or a path with the switch that lets it through hubs and a control that clears it. */
function banner(message: string | null, path = false): void {
  const { lang, hubs } = store.get();
  $('banner').hidden = message === null;
  $('banner').classList.toggle('info', path);
  $('banner').replaceChildren(
    h('span', { id: 'banner-text' }, message ?? ''),
    ...(path
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
      : []),
  );
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
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  $('loading').textContent = t('loading', lang);
  const empty = $('empty');
  empty.replaceChildren(t('empty', lang), ' ', h('code', {}, 'npx innograph ingest data/letters'));
  renderLegend($('legend'), lang, view.shownKinds());
}

async function loadOverview(): Promise<void> {
  store.set({ status: 'loading', error: null });
  try {
    const whole = store.get().whole;
    const scope = whole
      ? { ...OVERVIEW_SCOPE, limit: wholeLimit }
      : { ...OVERVIEW_SCOPE, kinds: SUMMARY_KINDS, limit: summaryLimit() };
    const data = await gql<{
      stats: { letters: number; byKind: Array<{ kind: string; count: number }> };
      overview: ApiSubgraph;
      letters: { nodes: Array<{ id: string; name: string; source: string }> };
    }>(
      `query Overview($kinds: [NodeKind!], $edgeTypes: [EdgeType!], $limit: Int!) { stats { letters byKind { kind count } } overview(limit: $limit, kinds: $kinds, edgeTypes: $edgeTypes) { ${subgraphFields} } letters(first: 200) { nodes { id name source } } }`,
      scope,
    );
    letters = data.letters.nodes;
    if (data.stats.letters === 0) return store.set({ status: 'empty' });
    kindTotals = new Map(data.stats.byKind.map((k) => [k.kind, k.count]));
    const elements = toElements(data.overview);
    weightScale = maxWeight(elements);
    const packed = !whole || data.overview.nodes.length > FORCE_LIMIT;
    packedWhole = whole && packed;
    overviewElements = packed
      ? [...groupTitles(elements, kindTotals, summaryTitle), ...withSizes(elements, weightScale)]
      : elements;
    drawn = null;
    store.set({ nodes: new Map(data.overview.nodes.map((n) => [n.id, n])), status: 'ready' });
    banner(null);
    await showView(store.get().view);
  } catch (error) {
    const message =
      error instanceof ApiError && error.code === 'UNREACHABLE'
        ? `${t('unreachable', store.get().lang)}: ${error.message}`
        : (error as Error).message;
    store.set({ status: 'error', error: message });
    banner(message);
  }
}

let lastLetterFilter: string | null = null;
/** What the letter filter brought onto the canvas (its letter's things not drawn before): taken away when it changes. */
let letterAdded: string[] = [];

/**
 * The letter filter: the letter's things (letter-things.ts) are brought onto the canvas, with a title for each kind
 * the summary did not show, and only they stay; the summary lays them out again (repack), the whole graph fits them.
 */
async function loadLetterNodes(letter: string): Promise<void> {
  lastLetterFilter = letter;
  dropLetterThings();
  store.set({ letterNodes: null });
  const things = await letterThings(gql, letter);
  await drawing;
  if (store.get().filters.letter !== letter) return;
  const added = withSizes(newElements(view.ids(), toElements(things)), weightScale);
  const titles =
    drawn === 'summary' || packedWhole
      ? groupTitles(added, kindTotals, summaryTitle).filter((title) => !view.has(String(title.data.id)))
      : [];
  if (added.length + titles.length > 0) view.add([...titles, ...added], null);
  letterAdded = [...titles, ...added].map((e) => String(e.data.id));
  const nodes = new Map(store.get().nodes);
  for (const n of things.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  store.set({ nodes, letterNodes: new Set(things.nodes.map((n) => n.id)) });
  if (drawn === 'whole' && !packedWhole) view.fit();
}

function dropLetterThings(): void {
  if (letterAdded.length === 0) return;
  view.remove(letterAdded);
  const nodes = new Map(store.get().nodes);
  for (const id of letterAdded) nodes.delete(id);
  letterAdded = [];
  store.set({ nodes });
}

/** Lays the summary out again around what is shown; the kinds' titles count what is shown. */
function repack(): void {
  view.repack((kind, shown, total) => summaryTitle(kind, shown, total));
}

/** The view before each expand that moved it, by the expand's place in the undo stack (null: it did not move). */
const viewsBefore: Array<{ zoom: number; pan: { x: number; y: number } } | null> = [];

async function expand(id: string): Promise<void> {
  const data = await gql<{ neighbourhood: ApiSubgraph }>(
    `query Expand($id: ID!, $edgeTypes: [EdgeType!]) { neighbourhood(ids: [$id], depth: 1, limit: 500, edgeTypes: $edgeTypes) { ${subgraphFields} } }`,
    { id, edgeTypes: OVERVIEW_SCOPE.edgeTypes },
  );
  // A few at a time, the most-mentioned first: a hub's hundred letters would bury the picture; the next expand brings the next few.
  const shown = view.ids();
  const next = new Set(
    data.neighbourhood.nodes
      .filter((n) => !shown.has(n.id))
      .sort((a, b) => b.letterCount - a.letterCount || (a.id < b.id ? -1 : 1))
      .slice(0, EXPAND_STEP)
      .map((n) => n.id),
  );
  const added = withSizes(
    newElements(
      shown,
      toElements({
        nodes: data.neighbourhood.nodes.filter((n) => next.has(n.id) || shown.has(n.id)),
        edges: data.neighbourhood.edges,
      }),
    ),
    weightScale,
  );
  if (added.length === 0) return;
  const nodes = new Map(store.get().nodes);
  for (const n of data.neighbourhood.nodes) if (next.has(n.id)) nodes.set(n.id, n);
  const before = view.viewport();
  view.add(added, id);
  // What was added is brought into view when some of it landed off screen (panned, zoomed out only if it must); undo goes back.
  viewsBefore[store.get().expansions.length] = view.reveal([
    id,
    ...added.filter((e) => e.group === 'nodes').map((e) => String(e.data.id)),
  ])
    ? before
    : null;
  store.set({ nodes, expansions: [...store.get().expansions, added.map((e) => String(e.data.id))] });
}

function undoExpand(): void {
  const expansions = [...store.get().expansions];
  const last = expansions.pop();
  const before = viewsBefore[expansions.length];
  if (before) view.setViewport(before);
  if (!last) return;
  view.remove(last);
  const nodes = new Map(store.get().nodes);
  for (const id of last) nodes.delete(id);
  store.set({ expansions, nodes });
}

async function pick(id: string): Promise<void> {
  if (store.get().view !== 'graph') actions.setView(store, 'graph');
  await drawing;
  if (!view.has(id)) await expandInto(id);
  actions.select(store, id);
  view.focus(id);
}

async function expandInto(id: string): Promise<void> {
  const data = await gql<{ neighbourhood: ApiSubgraph }>(
    `query Reach($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 60) { ${subgraphFields} } }`,
    { id },
  );
  const added = withSizes(newElements(view.ids(), toElements(data.neighbourhood)), weightScale);
  view.add(added, null);
  const nodes = new Map(store.get().nodes);
  for (const n of data.neighbourhood.nodes) nodes.set(n.id, n);
  viewsBefore[store.get().expansions.length] = null;
  store.set({ nodes, expansions: [...store.get().expansions, added.map((e) => String(e.data.id))] });
}

/**
 * The tightest connection through shared content (the API's connections: links every letter has — its issuer, cc
 * list, contacts, the chains — are left out), drawn on the canvas and named link by link in the banner.
 */
async function findPath(): Promise<void> {
  const { pathFrom, pathTo, lang, hubs } = store.get();
  if (!pathFrom || !pathTo) return store.set({ pathIds: [], pathMessage: null });
  type Path = { nodes: ApiSubgraph['nodes']; edges: ApiSubgraph['edges'] };
  let data: { connections: { paths: Path[]; note: string | null } };
  try {
    data = await gql(
      `query Path($from: ID!, $to: ID!, $hubs: Boolean!) { connections(from: $from, to: $to, maxHops: 4, first: 1, includeHubs: $hubs) { paths { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } note } }`,
      { from: pathFrom, to: pathTo, hubs },
    );
  } catch (error) {
    // A shared link may name something a later ingest took away: the API says which end, the banner shows it.
    return store.set({
      pathIds: [],
      pathMessage:
        error instanceof ApiError && error.code === 'NOT_FOUND' ? t('path.gone', lang) : (error as Error).message,
    });
  }
  const path = data.connections.paths[0];
  if (!path) return store.set({ pathIds: [], pathMessage: t(hubs ? 'path.none' : 'path.noneTryHubs', lang) });
  await drawing;
  const added = withSizes(newElements(view.ids(), toElements({ nodes: path.nodes, edges: path.edges })), weightScale);
  if (added.length > 0) view.add(added, view.has(pathFrom) ? pathFrom : null);
  const steps = path.nodes
    .map((n, i) => (i === 0 ? n.name : ` —${edgeName(path.edges[i - 1]?.type ?? '', lang)}— ${n.name}`))
    .join('');
  const nodes = new Map(store.get().nodes);
  for (const n of path.nodes) nodes.set(n.id, n);
  store.set({
    nodes,
    pathIds: [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)],
    pathMessage: `${t('path.found', lang)}: ${steps}`,
  });
  view.fitTo(path.nodes.map((n) => n.id));
}

let viewTicket = 0;
/** What the canvas holds: drawn once per overview, kept (with its expansions) while other views are shown. */
let drawn: 'summary' | 'whole' | null = null;
let drawing: Promise<void> = Promise.resolve();

/** Shows a view; a page view renders off-screen and is put in only if no later view was asked for meanwhile. */
async function showView(next: View): Promise<void> {
  const ticket = ++viewTicket;
  document
    .querySelectorAll<HTMLButtonElement>('[data-view]')
    .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === next)));
  const page = next !== 'graph';
  $('page-view').hidden = !page;
  // The graph's toolbar and legend belong to the canvas views only.
  $('toolbar').hidden = page;
  $('legend').hidden = page;
  $('graph').style.visibility = page ? 'hidden' : 'visible';
  // The canvas's filters do nothing on a page view.
  $('filters').hidden = page;
  document.querySelector('.layout')?.classList.toggle('page', page);
  if (next === 'graph') {
    const mode = store.get().whole ? 'whole' : 'summary';
    if (drawn !== mode) {
      drawn = mode;
      drawing = view.show(overviewElements, mode);
      await drawing;
      view.render(store.get());
      if ((mode === 'summary' || packedWhole) && JSON.stringify(store.get().filters) !== JSON.stringify(NO_FILTERS))
        repack();
    }
    view.render(store.get());
    renderLegend($('legend'), store.get().lang, view.shownKinds());
  } else {
    const fresh = h('div');
    if (next === 'chains') await renderChainMatrix(fresh, store, gql);
    else if (next === 'letter') await renderLetterView(fresh, store, gql, letters);
    else if (next === 'ledger') await renderLedgerView(fresh, store, gql, () => void showView('ledger'));
    else await renderCommitmentsView(fresh, store, gql, () => void showView('commitments'));
    if (ticket === viewTicket) $('page-view').replaceChildren(fresh);
  }
}

store.subscribe((state, changed) => {
  $('loading').hidden = state.status !== 'loading';
  $('empty').hidden = state.status !== 'empty';
  if (changed.has('lang')) {
    applyI18n();
    renderFilters($('filters'), store, letters);
  }
  if (changed.has('filters') || changed.has('status') || changed.has('nodes'))
    renderFilters($('filters'), store, letters);

  if (
    changed.has('view') ||
    ((changed.has('letterSource') || changed.has('letterAt')) && state.view === 'letter') ||
    (changed.has('filters') && (state.view === 'commitments' || state.view === 'ledger')) ||
    changed.has('chainBases')
  ) {
    if (state.status === 'ready') void showView(state.view);
  }
  if (changed.has('filters') && state.filters.letter !== lastLetterFilter) {
    if (state.filters.letter) void loadLetterNodes(state.filters.letter);
    else {
      lastLetterFilter = null;
      dropLetterThings();
    }
  }
  if (changed.has('nodes')) void loadExtras(store, gql);
  if (changed.has('years')) renderFilters($('filters'), store, letters);
  if (
    state.view === 'graph' &&
    ['filters', 'hidden', 'pinned', 'selected', 'pathIds', 'letterNodes', 'years', 'chainsOf'].some((k) =>
      changed.has(k as never),
    )
  )
    view.render(state);
  // The legend names the kinds shown, not those a filter hides.
  if (['nodes', 'filters', 'hidden', 'letterNodes', 'years', 'chainsOf'].some((k) => changed.has(k as never)))
    renderLegend($('legend'), state.lang, view.shownKinds());
  // A filter in the summary re-lays out what stays, so no gaps are left where the filtered things were.
  if (
    state.view === 'graph' &&
    (drawn === 'summary' || packedWhole) &&
    (['filters', 'hidden', 'letterNodes'].some((k) => changed.has(k as never)) ||
      (((changed.has('years') && state.filters.year !== null) ||
        (changed.has('chainsOf') && state.filters.chain !== null)) &&
        state.expansions.length === 0))
  )
    repack();
  if (changed.has('selected') || changed.has('lang') || changed.has('pinned'))
    void renderDetails($('details'), store, gql, (id) => void expand(id));
  // The path's banner speaks the page's language: asked again when it changes.
  if (
    changed.has('pathFrom') ||
    changed.has('pathTo') ||
    changed.has('hubs') ||
    (changed.has('lang') && state.pathMessage !== null)
  )
    void findPath();
  if (changed.has('pathMessage')) banner(state.pathMessage, state.pathMessage !== null);
  if (changed.has('whole')) void loadOverview();
  if (changed.has('reveal') && state.reveal) void pick(state.reveal);
  if (changed.has('lang') && drawn) view.relabelTitles((kind, shown, total) => summaryTitle(kind, shown, total));
  renderToolbar($('toolbar'), store, view, {
    undo: undoExpand,
    reset: () => {
      actions.resetFilters(store);
      view.fit();
    },
    whole: () => actions.setWhole(store, !store.get().whole),
  });
});

document
  .querySelectorAll<HTMLButtonElement>('[data-view]')
  .forEach((button) => button.addEventListener('click', () => actions.setView(store, button.dataset.view as View)));
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

// Read-only hooks for tests and benchmarks: what the page shows, from its own state.
(window as unknown as { innograph: object }).innograph = {
  state: () => ({
    view: store.get().view,
    status: store.get().status,
    selected: store.get().selected,
    nodes: store.get().nodes.size,
    expansions: store.get().expansions.length,
  }),
  visibleNodes: () => view.cy.nodes(':visible').not('.group-title').length,
  lastLayout: () => ({ ...view.lastLayout }),
  panBy: (x: number, y: number) => view.cy.panBy({ x, y }),
  ...screenHooks(view),
};

applyI18n();
renderFilters($('filters'), store, letters);
void renderDetails($('details'), store, gql, (id) => void expand(id));
void loadOverview().then(() => {
  if (store.get().pathFrom && store.get().pathTo) void findPath();
  const letter = store.get().filters.letter;
  if (letter) void loadLetterNodes(letter);
});
