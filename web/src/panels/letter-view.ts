import type { Gql } from '../api-client.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { actions, type Store } from '../state.ts';
import { commitmentTable } from './commitments-view.ts';

interface LetterDetails {
  id: string; source: string; docNumber: string | null; date: string | null; dateSource: string | null;
  issuer: { name: string } | null;
  proposal: { body: string | null; session: string | null; number: number | null; proposalKind: string | null; title: string | null; proposers: Array<{ role: string | null; entity: { id: string; name: string } }> } | null;
  contacts: Array<{ person: { name: string }; phone: string | null }>;
  cc: Array<{ name: string }>;
  commitments: Array<{ id: string; text: string; value: number; unit: string; qualifier: string | null; year: number | null; chains: Array<{ chain: { name: string } }> }>;
}

const QUERY = `query LetterView($source: String!) { letter(source: $source) { id source docNumber date dateSource issuer { name }
  proposal { body session number proposalKind title proposers { role entity { id name } } }
  contacts { person { name } phone } cc { name }
  commitments { id text value unit qualifier year chains { chain { name } } } } }`;

/** One letter: what it answers, who proposed it, contacts, cc, and everything it commits to. */
export async function renderLetterView(root: HTMLElement, store: Store, gql: Gql, letters: Array<{ id: string; name: string; source: string }>): Promise<void> {
  const { lang, letterSource } = store.get();
  const picker = h('select', { 'aria-label': t('letter.pick', lang), onchange: (e: Event) => actions.openLetter(store, (e.target as HTMLSelectElement).value) },
    ...letters.map((l) => h('option', { value: l.source, selected: l.source === letterSource }, `${l.name} · ${l.source}`)));
  const source = letterSource ?? letters[0]?.source;
  if (!source) {
    root.replaceChildren(picker);
    return;
  }
  const letter = (await gql<{ letter: LetterDetails | null }>(QUERY, { source })).letter;
  if (!letter) {
    root.replaceChildren(picker, h('p', { class: 'muted' }, source));
    return;
  }
  const p = letter.proposal;
  root.replaceChildren(
    h('div', { class: 'controls' }, picker),
    h('h2', { id: 'letter-title' }, letter.docNumber ?? letter.source),
    h('dl', { class: 'letter-fields' },
      h('dt', {}, t('letter.proposal', lang)), h('dd', {}, p ? `${p.body ?? ''}${p.session ?? ''}${p.number ?? ''}号${p.proposalKind ?? ''}《${p.title ?? ''}》` : '—'),
      h('dt', {}, t('letter.proposers', lang)), h('dd', {}, ...(p?.proposers ?? []).map((x) => h('button', { type: 'button', onclick: () => { actions.setView(store, 'graph'); actions.select(store, x.entity.id); } }, `${x.entity.name}${x.role ? ` ${x.role}` : ''}`))),
      h('dt', {}, t('letter.issuer', lang)), h('dd', {}, letter.issuer?.name ?? '—'),
      h('dt', {}, t('letter.date', lang)), h('dd', {}, `${letter.date ?? '—'}${letter.dateSource === '印发' ? '（印发）' : ''}`),
      h('dt', {}, t('letter.contacts', lang)), h('dd', {}, letter.contacts.map((c) => `${c.person.name} ${c.phone ?? ''}`).join('；') || '—'),
      h('dt', {}, t('letter.cc', lang)), h('dd', {}, letter.cc.map((c) => c.name).join('、') || '—'),
    ),
    h('h3', {}, `${t('details.commitments', lang)} (${letter.commitments.length})`),
    commitmentTable(letter.commitments.map((c) => ({ ...c, letter: letter.docNumber ?? letter.source })), lang, (id) => { actions.setView(store, 'graph'); actions.select(store, id); }),
  );
}
