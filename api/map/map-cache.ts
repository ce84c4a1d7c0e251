import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GraphStore, StoreVersion } from '../../store/port.ts';
import { writeDurably } from '../../store/memory/segments.ts';
import { readMapInput } from './map-input.ts';
import type { MapData } from './map-model.ts';

/**
 * The map of the store's current graph version, computed once per version
 * off the request path: the store is read through its port, the layout runs
 * in a worker thread, and a request meanwhile answers COMPUTING with the step
 * under way (the page shows it and asks again). The result is kept in memory
 * and, for the embedded store, in a file beside it named by the version
 * (`<store>.<digest>.map.json`), so a restarted server does not lay it out
 * again; the files of earlier versions are removed. Neo4j's map is kept in
 * memory, per count of writes.
 */
export type MapState =
  | { status: 'READY'; version: string; map: MapData }
  | { status: 'COMPUTING'; version: string; step: string }
  | { status: 'FAILED'; version: string; step: string };

interface Job {
  version: string;
  state: MapState;
  worker: Worker | null;
  done: Promise<MapState>;
}

export class MapCache {
  private job: Job | null = null;

  /** The map of the store's current version: ready, being computed (started now if need be), or why it failed. */
  async state(store: GraphStore): Promise<MapState> {
    const version = await versionOf(store);
    if (this.job?.version === version.id) return this.job.state;
    // A newer version: the layout of the older one is of no use any more.
    void this.job?.worker?.terminate();
    const job: Job = {
      version: version.id,
      state: { status: 'COMPUTING', version: version.id, step: 'reading the graph' },
      worker: null,
      done: Promise.resolve(null as never),
    };
    job.done = this.compute(store, version, job).then(
      (map) => (job.state = { status: 'READY', version: version.id, map }),
      (error: unknown) =>
        (job.state = {
          status: 'FAILED',
          version: version.id,
          step: `the map could not be computed: ${message(error)}`,
        }),
    );
    this.job = job;
    return job.state;
  }

  /** Waits for the map of the current version (tests and benchmarks). */
  async ready(store: GraphStore): Promise<MapState> {
    await this.state(store);
    return this.job!.done;
  }

  close(): void {
    void this.job?.worker?.terminate();
  }

  private async compute(store: GraphStore, version: StoreVersion, job: Job): Promise<MapData> {
    const file = version.path ? mapFile(version.path, version.id) : null;
    const kept = file ? await readKept(file, version.id) : null;
    if (kept) return kept;
    const input = await readMapInput(store, (step) => (job.state = { ...job.state, step } as MapState));
    const map = await new Promise<MapData>((resolve, reject) => {
      const worker = new Worker(new URL('./map-worker.mjs', import.meta.url), {
        workerData: { input, version: version.id },
      });
      job.worker = worker;
      worker.on('message', (m: { step?: string; map?: MapData }) => {
        if (m.map) resolve(m.map);
        else if (m.step && job.state.status === 'COMPUTING') job.state = { ...job.state, step: m.step };
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the layout worker stopped (exit code ${code})`)));
    });
    void job.worker?.terminate();
    job.worker = null;
    if (file && version.path) {
      // Kept beside the store: a failure to write costs the next server a layout, not this answer.
      await writeDurably(file, [Buffer.from(JSON.stringify(map))]).catch(() => undefined);
      await removeOtherMaps(version.path, file);
    }
    return map;
  }
}

/** The store's version, or (a store that cannot name one) a digest of its counts, which change with nearly any change. */
async function versionOf(store: GraphStore): Promise<StoreVersion> {
  try {
    if (store.graphVersion) return await store.graphVersion();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const stats = await store.stats();
  return { id: `stats-${createHash('sha256').update(JSON.stringify(stats)).digest('hex')}`, path: null };
}

/**
 * Changes when what a kept map holds changes, so an older file is laid out again (2: places by name, not id; a
 * local name's place only where two things share the name).
 */
const MAP_FORMAT = 2;

export const mapFile = (path: string, version: string) =>
  `${path}.${createHash('sha256').update(`${MAP_FORMAT}|${version}`).digest('hex').slice(0, 16)}.map.json`;

async function readKept(file: string, version: string): Promise<MapData | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (!text) return null;
  try {
    const map = JSON.parse(text) as MapData;
    return map.version === version ? map : null;
  } catch {
    // A damaged file is laid out again, and replaced.
    return null;
  }
}

async function removeOtherMaps(path: string, keep: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const file = join(dirname(path), name);
    if (file !== keep && name.startsWith(prefix) && /^[0-9a-f]{16}\.map\.json$/.test(name.slice(prefix.length)))
      await rm(file, { force: true });
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
