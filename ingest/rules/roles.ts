/**
 * Titles that follow a person's name in the genre: 王浩省长 · 叶剑淼委员.
 * A name is the one to three words jieba tags as a person name (nr) right
 * before the title; the tag is weak evidence, so the title is required.
 */
export const PERSON_TITLES = [
  '副省长', '省长', '副市长', '市长', '副县长', '县长', '副区长', '区长', '书记', '副书记', '主任', '副主任',
  '局长', '副局长', '部长', '副部长', '厅长', '副厅长', '院士', '教授', '研究员', '委员', '代表', '董事长',
  '总经理', '院长', '副院长', '校长', '同志', '博士', '主席', '副主席', '秘书长', '副秘书长', '工程师', '高级工程师', '农艺师', '高级农艺师', '总书记', '市委书记', '省委书记', '县委书记', '区委书记',
];

/** Titles that also stand before a name, as officials are named in running text: 市委书记李国胜 · 市长张伟强. */
export const TITLES_BEFORE_NAME = new Set(['总书记', '市委书记', '省委书记', '县委书记', '区委书记', '书记', '省长', '副省长', '市长', '副市长', '县长', '副县长', '区长', '副区长', '局长', '副局长', '主任', '副主任', '院士', '厅长', '副厅长', '部长', '副部长', '主席', '副主席', '秘书长', '副秘书长', '教授', '研究员', '工程师', '高级工程师', '农艺师', '高级农艺师']);

/** Words before a title that are not names, though jieba may tag them nr (省长 is preceded by 王浩, not by 副). */
export const NOT_PERSON_NAMES = /^(?:全国|全省|全市|政协|人大|市|省|区|县|常务|专职|兼职|驻会|各位|列席|特邀)$/;
