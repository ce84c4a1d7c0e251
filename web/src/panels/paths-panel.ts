import { ApiError, type Gql } from '../api-client.ts';
import { h, highlighted } from '../dom.ts';
import { edgeName, kindName, t } from '../i18n.ts';
import { type ApiSubgraph, EDGE_FIELDS, NODE_FIELDS } from '../model.ts';
import { nameWithPlace } from '../place-label.ts';
import { actions, type Store } from '../state.ts';
import { w } from '../words.ts';

interface Thing {
  id: string;
  kind: string;
  name: string;
}
interface Mention {
  start: number;
  end: number;
  letter: { source: string; docNumber: string | null };
  sentence: { text: string; start: number };
}
export interface PathLink {
  kind: 'STATED' | 'SAME_LETTER';
  type: string | null;
  from: Thing;
  to: Thing;
  letter: { id: string; source: string; docNumber: string | null } | null;
  evidence: Mention[];
}
export interface FoundPath {
  nodes: ApiSubgraph['nodes'];
  edges: ApiSubgraph['edges'];
  links: PathLink[];
}

const MENTION = 'start end letter { ... on Letter { source docNumber } } sentence { text start }';
const QUERY = `query Paths($from: ID!, $to: ID!, $hubs: Boolean!) { connections(from: $from, to: $to, maxHops: 4, first: 5, includeHubs: $hubs) {
  paths { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} }
    links { kind type from { id kind name } to { id kind name } letter { id ... on Letter { source docNumber } } evidence { ${MENTION} } } }
  note } }`;

/**
 * What connects the two ends: up to five paths, ranked by the API (fewest
 * steps that are only "named in the same letter" first), each step with what
 * it means and the sentence behind it — a click opens the letter there. The
 * chosen path is drawn on the canvas (and lit on the map).
 */
export async function askPaths(store: Store, gql: Gql): Promise<FoundPath[] | string> {
  const { pathFrom, pathTo, lang, hubs } = store.get();
  try {
    const data = await gql<{ connections: { paths: FoundPath[]; note: string | null } }>(QUERY, {
      from: pathFrom,
      to: pathTo,
      hubs,
    });
    if (data.connections.paths.length === 0) return t(hubs ? 'path.none' : 'path.noneTryHubs', lang);
    return data.connections.paths;
  } catch (error) {
    // A shared link may name something a later ingest took away: the API says which end.
    return error instanceof ApiError && error.code === 'NOT_FOUND' ? t('path.gone', lang) : (error as Error).message;
  }
}

export function renderPaths(
  root: HTMLElement,
  store: Store,
  paths: FoundPath[],
  chosen: number,
  choose: (index: number) => void,
): void {
  const lang = store.get().lang;
  root.hidden = false;
  root.replaceChildren(
    h('h3', {}, `${w('paths.title', lang)} (${paths.length})`),
    ...paths.map((path, index) =>
      h(
        'ol',
        { class: `path${index === chosen ? ' chosen' : ''}`, 'data-path': String(index) },
        h(
          'li',
          { class: 'path-head' },
          h(
            'button',
            { type: 'button', class: 'show-path', onclick: () => choose(index), disabled: index === chosen },
            `${index + 1}. ${w('paths.show', lang)}`,
          ),
        ),
        ...path.links.map((link) => renderLink(store, link)),
      ),
    ),
  );
}

function renderLink(store: Store, link: PathLink): HTMLElement {
  const lang = store.get().lang;
  const meaning = link.kind === 'SAME_LETTER' ? w('paths.sameLetter', lang) : `${edgeName(link.type ?? '', lang)}`;
  return h(
    'li',
    { class: `link ${link.kind === 'SAME_LETTER' ? 'same-letter' : 'stated'}` },
    h(
      'div',
      { class: 'step' },
      h('span', { class: 'end' }, nameWithPlace(link.from, lang)),
      h('span', { class: 'meaning' }, ` —${meaning}→ `),
      h('span', { class: 'end' }, nameWithPlace(link.to, lang)),
      h('span', { class: 'kind' }, ` ${kindName(link.to.kind, lang, true)}`),
    ),
    ...link.evidence.map((m) =>
      h(
        'div',
        { class: 'reason' },
        highlighted(m.sentence.text, m.start - m.sentence.start, m.end - m.sentence.start),
        ' ',
        h(
          'a',
          {
            href: '#',
            class: 'open-letter',
            title: w('paths.open', lang),
            onclick: (e: Event) => {
              e.preventDefault();
              actions.openLetter(store, m.letter.source, m.sentence.start);
            },
          },
          m.letter.docNumber ?? m.letter.source,
        ),
      ),
    ),
  );
}
