import type { Gql } from '../api-client.ts';
import { judgeKinds } from '../explorer/place-scope.ts';
import { facetKey, facetOn, type Filters } from '../filters.ts';
import { actions, type State, type Store } from '../state.ts';
import { KIND_STYLE } from '../style.ts';
import { w } from '../words.ts';
import { MapCanvas } from './map-canvas.ts';
import { colours, OTHER } from './map-colours.ts';
import { loadMap, type MapData } from './map-data.ts';
import { mapPng, mapSvg } from './map-export.ts';
import { type LegendEntry, legendEntries, renderMapLegend, useKindColours } from './map-legend.ts';

useKindColours((kind) => KIND_STYLE[kind]?.color ?? OTHER);

/**
 * The whole-archive view (整图): the map the server laid out, drawn by
 * MapCanvas, its legend, and the state it shows — filters hide kinds (and,
 * for a chain, the things that advance another chain most), the selection
 * lights itself and its links, a path or a letter lights its things, a
 * community can be lit from the legend; zoom and centre go to the URL.
 */
export class MapMode {
  private data: MapData | null = null;
  private loading: Promise<MapData> | null = null;
  canvas: MapCanvas | null = null;
  /** What the place and year facet keeps of the map's things (id → only undated letters name it); null: all. */
  private facet: { key: string; kept: Map<string, boolean> | null } = { key: '|', kept: null };

  constructor(
    private readonly root: HTMLElement,
    private readonly legend: HTMLElement,
    private readonly store: Store,
    private readonly gql: Gql,
    private readonly say: (text: string | null) => void,
  ) {}

  /** Loads the map (once per page: the server answers per graph version) and draws it. */
  async show(): Promise<void> {
    this.root.hidden = false;
    this.legend.hidden = false;
    if (!this.data) {
      const lang = this.store.get().lang;
      this.loading ??= loadMap(this.gql, (step) => this.say(`${w('map.computing', lang)}: ${step}`));
      try {
        this.data = await this.loading;
      } catch (error) {
        this.loading = null;
        this.say(`${w('map.failed', lang)}: ${(error as Error).message}`);
        return;
      }
      this.say(null);
    }
    if (!this.canvas) {
      this.canvas = new MapCanvas(this.root, this.data, colours(this.data, this.store.get().colour), {
        select: (id) => actions.select(this.store, id),
        moved: (view) => {
          const c = this.canvas!.canvas;
          this.store.set({
            camera: { zoom: view.k, x: (c.width / 2 - view.tx) / view.k, y: (c.height / 2 - view.ty) / view.k },
          });
        },
        resized: () => {
          const selected = this.store.get().selected;
          if (selected) this.canvas?.keepOnScreen(selected);
        },
      });
      this.keptOnScreen = this.store.get().selected;
      const camera = this.store.get().camera;
      if (camera) {
        const c = this.canvas.canvas;
        this.canvas.setView({
          k: camera.zoom,
          tx: c.width / 2 - camera.x * camera.zoom,
          ty: c.height / 2 - camera.y * camera.zoom,
        });
      }
    }
    this.render(this.store.get());
    void this.applyFacet(this.store.get().filters);
  }

  hide(): void {
    this.root.hidden = true;
    this.legend.hidden = true;
  }

  /** The selection last kept on screen: the one a saved view or the URL brings back is left where its camera puts it. */
  private keptOnScreen: string | null | undefined = undefined;

  get shown(): boolean {
    return !this.root.hidden && this.canvas !== null;
  }

  /** Derives the look from the state: colours, what filters hide, what is lit, whose names must show. */
  render(state: State): void {
    const map = this.data;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const n = map.nodes.id.length;
    const look = new Uint8Array(n);
    const { kinds, chain } = state.filters;
    const kept = this.facet.key === facetKey(state.filters) ? this.facet.kept : null;
    for (let i = 0; i < n; i++) {
      const hidden =
        state.hidden.has(map.nodes.id[i]) ||
        (kept !== null && !kept.has(map.nodes.id[i])) ||
        (kinds.length > 0 && !kinds.includes(map.nodes.kind[i])) ||
        (chain !== null && map.nodes.chain[i] !== chain);
      look[i] = hidden ? 0 : 1;
    }
    const lit = this.litIds(state, canvas, map);
    for (const id of lit) {
      const at = canvas.indexOf.get(id);
      const i = at === undefined ? -1 : at - map.hubs.length;
      if (i >= 0 && look[i] !== 0) look[i] = 2;
    }
    canvas.setLook(colours(map, state.colour), look, lit);
    // A thing selected on the map (a click, a search) is kept whole on screen with its name, whether the side panel
    // opening for it narrows the canvas before or after the selection (the resize alone caught only the latter).
    if (state.selected !== this.keptOnScreen) {
      this.keptOnScreen = state.selected;
      if (state.selected && canvas.indexOf.has(state.selected)) canvas.keepOnScreen(state.selected);
    }
    renderMapLegend(
      this.legend,
      map,
      state.colour,
      state.lang,
      {
        colourBy: (by) => this.store.set({ colour: by }),
        community: (id) => this.store.set({ community: id }),
      },
      state.community,
    );
  }

  /** The place and year facet on the map: asks which things a letter in scope names, then draws only those. */
  async applyFacet(filters: Filters): Promise<void> {
    const key = facetKey(filters);
    if (key === this.facet.key || !this.data) return;
    this.facet = { key, kept: null };
    if (facetOn(filters)) {
      const kinds = [...new Set(this.data.nodes.kind)];
      const kept = await judgeKinds(this.gql, filters, kinds);
      if (this.facet.key !== key) return;
      this.facet.kept = kept;
    }
    this.render(this.store.get());
  }

  /** What is lit, the names to show first: a path's things, else the selection and its links, else a letter's or a community's things. */
  private litIds(state: State, canvas: MapCanvas, map: MapData): string[] {
    if (state.pathIds.length > 0) return state.pathIds.filter((id) => canvas.indexOf.has(id));
    if (state.selected && canvas.indexOf.has(state.selected)) return canvas.around(state.selected);
    if (state.filters.letter && state.letterNodes) return [...state.letterNodes].filter((id) => canvas.indexOf.has(id));
    if (state.community !== null) return map.nodes.id.filter((_, i) => map.nodes.community[i] === state.community);
    return [];
  }

  /** Brings a thing into view (a search hit, a link from another view). */
  focus(id: string): boolean {
    if (!this.canvas?.indexOf.has(id)) return false;
    this.canvas.focus(id);
    return true;
  }

  fit(): void {
    this.canvas?.fit();
  }

  /** What each colour means now, for the exports' legend. */
  legendEntries(): LegendEntry[] {
    const state = this.store.get();
    return this.data ? legendEntries(this.data, state.colour, state.lang) : [];
  }

  async png(): Promise<Blob | null> {
    return this.canvas ? mapPng(this.canvas, this.canvas.look, this.legendEntries()) : null;
  }

  svg(): string | null {
    return this.canvas ? mapSvg(this.canvas, this.canvas.look, this.legendEntries()) : null;
  }
}
