import { parseAnyNumber } from './cn-numbers.ts';

/**
 * A date as letters write it: 2024年6月27日, 二〇二四年六月二十七日,
 * 2024-06-27 or 2024.6.27; 二OO五年 (a Latin O for 〇) too. Returns YYYY-MM-DD, or undefined when it is not a
 * real calendar date.
 */
export const DATE_PATTERN =
  /([0-9０-９]{4}|[〇零一二三四五六七八九ＯOo]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const NUMERIC_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

export function parseDate(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text) ?? NUMERIC_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map((part) => parseAnyNumber(part));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
