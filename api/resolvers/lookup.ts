import { BadRequestError } from '../../domain/errors.ts';
import type { GraphNode, NodeKind } from '../../domain/model.ts';
import { normaliseName } from '../../domain/normalise.ts';
import type { InnographContext } from '../context.ts';
import { NotFoundError } from './connections.ts';

/**
 * How a user may name a thing: by id ("Platform:瓯江实验室"), or by its name
 * or an alias ("瓯江实验室", optionally with a kind); a letter also by its file
 * name or its document number. Names are compared in normalised form
 * (full-width brackets = half-width, no quotes, no spaces).
 */

/** Nodes whose name or an alias is the given name, of the given kind when one is given. */
export async function nodesNamed(
  context: InnographContext,
  name: string,
  kind?: NodeKind | null,
): Promise<GraphNode[]> {
  const key = normaliseName(name).toLowerCase();
  if (key === '') throw new BadRequestError('name is empty; give the thing’s name, e.g. 瓯江实验室');
  const hits = await context.store.search(name, { kinds: kind ? [kind] : undefined, first: 100 });
  return hits
    .map((h) => h.node)
    .filter((n) => [n.name, ...n.aliases].some((form) => normaliseName(form).toLowerCase() === key));
}

/** Per request, each name is looked up once: a page of letters without an ISSUED_BY link all name the same issuer. */
const looked = new WeakMap<InnographContext, Map<string, Promise<GraphNode[]>>>();

/** One node by name: null when none has it; BAD_REQUEST naming the candidates when several kinds do. */
export async function nodeNamed(
  context: InnographContext,
  name: string,
  kind?: NodeKind | null,
): Promise<GraphNode | null> {
  let cache = looked.get(context);
  if (!cache) looked.set(context, (cache = new Map()));
  const key = `${kind ?? ''}|${name}`;
  let pending = cache.get(key);
  if (!pending) cache.set(key, (pending = nodesNamed(context, name, kind)));
  const found = await pending;
  // The name itself beats an alias: 温州市科学技术局 is one node's name and maybe another's alias.
  const exact = found.filter((n) => normaliseName(n.name).toLowerCase() === normaliseName(name).toLowerCase());
  const pick = exact.length > 0 ? exact : found;
  if (pick.length > 1)
    throw new BadRequestError(
      `"${name}" names ${pick.length} things (${pick.map((n) => n.id).join(', ')}); give kind: or the id`,
    );
  return pick[0] ?? null;
}

/** A thing by id, or else by name: NOT_FOUND saying so when neither matches. */
export async function nodeByIdOrName(context: InnographContext, idOrName: string, what: string): Promise<GraphNode> {
  const byId = await context.nodes.load(idOrName);
  if (byId) return byId;
  const byName = await nodeNamed(context, idOrName);
  if (byName) return byName;
  throw new NotFoundError(
    `${what}: nothing has the id or name "${idOrName}"; look it up with search(text:) and pass its id`,
  );
}

/** A letter's id from its id, its file name (000_….txt) or its document number (温科提复〔2024〕96号, or just 96号 when one letter has it). */
export async function letterId(context: InnographContext, given: string): Promise<string> {
  const value = given.trim();
  const asId = value.startsWith('Letter:') ? value : `Letter:${value}`;
  if (await context.nodes.load(asId)) return asId;
  const key = normaliseName(value)
    .replace(/[[【]/g, '〔')
    .replace(/[\]】]/g, '〕');
  const candidates: GraphNode[] = [];
  for (let after: string | null = null, page = 0; page < 100; page++) {
    const found: Awaited<ReturnType<InnographContext['store']['findNodes']>> = await context.store.findNodes(
      { kinds: ['Letter'], text: key.replace(/^.*〕/, '') },
      { first: 200, after },
    );
    candidates.push(...found.items);
    if (!found.hasNextPage) break;
    after = found.endCursor;
  }
  const docNumber = (n: GraphNode) => normaliseName(String(n.props.docNumber ?? n.name));
  const exact = candidates.filter((n) => docNumber(n) === key);
  // "96号" is the end of 温科提复〔2024〕96号 but not of …196号: the character before must not be a digit.
  const ends =
    exact.length > 0
      ? exact
      : candidates.filter((n) => docNumber(n).endsWith(key) && !/\d/.test(docNumber(n).at(-key.length - 1) ?? ''));
  if (ends.length === 1) return ends[0].id;
  if (ends.length > 1)
    throw new BadRequestError(
      `letter "${given}" matches ${ends.length} letters (${ends.map((n) => n.props.source ?? n.id).join(', ')}); give the file name or the whole document number`,
    );
  throw new NotFoundError(
    `no letter "${given}": give its file name (e.g. 000_c3f10cc589d1c01a.txt), its document number (e.g. 温科提复〔2024〕108号) or its id (Letter:…)`,
  );
}
