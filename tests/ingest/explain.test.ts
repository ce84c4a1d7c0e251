import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Explanation, explainFile, STAGE_NAMES } from '../../ingest/explain/explain.ts';
import { explanationText } from '../../ingest/explain/explain-text.ts';
import { graphOfLetters, readLetters } from '../../ingest/pipeline.ts';
import { runCli } from '../helpers/cli.ts';
import { letterText } from '../helpers/parse.ts';
import { withTempDir } from '../helpers/seeds.ts';

/**
 * `innograph explain FILE`: each stage's value for a letter we wrote, one test
 * a stage, and every dev letter explained whole. The letter sits in a portal
 * page (breadcrumb, widgets, a metadata block) as published letters do.
 */
const PAGE = [
  '首页 > 政务公开 > 建议提案办理',
  '【字体：大 中 小】 打印',
  '| 索引号 | 11500000MB1589531X/2023-00081 | 发布机构 | 南江市科学技术局 |',
  '| 成文日期 | 2023-07-01 | 发文字号 | 南科函〔2023〕81号 |',
  letterText({
    docNumber: '南科函〔2023〕81号',
    title: '关于市六届人大二次会议第0123号建议的\n答复函',
    salutation: '张三代表：',
    body: [
      '您在市六届人大二次会议期间所提的《关于加快建设西部科学城的建议》收悉。现答复如下：',
      '一、工作进展',
      '近年来，我市依托“科创快车”计划服务企业，南江光电实验室建成投用，累计建成孵化器12家。',
      '二、下一步工作计划',
      '（一）推动创新链产业链深度融合。力争2024年新增新型研发机构10家以上，科创快车走访企业200家。',
      '感谢您对科技工作的支持。',
    ].join('\n'),
    signature: '南江市科学技术局\n2023年7月1日',
    cc: '抄送：市政府办公厅',
    printed: '',
  }),
  '主办单位：南江市科学技术局  版权所有',
].join('\n');

async function explained(work: (e: Explanation, file: string) => Promise<void> | void): Promise<void> {
  await withTempDir(async (dir) => {
    const file = join(dir, 'nanjiang-0123.txt');
    await writeFile(file, PAGE);
    await work(await explainFile(file), file);
  });
}
const stage = (e: Explanation, name: (typeof STAGE_NAMES)[number]) => e.letters[0].stages[name]!;

describe('innograph explain: one stage at a time', () => {
  it('read: the file, its format and length', () =>
    explained((e) => {
      expect(stage(e, 'read').value).toMatchObject({ source: 'nanjiang-0123.txt', format: 'txt', encoding: 'utf-8' });
    }));

  it('page: the portal’s chrome lines and its metadata block, apart from the letter', () =>
    explained((e) => {
      const page = stage(e, 'page').value as { chrome: Array<{ text: string }>; metadata: Record<string, unknown> };
      const chrome = page.chrome.map((c) => c.text).join('\n');
      expect(chrome).toContain('首页 > 政务公开');
      expect(chrome).toContain('打印');
      expect(chrome).toContain('版权所有');
      expect(chrome).not.toContain('现答复如下');
      expect(page.metadata.date).toMatchObject({ value: '2023-07-01' });
    }));

  it('header: each field with where it was read', () =>
    explained((e) => {
      const header = stage(e, 'header').value as Record<string, any>;
      expect(header.docNumber.text).toBe('南科函〔2023〕81号');
      expect(header.proposal).toMatchObject({ number: 123, kind: '建议', title: '关于加快建设西部科学城的建议' });
      expect(header.proposers.map((p: { name: string }) => p.name)).toEqual(['张三']);
      expect(header.issuer).toMatchObject({ name: '南江市科学技术局', source: 'signature' });
      expect(header.date).toMatchObject({ value: '2023-07-01', source: 'signature' });
      expect(header.missing).toEqual([]);
    }));

  it('body: numbered sections and which part each stands in', () =>
    explained((e) => {
      const body = stage(e, 'body').value as { sections: Array<{ marker: string; part: string }> };
      expect(body.sections.map((s) => [s.marker, s.part])).toEqual([
        ['一、', 'done'],
        ['二、', 'next'],
        ['（一）', 'next'],
      ]);
    }));

  it('place: the place the letter speaks for, or unknown with the reason', () =>
    explained((e) => {
      // 南江市 is no real city: the place stage says so rather than guess.
      const place = stage(e, 'place').value as { known: boolean; reason?: string };
      expect(place.known).toBe(false);
      expect(place.reason).toBeTruthy();
    }));

  it('mentions: each name with the rule that found it', () =>
    explained((e) => {
      const mentions = stage(e, 'mentions').value as Array<{ name: string; rule: string }>;
      const rule = (name: string) => mentions.find((m) => m.name === name)?.rule;
      expect(rule('南江光电实验室')).toMatch(/^suffix/);
      expect(rule('科创快车')).toMatch(/^quote/);
      expect(rule('张三')).toBe('header:proposer');
      expect(rule('南江市科学技术局')).toBe('header:issuer');
      expect(mentions.every((m) => m.rule.length > 0)).toBe(true);
    }));

  it('figures: the commitment is told from the achievement', () =>
    explained((e) => {
      const figures = stage(e, 'figures').value as Array<{ kind: string; value: number; unit: string; year: number }>;
      expect(figures).toContainEqual(
        expect.objectContaining({ kind: 'Commitment', value: 10, unit: '家', year: 2024 }),
      );
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'Achievement', value: 12, unit: '家' }));
    }));

  it('repeats: a name the letter marked once (“科创快车”) is found again bare', () =>
    explained((e) => {
      const repeats = stage(e, 'repeats').value as Array<{ name: string; rule: string }>;
      expect(repeats).toContainEqual(expect.objectContaining({ name: '科创快车', rule: 'repeat' }));
    }));

  it('resolution: the issuer’s short form joins its full name, by the rule that joined it', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'short.txt');
      await writeFile(file, PAGE.replace('一、工作进展', '一、工作进展\n市科技局牵头推进。'));
      const resolution = stage(await explainFile(file), 'resolution').value as {
        mentions: Array<{ written: string; name: string }>;
        joins: Array<{ name: string; to: string; rule: string }>;
      };
      expect(resolution.mentions).toContainEqual(
        expect.objectContaining({ written: '市科技局', name: '南江市科学技术局' }),
      );
      expect(resolution.joins).toContainEqual(
        expect.objectContaining({ name: '市科技局', to: '南江市科学技术局', rule: 'alias (issuer-short)' }),
      );
    });
  });

  it('chains: each tie names its thing, chain, basis and sentence, and is an ADVANCES edge of the graph', () =>
    explained((e) => {
      const ties = stage(e, 'chains').value as Array<{
        source: string;
        chain: string;
        basis: string;
        evidence: string;
      }>;
      const graph = stage(e, 'graph').value as { edges: Array<{ type: string; source: string; target: string }> };
      expect(ties.length).toBeGreaterThan(0);
      for (const tie of ties) {
        expect(['创新链', '产业链', '资金链', '人才链']).toContain(tie.chain);
        expect(tie.evidence.length).toBeGreaterThan(0);
      }
      const advances = new Set(graph.edges.filter((x) => x.type === 'ADVANCES').map((x) => `${x.source}→${x.target}`));
      expect(new Set(ties.map((t) => `${t.source}→Chain:${t.chain}`))).toEqual(advances);
    }));

  it('graph: the letter’s part is what an ingest of the file gives', () =>
    explained(async (e, file) => {
      const own = stage(e, 'graph').value as { nodes: Array<{ id: string }>; edges: unknown[] };
      const { letters } = await readLetters([file], undefined, { workers: 0 });
      const graph = graphOfLetters(letters);
      expect(own.nodes.map((n) => n.id).sort()).toEqual(
        graph.nodes
          .filter((n) => n.mentions.length > 0)
          .map((n) => n.id)
          .sort(),
      );
      expect(own.edges.length).toBe(graph.edges.filter((x) => x.evidence.length > 0).length);
    }));
});

describe('innograph explain on the command line', () => {
  it('prints every stage in order as text, one stage with --stage, and JSON with --json', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'nanjiang-0123.txt');
      await writeFile(file, PAGE);
      const text = await runCli(['explain', file]);
      expect(text.code).toBe(0);
      const order = STAGE_NAMES.map((name) => text.stdout.indexOf(`── ${name}:`));
      expect(order.every((at) => at >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      const one = await runCli(['explain', '--stage', 'mentions', file]);
      expect(one.stdout).toContain('── mentions:');
      expect(one.stdout).not.toContain('── page:');
      const json = JSON.parse((await runCli(['explain', '--json', '--stage', 'header', file])).stdout) as Explanation[];
      expect(Object.keys(json[0].letters[0].stages)).toEqual(['header']);
    });
  }, 60_000);

  it('says what is wrong: an unknown stage (exit 2), a file that is no letter (exit 1, the stage that stopped it)', async () => {
    await withTempDir(async (dir) => {
      const bad = await runCli(['explain', '--stage', 'nonsense', join(dir, 'x.txt')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/no stage "nonsense"; the stages are read, page, header/);
      const notLetter = join(dir, 'shopping.txt');
      await writeFile(notLetter, '买牛奶\n买面包\n');
      const stopped = await runCli(['explain', notLetter]);
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toMatch(/── header: stopped here: .*not a reply letter/);
      const missing = await runCli(['explain', join(dir, 'nowhere.txt')]);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(/nowhere\.txt: not read/);
    });
  }, 60_000);
});

const DEV = fileURLToPath(new URL('../../../shared/dev-letters/texts/', import.meta.url));
describe.skipIf(!existsSync(DEV))('every dev letter (../shared/dev-letters) is explained whole', () => {
  it.each(existsSync(DEV) ? readdirSync(DEV).filter((f) => f.endsWith('.txt')) : [])('%s', async (name) => {
    const e = await explainFile(join(DEV, name));
    expect(e.rejected).toBeNull();
    for (const letter of e.letters) {
      expect(letter.stopped).toBeNull();
      expect(Object.keys(letter.stages)).toEqual([...STAGE_NAMES]);
    }
    expect(explanationText(e)).toContain('── graph:');
  });
});
