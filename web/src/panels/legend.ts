import { h } from '../dom.ts';
import { kindName, type Lang } from '../i18n.ts';
import { KIND_STYLE } from '../style.ts';

/** Colour and name of each kind; size means how many letters mention a node. */
/** Only the kinds drawn, when known. */
export function renderLegend(root: HTMLElement, lang: Lang, present: ReadonlySet<string> = new Set()): void {
  root.replaceChildren(
    ...Object.entries(KIND_STYLE)
      .filter(([kind]) => present.size === 0 || present.has(kind))
      .map(([kind, style]) => {
        const dot = h('i');
        dot.style.background = style.color;
        return h('span', {}, dot, kindName(kind, lang, true));
      }),
  );
}
