import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InnographError } from '../../domain/errors.ts';
import type { LetterFragment } from '../letter-fragments.ts';
import { chunks } from './batches.ts';
import { foldedEdgeRow, foldedNodeRow, planLoad } from './bulk-load.ts';
import type { ChainLinks } from './chain-links.ts';
import { loadCypher } from './cypher-files.ts';
import type { Neo4jExecutor } from './executor.ts';
import { type EmptyList, ImportFiles, type Properties } from './import-files.ts';
import { lettersPartsRow } from './letter-parts.ts';
import { evidenceOf, integer } from './rows.ts';

/**
 * A first load by Neo4j's batch importer, where the innograph launcher runs Neo4j (neo4j-launcher: a
 * database that holds no letter). What the database holds (shared nodes, innograph's meta nodes) and
 * what the load adds are written as CSV (import-files.ts) with the rows and types the Cypher path of
 * bulk-load.ts writes; the launcher imports them beside the live database and, when the import has
 * succeeded, stops Neo4j, puts the new database in place and starts it again on the same port
 * (FirstLoadImport.java). Then, by Cypher as before: the schema, the empty lists CSV cannot say, the
 * shared nodes letters mention (upsert-nodes.cypher), the dangling letters and the end of the load.
 *
 * The first-load mark (first-load-begin.cypher) is among the imported nodes and removed last, as the
 * Cypher path does: a load cut short after the swap counts no letter and the next commit loads again.
 * A failed import leaves the database as it was (the launcher swaps only a finished import).
 */
const Q = Object.fromEntries(
  [
    'launcher-control',
    'export-nodes',
    'export-relationships',
    'graph-version',
    'schema',
    'await-indexes',
    'write-lock',
    'import-empty-lists',
    'upsert-nodes',
    'add-dangling-letters',
    'first-load-end',
  ].map((name) => [name, loadCypher(name)]),
);

/** Rows an empty-list or upsert statement sends. */
const ROWS_PER_STATEMENT = 10_000;
/** How long the store waits for Neo4j to answer again after the launcher restarted it. */
const BACK_WITHIN_MS = 120_000;

/** The launcher's control endpoint, or null when this Neo4j was not started by the innograph launcher. */
export async function launcherControl(db: Neo4jExecutor): Promise<string | null> {
  try {
    const records = await db.read(async (tx) => (await tx.run(Q['launcher-control'].statements[0])).records);
    return records.length > 0 ? (records[0].get('control') as string) : null;
  } catch (error) {
    if (error instanceof InnographError && /ProcedureNotFound/.test(error.message)) return null;
    throw error;
  }
}

export interface ImportReport {
  nodes: number;
  relationships: number;
  importMs: number;
  restartMs: number;
}

/**
 * Asks the launcher at `control` to import the CSV files of `folder` into the database, which must hold
 * no letter and have had `version` writes (graph-version.cypher). Refusals are coded errors:
 * NEO4J_IMPORT_FOLDER (no such folder, no nodes file), NEO4J_IMPORT_NOT_EMPTY (letters stored, or a
 * write since the files were made), NEO4J_IMPORT_FAILED (the importer refused the files, or did not
 * finish: out of memory in its own JVM, for one); in each case the database is as it was.
 */
export async function importFolder(
  control: string,
  folder: string,
  version: number,
  longestField = 0,
): Promise<ImportReport> {
  // The longest field in bytes at most (UTF-8: 3 a UTF-16 unit), which the importer's read buffer must hold.
  const bytes = longestField * 3;
  const url = `${control}/first-load?folder=${encodeURIComponent(folder)}&version=${version}&longestField=${bytes}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(3_600_000) });
  } catch (error) {
    throw new InnographError('NEO4J_IMPORT_UNREACHABLE', `the Neo4j launcher at ${control} did not answer`, {
      cause: error,
    });
  }
  const answer = (await response.json()) as ImportReport & { code?: string; message?: string };
  if (!response.ok)
    throw new InnographError(answer.code ?? 'NEO4J_IMPORT_FAILED', answer.message ?? response.statusText);
  return answer;
}

/**
 * The first load by the importer (see above). Returns the chain matrix's input as bulk-load.ts does, or
 * throws before anything is written when the rows do not fit CSV (ImportUnfitError) or the launcher refuses.
 */
export async function importFirstLoad(
  db: Neo4jExecutor,
  control: string,
  fragments: LetterFragment[],
  existing: ReadonlySet<string>,
  digestOf: (letter: string) => string,
  owner: string,
  phases: Record<string, number> = {},
): Promise<ChainLinks | null> {
  let at = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - at);
    at = now;
  };
  const { fold, writtenEdges, dangling, tied, links } = planLoad(fragments, existing);
  const folder = mkdtempSync(join(tmpdir(), 'innograph-import-'));
  const merged: Array<ReturnType<typeof foldedNodeRow>['row']> = [];
  let files: ImportFiles;
  let version: number;
  try {
    files = new ImportFiles(folder);
    version = await exportStore(db, files, owner);
    for (const parts of fold.letters) {
      const { letter, ...lists } = lettersPartsRow(parts);
      files.node(`p:${letter}`, ['LetterParts'], { letter, ...lists }, { label: 'LetterParts', property: 'letter' });
      files.node(`d:${letter}`, ['LetterDigest'], { letter, digest: digestOf(letter) });
    }
    for (const id of fold.nodes.keys()) {
      const { node, spans, row } = foldedNodeRow(fold, id, existing);
      if (tied.has(id)) links.nodes.push({ ...node, mentions: evidenceOf(spans) });
      if (existing.has(id)) merged.push(row);
      else files.node(`e:${id}`, ['Entity', row.kind], entityProperties(row), { label: 'Entity', property: 'id' });
    }
    for (const folded of writtenEdges) {
      const { source, target, type } = folded.ends;
      files.relationship(`e:${source}`, `e:${target}`, type, foldedEdgeRow(folded, links), { source, target });
    }
    files.close();
    phase('filesMs');
    const report = await importFolder(control, folder, version, files.longestField);
    phase('launcherMs');
    phases.importMs = report.importMs;
    phases.restartMs = report.restartMs;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  // The new database's transactions are numbered from the start again.
  db.forgetBookmarks();
  await backAgain(db);
  // The schema of connect(): the imported database has none yet.
  for (const statement of Q.schema.statements) await db.write((tx) => tx.run(statement));
  await db.write((tx) => tx.run(Q['await-indexes'].statements[0]));
  phase('schemaMs');
  await setEmptyLists(db, files.emptyLists);
  phase('emptyListsMs');
  for (const rows of chunks(merged, ROWS_PER_STATEMENT))
    await db.write(async (tx) => {
      await tx.run(Q['write-lock'].statements[0]);
      await tx.run(Q['upsert-nodes'].statements[0], { rows });
    });
  await db.write(async (tx) => {
    await tx.run(Q['write-lock'].statements[0]);
    if (dangling.size > 0) await tx.run(Q['add-dangling-letters'].statements[0], { letters: [...dangling] });
    await tx.run(Q['first-load-end'].statements[0]);
  });
  phase('endMs');
  return links.nodes.length === tied.size ? links : null;
}

/** A created node's properties, as load-nodes.cypher sets them from its row. */
function entityProperties(row: ReturnType<typeof foldedNodeRow>['row']): Properties {
  const { commitmentLetter, append, ...columns } = row;
  void append;
  return { ...columns, letter: commitmentLetter, bodyLetterCount: integer(row.bodyLetters.length) };
}

/**
 * Writes every node and relationship the database holds into `files`, with their types; the write-lock's
 * count as the import leaves it (one more write, so no answer kept from before is taken as current),
 * and the first-load mark. Returns the database's count of writes now, which the launcher checks.
 */
async function exportStore(db: Neo4jExecutor, files: ImportFiles, owner: string): Promise<number> {
  return db.read(async (tx) => {
    const version = (await tx.run(Q['graph-version'].statements[0])).records[0].get('version') as number;
    const keys = new Map<string, string>();
    let lock = false;
    for (const r of (await tx.run(Q['export-nodes'].statements[0])).records) {
      const labels = r.get('labels') as string[];
      const props = typedProperties(r.get('props') as Properties, r.get('types') as Array<[string, string]>);
      const id = typeof props.id === 'string' ? props.id : null;
      const key = labels.includes('Entity') && id ? `e:${id}` : `x:${r.get('element') as string}`;
      keys.set(r.get('element') as string, key);
      if (labels.includes('InnographMeta') && id === 'write-lock') {
        props.version = integer(version + 1);
        props.at = integer(Date.now());
        lock = true;
      }
      const keyed = labels.includes('Entity')
        ? ({ label: 'Entity', property: 'id' } as const)
        : labels.includes('InnographMeta')
          ? ({ label: 'InnographMeta', property: 'id' } as const)
          : labels.includes('LetterParts')
            ? ({ label: 'LetterParts', property: 'letter' } as const)
            : undefined;
      if (labels.includes('InnographMeta') && id === 'first-load') continue;
      files.node(key, labels, props, keyed);
    }
    if (!lock)
      files.node('x:write-lock', ['InnographMeta'], {
        id: 'write-lock',
        at: integer(Date.now()),
        version: integer(version + 1),
      });
    files.node('x:first-load', ['InnographMeta'], { id: 'first-load', owner, since: integer(Date.now()) });
    for (const r of (await tx.run(Q['export-relationships'].statements[0])).records) {
      const props = typedProperties(r.get('props') as Properties, r.get('types') as Array<[string, string]>);
      files.relationship(keys.get(r.get('start') as string)!, keys.get(r.get('end') as string)!, r.get('type'), props);
    }
    return version;
  });
}

/** Properties read with lossless integers off, given back their Neo4j type: INTEGER as a neo4j Integer. */
function typedProperties(props: Properties, types: Array<[string, string]>): Properties {
  const out: Properties = {};
  for (const [key, type] of types) {
    const value = props[key];
    if (type.startsWith('INTEGER')) out[key] = integer(value as number);
    else if (type.startsWith('LIST<INTEGER')) out[key] = (value as number[]).map((v) => integer(v));
    else out[key] = value;
  }
  return out;
}

/** The empty lists of the load (import-files.ts), by kind of key, a statement a kind and chunk. */
async function setEmptyLists(db: Neo4jExecutor, lists: EmptyList[]): Promise<void> {
  const which = { Entity: 0, LetterParts: 1, InnographMeta: 2, relationship: 3 } as const;
  const rows = new Map<string, { kind: keyof typeof which; row: Record<string, unknown> }>();
  for (const list of lists) {
    const id = `${list.label}|${list.key}`;
    let entry = rows.get(id);
    if (!entry) {
      entry = { kind: list.label, row: { ...list.ends, key: list.key, props: {} } };
      rows.set(id, entry);
    }
    (entry.row.props as Record<string, unknown>)[list.property] = [];
  }
  for (const kind of Object.keys(which) as Array<keyof typeof which>) {
    const ofKind = [...rows.values()].filter((e) => e.kind === kind).map((e) => e.row);
    for (const chunk of chunks(ofKind, ROWS_PER_STATEMENT))
      await db.write(async (tx) => {
        await tx.run(Q['write-lock'].statements[0]);
        const statement = Q['import-empty-lists'].statements[which[kind]];
        await tx.run(statement, { rows: chunk });
      });
  }
}

/** Waits until Neo4j, restarted by the launcher, answers again. */
async function backAgain(db: Neo4jExecutor): Promise<void> {
  const deadline = Date.now() + BACK_WITHIN_MS;
  for (;;) {
    try {
      await db.probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
