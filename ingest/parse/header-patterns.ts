/**
 * The regular patterns of a reply letter's header and footer, one named
 * constant each, with a real example. Full- and half-width punctuation are
 * both accepted, since letters pass through Word, websites and PDFs.
 */

/**
 * 温科提复〔2024〕108号 · 渝科局函〔2023〕281号 · 京科发[2022]5号 · 建议字:〔2023〕8号 · 石科建议字〔2021〕第6号 ·
 * 澄科函﹝2024﹞12号 (other brackets) · 澄科函2024〕12号 / 澄科函〔2024 12号 (a bracket lost in copying).
 */
export const DOC_NUMBER =
  /[\u4e00-\u9fa5]{1,12}\s*[：:]?\s*(?:[〔[［【(（﹝〖]\s*\d{4}\s*[〕\]］】)）﹞〗]?|\d{4}\s*[〕\]］】)）﹞〗])\s*第?\s*\d{1,5}\s*号/;

/** 温州市科学技术局办公室 2024年6月27日印发 */
export const PRINTED_LINE =
  /^(?<org>[^\d\s，。]{2,40}?)\s*(?<date>(?:[0-9０-９]{4}|[〇零一二三四五六七八九ＯOo]{4})\s*年.{1,12}?日)\s*印\s*发$/;

/** The signature on one line, issuer then date: 重庆市科学技术局 2023年7月1日 */
export const ISSUER_AND_DATE_LINE =
  /^(?<issuer>[\u4e00-\u9fa5（）()]{3,40}?)\s+(?<date>(?:[0-9０-９]{4}|[〇零一二三四五六七八九ＯOo]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)$/;

/** A signature date alone on its line: 2024年6月27日 · 二〇二四年六月二十七日 */
export const DATE_LINE =
  /^(?:[0-9０-９]{4}|[〇零一二三四五六七八九ＯOo]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$/;

/** The 印发 unit is the issuer's office: 温州市科学技术局办公室 → 温州市科学技术局. */
export const OFFICE_SUFFIX = /(办公室|办公厅|综合处|秘书处)$/;
