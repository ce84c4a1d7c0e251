import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLetter, type LetterExtraction } from '../../ingest/extract/extract-letter.ts';
import { parseLetter } from '../../ingest/parse/parse-letter.ts';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { BadRequestError } from '../../domain/errors.ts';
import type { GraphDocument } from '../../domain/model.ts';
import type { GraphStore } from '../../store/port.ts';
import { LETTERS_DIR, seedPath } from '../helpers/seeds.ts';
import { commitGraph, together } from '../helpers/store-writes.ts';
import { dump, edge, hubGraph, letterNode, node, searchGraph, VERSIONED, versionOf } from './contract-graphs.ts';

/**
 * The one contract every GraphStore adapter must pass, with answers known
 * from the seed letters. `open` gives a fresh, empty store.
 */
export function storeContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let graph: GraphDocument;

    let seeds: LetterExtraction[];
    const ingestSeeds = () => commitGraph(store, graph);
    const allPages = async (first: number, filter = {}) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 1000; guard++) {
        const page = await store.findNodes(filter, { first, after });
        seen.push(...page.items.map((n) => n.id));
        if (!page.hasNextPage) return { seen, total: page.totalCount };
        after = page.endCursor;
      }
      throw new Error('pagination did not end');
    };

    beforeAll(async () => {
      const { letters } = await readLetters([LETTERS_DIR]);
      seeds = letters;
      graph = graphOfLetters(letters);
      store = await open();
      await store.clear();
      await ingestSeeds();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('holds every node and edge of the seeds', async () => {
      const stats = await store.stats();
      expect(stats.letters).toBe(5);
      expect(stats.nodes).toBe(graph.nodes.length);
      expect(stats.edges).toBe(graph.edges.length);
      expect(stats.byKind.find((k) => k.kind === 'Chain')?.count).toBe(4);
      const perLetter = stats.byLetter.find((l) => l.source === '001_04a38ffad57288c3.txt')!;
      expect(perLetter.commitments).toBe(
        graph.edges.filter((e) => e.type === 'COMMITS_TO' && e.source === perLetter.letter).length,
      );
    });

    it('gets nodes by id, null for unknown ids, with every letter’s mentions', async () => {
      const [lab, nothing] = await store.getNodes(['Platform:瓯江实验室', 'Platform:不存在']);
      expect(nothing).toBeNull();
      expect(lab?.name).toBe('瓯江实验室');
      expect(new Set(lab!.mentions.map((m) => m.letter)).size).toBe(3);
    });

    it('pages through a kind without gaps or repeats, with the total', async () => {
      const platforms = graph.nodes
        .filter((n) => n.kind === 'Platform')
        .map((n) => n.id)
        .sort();
      const { seen, total } = await allPages(7, { kinds: ['Platform'] });
      expect(total).toBe(platforms.length);
      expect(seen).toEqual(platforms);
      const last = await store.findNodes({ kinds: ['Platform'] }, { first: 7, after: null });
      expect(last.hasNextPage).toBe(true);
      const empty = await store.findNodes({ kinds: ['Platform'] }, { first: 0 });
      expect(empty).toMatchObject({ items: [], totalCount: platforms.length, endCursor: null });
    });

    it('filters nodes by letter, name text and chain', async () => {
      const byLetter = await store.findNodes(
        { letter: 'Letter:001_04a38ffad57288c3.txt', kinds: ['Person'] },
        { first: 50 },
      );
      expect(byLetter.items.map((n) => n.name).sort()).toEqual(['叶剑淼', '李贤']);
      const labs = await store.findNodes({ text: '实验室', kinds: ['Platform'] }, { first: 50 });
      expect(labs.totalCount).toBeGreaterThanOrEqual(4);
      expect(labs.items.every((n) => [n.name, ...n.aliases].some((x) => x.includes('实验室')))).toBe(true);
      const capital = await store.findNodes({ chain: '资金链', kinds: ['Commitment'] }, { first: 50 });
      expect(capital.items.some((n) => n.props.value === 100 && n.props.unit === '亿元')).toBe(true);
    });

    it('searches Chinese names, best first', async () => {
      const hits = await store.search('瓯江', { first: 5 });
      expect(hits[0].node.id).toBe('Platform:瓯江实验室');
      const fuzzy = await store.search('孵化集群', { first: 5 });
      expect(fuzzy.slice(0, 3).map((h) => h.node.id)).toContain('Programme:大孵化器集群');
      const people = await store.search('李贤', { first: 5, kinds: ['Person'] });
      expect(people.map((h) => h.node.kind)).toEqual(['Person']);
    });

    it('returns a neighbourhood whose edges join its nodes, capped with a flag', async () => {
      const one = await store.neighbourhood(['Platform:瓯江实验室'], { depth: 1, limit: 500 });
      const ids = new Set(one.nodes.map((n) => n.id));
      expect(ids.has('Letter:000_c3f10cc589d1c01a.txt')).toBe(true);
      expect(one.capped).toBe(false);
      for (const e of one.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      const two = await store.neighbourhood(['Platform:瓯江实验室'], { depth: 2, limit: 2000 });
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
      const capped = await store.neighbourhood(['Platform:瓯江实验室'], { depth: 2, limit: 5 });
      expect(capped.capped).toBe(true);
      expect(capped.nodes).toHaveLength(5);
      const lettersOnly = await store.neighbourhood(['Platform:瓯江实验室'], {
        depth: 1,
        limit: 500,
        kinds: ['Letter'],
        edgeTypes: ['MENTIONS'],
      });
      expect(lettersOnly.nodes.filter((n) => n.id !== 'Platform:瓯江实验室').every((n) => n.kind === 'Letter')).toBe(
        true,
      );
      expect(lettersOnly.edges.every((e) => e.type === 'MENTIONS')).toBe(true);
    });

    it('gives an overview of the best-connected nodes, capped', async () => {
      const all = await store.overview({ limit: 10000 });
      expect(all.nodes).toHaveLength(graph.nodes.length);
      expect(all.edges).toHaveLength(graph.edges.length);
      expect(all.capped).toBe(false);
      const top = await store.overview({ kinds: ['Platform', 'Programme'], edgeTypes: ['PART_OF'], limit: 10 });
      expect(top.capped).toBe(true);
      expect(top.nodes).toHaveLength(10);
      const degree = (id: string) => graph.edges.filter((e) => e.source === id || e.target === id).length;
      const degrees = top.nodes.map((n) => degree(n.id));
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      const platformsAndProgrammes = graph.nodes
        .filter((n) => n.kind === 'Platform' || n.kind === 'Programme')
        .map((n) => degree(n.id))
        .sort((a, b) => b - a);
      expect(degrees).toEqual(platformsAndProgrammes.slice(0, 10));
      expect(top.nodes.every((n) => n.kind === 'Platform' || n.kind === 'Programme')).toBe(true);
      expect(top.edges.every((e) => e.type === 'PART_OF')).toBe(true);
    });

    it('finds a shortest path as a connected chain of edges', async () => {
      const path = await store.shortestPath('Platform:瓯江实验室', 'Platform:中国眼谷', 4);
      expect(path).not.toBeNull();
      expect(path!.nodes[0].id).toBe('Platform:瓯江实验室');
      expect(path!.nodes.at(-1)!.id).toBe('Platform:中国眼谷');
      expect(path!.edges).toHaveLength(path!.nodes.length - 1);
      path!.edges.forEach((e, i) => {
        expect([e.source, e.target].sort()).toEqual([path!.nodes[i].id, path!.nodes[i + 1].id].sort());
      });
      expect(await store.shortestPath('Platform:瓯江实验室', 'Platform:不存在', 4)).toBeNull();
      const viaLetters = await store.shortestPath('Platform:瓯江实验室', 'Platform:中国眼谷', 6, ['MENTIONS']);
      expect(viaLetters!.edges.every((e) => e.type === 'MENTIONS')).toBe(true);
      expect(viaLetters!.nodes.map((n) => n.kind)).toEqual(['Platform', 'Letter', 'Platform']);
    });

    it('filters commitments by year, letter, unit, text and chain', async () => {
      const of2024 = await store.commitments({ year: 2024 }, { first: 200 });
      expect(of2024.totalCount).toBeGreaterThan(5);
      expect(of2024.items.every((n) => n.props.year === 2024)).toBe(true);
      const ofLetter = await store.commitments(
        { letter: 'Letter:001_04a38ffad57288c3.txt', unit: '家' },
        { first: 200 },
      );
      expect(ofLetter.items.some((n) => n.props.value === 15)).toBe(true);
      expect(ofLetter.items.every((n) => n.props.unit === '家')).toBe(true);
      const incubation = await store.commitments({ text: '孵化' }, { first: 200 });
      expect(incubation.items.every((n) => String(n.props.text).includes('孵化'))).toBe(true);
      const talent = await store.commitments({ chain: '人才链' }, { first: 200 });
      expect(talent.items.some((n) => String(n.props.text).includes('一流学科'))).toBe(true);
    });

    it('answers the four-chain matrix with bridging nodes and evidence', async () => {
      const matrix = await store.chainMatrix();
      expect(matrix).toHaveLength(10);
      const pair = matrix.find((p) => p.a === '产业链' && p.b === '人才链')!;
      expect(pair.count).toBe(pair.nodes.length);
      expect(pair.nodes.some((n) => String(n.node.props.text ?? '').includes('一流学科'))).toBe(true);
      expect(pair.nodes.every((n) => n.evidence.length >= 2)).toBe(true);
      const byHeading = await store.chainMatrix({ bases: ['heading'] });
      expect(byHeading.find((p) => p.a === '产业链' && p.b === '人才链')!.count).toBeLessThanOrEqual(pair.count);
    });

    it('recurring counts a letter where its body names the thing; includeHeaderAndFooter counts copy lines and signatures too', async () => {
      const bodyOnly = await store.recurring({ minLetters: 2 }, { first: 200 });
      const everywhere = await store.recurring({ minLetters: 2, includeHeaderAndFooter: true }, { first: 200 });
      const letters = (page: typeof bodyOnly, id: string) => page.items.find((r) => r.node.id === id)?.letters;
      const copied = everywhere.items.find((r) => r.node.name === '市府办')!;
      expect(copied.letters).toHaveLength(5);
      expect(letters(bodyOnly, copied.node.id)).toBeUndefined();
      expect(letters(bodyOnly, 'Platform:瓯江实验室')).toEqual(letters(everywhere, 'Platform:瓯江实验室'));
      expect(bodyOnly.totalCount).toBeLessThan(everywhere.totalCount);
      const second = await store.recurring(
        { minLetters: 2 },
        { first: 5, after: (await store.recurring({ minLetters: 2 }, { first: 5 })).endCursor },
      );
      expect(second.items.map((r) => r.node.id)).toEqual(bodyOnly.items.slice(5, 10).map((r) => r.node.id));
    });

    it('rejects over-limit requests with a clear error', async () => {
      await expect(store.findNodes({}, { first: 500 })).rejects.toThrow(BadRequestError);
      await expect(store.findNodes({}, { first: 5, after: 'bogus' })).rejects.toThrow(/not a cursor/);
      await expect(store.neighbourhood(['Platform:瓯江实验室'], { depth: 4, limit: 10 })).rejects.toThrow(
        /depth must be 1 to 3/,
      );
      await expect(store.shortestPath('a', 'b', 20)).rejects.toThrow(/maxHops/);
    });

    it('re-ingesting three times changes nothing', async () => {
      const before = await store.stats();
      const ids = (await allPages(200)).seen;
      for (let i = 0; i < 3; i++) await ingestSeeds();
      expect(await store.stats()).toEqual(before);
      expect((await allPages(200)).seen).toEqual(ids);
      const [lab] = await store.getNodes(['Platform:瓯江实验室']);
      expect(lab!.mentions.length).toBe(graph.nodes.find((n) => n.id === 'Platform:瓯江实验室')!.mentions.length);
    });

    it('replacing a changed letter replaces only that letter’s evidence', async () => {
      const source = '001_04a38ffad57288c3.txt';
      const text = (await readFile(seedPath('001'), 'utf8')).replace(/[^。\n]*正泰集团[^。\n]*。/, '');
      const changed = graphOfLetters([
        ...seeds.filter((l) => l.letter.source !== source),
        extractLetter(parseLetter({ source, path: source, format: 'txt', encoding: 'utf-8', text })),
      ]);
      const commit = await commitGraph(store, changed);
      // Only the letters whose part changed are written.
      expect(commit.written).toContain(`Letter:${source}`);
      expect(commit.written.length).toBeLessThan(5);
      expect(commit.removed).toEqual([]);
      const [zhengtai, lab, market] = await store.getNodes([
        'Enterprise:正泰集团',
        'Platform:瓯江实验室',
        'Platform:温州科技大市场',
      ]);
      expect(zhengtai).toBeNull();
      expect(new Set(lab!.mentions.map((m) => m.letter)).size).toBe(3);
      expect(new Set(market!.mentions.map((m) => m.letter))).toEqual(
        new Set(['Letter:001_04a38ffad57288c3.txt', 'Letter:003_8026abd5319cce3e.txt']),
      );
      // The same as a fresh ingest of the other letters and the changed one.
      const replaced = await dump(store);
      await store.clear();
      await commitGraph(store, changed);
      expect(replaced).toEqual(await dump(store));
      await store.clear();
      await ingestSeeds();
      expect((await store.getNodes(['Enterprise:正泰集团']))[0]).not.toBeNull();
    });

    it('removes a letter: what only it mentioned disappears, shared nodes keep the others’ mentions', async () => {
      const letter = 'Letter:003_8026abd5319cce3e.txt';
      const without = graphOfLetters(seeds.filter((l) => `Letter:${l.letter.source}` !== letter));
      expect((await commitGraph(store, without)).removed).toEqual([letter]);
      const [only, lab, removed] = await store.getNodes([
        'Platform:温州知识产权交易服务中心',
        'Platform:瓯江实验室',
        letter,
      ]);
      expect(only).toBeNull();
      expect(removed).toBeNull();
      expect(lab!.mentions.every((m) => m.letter !== letter)).toBe(true);
      expect((await store.edgesOf([letter])).length).toBe(0);
      expect((await commitGraph(store, without)).removed).toEqual([]);
      expect((await store.stats()).letters).toBe(4);
      const afterRemoval = await dump(store);
      await store.clear();
      await commitGraph(store, without);
      expect(afterRemoval).toEqual(await dump(store));
      await ingestSeeds();
      expect((await store.stats()).nodes).toBe(graph.nodes.length);
    });

    it('clears', async () => {
      await store.clear();
      expect((await store.stats()).letters).toBe(0);
      await ingestSeeds();
    });
  });

  describe(`GraphStore contract, hand-made graphs: ${name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
      await store.clear();
    });
    afterAll(async () => {
      await store?.clear();
      await store?.close();
    });

    it('a depth-2 neighbourhood is complete, however many nodes the first hop reaches', async () => {
      const { graph } = hubGraph();
      await store.clear();
      await commitGraph(store, graph);
      const two = await store.neighbourhood(['Letter:hub.txt'], { depth: 2, limit: 2000 });
      expect(two.capped).toBe(false);
      expect(two.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(two.edges).toHaveLength(graph.edges.length);
      // Capped: the start, then each hop's nodes in id order up to the limit.
      const capped = await store.neighbourhood(['Letter:hub.txt'], { depth: 2, limit: 4 });
      expect(capped).toMatchObject({ capped: true });
      expect(capped.nodes.map((n) => n.id)).toEqual([
        'Letter:hub.txt',
        'Platform:平台000',
        'Platform:平台001',
        'Platform:平台002',
      ]);
    });

    it('shortest paths: from == to is one node; a hop limit or an edge-type filter that rules every path out gives none', async () => {
      const { graph } = hubGraph();
      await store.clear();
      await commitGraph(store, graph);
      const self = await store.shortestPath('Platform:平台007', 'Platform:平台007', 3);
      expect(self).toEqual({ nodes: [expect.objectContaining({ id: 'Platform:平台007' })], edges: [], capped: false });
      expect((await store.shortestPath('Letter:own-001.txt', 'Letter:own-002.txt', 4))!.nodes.map((n) => n.id)).toEqual(
        ['Letter:own-001.txt', 'Platform:平台001', 'Letter:hub.txt', 'Platform:平台002', 'Letter:own-002.txt'],
      );
      expect(await store.shortestPath('Letter:own-001.txt', 'Letter:own-002.txt', 3)).toBeNull();
      expect(await store.shortestPath('Letter:own-001.txt', 'Letter:own-002.txt', 8, ['CONCERNS'])).toBeNull();
      expect(await store.shortestPath('Platform:平台001', 'Platform:不存在', 8)).toBeNull();
    });

    it('of several shortest paths, the one through the first node by id; of two links between two steps, the smallest', async () => {
      const { graph } = searchGraph();
      await store.clear();
      await commitGraph(store, graph);
      const path = await store.shortestPath('Platform:测试实验室00号', 'Platform:ＡＩ创新中心', 4);
      expect(path!.nodes.map((n) => n.id)).toEqual([
        'Platform:测试实验室00号',
        'Letter:s.txt',
        'Platform:ＡＩ创新中心',
      ]);
      expect(path!.edges.map((e) => e.type)).toEqual(['CONCERNS', 'MENTIONS']);
    });

    it('after a letter is removed or replaced, names, aliases, props, edge bases and the chain matrix are what a fresh ingest gives', async () => {
      const [a, b, a2] = [versionOf('a'), versionOf('b'), versionOf('a2')];
      const fresh = async (...parts: Array<ReturnType<typeof versionOf>>) => {
        await store.clear();
        await commitGraph(store, together(...parts.map((part) => part.graph)));
        return dump(store);
      };
      const onlyB = await fresh(b);
      const [x] = await store.getNodes([VERSIONED]);
      expect(x).toMatchObject({ name: '瓯海实验室', aliases: ['瓯海实验室乙'], props: { year: 2024, city: '温州' } });
      // Both letters: A's version comes first (letter order), whatever order they were stored in.
      const both = await fresh(b, a);
      expect(both.nodes.find((n) => n.id === VERSIONED)).toMatchObject({
        name: '瓯海实验室（温州）',
        aliases: ['瓯海实验室乙', '瓯海实验室甲'],
        props: { year: 2023, city: '温州' },
      });
      expect(both.edges.find((e) => e.type === 'ADVANCES' && e.target === 'Chain:创新链')!.props).toEqual({
        basis: 'heading',
      });
      expect(both.byHeading.find((p) => p.a === '创新链' && p.b === '创新链')!.count).toBe(1);
      expect(await fresh(a, b)).toEqual(both);
      expect((await commitGraph(store, b.graph)).removed).toEqual([a.letter]);
      expect(await dump(store)).toEqual(onlyB);
      await commitGraph(store, together(b.graph, a.graph));
      expect(await dump(store)).toEqual(both);
      await commitGraph(store, together(b.graph, a2.graph));
      expect(await dump(store)).toEqual(await fresh(b, a2));
    });

    it('a place no stored letter speaks for any more goes with its last letter (places belong to no letter)', async () => {
      // Two letters of two cities; places are shared nodes (no mentions), tied to letters by IN_PLACE.
      const place = (code: string, name: string) => node(`Place:${code}`, [], { name, props: { code } });
      const letterIn = (letter: string, code: string) => ({
        nodes: [letterNode(letter), node('Platform:科创中心', [letter])],
        edges: [
          edge('IN_PLACE', letter, `Place:${code}`, [letter]),
          edge('MENTIONS', letter, 'Platform:科创中心', [letter]),
        ],
      });
      const a = letterIn('Letter:wz.txt', '330300');
      const b = letterIn('Letter:cd.txt', '510100');
      const both = together({ nodes: [place('330300', '温州市'), place('510100', '成都市')], edges: [] }, a, b);
      const onlyA = together({ nodes: [place('330300', '温州市')], edges: [] }, a);
      await store.clear();
      await commitGraph(store, both);
      expect((await store.getNodes(['Place:510100']))[0]?.name).toBe('成都市');
      expect((await commitGraph(store, onlyA)).removed).toEqual(['Letter:cd.txt']);
      expect(await store.getNodes(['Place:510100', 'Place:330300'])).toMatchObject([null, { name: '温州市' }]);
      const afterRemoval = await dump(store);
      await store.clear();
      await commitGraph(store, onlyA);
      expect(afterRemoval).toEqual(await dump(store));
    });

    it('search and filters normalise both sides (quotes, full width), ignore empty filters and rank every candidate before the cut', async () => {
      const { graph } = searchGraph();
      await store.clear();
      await commitGraph(store, graph);
      expect((await store.findNodes({ text: '"ai创新中心"' }, { first: 10 })).items.map((n) => n.id)).toEqual([
        'Platform:ＡＩ创新中心',
      ]);
      expect((await store.findNodes({ text: 'ＡＩ创新' }, { first: 10 })).items.map((n) => n.id)).toEqual([
        'Platform:ＡＩ创新中心',
      ]);
      expect((await store.search('“AI创新中心”', { first: 3 }))[0].node.id).toBe('Platform:ＡＩ创新中心');
      expect((await store.commitments({ text: 'AI人才5' }, { first: 10 })).items.map((n) => n.id)).toEqual([
        'Commitment:s-1',
      ]);
      const all = await store.findNodes({}, { first: 200 });
      expect(await store.findNodes({ text: '', letter: '', kinds: [] }, { first: 200 })).toEqual(all);
      const commitments = await store.commitments({}, { first: 200 });
      expect(commitments.totalCount).toBe(1);
      expect(await store.commitments({ text: '', unit: '', letter: '' }, { first: 200 })).toEqual(commitments);
      // 31 names contain the query; the exact one sorts last by id and must still come first.
      expect((await store.search('测试实验室', { first: 1 })).map((h) => h.node.id)).toEqual(['Platform:zz-best']);
      const ranked = await store.search('实验室', { first: 100 });
      expect(ranked).toHaveLength(32);
      expect(ranked.map((h) => h.score)).toEqual([...ranked.map((h) => h.score)].sort((p, q) => q - p));
    });

    it('memo: an answer is computed once per version of the graph, shared, and again after a change', async () => {
      const [a, b] = [versionOf('a'), versionOf('b')];
      await store.clear();
      await commitGraph(store, a.graph);
      let computed = 0;
      const letters = async (version: GraphStore) => {
        computed++;
        return (await version.stats()).letters;
      };
      const [one, two] = await Promise.all([store.memo!('letters', letters), store.memo!('letters', letters)]);
      expect([one, two, await store.memo!('letters', letters), computed]).toEqual([1, 1, 1, 1]);
      await commitGraph(store, together(a.graph, b.graph));
      expect([await store.memo!('letters', letters), computed]).toEqual([2, 2]);
      await expect(store.memo!('fails', async () => Promise.reject(new Error('once')))).rejects.toThrow('once');
      // A failure is not kept: the next call computes again.
      expect(await store.memo!('fails', letters)).toBe(2);
    });

    it('a search for query-language words, punctuation or a very long text is answered, not an outage', async () => {
      for (const text of [
        'NOT',
        'AND',
        'OR',
        'a AND NOT b',
        '"',
        '*',
        '\\',
        ')(',
        '实验室'.repeat(3000),
        Array.from({ length: 5000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(''),
      ]) {
        expect(Array.isArray(await store.search(text, { first: 5 }))).toBe(true);
      }
      // Bigram matching still applies: most of this text's bigrams are 实验 and 验室.
      expect((await store.search('实验室'.repeat(3000), { first: 5 }))[0].node.name).toContain('实验室');
    });
  });
}
