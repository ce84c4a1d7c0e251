import { w } from '../words.ts';
import type { Store } from '../state.ts';

/**
 * On a narrow screen (a 1024 px laptop) the canvas keeps the room: the filters fold behind a button and the side
 * panel narrows; each panel's button folds and unfolds it. The canvas resizes and keeps the selection on screen.
 */
export function foldPanels(store: Store, narrow = window.matchMedia('(max-width: 1279px)')): void {
  const layout = document.querySelector<HTMLElement>('.layout')!;
  const buttons = document.getElementById('panel-buttons')!;
  const fold = (panel: 'filters' | 'details', folded: boolean) => {
    layout.classList.toggle(`no-${panel}`, folded);
    buttons.querySelector<HTMLButtonElement>(`[data-panel="${panel}"]`)?.setAttribute('aria-pressed', String(!folded));
  };
  const label = () => {
    const lang = store.get().lang;
    for (const b of buttons.querySelectorAll<HTMLButtonElement>('[data-panel]'))
      b.textContent = w(b.dataset.panel === 'filters' ? 'panels.filters' : 'panels.details', lang);
  };
  for (const b of buttons.querySelectorAll<HTMLButtonElement>('[data-panel]'))
    b.addEventListener('click', () => {
      const panel = b.dataset.panel as 'filters' | 'details';
      fold(panel, !layout.classList.contains(`no-${panel}`));
    });
  const apply = () => fold('filters', narrow.matches);
  narrow.addEventListener('change', apply);
  apply();
  fold('details', false);
  label();
  store.subscribe((_, changed) => {
    if (changed.has('lang')) label();
    // Selecting something on a narrow screen brings its panel back.
    if (changed.has('selected') && store.get().selected) fold('details', false);
  });
}
