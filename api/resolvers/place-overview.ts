import { type GraphNode, NODE_KINDS, type NodeKind } from '../../domain/model.ts';
import { LIMITS, type Subgraph } from '../../store/port.ts';
import type { InnographContext } from '../context.ts';
import { allOfKind, isScoped, type LetterScopeArg, lettersInScope } from './letter-scope.ts';

/**
 * The first view drawn from every place of the archive (issue 22): ranked by
 * links alone, the summary of an archive of seven cities showed the things of
 * the city with the longest letters. Here the letters are split by place at
 * the first level where the archive (or the scope) holds two places or more —
 * the cities of one province, the provinces of a nation — plus the letters of
 * no known place; each place ranks the things by how many of its letters name
 * them, and the places take turns, most letters first, until the limit.
 */
type Ctx = InnographContext;

export interface OverviewArgs {
  kinds: NodeKind[];
  edgeTypes: string[];
  limit: number;
  scope?: LetterScopeArg | null;
}

/** Each letter's group: its place at the first level that splits the letters in two or more, else null (one place). */
export function placeGroups(letters: GraphNode[]): Map<string, string> | null {
  const paths = letters.map((l) => (Array.isArray(l.props.placePath) ? (l.props.placePath as string[]) : []));
  const deepest = Math.max(0, ...paths.map((p) => p.length));
  for (let level = 0; level < deepest; level++) {
    // A letter of the province itself, under a split by city, is a group of its own (the province's).
    const groupOf = (path: string[]) => (path.length === 0 ? 'unknown' : path[Math.min(level, path.length - 1)]);
    const groups = new Set(paths.map(groupOf));
    if (groups.size >= 2) return new Map(letters.map((l, i) => [l.id, groupOf(paths[i])]));
  }
  return null;
}

/** The letters of a thing (Commitment and Achievement: their own; a letter: itself; else those that name it). */
function lettersOf(node: GraphNode): string[] {
  if (node.kind === 'Letter') return [node.id];
  if (typeof node.props.letter === 'string') return [node.props.letter];
  return [...new Set(node.mentions.map((m) => m.letter))];
}

/** The ids to show: the places take turns, each giving its next most-named thing not yet shown. */
export function takeTurns(
  things: GraphNode[],
  groupOf: ReadonlyMap<string, string>,
  limit: number,
): { ids: string[]; more: boolean } {
  const ranked = new Map<string, Array<{ id: string; count: number; total: number }>>();
  const groupLetters = new Map<string, number>();
  for (const group of groupOf.values()) groupLetters.set(group, (groupLetters.get(group) ?? 0) + 1);
  let eligible = 0;
  for (const node of things) {
    const letters = lettersOf(node).filter((l) => groupOf.has(l));
    if (letters.length === 0) continue;
    eligible++;
    const counts = new Map<string, number>();
    for (const l of letters) counts.set(groupOf.get(l)!, (counts.get(groupOf.get(l)!) ?? 0) + 1);
    for (const [group, count] of counts) {
      const list = ranked.get(group) ?? [];
      list.push({ id: node.id, count, total: letters.length });
      ranked.set(group, list);
    }
  }
  for (const list of ranked.values())
    list.sort((a, b) => b.count - a.count || b.total - a.total || (a.id < b.id ? -1 : 1));
  const order = [...ranked.keys()].sort(
    (a, b) => (groupLetters.get(b) ?? 0) - (groupLetters.get(a) ?? 0) || (a < b ? -1 : 1),
  );
  const chosen = new Set<string>();
  const next = new Map(order.map((g) => [g, 0]));
  for (let progress = true; chosen.size < limit && progress;) {
    progress = false;
    for (const group of order) {
      const list = ranked.get(group)!;
      let at = next.get(group)!;
      while (at < list.length && chosen.has(list[at].id)) at++;
      if (at < list.length && chosen.size < limit) {
        chosen.add(list[at].id);
        progress = true;
        at++;
      }
      next.set(group, at);
    }
  }
  return { ids: [...chosen], more: eligible > chosen.size };
}

/**
 * overview(kinds, edgeTypes, limit, scope): the plain store's answer when the archive (or the scope) is of one
 * place, else the places' turns and the links among what they chose.
 */
export async function overviewByPlace(
  c: Ctx,
  args: OverviewArgs,
  plain: (args: OverviewArgs) => Promise<Subgraph>,
): Promise<Subgraph> {
  // A limit out of bounds gets the plain resolver's error.
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > LIMITS.overviewNodes) return plain(args);
  const all = await allOfKind(c, 'Letter');
  const kept = isScoped(args.scope) ? await lettersInScope(c, args.scope) : null;
  const letters = kept ? all.filter((l) => kept.has(l.id)) : all;
  const groups = placeGroups(letters);
  if (!groups && !kept) return plain(args);
  const groupOf = groups ?? new Map(letters.map((l) => [l.id, 'one']));
  const kinds: readonly NodeKind[] = args.kinds.length > 0 ? args.kinds : NODE_KINDS;
  const things = (await Promise.all(kinds.map((k) => allOfKind(c, k)))).flat();
  const { ids, more } = takeTurns(things, groupOf, args.limit);
  return induced(c, ids, args.edgeTypes, more);
}

async function induced(c: Ctx, ids: string[], edgeTypes: string[], capped: boolean): Promise<Subgraph> {
  const set = new Set(ids);
  const nodes: GraphNode[] = [];
  const edges = new Map<string, Subgraph['edges'][number]>();
  for (let i = 0; i < ids.length; i += LIMITS.ids) {
    const chunk = ids.slice(i, i + LIMITS.ids);
    nodes.push(...(await c.store.getNodes(chunk)).filter((n): n is GraphNode => n !== null));
    const types = edgeTypes.length > 0 ? { types: edgeTypes as never } : {};
    for (const edge of await c.store.edgesOf(chunk, types))
      if (set.has(edge.source) && set.has(edge.target)) edges.set(`${edge.type}|${edge.source}|${edge.target}`, edge);
  }
  return { nodes, edges: [...edges.values()], capped };
}
