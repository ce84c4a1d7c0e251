import type { Lang } from '../i18n.ts';

/**
 * The ledger's reason column in the page's language. The API words each
 * reason in English from a few fixed shapes (domain/ledger-status.ts); each
 * shape has its Chinese here, its figures carried over as they are. A reason
 * of another shape is shown as the API gave it.
 */
const SHAPES: Array<[RegExp, string]> = [
  // 2024: promised 600家 以上, reported 812家
  [/^(\d{4}): promised (.+), reported (.+)$/, '$1年：承诺 $2，实际报告 $3'],
  // a later letter sets 700家 for 2024 instead of 600家
  [/^a later letter sets (.+) for (\d{4}) instead of (.+)$/, '后续答复函将 $2 年的目标由 $3 改为 $1'],
  [/^no letter dated after this promise reports on this indicator$/, '此后没有答复函报告该指标'],
  [
    /^later letters report on this indicator, but the promise names no year to compare them with$/,
    '后续答复函报告了该指标，但该承诺未写明年份，无从比较',
  ],
  [
    /^later letters report on this indicator, but none gives a figure for (\d{4})$/,
    '后续答复函报告了该指标，但没有 $1 年的数字',
  ],
  [
    /^what this figure measures was not recognised, so no other figure is compared with it$/,
    '未能识别该数字所衡量的指标，不与其他数字比较',
  ],
];

export function reasonIn(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  for (const [shape, chinese] of SHAPES) if (shape.test(reason)) return reason.replace(shape, chinese);
  return reason;
}
