import lexicon from '../lexicon/generic-words.json' with { type: 'json' };

/**
 * A candidate is a category, not a name, when it is made only of generic
 * words (ingest/lexicon/generic-words.json): 高能级科创平台, 省实验室,
 * 技术转移转化中心, 新型研发机构. Matching is greedy longest-first.
 */
const WORDS = [...new Set([...lexicon.qualifiers, ...lexicon.words])].sort((a, b) => b.length - a.length);

/** A kind of thing the lexicon lists as one word (企业研究院 · 博士后科研工作站 · 众创空间), whatever it ends in. */
export function isKindWord(name: string): boolean {
  return KIND_WORDS.has(name);
}
const KIND_WORDS = new Set(lexicon.words);

export function isGenericName(name: string): boolean {
  let rest = name.replace(/[\s“”"‘’《》（）()+、和与及]/g, '');
  while (rest.length > 0) {
    const word = WORDS.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
  }
  return true;
}

/**
 * 省级重点实验室 · 市级众创空间 · 州级科技计划 (an autonomous prefecture's) · 县级融媒体中心 · 乡镇卫生院: a name never opens with a grade of places or with a
 * class of places; what does is a kind of thing at that level (a name opens with its place: 澄江国家农业科技园区).
 */
// (自治区以上预算内投资 · 省以上专项资金 · 市级以上…: a level and 以上 open a class of funds or titles, like a grade.)
const GRADE_OPENING =
  /^(?:(?:国家|自治区|省|市|州|盟|县|旗|区)级?以上|国家级|省级|市级|州级|盟级|县级|旗级|区级|镇级|乡级|村级|乡镇|县域|市域|县乡|市县)/;

/** 省级科技工作先进县 is a title a place earns (a designation), which may open with its grade; other kinds may not. */
export function opensWithGrade(name: string): boolean {
  return GRADE_OPENING.test(name);
}

/**
 * Leading qualifiers that are not part of a proper name (annotation guide): 全市/我市 always (and the county's, the
 * district's and the province's own: 我县产业园区 is the county's industrial park, a kind); 省/市 where what follows
 * is long enough to stand alone.
 */
export function stripQualifiers(name: string, keepLevel = false): { name: string; stripped: number } {
  const always = /^(?:全市|我市|本市|全省|我省|本省|全国|全县|我县|本县|全区|我区|本区)/.exec(name);
  if (always) return { name: name.slice(always[0].length), stripped: always[0].length };
  // An organisation's level word is part of its name (市司法局立法处): `keepLevel` keeps it.
  if (
    !keepLevel &&
    /^[省市]/.test(name) &&
    name.length - 1 >= 6 &&
    !/^[省市](?:委|政|府|人大|财政|科技局|部|级|域|属|直|场|县)/.test(name)
  ) {
    return { name: name.slice(1), stripped: 1 };
  }
  return { name, stripped: 0 };
}

/** 各县（市、区）科技局 · 县（区）人民政府: after the places a letter names as a class, a body is each place's own, a kind. */
export const PLACES_AS_CLASS_BEFORE = /[省市县区][（(][省市县区、，,\s]+[）)]$/;
export const PLACES_AS_CLASS_OPENING = /^[省市县区][（(][省市县区、，,\s]+[）)]/;
