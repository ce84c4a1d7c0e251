import type { EdgeType, GraphDocument, GraphEdge, GraphNode, NodeKind, Props } from '../../domain/model.ts';
import { edgeKey } from '../../domain/model.ts';
import type { GraphStore } from '../../store/port.ts';
import { wholeGraph } from '../../store/whole-graph.ts';

/**
 * Small hand-made graphs for the contract: each thing names the letters that
 * mention it, so fragmentsOf splits them per letter as it splits real ones.
 */
export function node(
  id: string,
  letters: string[],
  more: { name?: string; aliases?: string[]; props?: Props } = {},
): GraphNode {
  const kind = id.slice(0, id.indexOf(':')) as NodeKind;
  return {
    id,
    kind,
    name: more.name ?? id.slice(id.indexOf(':') + 1),
    aliases: more.aliases ?? [],
    props: more.props ?? {},
    mentions: letters.map((letter, i) => ({ letter, start: i * 10, end: i * 10 + 4 })),
  };
}

export function edge(type: EdgeType, source: string, target: string, letters: string[], props: Props = {}): GraphEdge {
  return {
    type,
    source,
    target,
    props,
    evidence: letters.map((letter, i) => ({ letter, start: i * 10, end: i * 10 + 4 })),
  };
}

export const letterNode = (id: string) => node(id, [id], { props: { source: id.slice('Letter:'.length) } });
export const chainNode = (name: string) => node(`Chain:${name}`, [], { name });

/** A letter naming 300 platforms, each also named by a letter of its own: two hops from the hub letter reach all 601 nodes. */
export function hubGraph(): { graph: GraphDocument; letters: string[] } {
  const hub = 'Letter:hub.txt';
  const platforms = Array.from({ length: 300 }, (_, i) => `Platform:平台${String(i).padStart(3, '0')}`);
  const own = platforms.map((_, i) => `Letter:own-${String(i).padStart(3, '0')}.txt`);
  const nodes = [letterNode(hub), ...own.map(letterNode), ...platforms.map((p, i) => node(p, [hub, own[i]]))];
  const edges = platforms.flatMap((p, i) => [edge('MENTIONS', hub, p, [hub]), edge('MENTIONS', own[i], p, [own[i]])]);
  return { graph: { nodes, edges }, letters: [hub, ...own] };
}

/** Everything a store answers about its graph, in one comparable value. */
export async function dump(store: GraphStore) {
  const { nodes, edges } = await wholeGraph(store);
  edges.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : 1));
  const sorted = nodes.map((n) => ({ ...n, aliases: [...n.aliases].sort() }));
  return {
    nodes: sorted,
    edges,
    matrix: await store.chainMatrix(),
    byHeading: await store.chainMatrix({ bases: ['heading'] }),
    stats: await store.stats(),
  };
}

/**
 * Letters giving the same platform and the same chain link different versions
 * (name, aliases, props, basis): which wins depends on letter order, so
 * removing or replacing a letter must merge again from what is left.
 * Each letter comes from a graph of its own, as letters ingested at different times do.
 */
export const VERSIONED = 'Platform:瓯海实验室';

export function versionOf(letter: 'a' | 'b' | 'a2'): { graph: GraphDocument; letter: string } {
  const id = `Letter:${letter === 'a2' ? 'a' : letter}.txt`;
  const x = {
    a: node(VERSIONED, [id], {
      name: '瓯海实验室（温州）',
      aliases: ['瓯海实验室甲'],
      props: { year: 2023, city: null },
    }),
    a2: node(VERSIONED, [id], { name: '瓯海实验室', aliases: ['瓯海实验室丙'], props: { year: 2022 } }),
    b: node(VERSIONED, [id], { name: '瓯海实验室', aliases: ['瓯海实验室乙'], props: { year: 2024, city: '温州' } }),
  }[letter];
  const basis = { a: 'heading', a2: 'vocabulary', b: 'sentence' }[letter];
  const edges = [edge('MENTIONS', id, VERSIONED, [id]), edge('ADVANCES', VERSIONED, 'Chain:创新链', [id], { basis })];
  if (letter === 'b') edges.push(edge('ADVANCES', VERSIONED, 'Chain:产业链', [id], { basis: 'sentence' }));
  return { graph: { nodes: [letterNode(id), chainNode('创新链'), chainNode('产业链'), x], edges }, letter: id };
}

/** Names and texts in quotes and full width, a best match that sorts last by id, and two equal routes between two platforms. */
export function searchGraph(): { graph: GraphDocument; letters: string[] } {
  const l = 'Letter:s.txt';
  const m = 'Letter:t.txt';
  const similar = Array.from({ length: 30 }, (_, i) =>
    node(`Platform:测试实验室${String(i + 1).padStart(2, '0')}号`, [l]),
  );
  const nodes = [
    letterNode(l),
    letterNode(m),
    chainNode('人才链'),
    node('Platform:ＡＩ创新中心', [l, m], { name: '“ＡＩ创新中心”' }),
    node('Platform:测试实验室00号', [l, m]),
    node('Commitment:s-1', [l], {
      name: '引进ＡＩ人才５名',
      props: { text: '引进“ＡＩ人才”５名', value: 5, unit: '名', year: 2025, letter: l },
    }),
    ...similar,
    node('Platform:zz-best', [l], { name: '测试实验室' }),
  ];
  const edges = [
    edge('MENTIONS', l, 'Platform:zz-best', [l]),
    edge('MENTIONS', l, 'Platform:ＡＩ创新中心', [l]),
    edge('MENTIONS', m, 'Platform:ＡＩ创新中心', [m]),
    edge('MENTIONS', l, 'Platform:测试实验室00号', [l]),
    edge('CONCERNS', l, 'Platform:测试实验室00号', [l]),
    edge('MENTIONS', m, 'Platform:测试实验室00号', [m]),
    edge('COMMITS_TO', l, 'Commitment:s-1', [l]),
    edge('ADVANCES', 'Commitment:s-1', 'Chain:人才链', [l], { basis: 'sentence' }),
    ...similar.map((n) => edge('MENTIONS', l, n.id, [l])),
  ];
  return { graph: { nodes, edges }, letters: [l, m] };
}
