import type { Gql } from '../api-client.ts';
import { h, highlighted } from '../dom.ts';
import { fieldName, kindName, type Lang, t } from '../i18n.ts';
import { placeNote } from '../place-label.ts';
import { type PlaceWord, pw } from '../place-words.ts';
import { actions, type Store } from '../state.ts';
import { CHAIN_FIELDS, type ChainView, renderChainList } from './chain-ties.ts';

interface Mention {
  text: string;
  start: number;
  end: number;
  letter: { id: string; docNumber: string | null; source: string };
  sentence: { text: string; start: number };
}
interface Details {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  props: Record<string, unknown>;
  letterCount: number;
  mentions: Mention[];
  chains: ChainView[];
  commitments?: Array<{
    id: string;
    text: string;
    value: number;
    unit: string;
    qualifier: string | null;
    year: number | null;
  }>;
}

const QUERY = `query Details($id: ID!) { node(id: $id) { id kind name aliases props letterCount
  mentions(first: 100) { text start end letter { ... on Letter { id docNumber source } } sentence { text start } }
  chains { ${CHAIN_FIELDS} }
  ... on Platform { commitments { id text value unit qualifier year } }
  ... on Programme { commitments { id text value unit qualifier year } }
  ... on Enterprise { commitments { id text value unit qualifier year } }
  ... on Organization { commitments { id text value unit qualifier year } }
  ... on Letter { commitments { id text value unit qualifier year } }
}
  appearances(ids: [$id]) { first last letters } }`;

const FIELDS: Record<string, string[]> = {
  Letter: [
    'docNumber',
    'date',
    'dateSource',
    'issuer',
    'placeName',
    'placeSource',
    'letterKind',
    'leadUnit',
    'addressee',
    'source',
  ],
  Proposal: ['body', 'session', 'number', 'kind', 'title'],
  Commitment: ['text', 'value', 'unit', 'qualifier', 'year'],
  Achievement: ['text', 'value', 'unit'],
  Person: ['role', 'phone'],
  Policy: ['docNumber'],
  Chain: ['english'],
};

/** A field as the reader says it: a letter's kind in words (答复, 协办意见), its place's source as read. */
function fieldValue(field: string, value: unknown, lang: Lang): string {
  if (field === 'letterKind') {
    const key = Object.entries(KIND_OF_LETTER).find(([, v]) => v === value)?.[0] ?? 'reply';
    return pw(`kind.${key}` as PlaceWord, lang);
  }
  return String(value);
}
const KIND_OF_LETTER: Record<string, string> = {
  reply: 'reply',
  lead_opinion: '主办意见',
  joint_opinion: '会办意见',
  assisting_opinion: '协办意见',
};

/** The selected node: fields, every mention with its sentence (the words marked), chains, commitments, and actions. */
export async function renderDetails(
  root: HTMLElement,
  store: Store,
  gql: Gql,
  expand: (id: string) => void,
): Promise<void> {
  const { selected, lang, pinned } = store.get();
  if (!selected) {
    root.replaceChildren(h('p', { class: 'muted' }, t('details.none', lang)));
    return;
  }
  let node: Details | null;
  let appears: { first: string | null; last: string | null; letters: number } | undefined;
  try {
    const data = await gql<{
      node: Details | null;
      appearances: Array<{ first: string | null; last: string | null; letters: number }>;
    }>(QUERY, { id: selected });
    node = data.node;
    appears = data.appearances[0];
  } catch (error) {
    root.replaceChildren(h('p', { class: 'muted' }, (error as Error).message));
    return;
  }
  if (store.get().selected !== selected) return;
  if (!node) {
    root.replaceChildren(h('p', { class: 'muted' }, selected));
    return;
  }
  const fields = (FIELDS[node.kind] ?? []).filter((f) => node!.props[f] != null);
  const parts: Array<HTMLElement | null> = [
    h('div', { class: 'kind' }, kindName(node.kind, lang)),
    // A local name with its place (区科技局（北京市朝阳区）): two 朝阳区 are told apart here too.
    h('h2', { id: 'details-name' }, node.name, h('span', { class: 'place' }, placeNote(node.id, lang))),
    // First and last appearance: when the letters began and stopped naming it.
    appears?.first
      ? h(
          'p',
          { class: 'appears', id: 'details-appears' },
          `${t('details.appears', lang)} ${appears.first}${appears.last !== appears.first ? ` → ${appears.last}` : ''} · ${appears.letters} ${t('details.letters', lang)}`,
        )
      : null,
    node.aliases.length > 0 ? h('p', {}, `${t('details.aliases', lang)}：${node.aliases.join('、')}`) : null,
    fields.length > 0
      ? h(
          'dl',
          {},
          ...fields.flatMap((f) => [h('dt', {}, fieldName(f, lang)), h('dd', {}, fieldValue(f, node!.props[f], lang))]),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => expand(node!.id) }, t('action.expand', lang)),
      h('button', { type: 'button', onclick: () => actions.hide(store, node!.id) }, t('action.hide', lang)),
      h(
        'button',
        { type: 'button', onclick: () => actions.togglePin(store, node!.id) },
        t(pinned.has(node.id) ? 'action.unpin' : 'action.pin', lang),
      ),
      h('button', { type: 'button', onclick: () => actions.pathEnd(store, 'from', node!.id) }, t('action.from', lang)),
      h('button', { type: 'button', onclick: () => actions.pathEnd(store, 'to', node!.id) }, t('action.to', lang)),
      node.kind === 'Letter'
        ? h(
            'button',
            { type: 'button', onclick: () => actions.openLetter(store, String(node!.props.source)) },
            t('action.letter', lang),
          )
        : null,
    ),
    node.chains.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, t('details.chains', lang)),
          // Every tie with its reason and its sentence (panels/chain-ties.ts).
          renderChainList(node.chains, lang, store),
        )
      : null,
    node.commitments && node.commitments.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, t('details.commitments', lang)),
          h(
            'ul',
            { class: 'commitments' },
            ...node.commitments.map((c) =>
              h(
                'li',
                {},
                `${c.text} — ${c.value} ${c.unit}${c.qualifier ? `（${c.qualifier}）` : ''}${c.year ? ` · ${c.year}` : ''}`,
              ),
            ),
          ),
        )
      : null,
    h(
      'section',
      { class: 'mentions' },
      h('h3', {}, `${t('details.mentions', lang)} (${node.mentions.length})`),
      ...node.mentions.map((m) =>
        h(
          'div',
          { class: 'mention' },
          highlighted(m.sentence.text, m.start - m.sentence.start, m.end - m.sentence.start),
          h(
            'div',
            { class: 'source' },
            h(
              'a',
              {
                href: '#',
                onclick: (e: Event) => {
                  e.preventDefault();
                  actions.openLetter(store, m.letter.source, m.sentence.start);
                },
              },
              m.letter.docNumber ?? m.letter.source,
            ),
          ),
        ),
      ),
    ),
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}
