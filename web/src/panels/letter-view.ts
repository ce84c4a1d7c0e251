import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { kindName, t } from '../i18n.ts';
import { letterTextElement, sentenceEnd, type Span } from '../letter-text.ts';
import { KIND_STYLE } from '../style.ts';
import { actions, type Store } from '../state.ts';
import { commitmentTable } from './commitments-view.ts';

interface LetterDetails {
  id: string;
  source: string;
  docNumber: string | null;
  date: string | null;
  dateSource: string | null;
  issuer: { name: string } | null;
  proposal: {
    body: string | null;
    session: string | null;
    number: number | null;
    proposalKind: string | null;
    title: string | null;
    proposers: Array<{ role: string | null; entity: { id: string; name: string } }>;
  } | null;
  contacts: Array<{ person: { name: string }; phone: string | null }>;
  cc: Array<{ name: string }>;
  text: string;
  commitments: Array<{
    id: string;
    text: string;
    value: number;
    unit: string;
    qualifier: string | null;
    year: number | null;
    chains: Array<{ chain: { name: string } }>;
  }>;
}

const QUERY = `query LetterView($source: String!) { letter(source: $source) { id source docNumber date dateSource text issuer { name }
  proposal { body session number proposalKind title proposers { role entity { id name } } }
  contacts { person { name } phone } cc { name }
  commitments { id text value unit qualifier year chains { chain { name } } } }
  letterSpans(source: $source) { start end node { id kind name ... on Commitment { value unit year qualifier } ... on Achievement { value unit } } } }`;

/** One letter: its whole text with what was extracted marked (click one for its details), the header beside it, its commitments below. */
export async function renderLetterView(
  root: HTMLElement,
  store: Store,
  gql: Gql,
  letters: Array<{ id: string; name: string; source: string }>,
): Promise<void> {
  const { lang, letterSource, letterAt } = store.get();
  const picker = h(
    'select',
    {
      'aria-label': t('letter.pick', lang),
      onchange: (e: Event) => actions.openLetter(store, (e.target as HTMLSelectElement).value),
    },
    ...letters.map((l) =>
      h('option', { value: l.source, selected: l.source === letterSource }, `${l.name} · ${l.source}`),
    ),
  );
  const source = letterSource ?? letters[0]?.source;
  if (!source) {
    root.replaceChildren(picker);
    return;
  }
  const data = await gql<{ letter: LetterDetails | null; letterSpans: Span[] }>(QUERY, { source });
  const letter = data.letter;
  if (!letter) {
    root.replaceChildren(picker, h('p', { class: 'muted' }, source));
    return;
  }
  const p = letter.proposal;
  const focus: [number, number] | null =
    letterAt !== null && letterAt < letter.text.length ? [letterAt, sentenceEnd(letter.text, letterAt)] : null;
  const text = letterTextElement(letter.text, data.letterSpans, lang, focus);
  text.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-id]');
    if (target?.dataset.id) actions.select(store, target.dataset.id);
  });
  root.replaceChildren(
    h('div', { class: 'controls' }, picker),
    h('h2', { id: 'letter-title' }, letter.docNumber ?? letter.source),
    h(
      'div',
      { class: 'letter-reader' },
      text,
      h(
        'aside',
        { class: 'letter-side' },
        h(
          'dl',
          { class: 'letter-fields' },
          h('dt', {}, t('letter.proposal', lang)),
          h(
            'dd',
            {},
            p ? `${p.body ?? ''}${p.session ?? ''}${p.number ?? ''}号${p.proposalKind ?? ''}《${p.title ?? ''}》` : '—',
          ),
          h('dt', {}, t('letter.proposers', lang)),
          h(
            'dd',
            {},
            ...(p?.proposers ?? []).map((x) =>
              h(
                'button',
                { type: 'button', onclick: () => actions.select(store, x.entity.id) },
                `${x.entity.name}${x.role ? ` ${x.role}` : ''}`,
              ),
            ),
          ),
          h('dt', {}, t('letter.issuer', lang)),
          h('dd', {}, letter.issuer?.name ?? '—'),
          h('dt', {}, t('letter.date', lang)),
          h('dd', {}, `${letter.date ?? '—'}${letter.dateSource === '印发' ? '（印发）' : ''}`),
          h('dt', {}, t('letter.contacts', lang)),
          h('dd', {}, letter.contacts.map((c) => `${c.person.name} ${c.phone ?? ''}`).join('；') || '—'),
          h('dt', {}, t('letter.cc', lang)),
          h('dd', {}, letter.cc.map((c) => c.name).join('、') || '—'),
        ),
        h(
          'div',
          { class: 'letter-key' },
          ...[...new Set(data.letterSpans.map((s) => s.node.kind))].map((kind) => {
            const dot = h('i');
            dot.style.background = KIND_STYLE[kind]?.color ?? '#98a2b3';
            return h(
              'span',
              {},
              dot,
              `${kindName(kind, lang, true)} ${data.letterSpans.filter((s) => s.node.kind === kind).length}`,
            );
          }),
        ),
      ),
    ),
    h('h3', {}, `${t('details.commitments', lang)} (${letter.commitments.length})`),
    commitmentTable(
      letter.commitments.map((c) => ({ ...c, letter: letter.docNumber ?? letter.source, place: '' })),
      lang,
      (id) => actions.showInGraph(store, id),
      false,
    ),
  );
  // Scrolled once it is on the page (main puts the rendered view in).
  if (focus) requestAnimationFrame(() => root.querySelector('.focus')?.scrollIntoView({ block: 'center' }));
}
