import { beforeAll, describe, expect, it } from 'vitest';
import { commitGraph } from '../helpers/store-writes.ts';
import { findConnections } from '../../api/resolvers/connections.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import type { EdgeType, GraphDocument, GraphEdge, GraphNode, NodeKind } from '../../domain/model.ts';

/**
 * The rules of "what connects A and B" on four short letters of the genre
 * (own wording), built by hand so the test does not hang on extraction:
 * every letter is copied to 市府办 and signed by the bureau, which also
 * speaks in their bodies; the title of 甲's letter names 市政协; two things
 * advance the same chain. Only shared content may connect.
 */
const TEXTS: Record<string, string> = {
  A: '温科提复〔2024〕1号\n关于市政协一号提案的答复函\n张三委员：\n市科技局依托甲实验室落实《丙政策》，推进“戊计划”。\n联系人：李四\n温州市科学技术局\n抄送：市府办\n',
  B: '温科提复〔2024〕2号\n关于市人大二号建议的答复函\n王五代表：\n市科技局将继续执行《丙政策》，推广“戊计划”，支持市政协委员调研丁平台。\n温州市科学技术局\n抄送：市府办\n',
  C: '温科提复〔2024〕3号\n关于市人大三号建议的答复函\n赵六代表：\n甲实验室牵头落实《丙政策》和“戊计划”。\n温州市科学技术局\n抄送：市府办\n',
  D: '温科提复〔2024〕4号\n关于市人大四号建议的答复函\n钱七代表：\n全面推进“戊计划”。\n温州市科学技术局\n抄送：市府办\n',
};

const nodes = new Map<string, GraphNode>();
const edges: GraphEdge[] = [];
const letterId = (l: string) => `Letter:${l}.txt`;
const span = (l: string, words: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXTS[l].indexOf(words, at + 1);
  if (at < 0) throw new Error(`${words} is not in letter ${l}`);
  return { letter: letterId(l), start: at, end: at + words.length };
};
function node(kind: NodeKind, name: string, mentions: Array<[string, string, number?]> = []): string {
  const id = `${kind}:${name}`;
  const evidence = mentions.map(([l, words, nth]) => span(l, words, nth));
  const existing = nodes.get(id);
  if (existing) existing.mentions.push(...evidence);
  else nodes.set(id, { id, kind, name, aliases: [], props: {}, mentions: evidence });
  return id;
}
function edge(type: EdgeType, source: string, target: string, evidence: Array<ReturnType<typeof span>>) {
  edges.push({ type, source, target, props: {}, evidence });
}
function mention(l: string, id: string, ...places: Array<[string, number?]>) {
  const evidence = places.map(([words, nth]) => span(l, words, nth));
  nodes.get(id)!.mentions.push(...evidence);
  edge('MENTIONS', letterId(l), id, evidence);
}

beforeAll(() => {
  const bureau = node('Organization', '温州市科学技术局');
  const office = node('Organization', '市府办');
  const cppcc = node('Organization', '市政协');
  const lab = node('Platform', '甲实验室');
  const policy = node('Policy', '丙政策');
  const programme = node('Programme', '戊计划');
  const platform = node('Platform', '丁平台');
  const chain = node('Chain', '创新链');
  for (const l of Object.keys(TEXTS)) {
    nodes.set(letterId(l), {
      id: letterId(l),
      kind: 'Letter',
      name: TEXTS[l].split('\n')[0],
      aliases: [],
      props: { text: TEXTS[l], source: `${l}.txt` },
      mentions: [],
    });
    const proposal = node('Proposal', `${l}号`);
    edge('ANSWERS', letterId(l), proposal, [span(l, TEXTS[l].split('\n')[1].replace('的答复函', ''))]);
    edge('ISSUED_BY', letterId(l), bureau, [span(l, '温州市科学技术局')]);
    edge('CC', letterId(l), office, [span(l, '市府办')]);
    mention(l, office, ['市府办']);
    mention(l, programme, ['戊计划']);
  }
  node('Person', '李四');
  edge('CONTACT', letterId('A'), 'Person:李四', [span('A', '李四')]);
  mention('A', bureau, ['市科技局'], ['温州市科学技术局']);
  mention('B', bureau, ['市科技局'], ['温州市科学技术局']);
  mention('A', lab, ['甲实验室']);
  mention('C', lab, ['甲实验室']);
  mention('A', policy, ['丙政策']);
  mention('B', policy, ['丙政策']);
  mention('C', policy, ['丙政策']);
  mention('A', cppcc, ['市政协']);
  mention('B', cppcc, ['市政协']);
  mention('B', platform, ['丁平台']);
  edge('ADVANCES', lab, chain, [span('A', '甲实验室')]);
  edge('ADVANCES', platform, chain, [span('B', '丁平台')]);
});

async function ask(from: string, to: string, includeHubs = false, maxHops = 4) {
  const store = new MemoryStore({ path: null });
  const graph: GraphDocument = { nodes: [...nodes.values()], edges };
  await commitGraph(store, graph);
  const [a, b] = (await store.getNodes([from, to])) as GraphNode[];
  return findConnections(store, a, b, { maxHops, first: 10, includeHubs });
}

describe('what connects 甲实验室 and the proposal B answers', () => {
  it('runs only through the content the letters share, the rarer thing first', async () => {
    const { paths } = await ask('Platform:甲实验室', 'Proposal:B号');
    // 丙政策 is in three letters, 戊计划 in all four: both tie, 丙政策 tighter.
    expect(paths.map((p) => p.via.map((n) => n.name))).toEqual([['丙政策'], ['戊计划']]);
    expect(paths[0].nodes.map((n) => n.id)).toEqual([
      'Platform:甲实验室',
      'Letter:A.txt',
      'Policy:丙政策',
      'Letter:B.txt',
      'Proposal:B号',
    ]);
  });

  it('shows each shared thing once, though letters A and C both lead to it', async () => {
    const { paths } = await ask('Platform:甲实验室', 'Proposal:B号');
    expect(paths.filter((p) => p.via.some((n) => n.name === '丙政策'))).toHaveLength(1);
  });

  it('never through the copy list, the issuer (named in bodies too), a title-only mention or the chain', async () => {
    const { paths } = await ask('Platform:甲实验室', 'Proposal:B号');
    const through = paths.flatMap((p) => p.nodes.map((n) => n.name));
    for (const hub of ['市府办', '温州市科学技术局', '市政协', '创新链', '丁平台']) expect(through).not.toContain(hub);
  });

  it('with includeHubs the hubs are ways again', async () => {
    const { paths } = await ask('Platform:甲实验室', 'Proposal:B号', true);
    const through = new Set(paths.flatMap((p) => p.nodes.map((n) => n.name)));
    for (const hub of ['市府办', '温州市科学技术局', '创新链']) expect(through).toContain(hub);
  });

  it('a body mention of a thing the title also names still counts (市政协 in B’s body)', async () => {
    const { paths } = await ask('Organization:市政协', 'Proposal:B号', false, 2);
    expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['Organization:市政协', 'Letter:B.txt', 'Proposal:B号'],
    ]);
  });

  it('nothing within reach: no paths and a note saying why', async () => {
    const found = await ask('Platform:甲实验室', 'Proposal:D号', false, 2);
    expect(found.paths).toEqual([]);
    expect(found.note).toMatch(/includeHubs/);
  });

  it('rejects maxHops and first out of range with BAD_REQUEST', async () => {
    await expect(ask('Platform:甲实验室', 'Proposal:B号', false, 9)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('each step of a path says what it rests on', () => {
  async function askWith(extra: GraphEdge[], from: string, to: string) {
    const store = new MemoryStore({ path: null });
    await commitGraph(store, { nodes: [...nodes.values()], edges: [...edges, ...extra] });
    const [a, b] = (await store.getNodes([from, to])) as GraphNode[];
    return findConnections(store, a, b, { maxHops: 4, first: 5, includeHubs: false });
  }
  const supports = (): GraphEdge => ({
    type: 'SUPPORTS',
    source: 'Policy:丙政策',
    target: 'Platform:丁平台',
    props: {},
    evidence: [span('B', '支持市政协委员调研丁平台')],
  });

  it('a link a sentence states ranks above "named in the same letter", which says so', async () => {
    const { paths } = await askWith([supports()], 'Policy:丙政策', 'Platform:丁平台');
    // Then the same letter, then longer ways through two letters (丙政策 and 丁平台 are both in B, and in A, C …).
    expect(paths.map((p) => p.links.map((l) => l.kind)).slice(0, 2)).toEqual([['STATED'], ['SAME_LETTER']]);
    const sameLetterSteps = paths.map((p) => p.links.filter((l) => l.kind === 'SAME_LETTER').length);
    expect(sameLetterSteps).toEqual([...sameLetterSteps].sort((a, b) => a - b));
    const [stated] = paths[0].links;
    expect(stated).toMatchObject({ type: 'SUPPORTS', from: { id: 'Policy:丙政策' }, to: { id: 'Platform:丁平台' } });
    expect(stated.evidence.map((e) => TEXTS.B.slice(e.start, e.end))).toEqual(['支持市政协委员调研丁平台']);
    // The same-letter step names its letter and where the letter names each end.
    const [same] = paths[1].links;
    expect(same.letter?.id).toBe('Letter:B.txt');
    expect(same.evidence.map((e) => TEXTS.B.slice(e.start, e.end))).toEqual(['丙政策', '丁平台']);
  });

  it('without the stated link the only path is the same letter, one step through it', async () => {
    const { paths } = await askWith([], 'Policy:丙政策', 'Platform:丁平台');
    expect(paths[0].links).toHaveLength(1);
    expect(paths[0].links[0]).toMatchObject({
      kind: 'SAME_LETTER',
      type: null,
      from: { name: '丙政策' },
      to: { name: '丁平台' },
    });
  });
});
