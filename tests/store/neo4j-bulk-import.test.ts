import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphDocument } from '../../domain/model.ts';
import { ingestTexts, removeSources } from '../../ingest/ingest-files.ts';
import type { LetterText } from '../../ingest/read/read-letter-file.ts';
import { commitGraph } from '../../store/commit-graph.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { importFolder, launcherControl } from '../../store/neo4j/bulk-import.ts';
import { loadCypher } from '../../store/neo4j/cypher-files.ts';
import { Neo4jExecutor } from '../../store/neo4j/executor.ts';
import { Neo4jStore } from '../../store/neo4j/neo4j-store.ts';
import { wholeGraph } from '../../store/whole-graph.ts';
import { startNeo4j } from '../../neo4j-launcher/neo4j.ts';
import { seedTexts, syntheticTexts } from '../helpers/corpus.ts';
import { lines } from '../helpers/graph-lines.ts';

/**
 * A first load through Neo4j's batch importer, on the Neo4j the launcher runs for the tests
 * (tests/store/neo4j-setup.ts; store/neo4j/bulk-import.ts, neo4j-launcher FirstLoadImport.java): the
 * database it leaves is the one the Cypher path leaves (every node, relationship, property and its type),
 * later changes go on from it, an import that fails half-way leaves the database as it was, and bad
 * requests are refused with a code and plain words. On a Neo4j of one's own (NEO4J_URI) the launcher's
 * endpoint does not exist: these tests say so and stop.
 */
const neo4j = inject('neo4j');
const IN_THIS_THREAD = { workers: 0 } as const;

/** What the database holds, element ids replaced by each node's key, and the meta nodes' clocks and counts left out. */
async function dump(db: Neo4jExecutor): Promise<string[]> {
  return db.read(async (tx) => {
    const keyOf = new Map<string, string>();
    const out: string[] = [];
    for (const r of (await tx.run(loadCypher('export-nodes').statements[0])).records) {
      const labels = [...(r.get('labels') as string[])].sort();
      const props = r.get('props') as Record<string, unknown>;
      const key = `${labels.join(':')} ${String(props.id ?? props.letter)}`;
      keyOf.set(r.get('element') as string, key);
      const types = (r.get('types') as Array<[string, string]>)
        .filter(
          ([k]) => !(labels.includes('InnographMeta') && ['at', 'version', 'since', 'expires', 'owner'].includes(k)),
        )
        .sort(([a], [b]) => (a < b ? -1 : 1));
      out.push(`${key} ${JSON.stringify(types.map(([k, type]) => [k, type, props[k]]))}`);
    }
    for (const r of (await tx.run(loadCypher('export-relationships').statements[0])).records) {
      const props = r.get('props') as Record<string, unknown>;
      const types = (r.get('types') as Array<[string, string]>).sort(([a], [b]) => (a < b ? -1 : 1));
      out.push(
        `${keyOf.get(r.get('start'))} -${r.get('type')}-> ${keyOf.get(r.get('end'))} ${JSON.stringify(types.map(([k, type]) => [k, type, props[k]]))}`,
      );
    }
    return out.sort();
  });
}

async function graphOf(texts: LetterText[]): Promise<GraphDocument> {
  const memory = new MemoryStore({ path: null });
  await ingestTexts(texts, memory, IN_THIS_THREAD);
  return wholeGraph(memory);
}

if ('uri' in neo4j) {
  describe('Neo4j: a first load by the launcher’s importer', () => {
    let byCypher: Neo4jStore;
    let byImport: Neo4jStore;
    let db: Neo4jExecutor;
    let control: string | null = null;
    let letters: LetterText[] = [];
    let all: GraphDocument;
    const folders: string[] = [];

    beforeAll(async () => {
      byCypher = new Neo4jStore({ ...neo4j, bulkImport: false });
      byImport = new Neo4jStore({ ...neo4j, bulkImport: { minLetters: 1 } });
      await byCypher.connect();
      await byImport.connect();
      db = new Neo4jExecutor(neo4j);
      control = await launcherControl(db);
      letters = [...seedTexts(), ...(await syntheticTexts(12, 7, 'synthetic-'))];
      all = await graphOf(letters);
    }, 240_000);
    afterAll(async () => {
      await byCypher?.clear();
      await byCypher?.close();
      await byImport?.close();
      await db?.close();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });

    it('leaves the database the Cypher path leaves, and later changes go on from it', async (context) => {
      if (!control) return context.skip('this Neo4j was not started by the innograph launcher');
      await byCypher.clear();
      await commitGraph(byCypher, all);
      expect(byCypher.lastFirstLoad).toEqual({ by: 'cypher', refused: undefined });
      const expected = await dump(db);

      await byImport.clear();
      await commitGraph(byImport, all);
      expect(byImport.lastFirstLoad?.by).toBe('import');
      expect(await dump(db)).toEqual(expected);
      expect(lines(await wholeGraph(byImport))).toEqual(lines(all));

      // Its answers: the search's full-text index, the letters stored, the chain matrix as the embedded store's.
      const memory = new MemoryStore({ path: null });
      await ingestTexts(letters, memory, IN_THIS_THREAD);
      const name = all.nodes.find((n) => n.kind === 'Organization')!.name;
      expect((await byImport.search(name, { first: 3 })).map((h) => h.node.id)).toEqual(
        (await memory.search(name, { first: 3 })).map((h) => h.node.id),
      );
      expect((await byImport.stats()).letters).toBe(letters.length);
      expect(await byImport.chainMatrix()).toEqual(await memory.chainMatrix());

      // A removal after it leaves what the embedded store leaves.
      const gone = letters.slice(0, 3).map((l) => l.source);
      await removeSources(gone, byImport, IN_THIS_THREAD);
      await removeSources(gone, memory, IN_THIS_THREAD);
      expect(lines(await wholeGraph(byImport))).toEqual(lines(await wholeGraph(memory)));
    }, 240_000);

    it('takes a field longer than the importer reads by default (4 MiB)', async (context) => {
      if (!control) return context.skip('this Neo4j was not started by the innograph launcher');
      await byImport.clear();
      // A graph's chain links are kept as one JSON text (set-chain-links.cypher); a large archive's pass 4 MiB.
      const json = JSON.stringify({ rows: [], nodes: [], padding: '链'.repeat(3_000_000) });
      await db.write(async (tx) => {
        await tx.run(loadCypher('write-lock').statements[0]);
        await tx.run(loadCypher('set-chain-links').statements[0], { json });
      });
      const two = await graphOf(letters.slice(0, 2));
      await commitGraph(byImport, two);
      expect(byImport.lastFirstLoad).toMatchObject({ by: 'import' });
      expect(lines(await wholeGraph(byImport))).toEqual(lines(two));
    }, 240_000);

    it('an import that fails half-way leaves the database as it was', async (context) => {
      if (!control) return context.skip('this Neo4j was not started by the innograph launcher');
      await byCypher.clear();
      await commitGraph(byCypher, await graphOf(letters.slice(0, 2)));
      await byCypher.clear();
      const before = await dump(db);
      const version = await versionNow(db);
      // Nodes the importer takes, then a relationship to a node that does not exist: it stops there.
      const folder = mkdtempSync(join(tmpdir(), 'innograph-import-test-'));
      folders.push(folder);
      writeFileSync(
        join(folder, 'nodes-0001.csv'),
        ':ID,:LABEL,id:string\n"a","Entity","Person:甲"\n"b","Entity","Person:乙"\n',
      );
      writeFileSync(join(folder, 'relationships-0001.csv'), ':START_ID,:END_ID,:TYPE\n"a","missing","MENTIONS"\n');
      const failed = importFolder(control, folder, version);
      await expect(failed).rejects.toMatchObject({ code: 'NEO4J_IMPORT_FAILED' });
      await expect(failed).rejects.toThrow(/database is unchanged.*missing/s);
      expect(await dump(db)).toEqual(before);
      // And it takes writes as before.
      await commitGraph(byCypher, await graphOf(letters.slice(0, 2)));
      expect((await byCypher.stats()).letters).toBe(2);
    }, 240_000);

    it('refuses a missing folder, a database holding letters and one written since, in plain words', async (context) => {
      if (!control) return context.skip('this Neo4j was not started by the innograph launcher');
      const version = await versionNow(db);
      await expect(importFolder(control, '/no/such/folder', version)).rejects.toMatchObject({
        code: 'NEO4J_IMPORT_FOLDER',
        message: expect.stringMatching(/\/no\/such\/folder is not an absolute path to a folder/),
      });
      const empty = mkdtempSync(join(tmpdir(), 'innograph-import-test-'));
      folders.push(empty);
      await expect(importFolder(control, empty, version)).rejects.toMatchObject({
        code: 'NEO4J_IMPORT_FOLDER',
        message: expect.stringMatching(/holds no nodes-\*\.csv file/),
      });
      writeFileSync(join(empty, 'nodes-0001.csv'), ':ID,:LABEL,id:string\n"a","Entity","Person:甲"\n');
      await byCypher.clear();
      await commitGraph(byCypher, await graphOf(letters.slice(0, 2)));
      await expect(importFolder(control, empty, await versionNow(db))).rejects.toMatchObject({
        code: 'NEO4J_IMPORT_NOT_EMPTY',
        message: expect.stringMatching(/the database holds 2 letters; a bulk import fills an empty database only/),
      });
      await byCypher.clear();
      await expect(importFolder(control, empty, (await versionNow(db)) - 1)).rejects.toMatchObject({
        code: 'NEO4J_IMPORT_NOT_EMPTY',
        message: expect.stringMatching(/written since the import files were made/),
      });
      expect(await dump(db)).not.toContain(expect.stringContaining('Person:甲'));
    }, 240_000);

    it('runs the importer in a JVM of its own: an importer out of memory leaves the database and the launcher as they were', async (context) => {
      if (!control) return context.skip('this Neo4j was not started by the innograph launcher');
      // A launcher of its own whose importer gets 16 MiB: the import fails there, not in the database's JVM.
      const small = await startNeo4j({ importHeapMb: 16 });
      const store = new Neo4jStore({ uri: small.uri, user: 'neo4j', password: '', bulkImport: { minLetters: 1 } });
      try {
        await store.connect();
        const two = await graphOf(letters.slice(0, 2));
        await commitGraph(store, two);
        // The importer said why, the load fell back to Cypher, and the database holds what was asked.
        expect(store.lastFirstLoad).toMatchObject({
          by: 'cypher',
          refused: expect.stringMatching(/importer did not finish.*database is unchanged.*OutOfMemoryError/s),
        });
        expect(lines(await wholeGraph(store))).toEqual(lines(two));
      } finally {
        await store.close();
        await small.stop();
      }
    }, 240_000);
  });
} else {
  describe.skip(`Neo4j bulk import (skipped: ${neo4j.skip})`, () => {
    it('runs when a Neo4j is available', () => {});
  });
}

async function versionNow(db: Neo4jExecutor): Promise<number> {
  return db.read(
    async (tx) => (await tx.run(loadCypher('graph-version').statements[0])).records[0].get('version') as number,
  );
}
