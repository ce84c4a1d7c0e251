import { type ChainName, EDGE_TYPES, type EdgeType, type GraphEdge, isChainName } from '../../domain/model.ts';
import type { NodeKind } from '../../domain/model.ts';
import { pushTo } from '../../domain/multimap.ts';
import { HEADER_LINK_TYPES, inBody, type LetterBody, letterBody } from '../../store/letter-body.ts';
import { LIMITS, type GraphStore } from '../../store/port.ts';
import type { MapHub, MapInput, MapThing } from './map-model.ts';

/**
 * What the map is built from, read through the store's port (so the embedded
 * store and Neo4j give the same map): the things letters talk about, the
 * letters that name each in their body, the links sentences state, and the
 * hubs every letter touches. Letters, proposals, people, commitments and
 * achievements (clauses) are not on the map: they are reached from a thing.
 */
export const MAP_KINDS: NodeKind[] = ['Organization', 'Platform', 'Enterprise', 'Policy', 'Programme'];

/** Letter → Place, once the places engineer's edge exists in the model (issue 22): things are then coloured by place. */
const PLACE_EDGE = 'IN_PLACE';

export async function readMapInput(store: GraphStore, onProgress?: (step: string) => void): Promise<MapInput> {
  const nodes = [];
  for (let after: string | null = null; ;) {
    const page = await store.findNodes({ kinds: MAP_KINDS }, { first: LIMITS.pageSize, after });
    nodes.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  onProgress?.(`reading the links of ${nodes.length} things`);
  const edges = await inChunks(
    nodes.map((n) => n.id),
    (ids) => store.edgesOf(ids, { types: ['MENTIONS', 'SUPPORTS', 'PART_OF', 'ADVANCES'] }),
  );
  const letters = [...new Set(edges.filter((e) => e.type === 'MENTIONS').map((e) => e.source))].sort();
  onProgress?.(`reading the headers of ${letters.length} letters`);
  const header = await inChunks(letters, (ids) =>
    store.edgesOf(ids, { types: [...HEADER_LINK_TYPES], direction: 'out' }),
  );
  const headerOf = new Map<string, GraphEdge[]>();
  for (const edge of header) pushTo(headerOf, edge.source, edge);
  const bodies = new Map<string, LetterBody>(letters.map((l) => [l, letterBody(l, headerOf.get(l) ?? [])]));
  const hubs = hubsOf(header, edges);
  const hubIds = new Set(hubs.map((h) => h.id));
  const placeOf = await lettersPlaces(store, letters);

  const bodyLetters = new Map<string, string[]>();
  const chainCounts = new Map<string, Map<ChainName, number>>();
  const stated: MapInput['stated'] = [];
  for (const edge of edges) {
    if (edge.type === 'MENTIONS') {
      // A mention only in the title, signature, contact or copy line is boilerplate, not what the letter discusses.
      if (edge.evidence.some((e) => e.letter === edge.source && inBody(bodies.get(edge.source), e)))
        pushTo(bodyLetters, edge.target, edge.source);
    } else if (edge.type === 'ADVANCES') {
      const chain = edge.target.slice(edge.target.indexOf(':') + 1);
      if (!isChainName(chain)) continue;
      const counts = chainCounts.get(edge.source) ?? new Map<ChainName, number>();
      counts.set(chain, (counts.get(chain) ?? 0) + Math.max(1, edge.evidence.length));
      chainCounts.set(edge.source, counts);
    } else if (edge.type === 'SUPPORTS' || edge.type === 'PART_OF') {
      stated.push({ source: edge.source, target: edge.target, type: edge.type });
    }
  }
  const kept = nodes.filter((n) => !hubIds.has(n.id) && bodyLetters.has(n.id));
  // A name two things of the map share (市府办 of seven cities) says whose; a name of one thing stays short.
  const shared = countOf([...kept.map((n) => n.name), ...hubs.map((h) => h.name)]);
  for (const hub of hubs) if (shared.get(hub.name)! > 1) hub.name = scoped(hub.id, hub.name);
  const things: MapThing[] = kept.map((n) => {
    const mine = [...new Set(bodyLetters.get(n.id))].sort();
    return {
      id: n.id,
      kind: n.kind,
      name: shared.get(n.name)! > 1 ? scoped(n.id, n.name) : n.name,
      letters: mine,
      chain: mostOf(chainCounts.get(n.id)),
      place: mostOf(countOf(mine.map((l) => placeOf.get(l)).filter((p): p is string => p !== undefined))),
    };
  });
  return { things, stated: uniqueStated(stated), hubs };
}

/** The chains, every body that signs a letter and every office on a copy line, with how many letters touch each. */
function hubsOf(header: GraphEdge[], edges: GraphEdge[]): MapHub[] {
  const hubs = new Map<string, { role: MapHub['role']; letters: Set<string> }>();
  const add = (id: string, role: MapHub['role'], letter: string) => {
    const hub = hubs.get(id) ?? { role, letters: new Set<string>() };
    // A body that both signs and is copied is an issuer.
    if (role === 'issuer') hub.role = 'issuer';
    hub.letters.add(letter);
    hubs.set(id, hub);
  };
  for (const edge of header)
    if (edge.type === 'ISSUED_BY' || edge.type === 'CC')
      add(edge.target, edge.type === 'ISSUED_BY' ? 'issuer' : 'copy', edge.source);
  for (const edge of edges)
    if (edge.type === 'ADVANCES') for (const e of edge.evidence) add(edge.target, 'chain', e.letter);
  return [...hubs].map(([id, hub]) => ({
    id,
    kind: id.slice(0, id.indexOf(':')) as NodeKind,
    name: id.slice(id.indexOf(':') + 1).replace(/@.*$/, ''),
    role: hub.role,
    letters: hub.letters.size,
  }));
}

async function lettersPlaces(store: GraphStore, letters: string[]): Promise<Map<string, string>> {
  const places = new Map<string, string>();
  if (!(EDGE_TYPES as readonly string[]).includes(PLACE_EDGE)) return places;
  const edges = await inChunks(letters, (ids) =>
    store.edgesOf(ids, { types: [PLACE_EDGE as EdgeType], direction: 'out' }),
  );
  for (const edge of edges) if (!places.has(edge.source)) places.set(edge.source, edge.target);
  // The legend says 温州市, not Place:330300; the full name where two places share one (北京市朝阳区, 长春市朝阳区).
  const ids = [...new Set(places.values())];
  const nodes = (await inChunks(ids, (chunk) => store.getNodes(chunk))).filter((n) => n !== null);
  const count = countOf(nodes.map((n) => n.name));
  const nameOf = new Map(
    nodes.map((n) => [n.id, count.get(n.name)! > 1 ? String(n.props.fullName ?? n.name) : n.name]),
  );
  for (const [letter, place] of places) places.set(letter, nameOf.get(place) ?? place);
  return places;
}

/**
 * A name that means something only in its city (市府办, a city's own 北中氢能培育计划) is one thing per city
 * (its id carries @city): where two share a name, the map says which, else seven 市府办 would read as one.
 */
function scoped(id: string, name: string): string {
  const at = id.lastIndexOf('@');
  if (at < 0) return name;
  const scope = id.slice(at + 1);
  // As the page writes it (web/src/place-label.ts): the place, or the one letter a name of no known place is from.
  return scope.startsWith('letter:') ? `${name}（仅见 ${scope.slice('letter:'.length)}）` : `${name}（${scope}）`;
}

function countOf<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The value counted most (ties: the first in sort order), or null. */
function mostOf<T extends string>(counts: Map<T, number> | undefined): T | null {
  if (!counts || counts.size === 0) return null;
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function uniqueStated(stated: MapInput['stated']): MapInput['stated'] {
  const seen = new Map(stated.map((s) => [`${s.type}|${s.source}|${s.target}`, s]));
  return [...seen.values()];
}

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += LIMITS.ids) out.push(...(await read(ids.slice(i, i + LIMITS.ids))));
  return out;
}
