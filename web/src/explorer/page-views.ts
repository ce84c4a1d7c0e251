import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { renderChainMatrix } from '../panels/chain-matrix.ts';
import { renderCommitmentsView } from '../panels/commitments-view.ts';
import { renderCompareView } from '../panels/compare-view.ts';
import { renderLedgerView } from '../panels/ledger-view.ts';
import { renderLetterView } from '../panels/letter-view.ts';
import type { Store } from '../state.ts';
import type { View } from '../url-state.ts';

/**
 * The views that are pages rather than the canvas (four chains, letter,
 * commitments, ledger, places compared): each renders off-screen and is put in only if no later
 * view was asked for meanwhile.
 */
export class PageViews {
  private ticket = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly store: Store,
    private readonly gql: Gql,
    private readonly letters: () => Array<{ id: string; name: string; source: string }>,
  ) {}

  /** Marks the chosen tab and shows or hides what belongs to the canvas only. */
  static frame(next: View): void {
    document
      .querySelectorAll<HTMLButtonElement>('[data-view]')
      .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.view === next)));
    const page = next !== 'graph';
    const byId = (id: string) => document.getElementById(id)!;
    byId('page-view').hidden = !page;
    // The canvas's toolbar, legends and filters do nothing on a page view.
    for (const id of ['toolbar', 'legend', 'filters']) byId(id).hidden = page;
    byId('graph').style.visibility = page ? 'hidden' : 'visible';
    document.querySelector('.layout')?.classList.toggle('page', page);
  }

  async show(next: Exclude<View, 'graph'>): Promise<void> {
    const ticket = ++this.ticket;
    const fresh = h('div');
    const again = () => void this.show(next);
    if (next === 'chains') await renderChainMatrix(fresh, this.store, this.gql);
    else if (next === 'letter') await renderLetterView(fresh, this.store, this.gql, this.letters());
    else if (next === 'ledger') await renderLedgerView(fresh, this.store, this.gql, again);
    else if (next === 'compare') await renderCompareView(fresh, this.store, this.gql);
    else await renderCommitmentsView(fresh, this.store, this.gql, again);
    if (ticket === this.ticket) this.root.replaceChildren(fresh);
  }

  /** A canvas view asked for after a page: a page still rendering is not put in. */
  cancel(): void {
    this.ticket++;
  }
}
