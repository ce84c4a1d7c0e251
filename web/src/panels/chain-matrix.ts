import type { Gql } from '../api-client.ts';
import { h, highlighted } from '../dom.ts';
import { chainName, kindName, type Lang, t } from '../i18n.ts';
import { CHAIN_NAMES } from '../model.ts';
import { actions, type Store } from '../state.ts';

/**
 * The four-chain view as a matrix: each cell says how many things advance
 * both chains and of which kinds, on the bases chosen (heading, sentence,
 * vocabulary — switchable, so a link made only of one shared heading shows as
 * such). A click on a cell lists the bridges, each with what ties it to each
 * chain: a heading shown as a heading with the thing's own sentence under it,
 * or the sentence with the chain's word marked.
 */
interface Pair {
  a: { name: string };
  b: { name: string };
  count: number;
  nodes: Array<{ node: { id: string; kind: string } }>;
}
interface Mention {
  text: string;
  start: number;
  end: number;
  letter: { id: string; source: string; docNumber: string | null };
  sentence: { text: string; start: number };
}
interface BridgeNode {
  id: string;
  kind: string;
  name: string;
  mentions: Mention[];
  chains: Array<{ chain: { name: string }; basis: string; keyword: string | null; evidence: Mention[] }>;
}

export const BASES = ['HEADING', 'SENTENCE', 'VOCABULARY'] as const;
const SHOWN_BRIDGES = 40;
const MENTION = 'text start end letter { ... on Letter { id source docNumber } } sentence { text start }';

let openPair: [string, string] | null = null;

export async function renderChainMatrix(root: HTMLElement, store: Store, gql: Gql): Promise<void> {
  const { lang, chainBases } = store.get();
  type Counts = Array<{ a: { name: string }; b: { name: string }; count: number }>;
  const data = await gql<{ chainMatrix: Pair[]; HEADING: Counts; SENTENCE: Counts; VOCABULARY: Counts }>(
    `query ChainMatrix($bases: [ChainBasis!]) {
    chainMatrix(bases: $bases) { a { name } b { name } count nodes { node { id kind } } }
    ${BASES.map((b) => `${b}: chainMatrix(bases: [${b}]) { a { name } b { name } count }`).join(' ')} }`,
    { bases: chainBases.length > 0 ? chainBases : [...BASES] },
  );
  const matrix = data.chainMatrix;
  // How many of a cell's ties each basis gives alone: a link made of one repeated heading says so.
  const byBasis = (a: string, b: string) =>
    BASES.map((basis) => {
      const pair = data[basis].find((p) => (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a));
      return `${t(`basis.${basis}` as const, lang)} ${pair?.count ?? 0}`;
    }).join(' · ');
  const pairOf = (a: string, b: string) =>
    matrix.find((p) => (p.a.name === a && p.b.name === b) || (p.a.name === b && p.b.name === a));
  const strongest = Math.max(1, ...matrix.filter((p) => p.a.name !== p.b.name).map((p) => p.count));
  const bridges = h('section', { id: 'bridges' });
  const open = (a: string, b: string) => {
    openPair = [a, b];
    root
      .querySelectorAll('td.pair')
      .forEach((td) => td.classList.toggle('open', td.getAttribute('data-pair') === `${a}|${b}`));
    void renderBridges(bridges, store, gql, a, b, pairOf(a, b));
  };
  const cell = (a: string, b: string) => {
    const pair = pairOf(a, b);
    const count = pair?.count ?? 0;
    if (a === b) return h('td', { class: 'diagonal', title: t('chains.diagonal', lang) }, String(count));
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
        checked: chainBases.includes(basis),
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          actions.setChainBases(store, on ? [...chainBases, basis] : chainBases.filter((b) => b !== basis));
        },
      }),
      t(`basis.${basis}` as const, lang),
    ),
  );
  root.replaceChildren(
    h('h2', {}, t('chains.title', lang)),
    h('p', { class: 'muted' }, t('chains.explain', lang)),
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
  if (openPair) open(...openPair);
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
  const { lang, chainBases } = store.get();
  const ids = (pair?.nodes ?? []).map((n) => n.node.id);
  const nodes =
    ids.length === 0
      ? []
      : (
          await gql<{ nodes: Array<BridgeNode | null> }>(
            `query Bridges($ids: [ID!]!) { nodes(ids: $ids) { id kind name mentions(first: 5) { ${MENTION} }
    chains { chain { name } basis keyword evidence { ${MENTION} } } } }`,
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
        ...ties(node, [a, b], chainBases, lang, store),
      ),
    ),
  );
}

/** The ties to both chains; when one sentence or heading ties the thing to both (深化产业链和创新链…), it is shown once. */
function ties(node: BridgeNode, chains: string[], bases: string[], lang: Lang, store: Store): HTMLElement[] {
  const links = chains.map((chain) => ({
    chain,
    link: node.chains.find((c) => c.chain.name === chain && (bases.length === 0 || bases.includes(c.basis))),
  }));
  const key = (l: (typeof links)[number]) => {
    const e = l.link?.evidence[0];
    return e ? `${l.link!.basis}|${e.letter.id}|${e.sentence.start}` : l.chain;
  };
  if (links.length === 2 && key(links[0]) === key(links[1]))
    return [
      tie(
        node,
        links.map((l) => l.chain),
        links[0].link,
        lang,
        store,
      ),
    ];
  return links.map((l) => tie(node, [l.chain], l.link, lang, store));
}

/** Why a thing is on a chain: the first tie on the chosen bases, as the letter says it. */
function tie(
  node: BridgeNode,
  chains: string[],
  link: BridgeNode['chains'][number] | undefined,
  lang: Lang,
  store: Store,
): HTMLElement {
  const evidence = link?.evidence[0];
  const keywords = [
    ...new Set(
      node.chains
        .filter((c) => chains.includes(c.chain.name) && c.basis === link?.basis)
        .map((c) => c.keyword)
        .filter(Boolean),
    ),
  ].join('、');
  const parts: Array<HTMLElement | null> = [
    h(
      'div',
      { class: 'tie-chain' },
      `${chains.map((c) => chainName(c, lang)).join(' + ')} · ${link ? t(`basis.${link.basis}` as never, lang) : '—'}${keywords ? ` · ${keywords}` : ''}`,
    ),
  ];
  if (evidence) {
    const marked = markKeyword(evidence.sentence.text, link?.keyword ?? null, evidence);
    if (link?.basis === 'HEADING') {
      parts.push(h('div', { class: 'heading-evidence' }, marked));
      // The heading names the chain; the thing itself stands in a sentence under it.
      const own = node.mentions.find((m) => m.letter.id === evidence.letter.id) ?? node.mentions[0];
      if (own)
        parts.push(
          h(
            'div',
            { class: 'mention under-heading' },
            highlighted(own.sentence.text, own.start - own.sentence.start, own.end - own.sentence.start),
          ),
        );
    } else parts.push(h('div', { class: 'mention' }, marked));
    parts.push(
      h(
        'div',
        { class: 'source' },
        h(
          'a',
          {
            href: '#',
            onclick: (e: Event) => {
              e.preventDefault();
              actions.openLetter(store, evidence.letter.source, evidence.sentence.start);
            },
          },
          evidence.letter.docNumber ?? evidence.letter.source,
        ),
      ),
    );
  }
  return h('div', { class: 'tie' }, ...parts);
}

function markKeyword(sentence: string, keyword: string | null, evidence: Mention): HTMLElement {
  const at = keyword ? sentence.indexOf(keyword) : -1;
  if (at >= 0 && keyword) return highlighted(sentence, at, at + keyword.length);
  return highlighted(sentence, evidence.start - evidence.sentence.start, evidence.end - evidence.sentence.start);
}
