import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseName } from '../../domain/normalise.ts';
import { REPO_ROOT } from '../helpers/seeds.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * Questions an analyst asks of the five seed letters, each answer checked by
 * reading the letters in data/letters (not by copying the API's output):
 *
 * - 001 (温科提复〔2024〕109号) answers 政协提案582号 of 叶剑淼委员 and never names
 *   瓯江实验室; 000 (108号), 003 (103号) and 004 (92号) do. 001 and 003 both name
 *   温州科技大市场 (加快温州科技大市场建设 · 联动温州科技大市场); 001 and 000 both name
 *   《关于进一步加快现代服务业高质量发展的若干政策意见》 (印发… · 继续执行…).
 * - 市府办 stands only in the 抄送 line of each letter.
 * - 中国眼谷 is named only in 000.
 * - 002 (96号) has no signature block, only 温州市科学技术局办公室 … 印发; its
 *   document number 温科提复 and 经温州市科技局及会办单位研究后 make the bureau its issuer.
 */

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(await seededStore());
});
afterAll(() => server.close());

const P582 = 'Proposal:市政协十二届三次会议582号提案';

async function data(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await server.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

interface PathView {
  hops: number;
  nodes: Array<{ id: string; kind: string; name: string; aliases: string[] }>;
  via: Array<{ name: string }>;
  edges: Array<{ type: string; source: string; target: string; evidence: Array<{ sentence: { text: string } }> }>;
}

const CONNECTIONS = `query($from: ID!, $to: ID!, $first: Int, $includeHubs: Boolean) {
  connections(from: $from, to: $to, maxHops: 4, first: $first, includeHubs: $includeHubs) {
    capped note
    paths { hops nodes { id kind name aliases } via { name } edges { type source target evidence { sentence { text } } } }
  }
}`;

describe('who proposed what', () => {
  it('names the proposer of each of the five proposals, as the salutations say', async () => {
    const { proposals } = await data(
      '{ proposals(first: 20) { nodes { number proposalKind proposers { role entity { kind name } } } } }',
    );
    const by = (n: number) => proposals.nodes.find((p: { number: number }) => p.number === n);
    expect(by(582)).toMatchObject({
      proposalKind: '提案',
      proposers: [{ role: '委员', entity: { kind: 'Person', name: '叶剑淼' } }],
    });
    expect(by(340).proposers).toEqual([{ role: '委员', entity: { kind: 'Person', name: '吴文灿' } }]);
    expect(by(157).proposers.map((p: { entity: { name: string } }) => p.entity)).toEqual([
      { kind: 'Organization', name: '致公党市委会' },
    ]);
    expect(by(690)).toMatchObject({ proposalKind: '建议', proposers: [{ role: '代表', entity: { name: '应辉辉' } }] });
    expect(by(229).proposers[0]).toMatchObject({ role: '代表', entity: { name: '吴让大' } });
  });
});

describe('what connects 瓯江实验室 and proposal 582', () => {
  let paths: PathView[];
  beforeAll(async () => {
    paths = (await data(CONNECTIONS, { from: '瓯江实验室', to: P582, first: 10 })).connections.paths;
  });

  it('comes back through the content the letters share: 温州科技大市场 and the policy of 001 and 000', async () => {
    // Both are named by two letters only, so they rank among the first; how many other shared things tie with them is extraction's business.
    const via = paths.flatMap((p) => p.via.map((v) => v.name));
    expect(via).toContain('温州科技大市场');
    expect(via).toContain('关于进一步加快现代服务业高质量发展的若干政策意见');
  });

  it('each path runs from one end to the other, link by link, fewest links first', async () => {
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) {
      expect(path.nodes[0].id).toBe('Platform:瓯江实验室');
      expect(path.nodes.at(-1)!.id).toBe(P582);
      expect(path.edges).toHaveLength(path.hops);
      path.edges.forEach((e, i) =>
        expect([e.source, e.target].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort()),
      );
    }
    expect(paths.map((p) => p.hops)).toEqual([...paths.map((p) => p.hops)].sort((a, b) => a - b));
  });

  it('no path passes through a chain, the issuer, a copy list or a contact', async () => {
    for (const path of paths) {
      for (const e of path.edges) expect(['ADVANCES', 'CC', 'ISSUED_BY', 'CONTACT']).not.toContain(e.type);
      for (const n of path.nodes) {
        expect(n.kind).not.toBe('Chain');
        expect(['市府办', '市政协提案委', '温州市科学技术局']).not.toContain(n.name);
      }
    }
  });

  it('every link shows the sentence that makes it: a letter’s mention quotes the thing it names', async () => {
    for (const path of paths) {
      for (const e of path.edges) {
        expect(e.evidence.length).toBeGreaterThan(0);
        if (e.type !== 'MENTIONS') continue;
        const thing = path.nodes.find((n) => n.id === e.target)!;
        // Compared as the graph compares names: full-width brackets as half-width, no quotes, no brackets at all.
        const plain = (x: string) => normaliseName(x).replace(/[()]/g, '');
        const forms = [thing.name, ...thing.aliases].map(plain);
        for (const { sentence } of e.evidence) {
          const text = plain(sentence.text);
          expect(
            forms.some((f) => text.includes(f)),
            `${sentence.text} names ${thing.name}`,
          ).toBe(true);
        }
      }
    }
  });

  it('with includeHubs the hubs may carry a path again, never a longer one', async () => {
    const hubs = (await data(CONNECTIONS, { from: 'Platform:瓯江实验室', to: P582, first: 3, includeHubs: true }))
      .connections.paths as PathView[];
    expect(hubs.length).toBeGreaterThan(0);
    expect(hubs[0].hops).toBeLessThanOrEqual(paths[0].hops);
  });
});

describe('copy lists join nothing', () => {
  it('市府办, named only in each 抄送 line, is tied to 瓯江实验室 by nothing but hubs, and the answer says so', async () => {
    const plain = (await data(CONNECTIONS, { from: '市府办', to: '瓯江实验室' })).connections;
    expect(plain.paths).toEqual([]);
    expect(plain.note).toContain('includeHubs');
    const hubs = (await data(CONNECTIONS, { from: '市府办', to: '瓯江实验室', includeHubs: true })).connections;
    expect(hubs.paths.length).toBeGreaterThan(0);
    // The only way out of 市府办 is the copy line: its first link's sentence is a 抄送 line.
    expect(
      hubs.paths[0].edges[0].evidence.map((e: { sentence: { text: string } }) => e.sentence.text).join(' '),
    ).toContain('抄送');
  });

  it('an end that names nothing is a NOT_FOUND error naming it', async () => {
    const { body } = await server.gql(CONNECTIONS, { from: '不存在的实验室', to: P582 });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toContain('不存在的实验室');
  });

  it('asking for too many paths or too long ones is a BAD_REQUEST saying the bounds', async () => {
    for (const [args, words] of [
      ['first: 50', 'first must be 1 to 20'],
      ['maxHops: 7', 'maxHops must be 1 to 6'],
    ]) {
      const { body } = await server.gql(`{ connections(from: "瓯江实验室", to: "${P582}", ${args}) { capped } }`);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toContain(words);
    }
  });
});

describe('which things recur across letters', () => {
  const RECURRING = `query($min: Int) { recurring(kinds: [Platform], minLetters: $min, first: 100) {
    totalCount nodes { letterCount node { name aliases } letters { letter { docNumber } sentences { sentence { text } } } } } }`;
  type Row = {
    letterCount: number;
    node: { name: string };
    letters: Array<{ letter: { docNumber: string }; sentences: Array<{ sentence: { text: string } }> }>;
  };

  it('瓯江实验室 recurs in 108号, 103号 and 92号, 温州科技大市场 in 109号 and 103号, each with its sentences; 中国眼谷 (one letter) does not', async () => {
    const rows: Row[] = (await data(RECURRING, { min: 2 })).recurring.nodes;
    const row = (name: string) => rows.find((r) => r.node.name === name);
    expect(
      row('瓯江实验室')
        ?.letters.map((l) => l.letter.docNumber)
        .sort(),
    ).toEqual(['温科提复〔2024〕103号', '温科提复〔2024〕108号', '温科提复〔2024〕92号']);
    expect(
      row('温州科技大市场')
        ?.letters.map((l) => l.letter.docNumber)
        .sort(),
    ).toEqual(['温科提复〔2024〕103号', '温科提复〔2024〕109号']);
    expect(row('中国眼谷')).toBeUndefined();
    for (const l of row('瓯江实验室')!.letters)
      for (const s of l.sentences) expect(s.sentence.text).toContain('瓯江实验室');
    expect(rows.map((r) => r.letterCount)).toEqual([...rows.map((r) => r.letterCount)].sort((a, b) => b - a));
  });

  it('the programmes four letters share: 科技副总 and 科技轻骑队 (108, 109, 96, 103号), 揭榜挂帅 (108, 96, 103, 92号)', async () => {
    const rows: Row[] = (
      await data(`{ recurring(kinds: [Programme], minLetters: 4, first: 100) { nodes { letterCount node { name aliases }
      letters { letter { docNumber } sentences { sentence { text } } } } } }`)
    ).recurring.nodes;
    const numbers = (name: string) =>
      rows
        .find((r) => r.node.name === name)
        ?.letters.map((l) => /〕(\d+)号/.exec(l.letter.docNumber)![1])
        .sort();
    expect(numbers('科技副总')).toEqual(['103', '108', '109', '96']);
    expect(numbers('科技轻骑队')).toEqual(['103', '108', '109', '96']);
    expect(numbers('揭榜挂帅')).toEqual(['103', '108', '92', '96']);
    for (const row of rows.filter((r) => r.node.name === '揭榜挂帅'))
      for (const l of row.letters) for (const s of l.sentences) expect(s.sentence.text).toContain('揭榜挂帅');
  });

  it('minLetters 3 keeps 瓯江实验室 and drops 温州科技大市场; 0 is a BAD_REQUEST', async () => {
    const names = (await data(RECURRING, { min: 3 })).recurring.nodes.map((r: Row) => r.node.name);
    expect(names).toContain('瓯江实验室');
    expect(names).not.toContain('温州科技大市场');
    const { body } = await server.gql(RECURRING, { min: 0 });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('look-ups an analyst types', () => {
  it('commitments by a letter’s file name, document number or short number are the same list, with 001’s 15 institutions', async () => {
    const q = `query($letter: ID!) { commitments(filter: { letter: $letter }, first: 100) { totalCount nodes { text } } }`;
    const byFile = (await data(q, { letter: '001_04a38ffad57288c3.txt' })).commitments;
    expect(byFile.nodes.map((n: { text: string }) => n.text)).toContain('全年招引落地技术转移转化机构15家');
    for (const letter of ['Letter:001_04a38ffad57288c3.txt', '温科提复〔2024〕109号', '109号'])
      expect((await data(q, { letter })).commitments).toEqual(byFile);
  });

  it('a letter that matches nothing is a NOT_FOUND error, not an empty list', async () => {
    const { body } = await server.gql('{ commitments(filter: { letter: "温科提复〔2024〕999号" }) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toContain('999号');
  });

  it('96号, signed only on its 印发 line, still names the bureau as issuer', async () => {
    const { letter } = await data('{ letter(source: "002_ec349f58704320cf.txt") { docNumber issuer { name } } }');
    expect(letter).toEqual({ docNumber: '温科提复〔2024〕96号', issuer: { name: '温州市科学技术局' } });
  });

  it('node(name:) finds 瓯江实验室 without the Platform: prefix; an unknown name is null', async () => {
    const found = await data(
      '{ a: node(name: "瓯江实验室") { id kind } b: node(name: "瓯江实验室", kind: Platform) { id } c: node(name: "不存在的平台") { id } d: node(name: "瓯江实验室", kind: Policy) { id } }',
    );
    expect(found).toEqual({
      a: { id: 'Platform:瓯江实验室', kind: 'Platform' },
      b: { id: 'Platform:瓯江实验室' },
      c: null,
      d: null,
    });
  });
});

describe('the schema explains itself', () => {
  it('every kind, link type, type and field carries a description', () => {
    const schema = buildSchema(readFileSync(`${REPO_ROOT}api/schema.graphql`, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) if (!f.description) missing.push(`${type.name}.${f.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
