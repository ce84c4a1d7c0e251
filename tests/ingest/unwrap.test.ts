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
