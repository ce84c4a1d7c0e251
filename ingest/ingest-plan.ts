import type { GraphDocument, GraphNode, NodeKind } from '../domain/model.ts';
import { normaliseName } from '../domain/normalise.ts';
import { type GraphStore, LIMITS } from '../store/port.ts';
import type { LetterExtraction } from './extract/extract-letter.ts';
import { explicitNames } from './extract/repeats.ts';
import { entityId } from '../domain/ids.ts';
import { graphOfLetters, type ReadOptions, sameDocNumber } from './pipeline.ts';
import { scopeOfLetter } from './resolve/scope.ts';
import { isGenericName } from './extract/generic.ts';
import { coreOf, VARIANT_KINDS, variantRule } from './resolve/variants.ts';
import {
  allNodes,
  nodesOf,
  type Reread,
  rereadHolding,
  storedLetters,
  stringList,
  taughtNames,
} from './stored-letters.ts';

/**
 * What an ingest writes, so that the graph does not depend on how letters
 * were batched. A name is looked for again in every letter once one letter
 * marks it (ingest/extract/repeats.ts); in a batch that covers all letters of
 * the batch, but a letter ingested alone would not see names that stored
 * letters taught, nor would stored letters see the names it teaches. So:
 * - each stored Letter keeps the names it teaches (`repeatNames`), and the new
 *   letters are read with them;
 * - stored letters whose text holds a name that only the new letters teach are
 *   read again from their stored text and written with the batch;
 * - so are stored letters that may name the same thing differently from a new
 *   letter: for each name of a new letter that is no stored node yet, those
 *   whose text holds the name or its last six characters (the part that says
 *   what it is: 科技成果转化联合办公室 ~ 温州市校（院）地科技成果转化联合办公室),
 *   so that resolution across letters sees both, as in one batch.
 * Removing or replacing a letter is the mirror image (planRemoval): stored
 * letters that found or resolved a mention thanks to it are read again.
 * Also warns when a new letter carries the document number of another file.
 */
export interface IngestPlan {
  graph: GraphDocument;
  /** The letters to replace: the new ones and the stored ones read again. */
  letterIds: string[];
  /** Stored letters read again because a new letter teaches a name they hold, or a removed or replaced one no longer does. */
  reread: string[];
  warnings: string[];
}

/** What removing letters writes: the removal, then the stored letters that read differently without them. */
export interface RemovalPlan extends IngestPlan {
  /** The letters to remove that the store holds. */
  removed: string[];
}

export async function planIngest(
  store: GraphStore,
  letters: LetterExtraction[],
  options: ReadOptions = {},
): Promise<IngestPlan> {
  const newIds = new Set(letters.map((l) => `Letter:${l.letter.source}`));
  const all = await storedLetters(store);
  const stored = all.filter((node) => !newIds.has(node.id));
  const known = taughtNames(stored);
  const probes = new Set<string>();
  const holders = new Set<string>();
  for (const letter of letters) for (const [name] of explicitNames(letter)) if (!known.has(name)) probes.add(name);
  // A name no stored thing bears may be a variant of one (or be local because it is one somewhere): the letters naming that thing.
  for (const { name, kind, scope } of await unsettledNames(store, letters))
    for (const id of await variantHolders(store, kind, name, scope)) holders.add(id);
  // A new version of a stored letter may no longer teach what the old one did: as for a removal.
  const teachNow = new Set([...known.keys(), ...letters.flatMap((l) => explicitNames(l).map(([name]) => name))]);
  const forgotten = await forgottenNames(
    store,
    all.filter((node) => newIds.has(node.id)),
    teachNow,
    stored,
  );
  for (const probe of forgotten.probes) probes.add(probe);
  for (const id of forgotten.holders) holders.add(id);
  const again = await withVariantHolders(store, stored, await rereadHolding(stored, probes, options, holders), options);
  const batch = [...letters, ...again.letters];
  const warnings = [
    ...again.warnings,
    ...sameDocNumber([
      ...letters.map((l) => ({ source: l.letter.source, docNumber: l.letter.docNumber?.text ?? null })),
      ...stored.map((node) => ({
        source: String(node.props.source ?? node.id),
        docNumber: typeof node.props.docNumber === 'string' ? node.props.docNumber : null,
        stored: true,
      })),
    ]),
  ];
  return {
    graph: graphOfLetters(batch, known),
    letterIds: batch.map((l) => `Letter:${l.letter.source}`),
    reread: again.letters.map((l) => l.letter.source),
    warnings,
  };
}

/**
 * Removing a letter is the mirror of ingesting it: stored letters whose
 * mentions were found or resolved thanks to it (a name only it taught, a
 * thing it named that another letter calls differently) are read again
 * without it, so "ingest A, B; remove A" leaves what "ingest B" gives.
 */
export async function planRemoval(
  store: GraphStore,
  letterIds: string[],
  options: ReadOptions = {},
): Promise<RemovalPlan> {
  const gone = new Set(letterIds);
  const all = await storedLetters(store);
  const removed = all.filter((node) => gone.has(node.id));
  const stored = all.filter((node) => !gone.has(node.id));
  const known = taughtNames(stored);
  const forgotten = await forgottenNames(store, removed, new Set(known.keys()), stored);
  const again = await withVariantHolders(
    store,
    stored,
    await rereadHolding(stored, forgotten.probes, options, forgotten.holders),
    options,
  );
  const letters = again.letters;
  return {
    removed: removed.map((node) => node.id),
    graph: graphOfLetters(letters, known),
    letterIds: letters.map((l) => `Letter:${l.letter.source}`),
    reread: letters.map((l) => l.letter.source),
    warnings: again.warnings,
  };
}

/** Carries out a removal plan: the letters go first, then the letters read again replace their stored versions. */
export async function removeLetters(
  store: GraphStore,
  letterIds: string[],
  options: ReadOptions = {},
): Promise<RemovalPlan> {
  const plan = await planRemoval(store, letterIds, options);
  for (const id of plan.removed) await store.removeLetter(id);
  if (plan.letterIds.length > 0) await store.replaceLetters(plan.graph, plan.letterIds);
  return plan;
}

/**
 * What to look for in stored letters when `leaving` letters (removed, or
 * replaced by a new version) no longer speak: the names they taught that no
 * letter left teaches (`teachNow`); for things only they name, the name and
 * its last six characters (another letter's variant of it); and for things
 * they spell in a way no letter left does, every name of the thing (another
 * letter's 联合办公室 was joined to the full name only they spell). A thing
 * every spelling of which a remaining letter uses too (温州市科学技术局 and
 * 市科技局 in every letter) resolves as before and sends no letter to be read.
 */
async function forgottenNames(
  store: GraphStore,
  leaving: GraphNode[],
  teachNow: Set<string>,
  remaining: GraphNode[],
): Promise<{ probes: Set<string>; holders: Set<string> }> {
  const leavingIds = new Set(leaving.map((node) => node.id));
  const textOf = new Map(
    remaining.map((node) => [node.id, typeof node.props.text === 'string' ? node.props.text : '']),
  );
  const probes = new Set<string>();
  const holders = new Set<string>();
  for (const letter of leaving) {
    const ownText = typeof letter.props.text === 'string' ? letter.props.text : '';
    for (const entry of stringList(letter.props.repeatNames)) {
      const name = entry.slice(entry.indexOf(':') + 1);
      if (name && !teachNow.has(name)) probes.add(name);
    }
    for (const node of await nodesOf(store, letter.id)) {
      if (!NAMED_KINDS.has(node.kind)) continue;
      const others = node.mentions.filter((m) => !leavingIds.has(m.letter));
      if (others.length === 0 && node.name.length >= 3) {
        probes.add(node.name);
        for (const id of await variantHolders(store, node.kind, node.name)) if (!leavingIds.has(id)) holders.add(id);
      }
      const spelt = new Set(others.map((m) => textOf.get(m.letter)?.slice(m.start, m.end)));
      // Its spellings of the thing's names; a mention the header implies (the body behind 十二届二次会议221号提案) joined no name.
      const names = new Set([node.name, ...node.aliases].map(normaliseName));
      const own = node.mentions
        .filter((m) => m.letter === letter.id)
        .map((m) => ownText.slice(m.start, m.end))
        .filter((s) => names.has(normaliseName(s)));
      if (own.every((spelling) => spelt.has(spelling))) continue;
      for (const alias of [node.name, ...node.aliases]) if (alias.length >= 3) probes.add(alias);
    }
  }
  return { probes, holders };
}

/**
 * The stored letters that name a thing the resolver could join with `name`
 * as a variant (ingest/resolve/variants.ts: same kind, same or no place,
 * cores equal, one character apart, or one ending the other, six characters
 * or more). Whether they join depends on reading them together, so these
 * letters are read with the one that names `name`. Found through the stored
 * things whose names hold the core's last six characters, then kept only
 * where the rule could hold — not every letter that holds those six
 * characters (…科技有限公司, …技术创新中心 are in most letters of an archive).
 */
async function variantHolders(
  store: GraphStore,
  kind: string,
  name: string,
  scope: string | null = null,
): Promise<Set<string>> {
  const letters = new Set<string>();
  if (!VARIANT_KINDS.has(kind)) return letters;
  const own = coreOf(name);
  if (own.core.length < 6 || isGenericName(own.core)) return letters;
  for (const node of await allNodes(store, { kinds: [kind as NodeKind], text: own.core.slice(-6) })) {
    const joins = (other: string) => {
      const core = coreOf(other);
      return core.core.length >= 6 && variantRule(own, core) !== null;
    };
    if (!node.mentions.length || ![node.name, ...node.aliases].some(joins)) continue;
    // The same words kept apart in another place, joined to nothing there: reading them with this letter changes nothing.
    if (scope && node.aliases.length === 0 && node.id.includes('@') && !node.id.endsWith(`@${scope}`)) continue;
    for (const m of node.mentions) letters.add(m.letter);
  }
  return letters;
}

/**
 * A letter read again is resolved only with the letters written with it. So
 * where the store joined one of its names to a thing whose full name its own
 * text does not spell (its 校（院）科技成果转化联合办公室 is 温州市校（院）地科技成果转化联合办公室,
 * spelt by another letter), the stored letters that spell that name are read
 * with it. A thing it spells itself (温州市科学技术局 in its own signature)
 * resolves the same without them.
 */
async function withVariantHolders(
  store: GraphStore,
  stored: GraphNode[],
  again: Reread,
  options: ReadOptions,
): Promise<Reread> {
  if (again.letters.length === 0) return again;
  const probes = new Set<string>();
  for (const letter of again.letters) {
    const own = normaliseName(letter.letter.text);
    for (const node of await nodesOf(store, `Letter:${letter.letter.source}`)) {
      if (NAMED_KINDS.has(node.kind) && !own.includes(normaliseName(node.name))) probes.add(node.name);
    }
  }
  const taken = new Set(again.letters.map((l) => `Letter:${l.letter.source}`));
  const more = await rereadHolding(
    stored.filter((node) => !taken.has(node.id)),
    probes,
    options,
  );
  return { letters: [...again.letters, ...more.letters], warnings: [...again.warnings, ...more.warnings] };
}

const NAMED_KINDS = new Set(['Person', 'Organization', 'Platform', 'Enterprise', 'Policy', 'Programme']);

/**
 * Names the letters use that are no stored node's id: stored under another
 * name (a variant joined to a longer one, 校（院）科技成果转化联合办公室) or not at
 * all. How they resolve depends on which letters are resolved together, so
 * the letters that may hold the other name are read with them. A name may be
 * stored under its place (市政府办公厅@重庆市, relative to the letter's city):
 * that one is settled, so both ids are looked up.
 */
async function unsettledNames(
  store: GraphStore,
  letters: LetterExtraction[],
): Promise<Array<{ name: string; kind: string; scope: string }>> {
  // Each name with the ids it may be stored under, and the kind and scope it was first met with.
  const byName = new Map<string, { ids: Set<string>; kind: string; scope: string }>();
  for (const letter of letters) {
    const scope = scopeOfLetter(letter.letter);
    for (const m of letter.mentions) {
      if (!NAMED_KINDS.has(m.kind) || m.name.length < 3) continue;
      const id = entityId(m.kind, m.name);
      const entry = byName.get(m.name) ?? { ids: new Set<string>(), kind: m.kind, scope };
      byName.set(m.name, entry);
      entry.ids.add(id).add(`${id}@${scope}`);
    }
  }
  const ids = [...new Set([...byName.values()].flatMap((entry) => [...entry.ids]))];
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += LIMITS.ids) {
    const batch = ids.slice(i, i + LIMITS.ids);
    (await store.getNodes(batch)).forEach((node, k) => {
      if (node) stored.add(batch[k]);
    });
  }
  return [...byName]
    .filter(([, entry]) => ![...entry.ids].some((id) => stored.has(id)))
    .map(([name, { kind, scope }]) => ({ name, kind, scope }));
}
