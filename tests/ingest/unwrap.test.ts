import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../ingest/extract/extract-letter.ts';
import { unwrapLines } from '../../ingest/parse/unwrap.ts';
import { parseText } from '../helpers/parse.ts';

/**
 * A letter copied out of a PDF keeps the page's line breaks, wherever they
 * fall: tests/fixtures/wrapped/hard-wrapped-pdf.txt is this project's own
 * letter, wrapped at the page's width, with names cut across lines
 * (澜城\n理工大学技术转移中心, 合\n成生物联合实验室).
 */
const WRAPPED = fileURLToPath(new URL('../fixtures/wrapped/hard-wrapped-pdf.txt', import.meta.url));
const LAYOUTS = fileURLToPath(new URL('../fixtures/layouts/', import.meta.url));

describe('a hard-wrapped letter', () => {
  const letter = parseText(readFileSync(WRAPPED, 'utf8'), 'hard-wrapped-pdf.txt');
  const { mentions, figures } = extractLetter(letter);
  const names = mentions.map((m) => `${m.kind}:${m.name}`);

  it('reads names cut by a line end whole', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'Organization:澜城理工大学',
        'Platform:澜城理工大学技术转移中心',
        'Platform:合成生物联合实验室',
        'Platform:澜城科技创新园',
        'Enterprise:远澜光电',
      ]),
    );
    expect(names).not.toContain('Platform:理工大学技术转移中心');
    expect(names.filter((n) => n === 'Organization:澜城理工大学')).toHaveLength(2);
  });

  it('keeps the header and closing lines apart', () => {
    expect(letter.docNumber?.text).toBe('澜科提复〔2023〕17号');
    expect(letter.proposers.map((p) => p.name)).toEqual(['周明远']);
    expect(letter.issuer?.name).toBe('澜城市科学技术局');
    expect(letter.date?.value).toBe('2023-06-12');
    expect(letter.contacts.map((c) => c.name)).toEqual(['陈可']);
    expect(letter.cc.map((c) => c.text)).toEqual(['市政府办公室', '市政协提案委']);
  });

  it('reads a target whose words were cut by a line end', () => {
    expect(figures.filter((f) => f.kind === 'Commitment').map((f) => [f.value, f.unit, f.year])).toEqual([
      [80, '亿元', 2025],
    ]);
  });

  it('keeps a heading on its own line', () => {
    expect(letter.text).toMatch(/\n二、下一步工作。/);
    expect(letter.text).toMatch(/促成合作项目35项。\n/);
  });
});

describe('a page break inside a paragraph', () => {
  const wrapped = readFileSync(WRAPPED, 'utf8');
  const broken = wrapped.replace('市科技成果转化服务中心与澜城\n', '市科技成果转化服务中心与澜城\n\n— 2 —\n\n');

  it("joins the paragraph over the page's number", () => {
    const letter = parseText(broken, 'hard-wrapped-pdf.txt');
    expect(letter.text).not.toContain('— 2 —');
    expect(extractLetter(letter).mentions.map((m) => m.name)).toContain('澜城理工大学技术转移中心');
  });

  it('must not misfire: a page number after a finished paragraph is left where it is', () => {
    const text = wrapped.replace('感谢您对科技工作的关心和支持。\n', '感谢您对科技工作的关心和支持。\n— 2 —\n');
    expect(unwrapLines(text)).toContain('支持。\n— 2 —\n');
  });
});

describe("a portal's chrome wider than the page", () => {
  // A PDF's text pasted under its portal page: the chrome's lines (padded with ideographic spaces) are wider than
  // the letter's, so the widest line is not the page's measure.
  const wrapped = readFileSync(WRAPPED, 'utf8');
  const chrome = [
    '首页 > 信息公开 > 法定主动公开内容 > 建议提案办理 > 政协委员提案办理',
    '澜城市科学技术局关于市政协十三届二次会议第46号提案的答复（澜科提复〔2023〕17号）',
    '发布时间：2023-06-20 09:30　　　　来源：市科技局　　　　阅读次数：　　　【打印】',
  ].join('\n');
  const footer = '上一篇：澜城市科学技术局关于市政协十三届二次会议第45号提案的答复（澜科提复〔2023〕16号）';

  it('reads names cut by a line end whole under the chrome', () => {
    const letter = parseText(`${chrome}\n\n${wrapped}\n${footer}\n`, 'hard-wrapped-pdf.txt');
    const names = extractLetter(letter).mentions.map((m) => `${m.kind}:${m.name}`);
    expect(names).toEqual(expect.arrayContaining(['Platform:澜城理工大学技术转移中心', 'Platform:合成生物联合实验室']));
    expect(letter.text).toContain(footer);
  });

  it.each([
    [
      // Lines of one width round two wider sentences of the letter's own: no page is narrower than its lines.
      'a short letter whose long lines stand among its lines of one width',
      [
        '关于县十七届人大三次会议第3号议案的答复',
        '王建国、李明、张华、赵强、刘洋等12位县人大代表们',
        '你们提出的《关于建设白沙县科技创新服务中心的议案》已收悉,现答复如下:',
        '我局已将白沙县科技创新服务中心列入县“十四五”规划,并争取省科技厅支持。',
        '白沙县科学技术局联系人高峰联系电话07301234567',
        '抄送县人大常委会人事代表选举工作委员会县政府办',
        '白沙县科学技术局办公室二〇二一年七月十六日印发',
      ],
    ],
    [
      // A portal's header lines of one width above a web page's paragraphs, each a line and wider: no page.
      "a web page's chrome of one width above its long paragraphs",
      [
        '肇川高新区管委会门户网站　　　　　　　　2023年08月23日 星期三',
        '首页 | 走进高新 | 新闻中心 | 政务公开 | 招商引资 | 政务服务',
        '您现在的位置：首页 > 政务公开 > 建议提案办理 > 政协提案',
        '分享到：微信　微博　QQ空间　　【字号：大 中 小】　【打印】',
        '王明委员：',
        '您提出的《关于加快新能源汽车产业发展的提案》收悉，经会同市科技局、市工业和信息化局研究，现答复如下。',
        '我区已出台支持新能源汽车产业发展的若干措施，设立新能源汽车产业基金，引进整车和零部件企业十二家。',
        '下一步，我们将继续完善产业链配套，推动建设新型储能产业园，力争三年内形成千亿级产业集群。',
      ],
    ],
  ])('must not misfire: %s is left as it is', (_, lines) => {
    const text = lines.join('\n');
    expect(unwrapLines(text)).toBe(text);
  });
});

describe('text that was never wrapped', () => {
  it.each(readdirSync(LAYOUTS).filter((f) => f.endsWith('.txt')))('%s is left as it is', (file) => {
    const text = readFileSync(`${LAYOUTS}${file}`, 'utf8');
    expect(unwrapLines(text)).toBe(text);
  });

  it('a file of very many short lines is read, not a stack overflow', () => {
    const text = '短行\n'.repeat(300_000);
    expect(unwrapLines(text)).toBe(text);
  });

  it('unwrapping twice changes nothing more', () => {
    const once = unwrapLines(readFileSync(WRAPPED, 'utf8'));
    expect(unwrapLines(once)).toBe(once);
  });

  it('a page of one-line paragraphs without full stops is not joined', () => {
    const text = [
      '关于市政协第12号提案的答复',
      '李华委员：',
      '您的提案收悉，现答复如下',
      '一、我局已会同市财政局研究出台支持科技型中小企业发展的若干措施',
      '二、下一步将继续加大对企业研发投入的奖补力度和范围',
      '感谢您的支持',
      '澜城市科学技术局',
      '2023年6月1日',
    ].join('\n');
    expect(unwrapLines(text)).toBe(text);
  });
});
