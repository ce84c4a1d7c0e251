import type { Gql } from '../api-client.ts';
import { h, highlighted } from '../dom.ts';
import { kindName, t } from '../i18n.ts';
import { actions, type Store } from '../state.ts';

interface Bridge { node: { id: string; kind: string; name: string }; evidence: Array<{ start: number; end: number; letter: { docNumber: string | null }; sentence: { text: string; start: number } }> }

const QUERY = `query Bridges($bases: [ChainBasis!]) { chainMatrix(bases: $bases) { a { name } b { name } count
  nodes { node { id kind name } evidence { start end letter { ... on Letter { docNumber } } sentence { text start } } } } }`;

/** The things that bridge two chains, each with the sentences that tie it to them. */
export async function renderChainLink(root: HTMLElement, store: Store, gql: Gql, a: string, b: string): Promise<void> {
  const { lang, includeVocabulary } = store.get();
  const bases = includeVocabulary ? null : ['HEADING', 'SENTENCE'];
  const matrix = (await gql<{ chainMatrix: Array<{ a: { name: string }; b: { name: string }; nodes: Bridge[] }> }>(QUERY, { bases })).chainMatrix;
  const pair = matrix.find((p) => (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a));
  root.replaceChildren(
    h('div', { class: 'kind' }, t('chains.link', lang)),
    h('h2', { id: 'link-title' }, `${a} ↔ ${b} (${pair?.nodes.length ?? 0})`),
    ...(pair?.nodes ?? []).map((bridge) => h('section', { class: 'bridge' },
      h('h3', {}, h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); actions.select(store, bridge.node.id); } }, bridge.node.name), ' ', h('span', { class: 'kind' }, kindName(bridge.node.kind, lang))),
      ...uniqueSentences(bridge.evidence).map((ev) => h('div', { class: 'mention' },
        highlighted(ev.sentence.text, ev.start - ev.sentence.start, ev.end - ev.sentence.start),
        h('div', { class: 'source' }, ev.letter.docNumber ?? ''))))),
  );
}

function uniqueSentences(evidence: Bridge['evidence']): Bridge['evidence'] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.letter.docNumber}|${e.sentence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
