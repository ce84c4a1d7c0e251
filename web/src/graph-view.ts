import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { EDGE_BUDGET, edgesToDraw, HeldEdges } from './edge-budget.ts';
import { labelsWithPlaces } from './elements.ts';
import { edgeVisible, nodeVisible, type Filters } from './filters.ts';
import type { State } from './state.ts';
import { stylesheet } from './style.ts';
import { type BoundingBox, forceLayout, LABEL_BOX, packNodes } from './canvas-layout.ts';
import { placeAround } from './summary-layout.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export interface GraphViewEvents {
  select(id: string | null): void;
  expand(id: string): void;
  /** The view rests after a pan or zoom: where it looks (kept in the URL). */
  moved?(camera: Camera): void;
}

/** Zoom and the model point at the centre of the canvas. */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

/**
 * Above this many nodes the whole graph is packed by kind like the summary instead of run through fcose: measured
 * (npm run bench), fcose takes tens of seconds at 2,000 nodes and minutes at 5,000 on this project's machine.
 */
export const FORCE_LIMIT = 1500;

type RenderState = Pick<
  State,
  'filters' | 'hidden' | 'pinned' | 'selected' | 'pathIds' | 'letterNodes' | 'years' | 'chainsOf' | 'scope'
>;

/**
 * Owns the Cytoscape instance: puts elements on the canvas and places them,
 * and derives what the state asks for — filters, hidden and pinned nodes, the
 * selection with its neighbourhood, a path — as classes at render time, never
 * by editing the elements' data. Placement is deterministic: the summary packs
 * boxes (summary-layout.ts), the whole graph runs fcose on a seeded random
 * generator, and an expand places the new nodes around the node, moving
 * nothing else and keeping the zoom.
 */
export class GraphView {
  readonly cy: Core;
  /** When the last layout finished (performance.now()), for tests and benchmarks. */
  lastLayout = { started: 0, finished: 0, nodes: 0 };
  private tickets = 0;
  private mode: 'summary' | 'whole' = 'summary';
  /** The whole graph's links kept off the canvas (edge-budget.ts), and which of them are drawn now. */
  private held: HeldEdges | null = null;
  private drawnHeld = new Set<string>();
  private lastState: RenderState | null = null;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    container: HTMLElement,
    private readonly events: GraphViewEvents,
    options: { webgl?: boolean } = {},
  ) {
    // While a person drags or wheels, the last frame is moved as a picture (textureOnViewport) and redrawn when the
    // gesture ends: measured at 5,000 nodes a drag frame drops from seconds to one screen refresh. Labels hide when small (style.ts).
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      motionBlur: false,
      ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } as never } : {}),
    });
    this.cy.on('tap', 'node', (e) => this.events.select(e.target.id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) this.events.select(null);
    });
    this.cy.on('dbltap', 'node', (e) => this.events.expand(e.target.id()));
    // Held links follow the view once it rests, not on every frame of a gesture; so does the URL's camera.
    this.cy.on('viewport', () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => {
        if (this.held && this.syncHeld() && this.lastState) this.render(this.lastState);
        this.events.moved?.(this.camera());
      }, 120);
    });
    // A panel folding or the window narrowing resizes the canvas: the selection is kept on screen.
    new ResizeObserver(() => {
      this.cy.resize();
      const selected = this.lastState?.selected;
      if (selected && this.has(selected)) this.reveal([selected]);
    }).observe(container);
  }

  /** Draws the held links edge-budget.ts picks for the view and the selection; says whether anything changed. */
  private syncHeld(): boolean {
    if (!this.held) return false;
    const positions = new Map(this.cy.nodes().map((n) => [n.id(), n.position()]));
    const wanted = edgesToDraw(this.held, positions, this.cy.extent(), this.lastState?.selected ?? null);
    const gone = [...this.drawnHeld].filter((id) => !wanted.has(id));
    const fresh = this.held.all.filter(
      (e) => wanted.has(e.id) && !this.drawnHeld.has(e.id) && this.cy.getElementById(e.id).empty(),
    );
    if (gone.length === 0 && fresh.length === 0) return false;
    this.cy.batch(() => {
      for (const id of gone) this.cy.getElementById(id).remove();
      this.cy.add(fresh.map((e) => e.definition));
    });
    // A link an expand or a path also brought stays theirs: only what was added here is taken away here.
    this.drawnHeld = new Set([...[...this.drawnHeld].filter((id) => wanted.has(id)), ...fresh.map((e) => e.id)]);
    return true;
  }

  /** Replaces everything on the canvas: `summary` packs it by kind under titles, `whole` runs a force layout. */
  async show(elements: ElementDefinition[], mode: 'summary' | 'whole'): Promise<void> {
    const ticket = ++this.tickets;
    const count = elements.filter((e) => e.group === 'nodes' && e.classes !== 'group-title').length;
    this.lastLayout = { started: performance.now(), finished: 0, nodes: count };
    const edges = elements.filter((e) => e.group === 'edges');
    this.held = mode === 'whole' && edges.length > EDGE_BUDGET ? new HeldEdges(edges) : null;
    this.drawnHeld = new Set();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(this.held ? elements.filter((e) => e.group !== 'edges') : elements);
      this.labelPlaces();
    });
    if (mode === 'summary' || count > FORCE_LIMIT) packNodes(this.cy, this.cy.nodes());
    else await forceLayout(this.cy);
    if (ticket !== this.tickets) return;
    this.mode = mode;
    this.cy.fit(undefined, 30);
    this.growTitles(this.cy.nodes());
    // A small summary is not blown up past life size.
    if (this.cy.zoom() > 1.5)
      this.cy.zoom({ level: 1.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.lastLayout.finished = performance.now();
  }

  /** Thousands of things fit only far zoomed out, where 14 px titles would vanish: in the whole graph they grow to read at that zoom. */
  private growTitles(shown: cytoscape.NodeCollection): void {
    const titles = shown.filter('.group-title');
    if (this.mode !== 'whole' || titles.empty() || this.cy.zoom() >= 0.8) return;
    titles.style({
      'font-size': Math.round(15 / this.cy.zoom()),
      'text-max-width': `${Math.round(400 / this.cy.zoom())}px`,
    });
    packNodes(this.cy, shown);
    this.cy.fit(shown, 30);
  }

  /** Packs again what is shown (after a filter), closing the gaps, and fits it. */
  repack(title?: (kind: string, shown: number, total: number) => string): void {
    // A title counts what is shown under it (before packing: its width is part of the layout).
    const shown = new Map<string, number>();
    // By class, not ':visible': Cytoscape settles display styles after the batch that set them, so right after a
    // filter ':visible' still answers what was shown before it.
    const showing = this.cy.nodes().not('.filtered');
    showing.not('.group-title').forEach((n) => {
      shown.set(String(n.data('group')), (shown.get(String(n.data('group'))) ?? 0) + 1);
    });
    this.cy.nodes('.group-title').forEach((t) => {
      t.data('shown', shown.get(String(t.data('group'))) ?? 0);
    });
    if (title) this.relabelTitles(title);
    // Titles grown for the whole graph start again from their own size: a filter may leave a handful of things.
    if (this.mode === 'whole') this.cy.nodes('.group-title').removeStyle('font-size text-max-width');
    packNodes(this.cy, showing);
    this.cy.fit(showing, 30);
    this.growTitles(showing);
    if (this.cy.zoom() > 1.5)
      this.cy.zoom({ level: 1.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Adds elements (an expand) in free places around a node: nothing else moves and the zoom stays. */
  add(elements: ElementDefinition[], around: string | null): void {
    const centreNode = around ? this.cy.getElementById(around) : null;
    const centre = centreNode?.nonempty() ? centreNode.position() : this.viewportCentre();
    const occupied = this.cy.nodes(':visible').map((n) => n.boundingBox(LABEL_BOX) as BoundingBox);
    const added = this.cy.add(elements).nodes();
    this.labelPlaces();
    added.positions(() => ({ ...centre }));
    const sizes = added.map((n) => {
      const box = n.boundingBox(LABEL_BOX) as BoundingBox;
      return { w: box.w, h: box.h, dx: centre.x - box.x1, dy: centre.y - box.y1 };
    });
    const places = placeAround(centre, sizes, occupied);
    this.cy.batch(() =>
      added.forEach((n, i) => {
        n.position(places[i]);
      }),
    );
  }

  private viewportCentre(): { x: number; y: number } {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  /** Titles follow the language. */
  /** Labels derived from what is drawn: a name two things share carries each one's place (elements.ts). */
  private labelPlaces(): void {
    const nodes = this.cy.nodes().not('.group-title');
    const labels = labelsWithPlaces(
      nodes.map((n) => ({ id: n.id(), kind: String(n.data('kind')), name: String(n.data('name') ?? '') })),
    );
    nodes.forEach((n) => {
      const label = labels.get(n.id());
      if (label !== undefined && label !== n.data('label')) n.data('label', label);
    });
  }

  relabelTitles(title: (kind: string, shown: number, total: number) => string): void {
    this.cy.nodes('.group-title').forEach((n) => {
      n.data('label', title(String(n.data('group')), Number(n.data('shown')), Number(n.data('total'))));
    });
  }

  remove(ids: string[]): void {
    this.cy.batch(() => ids.forEach((id) => this.cy.getElementById(id).remove()));
  }

  /** The kinds of the things shown (what the legend names). */
  shownKinds(): Set<string> {
    return new Set(
      this.cy
        .nodes()
        .not('.filtered')
        .not('.group-title')
        .map((n) => String(n.data('kind'))),
    );
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  ids(): Set<string> {
    return new Set(this.cy.elements().map((e) => e.id()));
  }

  /** Derives classes from the state: filters, hidden, pinned, selection, path. */
  render(state: RenderState): void {
    this.lastState = state;
    this.syncHeld();
    const cy = this.cy;
    cy.batch(() => {
      const visible = new Set<string>();
      const shownGroups = new Set<string>();
      cy.nodes().forEach((node) => {
        if (node.hasClass('group-title')) return;
        const shown =
          !state.hidden.has(node.id()) &&
          nodeVisible(
            { ...node.data(), chains: state.chainsOf.get(node.id()) ?? node.data('chains') },
            state.filters as Filters,
            state.letterNodes,
            state.years,
            state.scope,
          );
        node.toggleClass('filtered', !shown);
        // Kept by a year only through undated letters: shown, and marked so.
        node.toggleClass('undated', shown && state.filters.year !== null && state.scope?.kept.get(node.id()) === true);
        if (shown) visible.add(node.id());
        if (shown) shownGroups.add(String(node.data('group')));
        const pinned = state.pinned.has(node.id());
        node.toggleClass('pinned', pinned);
        if (pinned) node.lock();
        else node.unlock();
      });
      // A kind's title stays while anything under it is shown.
      cy.nodes('.group-title').forEach((title) => {
        title.toggleClass('filtered', !shownGroups.has(String(title.data('group'))));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass('filtered', !edgeVisible(edge.data(), state.filters as Filters, visible));
      });
      cy.elements().removeClass('faded path').unselect();
      if (state.pathIds.length > 0) {
        const onPath = new Set(state.pathIds);
        cy.elements().forEach((e) => {
          e.addClass(onPath.has(e.id()) ? 'path' : 'faded');
        });
      } else if (state.selected && visible.has(state.selected)) {
        // A selection a filter has hidden fades nothing: the things shown would all be greyed for something not there.
        const node = cy.getElementById(state.selected);
        node.select();
        const near = node.closedNeighborhood();
        cy.elements().not(near).not('.group-title').addClass('faded');
      }
    });
  }

  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty())
      this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
  }

  /**
   * Brings these nodes (with their labels) into view when some are off screen: a pan at the same zoom when they fit
   * there, else a fit that zooms out no further than it must. Says whether the view moved.
   */
  reveal(ids: string[]): boolean {
    const wanted = new Set(ids);
    const eles = this.cy.nodes().filter((n) => wanted.has(n.id()));
    if (eles.empty()) return false;
    const box = eles.renderedBoundingBox({
      includeNodes: true,
      includeLabels: true,
      includeEdges: false,
      includeOverlays: false,
    });
    const [w, h, m] = [this.cy.width(), this.cy.height(), 16];
    if (box.x1 >= m && box.y1 >= m && box.x2 <= w - m && box.y2 <= h - m) return false;
    if (box.w > w - 2 * m || box.h > h - 2 * m) {
      this.fitTo(ids);
      return true;
    }
    const shift = (low: number, high: number, size: number) =>
      low < m ? m - low : high > size - m ? size - m - high : 0;
    this.cy.panBy({ x: shift(box.x1, box.x2, w), y: shift(box.y1, box.y2, h) });
    return true;
  }

  camera(): Camera {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return { zoom, x: (this.cy.width() / 2 - pan.x) / zoom, y: (this.cy.height() / 2 - pan.y) / zoom };
  }

  setCamera(camera: Camera): void {
    this.cy.viewport({
      zoom: camera.zoom,
      pan: { x: this.cy.width() / 2 - camera.x * camera.zoom, y: this.cy.height() / 2 - camera.y * camera.zoom },
    });
  }

  viewport(): { zoom: number; pan: { x: number; y: number } } {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
  }

  setViewport(viewport: { zoom: number; pan: { x: number; y: number } }): void {
    this.cy.viewport(viewport);
  }

  /** Brings these nodes into view; zooms out if it must, never in past the current zoom. */
  fitTo(ids: string[]): void {
    const wanted = new Set(ids);
    const eles = this.cy.nodes().filter((n) => wanted.has(n.id()));
    const zoom = this.cy.zoom();
    this.cy.fit(eles, 60);
    if (this.cy.zoom() > zoom)
      this.cy.zoom({ level: zoom, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 30);
  }

  png(): Blob {
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  }

  svg(): string {
    return (this.cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' });
  }

  /** What is on screen, for JSON and GraphML export. */
  visible(): {
    nodes: Array<{ id: string; kind: string; name: string }>;
    edges: Array<{ id: string; type: string; source: string; target: string }>;
  } {
    const nodes = this.cy.nodes(':visible').not('.group-title');
    const ids = new Set(nodes.map((n) => n.id()));
    const drawn = this.cy
      .edges(':visible')
      .toArray()
      .map((e) => e as cytoscape.EdgeSingular)
      .filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e) => ({ id: e.id(), type: String(e.data('type')), source: e.source().id(), target: e.target().id() }));
    // An export is of what is shown, so the links kept off the canvas between shown things go with it.
    const filters = this.lastState?.filters as Filters | undefined;
    const undrawn = (this.held?.all ?? [])
      .filter(
        (e) =>
          this.cy.getElementById(e.id).empty() &&
          (!filters ||
            edgeVisible({ type: String(e.definition.data.type), source: e.source, target: e.target }, filters, ids)),
      )
      .map((e) => ({ id: e.id, type: String(e.definition.data.type), source: e.source, target: e.target }));
    return {
      nodes: nodes.map((n) => ({ id: n.id(), kind: n.data('kind'), name: n.data('name') })),
      edges: [...drawn, ...undrawn],
    };
  }

  dispose(): void {
    this.cy.destroy();
  }
}
