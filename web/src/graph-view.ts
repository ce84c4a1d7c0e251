import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { edgeVisible, nodeVisible, type Filters } from './filters.ts';
import type { State } from './state.ts';
import { stylesheet } from './style.ts';

cytoscape.use(fcose);
cytoscape.use(svg);

export interface GraphViewEvents {
  select(id: string | null): void;
  expand(id: string): void;
  pickLink(data: Record<string, unknown>): void;
}

/**
 * Owns the Cytoscape instance: puts elements on the canvas, lays them out
 * (fcose), and derives what the state asks for — filters, hidden and pinned
 * nodes, the selection with its neighbourhood, a path — as classes at render
 * time, never by editing the elements' data.
 */
export class GraphView {
  readonly cy: Core;
  /** When the last layout finished (performance.now()), for tests and benchmarks. */
  lastLayout = { started: 0, finished: 0, nodes: 0 };
  /** The layout running now: a new one stops it, and a stopped layout's end is ignored. */
  private running: { layout: cytoscape.Layouts; ticket: number } | null = null;
  private tickets = 0;

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    // Edges are hidden while panning or zooming, so large graphs stay responsive; labels hide when small (style.ts).
    this.cy = cytoscape({ container, style: stylesheet(), minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false, hideEdgesOnViewport: true, motionBlur: false });
    this.cy.on('tap', 'node', (e) => this.events.select(e.target.id()));
    this.cy.on('tap', 'edge.chain-link', (e) => this.events.pickLink(e.target.data()));
    this.cy.on('tap', (e) => { if (e.target === this.cy) this.events.select(null); });
    this.cy.on('dbltap', 'node', (e) => this.events.expand(e.target.id()));
  }

  /** Replaces everything on the canvas and lays it out. */
  show(elements: ElementDefinition[], layout: 'fcose' | 'chains' = 'fcose'): Promise<void> {
    this.cy.elements().remove();
    this.cy.add(elements);
    const anchors = this.cy.nodes('.anchor').map((n) => ({ nodeId: n.id(), position: n.data('anchor') as { x: number; y: number } }));
    return this.layout(layout === 'chains' ? { nodeRepulsion: 9000, idealEdgeLength: 90, nestingFactor: 0.6, fixedNodeConstraint: anchors } : {});
  }

  /** Adds elements (an expand) and lays them out around what is there. */
  add(elements: ElementDefinition[], around: string | null): Promise<void> {
    const added = this.cy.add(elements);
    const centre = around ? this.cy.getElementById(around).position() : { x: 0, y: 0 };
    added.nodes().positions(() => ({ x: centre.x + (Math.random() - 0.5) * 80, y: centre.y + (Math.random() - 0.5) * 80 }));
    return this.layout({ randomize: false });
  }

  remove(ids: string[]): void {
    this.cy.batch(() => ids.forEach((id) => this.cy.getElementById(id).remove()));
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  ids(): Set<string> {
    return new Set(this.cy.elements().map((e) => e.id()));
  }

  private layout(options: Record<string, unknown>): Promise<void> {
    this.running?.layout.stop();
    const ticket = ++this.tickets;
    const nodes = this.cy.nodes().length;
    this.lastLayout = { started: performance.now(), finished: 0, nodes };
    if (nodes === 0) return Promise.resolve();
    // Large or dense graphs get fcose's spectral draft only; the force-directed refinement costs seconds there.
    const heavy = nodes + this.cy.edges().length > 2500;
    // Lone nodes go in a grid below: fcose would tie each to the rest first (its cost grows with the number of components).
    const lone = this.cy.nodes().filter((n) => n.degree(false) === 0 && !n.isParent() && !n.isChild());
    const connected = this.cy.elements().not(lone);
    const layout = connected.layout({
      name: 'fcose', quality: heavy ? 'draft' : 'default', animate: false, randomize: true, nodeDimensionsIncludeLabels: false,
      packComponents: !heavy, numIter: 2500, ...options,
    } as cytoscape.LayoutOptions);
    this.running = { layout, ticket };
    const done = layout.promiseOn('layoutstop').then(() => {
      if (ticket !== this.tickets) return;
      this.running = null;
      if (lone.nonempty()) {
        const box = connected.nonempty() ? connected.boundingBox({ includeLabels: false }) : { x1: 0, y1: 0, x2: 800, y2: 0, w: 800, h: 0 };
        const columns = Math.max(10, Math.ceil(Math.sqrt(lone.length * 4)));
        const step = Math.max(40, box.w / columns);
        lone.forEach((n, i) => { n.position({ x: box.x1 + (i % columns) * step, y: box.y2 + 80 + Math.floor(i / columns) * 40 }); });
      }
      this.lastLayout.finished = performance.now();
      this.cy.fit(undefined, 30);
    });
    layout.run();
    return done;
  }

  /** Derives classes from the state: filters, hidden, pinned, selection, path. */
  render(state: Pick<State, 'filters' | 'hidden' | 'pinned' | 'selected' | 'pathIds' | 'letterNodes'>): void {
    const cy = this.cy;
    cy.batch(() => {
      const visible = new Set<string>();
      cy.nodes().forEach((node) => {
        if (node.isParent()) return void visible.add(node.id());
        const shown = !state.hidden.has(node.id()) && nodeVisible(node.data(), state.filters as Filters, state.letterNodes);
        node.toggleClass('filtered', !shown);
        if (shown) visible.add(node.id());
        const pinned = state.pinned.has(node.id());
        node.toggleClass('pinned', pinned);
        if (pinned) node.lock();
        else node.unlock();
      });
      cy.edges().forEach((edge) => {
        if (edge.hasClass('chain-link')) return;
        edge.toggleClass('filtered', !edgeVisible(edge.data(), state.filters as Filters, visible));
      });
      cy.elements().removeClass('faded path').unselect();
      if (state.pathIds.length > 0) {
        const onPath = new Set(state.pathIds);
        cy.elements().forEach((e) => { e.addClass(onPath.has(e.id()) ? 'path' : 'faded'); });
      } else if (state.selected && cy.getElementById(state.selected).nonempty()) {
        const node = cy.getElementById(state.selected);
        node.select();
        const near = node.closedNeighborhood();
        cy.elements().not(near).not(':parent').addClass('faded');
      }
    });
  }

  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
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
  visible(): { nodes: Array<{ id: string; kind: string; name: string }>; edges: Array<{ id: string; type: string; source: string; target: string }> } {
    const nodes = this.cy.nodes(':visible').filter((n) => !n.isParent());
    const ids = new Set(nodes.map((n) => n.id()));
    return {
      nodes: nodes.map((n) => ({ id: n.id(), kind: n.data('kind'), name: n.data('name') })),
      edges: this.cy.edges(':visible').toArray().map((e) => e as cytoscape.EdgeSingular)
        .filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
        .map((e) => ({ id: e.id(), type: e.data('type'), source: e.source().id(), target: e.target().id() })),
    };
  }

  dispose(): void {
    this.cy.destroy();
  }
}
