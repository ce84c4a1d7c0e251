import {
  edgeKey,
  type EdgeType,
  type Evidence,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type Props,
} from '../../domain/model.ts';
import { decodeTie, PER_EVIDENCE_PROPS } from '../../domain/chain-ties.ts';
import { InnographError } from '../../domain/errors.ts';
import type { Mention } from '../extract/mention.ts';

/** A name as a letter wrote it, in the scope it was written in: what the resolution stage is asked about. */
export interface WrittenName {
  kind: Mention['kind'];
  name: string;
  scope: string;
}

/** What the resolution stage makes of a written name: its node's name, other names and the names joined into it. */
export interface NodeNames {
  name: string;
  aliases: string[];
  mergedFrom?: string[];
}

/**
 * Accumulates nodes and edges: a node added twice keeps one copy with both
 * mentions; an edge (type, source, target) added twice keeps both evidences
 * (each piece of evidence once).
 * `toDocument` sorts everything, so the same input gives byte-identical JSON.
 */
export class GraphBuilder {
  /** @param names the resolution's answer for a written name (mentionNode); none: only node() is called. */
  constructor(private readonly names?: (written: WrittenName) => NodeNames) {}

  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /** The strongest rank of evidence each letter gave each ranked edge (key, NUL, letter). */
  private readonly letterRanks = new Map<string, number>();
  /**
   * The per-evidence notes of ranked edges (a chain tie's reasons), by edge key, prop and the letter each
   * note is of: kept apart and joined once in toDocument, since joining on every addition was quadratic in
   * the letters tying one thing to a chain (seconds at 1,000 letters, minutes at 10,000).
   */
  private readonly notes = new Map<string, Map<string, Map<string | undefined, Set<string>>>>();
  /** The edges ranked evidence was given to, and the letters that gave any evidence to them (key, NUL, letter). */
  private readonly ranked = new Set<string>();
  private readonly evidenced = new Set<string>();
  /** Each node's other names as a set, beside its list (made on the first name given). */
  private readonly aliasSets = new Map<string, Set<string>>();

  node(
    id: string,
    kind: NodeKind,
    name: string,
    props: Props = {},
    mention?: Evidence,
    aliases: string[] = [],
  ): string {
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, kind, name, aliases: [], props: {}, mentions: [] };
      this.nodes.set(id, node);
    }
    // The first non-null value of a prop wins; later letters fill only what is still missing.
    for (const key in props) if (node.props[key] == null) node.props[key] = props[key];
    if (aliases.length > 0) {
      // A name's every mention brings all the other names of its node: looked up, not searched for in the list.
      let known = this.aliasSets.get(id);
      if (!known) this.aliasSets.set(id, (known = new Set(node.aliases)));
      for (const alias of aliases)
        if (alias !== node.name && !known.has(alias)) {
          known.add(alias);
          node.aliases.push(alias);
        }
    }
    if (mention) node.mentions.push(mention);
    return id;
  }

  /**
   * The node a letter's mention resolves to: as node(), with the name, other names and `mergedFrom` the
   * resolution gives the written name. They are asked here, not passed in, so that a letter's calls hold
   * only what the letter wrote: when another letter joins a name or adds a variant, the calls of the
   * letters naming it stay the same (ingest/graph/kept-parts.ts keeps them).
   */
  mentionNode(id: string, written: WrittenName, props: Props, mention: Evidence): string {
    if (!this.names)
      throw new InnographError('BUILDER_WITHOUT_NAMES', 'a GraphBuilder given mentions needs the resolution’s names');
    const { name, aliases, mergedFrom } = this.names(written);
    return this.node(id, written.kind, name, mergedFrom ? { ...props, mergedFrom } : props, mention, aliases);
  }

  /**
   * `rank(props)` orders kinds of evidence (a chain tie by heading before one by vocabulary): each
   * letter's evidence is that of its own strongest kind, and the edge keeps the props of the strongest
   * kind overall. Ranked per letter, not across letters, so a letter's part of the edge is the same
   * whatever letters it is built with, and the stores' merge of parts (store/letter-fragments.ts)
   * gives what one batch gives: the graph does not depend on how letters were batched.
   */
  edge(
    type: EdgeType,
    source: string,
    target: string,
    evidence?: Evidence,
    props: Props = {},
    rank?: (props: Props) => number,
  ): void {
    const key = edgeKey({ type, source, target });
    let edge = this.edges.get(key);
    const made = !edge;
    if (!edge) {
      edge = { type, source, target, props: { ...props }, evidence: [] };
      this.edges.set(key, edge);
    }
    if (rank) {
      if (!this.ranked.has(key)) {
        this.ranked.add(key);
        for (const e of edge.evidence) this.evidenced.add(`${key}\u0000${e.letter}`);
      }
      const letterKey = `${key}\u0000${evidence?.letter ?? ''}`;
      const mine = rank(props);
      const held = this.letterRanks.get(letterKey) ?? Infinity;
      if (mine > held) return;
      if (mine < held) {
        // Only a letter that already gave evidence has any to drop: filtering the edge's evidence on every
        // letter's first tie was quadratic in the letters tying one thing to a chain.
        if (this.evidenced.has(letterKey)) edge.evidence = edge.evidence.filter((e) => e.letter !== evidence?.letter);
        this.letterRanks.set(letterKey, mine);
      }
      // Per-evidence notes (a chain tie's reasons) follow their evidence: a stronger kind from one letter
      // replaces that letter's notes only, never those of other letters (domain/chain-ties.ts).
      if (mine < rank(edge.props)) edge.props = { ...props };
      for (const k of PER_EVIDENCE_PROPS) {
        if (!(k in props)) continue;
        const byLetter = this.notesOf(key, k);
        if (mine < held) byLetter.delete(evidence?.letter);
        for (const note of Array.isArray(props[k]) ? props[k].map(String) : []) {
          const of = decodeTie(note)?.letter;
          let own = byLetter.get(of);
          if (!own) byLetter.set(of, (own = new Set()));
          own.add(note);
        }
      }
    }
    // A new edge holds these props already.
    if (!made) for (const k in props) if (edge.props[k] == null) edge.props[k] = props[k];
    if (evidence) {
      edge.evidence.push(evidence);
      if (this.ranked.has(key)) this.evidenced.add(`${key}\u0000${evidence.letter}`);
    }
  }

  /** Sets one prop of an edge already added (the last value wins). */
  setEdgeProp(type: EdgeType, source: string, target: string, key: string, value: Props[string]): void {
    const edge = this.edges.get(edgeKey({ type, source, target }));
    if (edge) edge.props[key] = value;
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  private notesOf(key: string, prop: string): Map<string | undefined, Set<string>> {
    let byProp = this.notes.get(key);
    if (!byProp) this.notes.set(key, (byProp = new Map()));
    let byLetter = byProp.get(prop);
    if (!byLetter) byProp.set(prop, (byLetter = new Map()));
    return byLetter;
  }

  toDocument(): GraphDocument {
    // Each note once, sorted, so the result does not depend on the order letters came in.
    for (const [key, byProp] of this.notes)
      for (const [prop, byLetter] of byProp)
        this.edges.get(key)!.props[prop] = [...new Set([...byLetter.values()].flatMap((own) => [...own]))].sort();
    const byEvidence = (a: Evidence, b: Evidence) => cmp(a.letter, b.letter) || a.start - b.start || a.end - b.end;
    // The builder's own nodes and edges are put in order and handed out, not copied: it is done once it has
    // made its document (copying the 700,000 nodes and edges of 10,000 letters cost seconds of collection).
    // Ids and keys sort as strings by default, as cmp orders them.
    // The same evidence can be added twice (two mentions of a node in one sentence tie it to a chain once): sorted, then deduplicated.
    const nodes = [...this.nodes.keys()].sort().map((id) => {
      const node = this.nodes.get(id)!;
      node.aliases.sort();
      node.mentions = unique(node.mentions.sort(byEvidence));
      node.props = sortedProps(node.props);
      return node;
    });
    // Sorted by the keys the edges are held under (edgeKey of each): not built again on every comparison, which
    // cost 24 million string joins for the 600,000 edges of 10,000 letters.
    const edges = [...this.edges.keys()].sort().map((key) => {
      const edge = this.edges.get(key)!;
      edge.evidence = unique(edge.evidence.sort(byEvidence));
      edge.props = sortedProps(edge.props);
      return edge;
    });
    return { nodes, edges };
  }
}

function unique(sorted: Evidence[]): Evidence[] {
  return sorted.filter(
    (e, i) =>
      i === 0 || e.letter !== sorted[i - 1].letter || e.start !== sorted[i - 1].start || e.end !== sorted[i - 1].end,
  );
}

/** Props with their keys in order: the same object when they are in order already (most hold one key or none). */
function sortedProps(props: Props): Props {
  const keys = Object.keys(props);
  let ordered = true;
  for (let i = 1; ordered && i < keys.length; i++) ordered = keys[i - 1] < keys[i];
  if (ordered) return props;
  const sorted: Props = {};
  for (const key of keys.sort()) sorted[key] = props[key];
  return sorted;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
