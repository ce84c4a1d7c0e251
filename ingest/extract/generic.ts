import lexicon from '../lexicon/generic-words.json' with { type: 'json' };

/**
 * A candidate is a category, not a name, when it is made only of generic
 * words (ingest/lexicon/generic-words.json): 高能级科创平台, 省实验室,
 * 技术转移转化中心, 新型研发机构. Matching is greedy longest-first.
 */
const WORDS = [...new Set([...lexicon.qualifiers, ...lexicon.words])].sort((a, b) => b.length - a.length);

export function isGenericName(name: string): boolean {
  let rest = name.replace(/[\s“”"‘’《》（）()+、和与及]/g, '');
  while (rest.length > 0) {
    const word = WORDS.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
  }
  return true;
}

/** Leading qualifiers that are not part of a proper name (annotation guide): 全市/我市 always; 省/市 where what follows is long enough to stand alone. */
export function stripQualifiers(name: string, keepLevel = false): { name: string; stripped: number } {
  const always = /^(?:全市|我市|本市|全省|全国)/.exec(name);
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
