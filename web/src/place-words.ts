import type { Lang } from './i18n.ts';

/** The words of the place facet and the compare view, in Chinese and English (the rest of the page: i18n.ts, words.ts). */
const WORDS = {
  'facet.places': { zh: '地区', en: 'Places' },
  'facet.all': { zh: '全部地区', en: 'All places' },
  'facet.summary': { zh: '{places} 地 · {letters} 封函', en: '{places} places · {letters} letters' },
  'facet.pick': { zh: '选择地区', en: 'Choose places' },
  'facet.filter': { zh: '筛选地区名称', en: 'Filter places' },
  'facet.clear': { zh: '全部地区', en: 'All places' },
  'facet.remove': { zh: '移除 {name}', en: 'Remove {name}' },
  'facet.unknown': { zh: '未能识别地区的函：{n} 封', en: 'Letters of no known place: {n}' },
  'facet.letters': { zh: '{n} 封', en: '{n}' },
  'facet.compare': { zh: '对比所选地区', en: 'Compare these places' },
  'facet.compareShort': { zh: '对比', en: 'Compare' },
  'facet.pickShort': { zh: '选择', en: 'Choose' },
  'facet.compareNeeds': { zh: '选两个或更多地区即可对比', en: 'Choose two or more places to compare them' },
  'facet.year': { zh: '{year} 年', en: 'Year {year}' },
  'facet.undated': {
    zh: '未注明日期的函仍显示（{n} 封），其事物以虚线标出',
    en: 'undated letters stay ({n}); their things have a dashed outline',
  },
  'facet.failed': { zh: '无法读取地区列表', en: 'The places could not be read' },
  'facet.noPlaces': { zh: '本档案的答复函尚无地区信息', en: 'The letters of this archive have no places yet' },
  'compare.title': { zh: '地区对比', en: 'Places compared' },
  'compare.pickMore': {
    zh: '在上方“选择地区”中选两个到六个地区，这里将并排列出它们的答复函、四链矩阵、各指标的承诺和共同事物。',
    en: 'Choose two to six places above ("Choose places"): their letters, four-chain matrices, commitments by indicator and what they share are put side by side here.',
  },
  'compare.tooMany': {
    zh: '最多对比六个地区，仅列出前六个。',
    en: 'At most six places are compared: the first six are.',
  },
  'compare.letters': { zh: '答复函', en: 'Letters' },
  'compare.lettersLine': { zh: '{n} 封', en: '{n} letters' },
  'compare.kinds': { zh: '类型', en: 'Kinds' },
  'compare.years': { zh: '年份', en: 'Years' },
  'compare.matrix': { zh: '四链矩阵', en: 'Four-chain matrix' },
  'compare.matrixNote': {
    zh: '每格为该地区答复函中同时推进两条链的事物数；颜色深浅在各地区间可比。点击一格，在矩阵下方列出这些事物。',
    en: 'Each cell counts the things of that place’s letters that advance both chains; shades compare across places. Click a cell to list its things under the matrix.',
  },
  'compare.ledger': { zh: '各指标的承诺（按年份）', en: 'Commitments by indicator and year' },
  'compare.ledgerNote': {
    zh: '每行一个指标，每列一个地区：承诺的年份与数值。点击一项查看原句所在的承诺。',
    en: 'One row per indicator, one column per place: the year and figure of each commitment. Click one to open it.',
  },
  'compare.indicator': { zh: '指标', en: 'Indicator' },
  'compare.noIndicator': { zh: '（无可比指标）', en: '(no comparable indicator)' },
  'compare.noYear': { zh: '未注明年份', en: 'no year' },
  'compare.shared': { zh: '共同事物', en: 'What they share' },
  'compare.sharedNote': {
    zh: '两个或更多所选地区的答复函正文都提及的事物，涉及地区多者在前。',
    en: 'Things the letters of two or more of these places name in their body, those of most places first.',
  },
  'compare.thing': { zh: '事物', en: 'Thing' },
  'compare.none': { zh: '无', en: 'none' },
  'compare.noShared': {
    zh: '所选地区的答复函没有共同提及的事物。',
    en: 'The letters of these places name nothing in common.',
  },
  'compare.moreShared': { zh: '仅列出前 {n} 项（共 {total} 项）', en: 'The first {n} of {total}' },
  'kind.reply': { zh: '答复', en: 'reply' },
  'kind.lead_opinion': { zh: '主办意见', en: 'lead opinion' },
  'kind.joint_opinion': { zh: '会办意见', en: 'joint opinion' },
  'kind.assisting_opinion': { zh: '协办意见', en: 'assisting opinion' },
  'undated.legend': { zh: '虚线：仅见于未注明日期的函', en: 'Dashed: named only in undated letters' },
} as const;

export type PlaceWord = keyof typeof WORDS;

export function pw(key: PlaceWord, lang: Lang, values: Record<string, string | number> = {}): string {
  return Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), WORDS[key][lang] as string);
}
