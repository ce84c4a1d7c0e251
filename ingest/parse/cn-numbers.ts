/**
 * Chinese numerals as they appear in letters: 十五 → 15, 二〇二四 → 2024,
 * 两 → 2, 一百二十 → 120, 三万 → 30000. Returns undefined for anything else.
 */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  Ｏ: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

export function parseChineseNumber(text: string): number | undefined {
  if (
    text.length === 0 ||
    ![...text].every((c) => CN_NUMERAL_CHARS.includes(c) || c === 'Ｏ' || c === 'O' || c === 'o')
  )
    return undefined;
  // Digit strings without units (二〇二四) read positionally.
  if (![...text].some((c) => c in SMALL_UNITS || c in LARGE_UNITS)) {
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c];
      digit = undefined;
    } else if (c in LARGE_UNITS) {
      total = (total + section + (digit ?? 0)) * LARGE_UNITS[c];
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** A number written with Arabic digits (full- or half-width) or Chinese numerals. */
export function parseAnyNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumber(text);
}
