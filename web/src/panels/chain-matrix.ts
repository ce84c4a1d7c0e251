import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { chainName, kindName, type Lang, t } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { scopeOf } from '../explorer/place-scope.ts';
import { actions, type Store } from '../state.ts';
import { BASES, basisName, CHAIN_FIELDS, type ChainView, renderTie, type TieView } from './chain-ties.ts';

/**
 * The four-chain view as a matrix: each cell says how many things advance
 * both chains and of which kinds, on the bases chosen (name, heading,
 * sentence, vocabulary — switchable), how many letters it rests on and how
 * much of it the first of them gives. A click on a cell lists its bridges,
 * each with every tie to each chain: the reason and the sentence that ties
 * that side.
 */
interface Pair {
  a: { name: string };
  b: { name: string };
  count: number;
  letters: number;
  byLetter: Array<{ letter: { source: string; docNumber: string | null }; count: number }>;
  nodes: Array<{ node: { id: string; kind: string } }>;
}
interface BridgeNode {
  id: string;
  kind: string;
  name: string;
  chains: ChainView[];
}

const SHOWN_BRIDGES = 40;
const TEXT: Record<string, Record<Lang, string>> = {
  restsOn: { zh: '出自 {n} 封函', en: 'from {n} letters' },
  mostFrom: { zh: '其中 {n} 项见于 {letter}', en: '{n} of them in {letter}' },
  oneLetter: { zh: '仅出自 {letter}', en: 'only from {letter}' },
  explain: {
    zh: '每格为同时推进两条链的事物数，并注明出自几封答复函。每一关联都附理由：名称本身、链标题、本句点明该链或本句中的链词。点击一格查看各事物及连到每条链的原句。',
    en: 'Each cell counts the things that advance both chains, and says how many letters it rests on. Every tie has a reason: the thing’s own name, a chain heading, its clause naming the chain, or a chain word where it acts. Click a cell for its things and the sentence that ties each side.',
  },
};
const say = (key: string, lang: Lang, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), TEXT[key][lang]);

export async function renderChainMatrix(root: HTMLElement, store: Store, gql: Gql): Promise<void> {
  const { lang } = store.get();
  const chainBases = store.get().chainBases.filter((b) => (BASES as readonly string[]).includes(b));
  type Counts = Array<{ a: { name: string }; b: { name: string }; count: number }>;
  const data = await gql<{ chainMatrix: Pair[] } & Record<(typeof BASES)[number], Counts>>(
    `query ChainMatrix($bases: [ChainBasis!], $scope: LetterScope) {
    chainMatrix(bases: $bases, scope: $scope) { a { name } b { name } count letters
      byLetter { letter { ... on Letter { source docNumber } } count } nodes { node { id kind } } }
    ${BASES.map((b) => `${b}: chainMatrix(bases: [${b}], scope: $scope) { a { name } b { name } count }`).join(' ')} }`,
    // The places of the facet (web/src/panels/place-facet.ts).
    { bases: chainBases.length > 0 ? chainBases : [...BASES], scope: scopeOf(store.get().filters, false) },
  );
  const matrix = data.chainMatrix;
  const same = (p: { a: { name: string }; b: { name: string } }, a: string, b: string) =>
    (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a);
  // How many of a cell's things each basis gives alone: a cell made of one repeated heading says so.
  const byBasis = (a: string, b: string) =>
    BASES.map((basis) => `${basisName(basis, lang)} ${data[basis].find((p) => same(p, a, b))?.count ?? 0}`).join(' · ');
  const pairOf = (a: string, b: string) => matrix.find((p) => same(p, a, b));
  const strongest = Math.max(1, ...matrix.filter((p) => p.a.name !== p.b.name).map((p) => p.count));
  const bridges = h('section', { id: 'bridges' });
  const open = (a: string, b: string) => {
    // The open cell is part of the URL (state.cell), so a reload or a named view opens it again.
    if (store.get().cell !== `${a},${b}`) store.set({ cell: `${a},${b}` });
    root
      .querySelectorAll('td.pair')
      .forEach((td) => td.classList.toggle('open', td.getAttribute('data-pair') === `${a}|${b}`));
    void renderBridges(bridges, store, gql, a, b, pairOf(a, b));
  };
  const cell = (a: string, b: string) => {
    const pair = pairOf(a, b);
    const count = pair?.count ?? 0;
    if (a === b)
      return h('td', { class: 'diagonal', title: t('chains.diagonal', lang) }, String(count), letterLine(pair, lang));
    const td = h(
      'td',
      {
        class: 'pair',
        'data-pair': `${a}|${b}`,
        tabindex: '0',
        role: 'button',
        onclick: () => open(a, b),
        onkeydown: (e: Event) => {
          if ((e as KeyboardEvent).key === 'Enter') open(a, b);
        },
      },
      h('strong', {}, String(count)),
      h('div', { class: 'kinds' }, kindBreakdown(pair, lang)),
      letterLine(pair, lang),
      h('div', { class: 'bases-line' }, byBasis(a, b)),
    );
    // Darker where more things bridge the two chains.
    td.style.background = `rgb(37 99 235 / ${(0.06 + 0.5 * (count / strongest)).toFixed(2)})`;
    return td;
  };
  const toggles = BASES.map((basis) =>
    h(
      'label',
      {},
      h('input', {
        type: 'checkbox',
        name: 'basis',
        value: basis,
        checked: chainBases.length === 0 || chainBases.includes(basis),
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          const now = chainBases.length === 0 ? [...BASES] : chainBases;
          actions.setChainBases(store, on ? [...now, basis] : now.filter((b) => b !== basis));
        },
      }),
      basisName(basis, lang),
    ),
  );
  root.replaceChildren(
    h('h2', {}, t('chains.title', lang)),
    h('p', { class: 'muted' }, say('explain', lang)),
    h('fieldset', { class: 'controls bases' }, h('legend', {}, t('chains.basis', lang)), ...toggles),
    h(
      'table',
      { class: 'chain-matrix' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}), ...CHAIN_NAMES.map((c) => h('th', { scope: 'col' }, chainName(c, lang)))),
      ),
      h(
        'tbody',
        {},
        ...CHAIN_NAMES.map((a) =>
          h('tr', {}, h('th', { scope: 'row' }, chainName(a, lang)), ...CHAIN_NAMES.map((b) => cell(a, b))),
        ),
      ),
    ),
    bridges,
  );
  const [a, b] = (store.get().cell ?? '').split(',');
  if (CHAIN_NAMES.includes(a) && CHAIN_NAMES.includes(b)) open(a, b);
}

/** How many letters a cell rests on, and how much of it the first of them gives. */
function letterLine(pair: Pair | undefined, lang: Lang): HTMLElement {
  const top = pair?.byLetter[0];
  if (!pair || !top || pair.count === 0) return h('div', { class: 'letters-line' });
  const letter = top.letter.docNumber ?? top.letter.source;
  const line =
    pair.letters === 1
      ? say('oneLetter', lang, { letter })
      : `${say('restsOn', lang, { n: pair.letters })}${lang === 'zh' ? '；' : '; '}${say('mostFrom', lang, { letter, n: top.count })}`;
  return h('div', { class: 'letters-line' }, line);
}

function kindBreakdown(pair: Pair | undefined, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const { node } of pair?.nodes ?? []) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .map(([kind, n]) => `${kindName(kind, lang, true)} ${n}`)
    .join(' · ');
}

async function renderBridges(
  root: HTMLElement,
  store: Store,
  gql: Gql,
  a: string,
  b: string,
  pair: Pair | undefined,
): Promise<void> {
  const { lang } = store.get();
  const bases = store.get().chainBases;
  const ids = (pair?.nodes ?? []).map((n) => n.node.id);
  const nodes =
    ids.length === 0
      ? []
      : (
          await gql<{ nodes: Array<BridgeNode | null> }>(
            `query Bridges($ids: [ID!]!) { nodes(ids: $ids) { id kind name chains { ${CHAIN_FIELDS} } } }`,
            { ids: ids.slice(0, SHOWN_BRIDGES) },
          )
        ).nodes.filter((n): n is BridgeNode => n !== null);
  root.replaceChildren(
    h('h3', { id: 'link-title' }, `${chainName(a, lang)} ↔ ${chainName(b, lang)}: ${ids.length}`),
    ids.length > SHOWN_BRIDGES
      ? h('p', { class: 'muted' }, t('chains.more', lang).replace('{n}', String(SHOWN_BRIDGES)))
      : '',
    ...nodes.map((node) =>
      h(
        'article',
        { class: 'bridge' },
        h(
          'h4',
          {},
          h(
            'a',
            {
              href: '#',
              onclick: (e: Event) => {
                e.preventDefault();
                actions.showInGraph(store, node.id);
              },
            },
            node.name,
          ),
          ' ',
          h('span', { class: 'kind' }, kindName(node.kind, lang)),
        ),
        ...sides(node, [a, b], bases).map(({ chains, tie }) => renderTie(tie, lang, store, chains)),
      ),
    ),
  );
}

/**
 * The ties to each chain of the pair, on the chosen bases, the first of each letter and chain; a tie
 * that one sentence makes to both chains (深化产业链和创新链…) is shown once, for both.
 */
function sides(node: BridgeNode, chains: string[], bases: string[]): Array<{ chains: string[]; tie: TieView }> {
  const shown = new Map<string, { chains: string[]; tie: TieView }>();
  for (const chain of chains) {
    const ties = node.chains
      .filter((c) => c.chain.name === chain)
      .flatMap((c) => c.ties)
      .filter((tie) => bases.length === 0 || bases.includes(tie.basis));
    const firstPerLetter = ties.filter((tie, i) => ties.findIndex((x) => x.letter.id === tie.letter.id) === i);
    for (const tie of firstPerLetter) {
      const key = `${tie.letter.id}|${tie.rule}|${tie.evidence.start}|${tie.words.join('·')}`;
      const held = shown.get(key);
      if (held) held.chains.push(chain);
      else shown.set(key, { chains: [chain], tie });
    }
  }
  return [...shown.values()];
}
