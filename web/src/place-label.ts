import type { Lang } from './i18n.ts';
import type { PlaceCount } from './model.ts';

/**
 * A local name (市政府, 区科技局, 市府办) is one thing per place: the graph
 * resolves it within its letter's place and says so in its id —
 * Organization:区科技局@北京市朝阳区, or Organization:市委@letter:x.txt when
 * the letter's place is unknown. Four 市政府 would read as one; the label
 * carries the place beside the name wherever a name is shown.
 */
export function scopeOfId(id: string): { place: string } | { letter: string } | null {
  // A letter's file name, or a clause's (its letter and offset), is no resolved name: an @ there is part of it.
  if (/^(?:Letter|Commitment|Achievement):/.test(id)) return null;
  const at = id.lastIndexOf('@');
  if (at < 0 || at < id.indexOf(':')) return null;
  const scope = id.slice(at + 1);
  if (!scope) return null;
  return scope.startsWith('letter:') ? { letter: scope.slice('letter:'.length) } : { place: scope };
}

/** The words shown beside the name: （北京市朝阳区）, or （仅见 x.txt） for a name known from one letter only. */
export function placeNote(id: string, lang: Lang): string {
  const scope = scopeOfId(id);
  if (!scope) return '';
  if ('place' in scope) return lang === 'zh' ? `（${scope.place}）` : ` (${scope.place})`;
  return lang === 'zh' ? `（仅见 ${scope.letter}）` : ` (only in ${scope.letter})`;
}

/** The name with its place: 区科技局（北京市朝阳区）; a name that carries its place is left as it is. */
export function nameWithPlace(node: { id: string; name: string }, lang: Lang): string {
  return `${node.name}${placeNote(node.id, lang)}`;
}

/** Every place of the tree, parents before children, with its depth. */
export function flatPlaces(tree: readonly PlaceCount[], depth = 0): Array<PlaceCount & { depth: number }> {
  return tree.flatMap((p) => [{ ...p, depth }, ...flatPlaces(p.children ?? [], depth + 1)]);
}

/** A place's name by code, full where two places share a name (北京市朝阳区, 长春市朝阳区). */
export function placeName(tree: readonly PlaceCount[], code: string): string {
  const all = flatPlaces(tree);
  const place = all.find((p) => p.place.code === code)?.place;
  if (!place) return code;
  return all.filter((p) => p.place.name === place.name).length > 1 ? place.fullName : place.name;
}

/** The codes chosen and those of every place of the tree inside them (a province's cities and counties). */
export function codesWithin(tree: readonly PlaceCount[], chosen: readonly string[]): Set<string> {
  const out = new Set<string>();
  const walk = (nodes: readonly PlaceCount[], inside: boolean) => {
    for (const p of nodes) {
      const here = inside || chosen.includes(p.place.code);
      if (here) out.add(p.place.code);
      walk(p.children ?? [], here);
    }
  };
  walk(tree, false);
  return out;
}
