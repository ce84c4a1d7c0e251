/**
 * Names that mean something only where they are written. 市科技局, 县政府,
 * 市政协提案委 or 《管理办法》 in a letter of Shijiazhuang and in one of Wenzhou
 * are two bureaus, two governments, two documents: they resolve within their
 * letter's place (ingest/place; or, when the place is unknown, within their letter), never
 * across cities. Names that carry their place (石家庄市科学技术局) or are
 * national (科技部, 《中华人民共和国科学技术进步法》) resolve everywhere.
 */
import type { EntityKind } from '../rules/name-suffixes.ts';
import { divisions } from '../place/divisions.ts';
import type { LetterPlace } from '../place/find-place.ts';

// 市科技局 · 县委 · 区人大常委会 · 省政府 · 我市… · 全市… — a level word with no place before it.
const RELATIVE_START = /^(?:省|市|县|区|州|镇|乡|街道|我市|我省|我县|我区|全市|全省|全县|本市)/;
// 政协 · 人大 · 党组 alone: the body of whichever place the letter is from.
const BARE_BODY = /^(?:政协|人大|人大常委会|党组|党委|政府)/;
// A title that opens with a place or a national body names its own issuer: 温州市… · 浙江省… · 国务院… · 中华人民共和国…
const PLACE_START =
  /^(?:中华人民共和国|中国|国家|国务院|中共中央|全国|[\u4e00-\u9fa5]{2,7}?(?:自治区|自治州|省|市|县|区|州|盟|旗))/;

export function isRelativeName(kind: EntityKind, name: string): boolean {
  if (kind === 'Person') return false;
  if (RELATIVE_START.test(name) || BARE_BODY.test(name)) return true;
  // 《条例》 · 《管理办法》 · 《关于加快科技创新的若干意见》: a policy title without its issuer's place.
  return kind === 'Policy' && !PLACE_START.test(name.replace(/^关于/, ''));
}

// The place a name starts with: 石家庄市科学技术局 → 石家庄市 · 政协子洲县第十届委员会 → 子洲县 · 云南省第十二届人大 → 云南省.
const PLACE = /^(?:政协|中共)?(?<place>[\u4e00-\u9fa5]{2,7}?(?:自治州|自治县|自治区|省|市|县|区|州|盟|旗))(?=.)/;

/**
 * The first place-shaped name among a letter's own names (issuer, proposal body, units), or null:
 * the scope of a letter whose place is no division of the package (a place renamed since, or one
 * a test letter invents), so its 市科技局 still joins its neighbours' and no other city's.
 */
export function placeOf(names: Array<string | null | undefined>): string | null {
  for (const name of names) {
    const place = name ? PLACE.exec(name.replace(/\s/g, ''))?.groups?.place : undefined;
    if (place && !RELATIVE_START.test(place)) return place;
  }
  return null;
}

/**
 * The scope of a letter's place (ingest/place): its name where no other division
 * bears it (温州市), else its name with those it belongs to (北京市朝阳区), so two
 * 朝阳区 never share 区科技局. Null when the place is unknown, or read only from a short name, an
 * abbreviation or the body: names join other letters' only on a place the letter names in full
 * (重庆高新区管委会 is probably 重庆市's, but its 市规划自然资源局 stays its own until a letter says so).
 */
export function scopeOfPlace(place: LetterPlace): string | null {
  if (!place.known || (place.form !== 'full' && place.source !== 'given')) return null;
  return divisions().named(place.name).length > 1 ? place.path.map((d) => d.name).join('') : place.name;
}

/** The scope a letter's relative names resolve in: its place, or the letter itself when no place is known. */
export function scopeOfLetter(letter: { place: string | null; source: string }): string {
  return letter.place ?? `letter:${letter.source}`;
}
