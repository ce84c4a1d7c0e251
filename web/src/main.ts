import type { ElementDefinition } from 'cytoscape';
import { ApiError, apiClient } from './api-client.ts';
import { chainElements, type MatrixPair } from './chain-elements.ts';
import { h } from './dom.ts';
import { newElements, toElements } from './elements.ts';
import { GraphView } from './graph-view.ts';
import { t, type StringKey } from './i18n.ts';
import { ALL_EDGE_TYPES, ALL_KINDS, type ApiSubgraph, EDGE_FIELDS, NODE_FIELDS } from './model.ts';
import { renderChainLink } from './panels/chain-link-panel.ts';
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
// How many nodes the first view asks for (?limit=N; the benchmarks use it to draw 500, 2000, 5000).
const overviewLimit = Math.min(10000, Number(new URLSearchParams(location.search).get('limit')) || 5000);

const view = new GraphView($('graph'), {
  select: (id) => actions.select(store, id),
  expand: (id) => void expand(id),
  pickLink: (data) => void renderChainLink($('details'), store, gql, String(data.a), String(data.b)),
});

const subgraphFields = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } capped`;
// The ecosystem view leaves the chains to their own view: every ADVANCES edge runs to one of four
// hubs, which would pull the whole picture into one knot. Each node still knows its chains (filters).
const OVERVIEW_SCOPE = {
  kinds: ALL_KINDS.filter((k) => k !== 'Chain'),
  edgeTypes: ALL_EDGE_TYPES.filter((t) => t !== 'ADVANCES'),
};

function banner(message: string | null): void {
  $('banner').hidden = message === null;
  $('banner').textContent = message ?? '';
}

function applyI18n(): void {
  const lang = store.get().lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n as StringKey, lang); });
  document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder as StringKey, lang); });
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  $('loading').textContent = t('loading', lang);
  const empty = $('empty');
  empty.replaceChildren(t('empty', lang), ' ', h('code', {}, 'npx innograph ingest data/letters'));
  renderLegend($('legend'), lang);
}

async function loadOverview(): Promise<void> {
  store.set({ status: 'loading', error: null });
  try {
    const data = await gql<{ stats: { letters: number }; overview: ApiSubgraph; letters: { nodes: Array<{ id: string; name: string; source: string }> } }>(
      `query Overview($kinds: [NodeKind!], $edgeTypes: [EdgeType!]) { stats { letters } overview(limit: ${overviewLimit}, kinds: $kinds, edgeTypes: $edgeTypes) { ${subgraphFields} } letters(first: 200) { nodes { id name source } } }`, OVERVIEW_SCOPE);
    letters = data.letters.nodes;
    if (data.stats.letters === 0) return store.set({ status: 'empty' });
    overviewElements = toElements(data.overview);
    store.set({ nodes: new Map(data.overview.nodes.map((n) => [n.id, n])), status: 'ready' });
    banner(null);
    await showView(store.get().view);
  } catch (error) {
    const message = error instanceof ApiError && error.code === 'UNREACHABLE' ? `${t('unreachable', store.get().lang)}: ${error.message}` : (error as Error).message;
    store.set({ status: 'error', error: message });
    banner(message);
  }
}

let lastLetterFilter: string | null = null;

/** Everything one letter links to (what it names, answers, commits to, reports), for the letter filter. */
async function loadLetterNodes(letter: string): Promise<void> {
  lastLetterFilter = letter;
  store.set({ letterNodes: null });
  const data = await gql<{ node: { neighbours: Array<{ node: { id: string } }> } | null }>('query LetterNodes($id: ID!) { node(id: $id) { neighbours(first: 500) { node { id } } } }', { id: letter });
  if (store.get().filters.letter === letter) {
    store.set({ letterNodes: new Set(data.node?.neighbours.map((n) => n.node.id) ?? []) });
    view.fit();
  }
}

async function expand(id: string): Promise<void> {
  const data = await gql<{ neighbourhood: ApiSubgraph }>(`query Expand($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 150) { ${subgraphFields} } }`, { id });
  const added = newElements(view.ids(), toElements(data.neighbourhood));
  if (added.length === 0) return;
  const nodes = new Map(store.get().nodes);
  for (const n of data.neighbourhood.nodes) nodes.set(n.id, n);
  await view.add(added, id);
  store.set({ nodes, expansions: [...store.get().expansions, added.map((e) => String(e.data.id))] });
}

function undoExpand(): void {
  const expansions = [...store.get().expansions];
  const last = expansions.pop();
  if (!last) return;
  view.remove(last);
  const nodes = new Map(store.get().nodes);
  for (const id of last) nodes.delete(id);
  store.set({ expansions, nodes });
}

async function pick(id: string): Promise<void> {
  if (store.get().view !== 'graph') actions.setView(store, 'graph');
  if (!view.has(id)) await expandInto(id);
  actions.select(store, id);
  view.focus(id);
}

async function expandInto(id: string): Promise<void> {
  const data = await gql<{ neighbourhood: ApiSubgraph }>(`query Reach($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 60) { ${subgraphFields} } }`, { id });
  const added = newElements(view.ids(), toElements(data.neighbourhood));
  await view.add(added, null);
  store.set({ expansions: [...store.get().expansions, added.map((e) => String(e.data.id))] });
}

async function findPath(): Promise<void> {
  const { pathFrom, pathTo, lang } = store.get();
  if (!pathFrom || !pathTo) return;
  const data = await gql<{ path: ApiSubgraph | null }>(`query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6, edgeTypes: [MENTIONS, CONCERNS, SUPPORTS, PART_OF, ANSWERS, PROPOSED_BY, ISSUED_BY, CONTACT, CC, COMMITS_TO]) { ${subgraphFields} } }`, { from: pathFrom, to: pathTo });
  if (!data.path) return store.set({ pathIds: [], pathMessage: t('path.none', lang) });
  const added = newElements(view.ids(), toElements(data.path));
  if (added.length > 0) await view.add(added, pathFrom);
  store.set({ pathIds: [...data.path.nodes.map((n) => n.id), ...data.path.edges.map((e) => e.id)], pathMessage: `${t('path.found', lang)}: ${data.path.nodes.map((n) => n.name).join(' → ')}` });
}

let viewTicket = 0;

/** Shows a view; a page view renders off-screen and is put in only if no later view was asked for meanwhile. */
async function showView(next: View): Promise<void> {
  const ticket = ++viewTicket;
  document.querySelectorAll<HTMLButtonElement>('[data-view]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === next)));
  const page = next === 'letter' || next === 'commitments';
  $('page-view').hidden = !page;
  // The graph's toolbar and legend belong to the canvas views only.
  $('toolbar').hidden = page;
  $('legend').hidden = page;
  $('graph').style.visibility = page ? 'hidden' : 'visible';
  if (next === 'graph') {
    await view.show(overviewElements);
    view.render(store.get());
  } else if (next === 'chains') {
    const bases = store.get().includeVocabulary ? null : ['HEADING', 'SENTENCE'];
    const data = await gql<{ chainMatrix: MatrixPair[] }>('query Chains($bases: [ChainBasis!]) { chainMatrix(bases: $bases) { a { name } b { name } count nodes { node { id kind name letterCount } } } }', { bases });
    await view.show(chainElements(data.chainMatrix), 'chains');
    view.render({ ...store.get(), filters: { kinds: [], edgeTypes: [], chain: null, letter: null } });
  } else {
    const fresh = h('div');
    if (next === 'letter') await renderLetterView(fresh, store, gql, letters);
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
  if (changed.has('filters') || changed.has('status')) renderFilters($('filters'), store, letters);
  if (changed.has('view') || (changed.has('letterSource') && state.view === 'letter') || (changed.has('filters') && (state.view === 'commitments' || state.view === 'ledger')) || changed.has('includeVocabulary')) {
    if (state.status === 'ready') void showView(state.view);
  }
  if (changed.has('filters') && state.filters.letter !== lastLetterFilter) {
    if (state.filters.letter) void loadLetterNodes(state.filters.letter);
    else lastLetterFilter = null;
  }
  if (state.view === 'graph' && ['filters', 'hidden', 'pinned', 'selected', 'pathIds', 'letterNodes'].some((k) => changed.has(k as never))) view.render(state);
  if (changed.has('selected') || changed.has('lang') || changed.has('pinned')) void renderDetails($('details'), store, gql, (id) => void expand(id));
  if (changed.has('pathFrom') || changed.has('pathTo')) void findPath();
  if (changed.has('pathMessage') && state.pathMessage) banner(state.pathMessage);
  renderToolbar($('toolbar'), store, view, { undo: undoExpand, reset: () => { actions.resetFilters(store); view.fit(); } });
});

document.querySelectorAll<HTMLButtonElement>('[data-view]').forEach((button) => button.addEventListener('click', () => actions.setView(store, button.dataset.view as View)));
$('lang').addEventListener('click', () => actions.setLang(store, store.get().lang === 'zh' ? 'en' : 'zh'));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) actions.select(store, null);
});
mountSearch($('search') as HTMLInputElement, $('search-results') as HTMLUListElement, store, gql, (id) => void pick(id));

// Read-only hooks for tests and benchmarks: what the page shows, from its own state.
(window as unknown as { innograph: object }).innograph = {
  state: () => ({ view: store.get().view, status: store.get().status, selected: store.get().selected, nodes: store.get().nodes.size, expansions: store.get().expansions.length }),
  visibleNodes: () => view.cy.nodes(':visible').filter((n) => !n.isParent()).length,
  lastLayout: () => ({ ...view.lastLayout }),
  panBy: (x: number, y: number) => view.cy.panBy({ x, y }),
  /** The links between chains in the four-chain view, and a tap on one (a click on the canvas may land on a bridge drawn over it). */
  links: () => view.cy.edges('.chain-link').map((e) => e.id()),
  tap: (id: string) => view.cy.getElementById(id).emit('tap'),
};

applyI18n();
renderFilters($('filters'), store, letters);
void renderDetails($('details'), store, gql, (id) => void expand(id));
void loadOverview().then(() => {
  if (store.get().pathFrom && store.get().pathTo) void findPath();
  const letter = store.get().filters.letter;
  if (letter) void loadLetterNodes(letter);
});
