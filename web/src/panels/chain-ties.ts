import { h, highlighted } from '../dom.ts';
import { chainName, type Lang } from '../i18n.ts';
import { actions, type Store } from '../state.ts';

/**
 * A thing's ties to the four chains as a reader checks them: each tie with its
 * reason (the rule, in words, and the words it read) and its sentence — for a
 * heading tie the heading, with the thing's own sentence under it — and a link
 * to that place in the letter. Used by the four-chain view's bridges and by
 * the side panel.
 */
interface Place {
  text: string;
  start: number;
  end: number;
  sentence: { text: string; start: number };
}
export interface TieView {
  chain: { name: string };
  basis: string;
  rule: string;
  words: string[];
  letter: { id: string; source: string; docNumber: string | null };
  evidence: Place;
  thing: Place;
}
export interface ChainView {
  chain: { name: string };
  basis: string;
  reason: string;
  ties: TieView[];
}

const PLACE = 'text start end sentence { text start }';
/** The fields of Entity.chains this view draws. */
export const CHAIN_FIELDS = `chain { name } basis reason ties { chain { name } basis rule words
  letter { id source docNumber } evidence { ${PLACE} } thing { ${PLACE} } }`;

export const BASES = ['NAME', 'HEADING', 'SENTENCE', 'VOCABULARY'] as const;

const BASIS_NAMES: Record<string, Record<Lang, string>> = {
  NAME: { zh: '名称', en: 'name' },
  HEADING: { zh: '标题', en: 'heading' },
  SENTENCE: { zh: '句子', en: 'sentence' },
  VOCABULARY: { zh: '词汇', en: 'vocabulary' },
};

/** Each rule of the chain stage (domain/chain-ties.ts), as the reader is told it. */
const RULE_TEXT: Record<string, Record<Lang, string>> = {
  'name-word': { zh: '名称本身含', en: 'its own name holds' },
  'name-chain': { zh: '名称本身点明', en: 'its own name names' },
  'quote-head': { zh: '引号名称后接', en: 'its quoted name heads' },
  'name-letters': { zh: '名称是各方简称，其中', en: 'its name abbreviates the parties it joins' },
  'name-list': { zh: '引号名称所概括的并列项含', en: 'the list its quoted name sums up holds' },
  'commitment-words': { zh: '承诺本身关于', en: 'the commitment itself is about' },
  'subject-name': { zh: '承诺所衡量的对象名为', en: 'what the commitment measures is named' },
  'heading-lever': { zh: '链标题点名以它为抓手', en: 'the chain heading names it as its means' },
  'heading-work': { zh: '链标题下，本句做该链的事', en: 'under a chain heading, its own sentence does that work' },
  'heading-topic': { zh: '所在标题的主题', en: 'the heading it stands under is about' },
  'frame-chain': { zh: '句首分句以该链为框架', en: 'the clause framing its sentence names' },
  'frame-word': { zh: '句首分句所围绕的目标', en: 'the clause framing its sentence aims at' },
  'member-names': { zh: '列入其中的事物，其名称均含', en: 'the things entered into it are, by their names' },
  'clause-chain': { zh: '本分句点明该链，它是施动者', en: 'its own clause names the chain, with it acting' },
  'clause-word': { zh: '本分句中它做的事', en: 'what it does in its own clause' },
  'object-head': { zh: '它所建设或运营的', en: 'what it builds or runs is' },
  'next-clause': { zh: '下一分句接着说它做的事', en: 'the clause after it goes on with its work' },
  'prev-clause': { zh: '上一分句说明它所属的工作', en: 'the clause before it sets the work it is part of' },
  'kind-before': { zh: '上一分句所说的同类之一', en: 'one more of the kind the clause before names' },
};

export function basisName(basis: string, lang: Lang): string {
  return BASIS_NAMES[basis]?.[lang] ?? basis.toLowerCase();
}

/** The reason of a tie in the reader's language: `名称本身含：基金`. */
export function reasonOf(tie: Pick<TieView, 'rule' | 'words'>, lang: Lang): string {
  const rule = RULE_TEXT[tie.rule]?.[lang] ?? tie.rule;
  return `${rule}${lang === 'zh' ? '：' : ': '}${tie.words.join(' · ')}`;
}

/** One tie: chain and basis, its reason, the evidence with the words marked, and where it stands. */
export function renderTie(tie: TieView, lang: Lang, store: Store, chains = [tie.chain.name]): HTMLElement {
  const heading = tie.basis === 'HEADING' && tie.evidence.start !== tie.thing.sentence.start;
  const parts: Array<HTMLElement | null> = [
    h(
      'div',
      { class: 'tie-chain' },
      `${chains.map((c) => chainName(c, lang)).join(' + ')} · ${basisName(tie.basis, lang)}`,
    ),
    h('div', { class: 'tie-reason' }, reasonOf(tie, lang)),
    h('div', { class: heading ? 'heading-evidence' : 'tie-evidence' }, marked(tie, heading)),
  ];
  // A heading names the chain; the thing itself stands in a sentence of its own, shown under it.
  if (heading) parts.push(h('div', { class: 'tie-evidence under-heading' }, ownSentence(tie.thing)));
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
            actions.openLetter(store, tie.letter.source, tie.thing.sentence.start);
          },
        },
        tie.letter.docNumber ?? tie.letter.source,
      ),
    ),
  );
  return h('div', { class: 'tie', 'data-rule': tie.rule }, ...parts);
}

/** The side panel's list: every tie of the thing, chain by chain. */
export function renderChainList(chains: ChainView[], lang: Lang, store: Store): HTMLElement {
  return h(
    'div',
    { class: 'chain-ties' },
    ...chains.flatMap((link) => link.ties.map((tie) => renderTie(tie, lang, store))),
  );
}

/**
 * The evidence with what ties marked: the thing itself where its own name or words tie it; else the tie's
 * word — its occurrence nearest the thing (a sentence may hold a word twice) — else nothing.
 */
function marked(tie: TieView, heading: boolean): HTMLElement {
  const place = tie.evidence;
  if (tie.basis === 'NAME' && !heading && tie.thing.start >= place.start && tie.thing.end <= place.end)
    return highlighted(place.text, tie.thing.start - place.start, tie.thing.end - place.start);
  const near = tie.thing.start - place.start;
  for (const word of [...tie.words].reverse()) {
    let best = -1;
    for (let at = place.text.indexOf(word); at >= 0; at = place.text.indexOf(word, at + 1))
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (best >= 0) return highlighted(place.text, best, best + word.length);
  }
  return highlighted(place.text, 0, 0);
}

function ownSentence(thing: Place): HTMLElement {
  return highlighted(thing.sentence.text, thing.start - thing.sentence.start, thing.end - thing.sentence.start);
}
