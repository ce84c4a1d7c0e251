import { parentPort, workerData } from 'node:worker_threads';
import { buildMap } from './map-build.ts';
import type { MapInput } from './map-model.ts';

/** The map's layout, in its own thread: ForceAtlas2 on 10,000 things takes tens of seconds, which no request should wait behind. */
const { input, version } = workerData as { input: MapInput; version: string };
const map = buildMap(input, { version, onProgress: (step) => parentPort!.postMessage({ step }) });
parentPort!.postMessage({ map });
