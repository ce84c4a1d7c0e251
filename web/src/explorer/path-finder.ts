import type { Gql } from '../api-client.ts';
import { edgeName, t } from '../i18n.ts';
import { askPaths, type FoundPath, renderPaths } from '../panels/paths-panel.ts';
import { nameWithPlace } from '../place-label.ts';
import type { Store } from '../state.ts';
import { w } from '../words.ts';
import type { GraphCanvas } from './graph-canvas.ts';

/**
 * The two path ends of the state → the ranked paths between them (paths-panel.ts) → the chosen one drawn on the
 * canvas, lit on the map, and named step by step in the banner.
 */
export class PathFinder {
  private found: FoundPath[] = [];
  private asked = 0;

  constructor(
    private readonly store: Store,
    private readonly gql: Gql,
    private readonly graph: GraphCanvas,
    private readonly panel: HTMLElement,
    private readonly say: (text: string | null) => void,
  ) {}

  async find(): Promise<void> {
    const { pathFrom, pathTo } = this.store.get();
    const ticket = ++this.asked;
    if (!pathFrom || !pathTo) {
      this.found = [];
      this.panel.hidden = true;
      this.store.set({ pathIds: [], pathMessage: null });
      return this.say(null);
    }
    const answer = await askPaths(this.store, this.gql);
    if (ticket !== this.asked) return;
    if (typeof answer === 'string') {
      this.found = [];
      this.panel.hidden = true;
      this.store.set({ pathIds: [], pathMessage: answer });
      return this.say(answer);
    }
    this.found = answer;
    await this.choose(0);
  }

  async choose(index: number): Promise<void> {
    const path = this.found[index];
    if (!path) return;
    const lang = this.store.get().lang;
    renderPaths(this.panel, this.store, this.found, index, (i) => void this.choose(i));
    await this.graph.addPath(path, this.store.get().pathFrom!);
    const steps = path.links
      .map((link, i) => {
        const meaning = link.kind === 'SAME_LETTER' ? w('paths.sameLetter', lang) : edgeName(link.type ?? '', lang);
        return `${i === 0 ? nameWithPlace(link.from, lang) : ''} —${meaning}— ${nameWithPlace(link.to, lang)}`;
      })
      .join('');
    const message = `${t('path.found', lang)}: ${steps}`;
    this.store.set({ pathIds: [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)], pathMessage: message });
    this.say(message);
  }
}
