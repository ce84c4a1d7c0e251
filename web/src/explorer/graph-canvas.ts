import type { ElementDefinition } from 'cytoscape';
import type { Gql } from '../api-client.ts';
import { groupTitles, maxWeight, newElements, toElements, withSizes } from '../elements.ts';
import { NO_FILTERS } from '../filters.ts';
import type { GraphView } from '../graph-view.ts';
import { KIND_NAMES } from '../i18n.ts';
import { letterThings } from '../letter-things.ts';
import { ALL_EDGE_TYPES, ALL_KINDS, type ApiSubgraph, EDGE_FIELDS, NODE_FIELDS } from '../model.ts';
import type { Store } from '../state.ts';

export const SUBGRAPH_FIELDS = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } capped`;
// The canvas leaves the chains to their own view: every ADVANCES edge runs to one of four hubs, which would pull the
// whole picture into one knot. Each node still knows its chains (filters).
export const OVERVIEW_SCOPE = {
  kinds: ALL_KINDS.filter((k) => k !== 'Chain'),
  edgeTypes: ALL_EDGE_TYPES.filter((t) => t !== 'ADVANCES'),
};
// The summary shows the things letters talk about; letters, people and proposals are reached by search, expand
// and the letter reader, and commitments and achievements (sentence fragments as names) by expand and their table.
const SUMMARY_KINDS = ['Organization', 'Platform', 'Programme', 'Policy', 'Enterprise'];
const EXPAND_STEP = 16;

/**
 * The canvas view (Cytoscape, graph-view.ts): the summary of the most-mentioned
 * things, what a letter filter brings, and what one grows by expanding — each
 * expand kept in the state (and so in the URL) and undone in order.
 */
export class GraphCanvas {
  private elements: ElementDefinition[] = [];
  private kindTotals = new Map<string, number>();
  private weightScale = 1;
  drawn = false;
  drawing: Promise<void> = Promise.resolve();
  private lastLetter: string | null = null;
  /** What the letter filter brought onto the canvas (its letter's things not drawn before): taken away when it changes. */
  private letterAdded: string[] = [];
  /** The view before each expand that moved it, by the expand's place in the undo stack (null: it did not move). */
  private readonly viewsBefore: Array<{ zoom: number; pan: { x: number; y: number } } | null> = [];

  constructor(
    readonly view: GraphView,
    private readonly store: Store,
    private readonly gql: Gql,
    private readonly container: HTMLElement,
  ) {}

  title = (kind: string, shown: number, total: number): string => {
    const lang = this.store.get().lang;
    const name = KIND_NAMES[kind]?.[lang] ?? kind;
    return lang === 'zh' ? `${name}（${shown} / 共 ${total}）` : `${name} (${shown} of ${total})`;
  };

  /** How many things the summary shows: as many as fit the canvas with readable labels. */
  private summaryLimit(): number {
    const area = this.container.clientWidth * this.container.clientHeight;
    return Math.max(12, Math.min(60, Math.floor(area / 17000)));
  }

  /** The summary's things (asked with the page's first query, which also counts kinds). */
  summaryQuery() {
    return { ...OVERVIEW_SCOPE, kinds: SUMMARY_KINDS, limit: this.summaryLimit() };
  }

  setOverview(overview: ApiSubgraph, kindTotals: Map<string, number>): void {
    this.kindTotals = kindTotals;
    const elements = toElements(overview);
    this.weightScale = maxWeight(elements);
    this.elements = [...groupTitles(elements, kindTotals, this.title), ...withSizes(elements, this.weightScale)];
    this.drawn = false;
  }

  /** Draws the summary once (kept, with its expansions, while other views are shown), then replays the URL's expands. */
  async show(): Promise<void> {
    if (this.drawn) return;
    this.drawn = true;
    this.drawing = this.view.show(this.elements, 'summary');
    await this.drawing;
    if (JSON.stringify(this.store.get().filters) !== JSON.stringify(NO_FILTERS)) this.repack();
    for (const entry of this.store.get().expanded) {
      if (entry.startsWith('@')) await this.expandInto(entry.slice(1), false);
      else await this.expand(entry, false);
    }
    const camera = this.store.get().camera;
    if (camera) this.view.setCamera(camera);
  }

  repack(): void {
    this.view.repack(this.title);
  }

  /** The letter filter: the letter's things come onto the canvas, each new kind under a title; only they stay. */
  async letterFilter(letter: string | null): Promise<void> {
    if (letter === this.lastLetter) return;
    this.lastLetter = letter;
    this.dropLetterThings();
    if (!letter) return;
    this.store.set({ letterNodes: null });
    const things = await letterThings(this.gql, letter);
    await this.drawing;
    if (this.store.get().filters.letter !== letter) return;
    const added = withSizes(newElements(this.view.ids(), toElements(things)), this.weightScale);
    const titles = groupTitles(added, this.kindTotals, this.title).filter((t) => !this.view.has(String(t.data.id)));
    if (added.length + titles.length > 0) this.view.add([...titles, ...added], null);
    this.letterAdded = [...titles, ...added].map((e) => String(e.data.id));
    const nodes = new Map(this.store.get().nodes);
    for (const n of things.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    this.store.set({ nodes, letterNodes: new Set(things.nodes.map((n) => n.id)) });
  }

  private dropLetterThings(): void {
    if (this.letterAdded.length === 0) return;
    this.view.remove(this.letterAdded);
    const nodes = new Map(this.store.get().nodes);
    for (const id of this.letterAdded) nodes.delete(id);
    this.letterAdded = [];
    this.store.set({ nodes });
  }

  /** Adds the node's most-mentioned neighbours not yet shown (16 at a time) in free places around it. */
  async expand(id: string, remember = true): Promise<void> {
    const data = await this.gql<{ neighbourhood: ApiSubgraph }>(
      `query Expand($id: ID!, $edgeTypes: [EdgeType!]) { neighbourhood(ids: [$id], depth: 1, limit: 500, edgeTypes: $edgeTypes) { ${SUBGRAPH_FIELDS} } }`,
      { id, edgeTypes: OVERVIEW_SCOPE.edgeTypes },
    );
    // A few at a time, the most-mentioned first: a hub's hundred letters would bury the picture.
    const shown = this.view.ids();
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
      this.weightScale,
    );
    const nodes = new Map(this.store.get().nodes);
    for (const n of data.neighbourhood.nodes) if (next.has(n.id)) nodes.set(n.id, n);
    const before = this.view.viewport();
    if (added.length > 0) this.view.add(added, id);
    // What was added is brought into view when some of it landed off screen; undo goes back.
    const moved = this.view.reveal([id, ...added.filter((e) => e.group === 'nodes').map((e) => String(e.data.id))]);
    this.record(id, added, nodes, moved ? before : null, remember);
  }

  /** Brings a thing that is not drawn onto the canvas with its neighbours (a search hit, a link from elsewhere). */
  async expandInto(id: string, remember = true): Promise<void> {
    const data = await this.gql<{ neighbourhood: ApiSubgraph }>(
      `query Reach($id: ID!) { neighbourhood(ids: [$id], depth: 1, limit: 60) { ${SUBGRAPH_FIELDS} } }`,
      { id },
    );
    const added = withSizes(newElements(this.view.ids(), toElements(data.neighbourhood)), this.weightScale);
    this.view.add(added, null);
    const nodes = new Map(this.store.get().nodes);
    for (const n of data.neighbourhood.nodes) nodes.set(n.id, n);
    this.record(`@${id}`, added, nodes, null, remember);
  }

  private record(
    entry: string,
    added: ElementDefinition[],
    nodes: Map<string, ApiSubgraph['nodes'][number]>,
    before: { zoom: number; pan: { x: number; y: number } } | null,
    remember: boolean,
  ): void {
    const state = this.store.get();
    this.viewsBefore[state.expansions.length] = before;
    this.store.set({
      nodes,
      expansions: [...state.expansions, added.map((e) => String(e.data.id))],
      ...(remember ? { expanded: [...state.expanded, entry] } : {}),
    });
  }

  undo(): void {
    const expansions = [...this.store.get().expansions];
    const last = expansions.pop();
    const before = this.viewsBefore[expansions.length];
    if (before) this.view.setViewport(before);
    if (!last) return;
    this.view.remove(last);
    const nodes = new Map(this.store.get().nodes);
    for (const id of last) nodes.delete(id);
    this.store.set({ expansions, nodes, expanded: this.store.get().expanded.slice(0, -1) });
  }

  /** Adds what a path runs through that is not drawn yet, next to its start, and fits the path. */
  async addPath(path: Pick<ApiSubgraph, 'nodes' | 'edges'>, from: string): Promise<void> {
    await this.drawing;
    const added = withSizes(newElements(this.view.ids(), toElements(path)), this.weightScale);
    if (added.length > 0) this.view.add(added, this.view.has(from) ? from : null);
    const nodes = new Map(this.store.get().nodes);
    for (const n of path.nodes) nodes.set(n.id, n);
    this.store.set({ nodes });
    this.view.fitTo(path.nodes.map((n) => n.id));
  }
}
