import { CHAINS, type Evidence, type GraphDocument } from '../../domain/model.ts';
import { type ChainTie, tieProps, tieRank } from '../chains/chain-ties.ts';
import type { LetterExtraction } from '../extract/extract-letter.ts';
import type { Mention } from '../extract/mention.ts';
import { addIndicators } from '../ledger/add-indicators.ts';
import type { Resolution } from '../resolve/resolve-names.ts';
import { scopeOfLetter } from '../resolve/scope.ts';
import { GraphBuilder, type NodeNames, type WrittenName } from './graph-builder.ts';
import { chainId, figureId, letterId } from '../../domain/ids.ts';
import { letterRelations } from './relations.ts';
import { letterKindOf } from '../place/letter-kind.ts';
import { addLetterPlace, letterPlaceProps } from '../place/place-graph.ts';
import { letterTimeOf } from '../place/letter-time.ts';

const CHAIN_ENGLISH: Record<string, string> = {
  创新链: 'innovation chain',
  产业链: 'industrial chain',
  资金链: 'capital chain',
  人才链: 'talent chain',
};

/**
 * The graph stage: the GraphDocument of a set of letters, given in source order, and the resolution of
 * their names (ingest/resolve/resolve-names.ts): each letter's nodes and edges, its chain ties
 * (ingest/chains) and, last, what its figures measure (ingest/ledger).
 */
export function buildGraph(
  ordered: LetterExtraction[],
  resolution: Resolution,
  chains: Map<string, ChainTie[]> | ((extraction: LetterExtraction) => ChainTie[]),
  parts?: LetterParts,
): GraphDocument {
  const tiesOf = typeof chains === 'function' ? chains : (e: LetterExtraction) => chains.get(e.letter.source) ?? [];
  const graph = new GraphBuilder(namesOf(resolution));
  for (const chain of CHAINS) graph.node(chainId(chain), 'Chain', chain, { english: CHAIN_ENGLISH[chain] });
  // Each letter's calls on the builder are a function of its reading and of the nodes its names resolve to: kept
  // (ingest/graph/kept-parts.ts), they are played again in the same order instead of worked out again.
  const each = (phase: Phase, add: (target: GraphBuilder, extraction: LetterExtraction) => void) =>
    ordered.forEach((extraction, index) => {
      if (parts?.replay(index, phase, graph)) return;
      add(parts?.recorder(index, phase, graph) ?? graph, extraction);
      parts?.recorded(index, phase);
    });
  each('letter', (target, extraction) => addLetter(target, extraction, resolution.resolve, tiesOf(extraction)));
  // The promise ledger: what each figure measures (ingest/ledger).
  each('ledger', (target, extraction) => addIndicators(target, extraction));
  return graph.toDocument();
}

/** The two passes over the letters: each letter's own part, then (all letters' parts in) the ledger's. */
export type Phase = 'letter' | 'ledger';

/** Letters' calls on the builder kept from an earlier build (ingest/graph/kept-parts.ts). */
export interface LetterParts {
  /** Plays the kept calls of the letter at `index` in `phase` on `graph`; false when none are kept. */
  replay(index: number, phase: Phase, graph: GraphBuilder): boolean;
  /** A builder that passes every call on to `graph` and keeps it for the letter at `index`. */
  recorder(index: number, phase: Phase, graph: GraphBuilder): GraphBuilder;
  /** The letter at `index` is done with `phase` (its calls are all kept). */
  recorded(index: number, phase: Phase): void;
}

/**
 * The resolution's names of a written name, for GraphBuilder.mentionNode: the node's name and other names,
 * and the names joined into it as variants (said so on the node as `mergedFrom`).
 */
export function namesOf(resolution: Resolution): (written: WrittenName) => NodeNames {
  return ({ kind, name, scope }) => {
    const resolved = resolution.resolve({ kind, name }, scope);
    const mergedFrom = resolution.mergedFrom.get(`${kind}|${scope}|${name}`);
    return mergedFrom ? { ...resolved, mergedFrom } : resolved;
  };
}

/** Only the node a name resolves to: a letter's part must not read the resolution's names (mentionNode adds them). */
type NodeOf = (mention: Pick<Mention, 'kind' | 'name'>, scope: string) => { id: string };

function addLetter(graph: GraphBuilder, extraction: LetterExtraction, nodeOf: NodeOf, ties: ChainTie[]): void {
  const { letter } = extraction;
  const source = letter.source;
  const letterNode = letterId(source);
  const at = (start: number, end: number): Evidence => ({ letter: letterNode, start, end });
  const scope = scopeOfLetter(letter);
  graph.node(
    letterNode,
    'Letter',
    letter.docNumber?.text ?? source,
    {
      source,
      docNumber: letter.docNumber?.text ?? null,
      date: letter.date?.value ?? null,
      dateSource: letter.date?.source ?? null,
      issuer: letter.issuer?.name ?? null,
      issuerSource: letter.issuer?.source ?? null,
      addressee: letter.addressee?.text ?? null,
      title: letter.titleBlock ? letter.titleBlock.text.replace(/\s/g, '') : null,
      printedBy: letter.printed?.org.text ?? null,
      printedDate: letter.printed?.date ?? null,
      format: letter.format,
      encoding: letter.encoding,
      missing: letter.missing,
      text: letter.text,
      // Where, when, what kind (ingest/place).
      ...letterPlaceProps(letter.placeFound),
      givenPlace: letter.givenPlace ?? null,
      letterKind: letterKindOf(letter).kind,
      leadUnit: letterKindOf(letter).leadUnit,
      year: letterTimeOf(letter).year,
      yearSource: letterTimeOf(letter).yearSource,
    },
    letter.docNumber ? at(letter.docNumber.start, letter.docNumber.end) : at(0, Math.min(letter.text.length, 1)),
  );
  const placeAt = letter.placeFound.known ? letter.placeFound : { start: 0, end: 0 };
  addLetterPlace(graph, letterNode, letter.placeFound, at(placeAt.start, Math.max(placeAt.end, placeAt.start + 1)));

  // Entities and the letter's MENTIONS of them.
  const nodeOfMention = new Map<Mention, string>();
  for (const mention of extraction.mentions) {
    const { id } = nodeOf(mention, scope);
    const props: Record<string, string | string[] | null> = { ...(mention.props ?? {}) };
    delete props.aliasOf;
    delete props.shortName;
    delete props.declaredShortName;
    delete props.writtenAs;
    graph.mentionNode(id, { kind: mention.kind, name: mention.name, scope }, props, at(mention.start, mention.end));
    graph.edge('MENTIONS', letterNode, id, at(mention.start, mention.end));
    nodeOfMention.set(mention, id);
  }
  // The rule that found each mention stays beside it: a MENTIONS edge holds one letter's spans of one thing,
  // so `rules` lists their rules in the order of its evidence (by offset), what the API gives as Mention.rule.
  for (const [id, spans] of rulesOfMentions(extraction.mentions, nodeOfMention))
    graph.setEdgeProp('MENTIONS', letterNode, id, 'rules', spans);

  // Header relations.
  const proposal = letter.proposal;
  let proposalNode: string | null = null;
  if (proposal) {
    const name =
      proposal.number !== null
        ? `${proposal.body ?? ''}${proposal.session ?? ''}${proposal.number}号${proposal.kind ?? ''}`
        : (proposal.title ?? `${source} 所答复的提案`);
    proposalNode = `Proposal:${name}`;
    graph.node(
      proposalNode,
      'Proposal',
      name,
      {
        body: proposal.body,
        session: proposal.session,
        number: proposal.number,
        kind: proposal.kind,
        title: proposal.title,
      },
      at(proposal.span.start, proposal.span.end),
    );
    graph.edge('ANSWERS', letterNode, proposalNode, at(proposal.span.start, proposal.span.end));
  }
  const header = (rule: string) => extraction.mentions.filter((m) => m.rule === `header:${rule}`);
  for (const m of header('proposer'))
    if (proposalNode)
      graph.edge('PROPOSED_BY', proposalNode, nodeOfMention.get(m)!, at(m.start, m.end), {
        role: m.props?.role ?? null,
      });
  for (const m of header('issuer')) graph.edge('ISSUED_BY', letterNode, nodeOfMention.get(m)!, at(m.start, m.end));
  for (const m of header('contact'))
    graph.edge('CONTACT', letterNode, nodeOfMention.get(m)!, at(m.start, m.end), { phone: m.props?.phone ?? null });
  for (const m of header('cc')) graph.edge('CC', letterNode, nodeOfMention.get(m)!, at(m.start, m.end));

  // Commitments and achievements, with what they concern and the chains they advance.
  const bodyMentions = extraction.mentions
    .filter((m) => !m.rule.startsWith('header'))
    .sort((a, b) => a.start - b.start);
  for (const figure of extraction.figures) {
    const id = figureId(figure.kind, source, figure.numberStart);
    graph.node(
      id,
      figure.kind,
      figure.text,
      {
        text: figure.text,
        value: figure.value,
        unit: figure.unit,
        ...(figure.kind === 'Commitment' ? { qualifier: figure.qualifier, year: figure.year } : {}),
        letter: letterNode,
      },
      at(figure.start, figure.end),
    );
    graph.edge(figure.kind === 'Commitment' ? 'COMMITS_TO' : 'REPORTS', letterNode, id, at(figure.start, figure.end));
    for (const { mention, rule } of subjectsOf(letter, figure, bodyMentions)) {
      graph.edge('CONCERNS', id, nodeOfMention.get(mention)!, at(mention.start, mention.end), { rule });
    }
  }
  // The chain stage's ties (ingest/chains), as ADVANCES edges with, per letter, the strongest basis only.
  for (const tie of ties) {
    const evidence = { letter: letterNode, start: tie.link.start, end: tie.link.end };
    graph.edge('ADVANCES', tie.source, chainId(tie.link.chain), evidence, tieProps(tie.link), tieRank);
  }
  for (const relation of letterRelations(extraction, nodeOfMention)) {
    graph.edge(relation.type, relation.source, relation.target, at(relation.start, relation.end), {
      rule: relation.rule,
    });
  }
}

const SUBJECT_KINDS = new Set(['Platform', 'Programme', 'Enterprise', 'Policy', 'Organization']);

/**
 * What a figure is about, so a table of commitments reads alone: the things its
 * clause names; else the nearest thing named before it in its sentence
 * (设立科创母基金，规模达到100亿元); else what the heading above it names
 * (（一）推进东川实验室建设。… 今年力争增加5家以上).
 */
function subjectsOf(
  letter: LetterExtraction['letter'],
  figure: LetterExtraction['figures'][number],
  mentions: Mention[],
): Array<{ mention: Mention; rule: string }> {
  const inClause = mentionsWithin(mentions, figure.start, figure.end);
  if (inClause.length > 0) return inClause.map((mention) => ({ mention, rule: 'clause' }));
  const sentence = letter.sentences[figure.sentence];
  // The nearest before the figure: walk back from where the figure stands, not over the whole sentence.
  for (let i = firstAtOrAfter(mentions, figure.start) - 1; i >= 0 && mentions[i].start >= sentence.start; i--) {
    if (SUBJECT_KINDS.has(mentions[i].kind) && mentions[i].end <= figure.start)
      return [{ mention: mentions[i], rule: 'sentence' }];
  }
  for (let s = sentence.section; s !== null; s = letter.sections[s].parent) {
    const heading = letter.sections[s].heading;
    const named = mentionsWithin(mentions, heading.start, heading.end).filter((m) => SUBJECT_KINDS.has(m.kind));
    if (named.length > 0) return named.map((mention) => ({ mention, rule: 'heading' }));
  }
  return [];
}

/** The mentions (sorted by start) that lie inside [start, end): binary search to the first, then a short walk. */
function mentionsWithin(sorted: Mention[], start: number, end: number): Mention[] {
  const inside: Mention[] = [];
  for (let i = firstAtOrAfter(sorted, start); i < sorted.length && sorted[i].start < end; i++)
    if (sorted[i].end <= end) inside.push(sorted[i]);
  return inside;
}

/** The index of the first mention (sorted by start) starting at or after `start`. */
function firstAtOrAfter(sorted: Mention[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each node a letter mentions, the rules of its spans, ordered as the edge's evidence (start, then end), once a span. */
function rulesOfMentions(mentions: Mention[], nodeOfMention: Map<Mention, string>): Map<string, string[]> {
  const spans = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const id = nodeOfMention.get(mention)!;
    const list = spans.get(id);
    if (list) list.push(mention);
    else spans.set(id, [mention]);
  }
  const rules = new Map<string, string[]>();
  for (const [id, list] of spans) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const once = list.filter((m, i) => i === 0 || m.start !== list[i - 1].start || m.end !== list[i - 1].end);
    rules.set(
      id,
      once.map((m) => m.rule),
    );
  }
  return rules;
}
