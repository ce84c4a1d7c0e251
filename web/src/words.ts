import type { Lang } from './i18n.ts';

/**
 * The words of the ecosystem map, the paths panel and the named views, in
 * Chinese and English (kept apart from i18n.ts, which holds the rest of the page).
 */
const WORDS = {
  'map.computing': { zh: '正在计算整个档案的生态图', en: 'Laying out the map of the whole archive' },
  'map.failed': { zh: '生态图无法计算', en: 'The map could not be computed' },
  'map.legend': { zh: '图例', en: 'Legend' },
  'map.colourBy': { zh: '着色', en: 'Colour by' },
  'map.by.community': { zh: '社群', en: 'community' },
  'map.by.kind': { zh: '类型', en: 'kind' },
  'map.by.chain': { zh: '四链', en: 'chain' },
  'map.by.place': { zh: '地区', en: 'place' },
  'map.noPlaces': {
    zh: '本档案的答复函尚无地区信息，暂不能按地区着色。',
    en: 'The letters of this archive have no places yet: colouring by place waits for them.',
  },
  'map.noChain': { zh: '未关联四链', en: 'no chain' },
  'map.others': { zh: '其余 {n} 个小社群', en: '{n} smaller communities' },
  'map.hubs': {
    zh: '■ 上方一行：几乎每封函都涉及的公共节点（四链、发文单位、抄送单位），不参与布局。',
    en: '■ Top row: hubs nearly every letter touches (the chains, issuers, copy lists), kept out of the layout.',
  },
  'map.links': {
    zh: '细灰线：常在同一封函中提及；绿线：句子明确的支持或隶属关系。',
    en: 'Grey: often named in the same letters; green: a sentence states it (supports, part of).',
  },
  'map.summary': {
    zh: '{things} 个事物 · {links} 条连线 · {communities} 个社群',
    en: '{things} things · {links} links · {communities} communities',
  },
  'map.community': { zh: '社群', en: 'Community' },
  'paths.title': { zh: '两者之间的路径', en: 'Paths between them' },
  'paths.why': { zh: '依据', en: 'Why' },
  'paths.sameLetter': { zh: '仅因同一封函提及', en: 'only named in the same letter' },
  'paths.open': { zh: '打开原函', en: 'open the letter' },
  'paths.show': { zh: '在图中显示', en: 'show on the canvas' },
  'views.save': { zh: '保存视图', en: 'Save view' },
  'views.name': { zh: '视图名称', en: 'View name' },
  'views.saved': { zh: '已保存的视图', en: 'Saved views' },
  'views.savedShort': { zh: '视图', en: 'Views' },
  'views.none': { zh: '尚无保存的视图', en: 'No saved views yet' },
  'views.delete': { zh: '删除', en: 'Delete' },
  'views.cancel': { zh: '取消', en: 'Cancel' },
  'panels.filters': { zh: '筛选', en: 'Filters' },
  'panels.details': { zh: '详情', en: 'Details' },
} as const;

export type WordKey = keyof typeof WORDS;

/** A word of the page in `lang`, with {name} parts filled in. */
export function w(key: WordKey, lang: Lang, fill: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(fill[name] ?? `{${name}}`));
}
