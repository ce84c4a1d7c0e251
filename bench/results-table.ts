import type { ApiFigures } from './measure-api.ts';
import type { FormatFigures } from './measure-formats.ts';
import type { IngestFigures } from './measure-ingest.ts';
import type { WebFigures } from './measure-web.ts';

/** One size of the ingest bench: its figures and jieba alone on the same letters (the ceiling). */
export type IngestRow = IngestFigures & {
  size: number;
  ceilingSeconds: number;
  ceilingWorkers: number;
  ceilingRatio: number;
};

/** The table `innograph bench run` prints (bench/results.json holds the same figures). */
export function formatTable(results: {
  machine: Record<string, unknown>;
  ingest: IngestRow[];
  formats: Array<FormatFigures & { size: number }>;
  api: { results: unknown; clients: number; letters: number; serverWorkers: number };
  web: unknown;
}): string {
  const lines = [
    `machine: ${Object.values(results.machine).join(' · ')}`,
    '',
    'ingest   letters/s   MB/s  extract s  resolve s  store write s  store MB  load s  nodes   edges   peak MiB',
  ];
  for (const r of results.ingest) {
    lines.push(
      `${String(r.size).padStart(6)} ${r.lettersPerSecond.toFixed(0).padStart(10)} ${r.megabytesPerSecond.toFixed(2).padStart(6)} ${r.extractSeconds.toFixed(2).padStart(10)} ${r.resolveSeconds.toFixed(2).padStart(10)} ${r.storeWriteSeconds.toFixed(2).padStart(14)} ${(r.storeBytes / 2 ** 20).toFixed(1).padStart(9)} ${r.storeLoadSeconds.toFixed(2).padStart(7)} ${String(r.nodes).padStart(6)} ${String(r.edges).padStart(7)} ${String(r.peakRssMiB).padStart(9)}`,
    );
  }
  // Linear build: the whole build (read, resolve, store write) per 1,000 letters, against the first size's.
  const build = (r: IngestRow) => r.extractSeconds + r.resolveSeconds + r.storeWriteSeconds;
  const base = results.ingest[0];
  lines.push(
    '',
    'build    total s  s per 1k  × first size per letter | jieba alone s (workers)  ingest dry run / ceiling',
  );
  for (const r of results.ingest) {
    const perK = (build(r) * 1000) / r.size;
    const baseK = base ? (build(base) * 1000) / base.size : perK;
    lines.push(
      `${String(r.size).padStart(6)} ${build(r).toFixed(1).padStart(9)} ${perK.toFixed(2).padStart(9)} ${(perK / baseK).toFixed(2).padStart(24)} | ${`${r.ceilingSeconds.toFixed(1)} (${r.ceilingWorkers})`.padStart(23)} ${`${(100 * r.ceilingRatio).toFixed(1)} %`.padStart(25)}`,
    );
  }
  if (results.formats.length > 0) {
    lines.push(
      '',
      'embedded store  image: MB  open s  load s  write s | fragments only: MB  load s | one-letter change s | single JSON file (before): MB  write s  load s',
    );
    for (const r of results.formats) {
      lines.push(
        `${String(r.size).padStart(6)} ${(r.imageBytes / 2 ** 20).toFixed(1).padStart(18)} ${r.imageOpenSeconds.toFixed(2).padStart(7)} ${r.imageLoadSeconds.toFixed(2).padStart(7)} ${r.imageWriteSeconds.toFixed(2).padStart(8)} | ${(r.segmentedBytes / 2 ** 20).toFixed(1).padStart(18)} ${r.segmentedLoadSeconds.toFixed(2).padStart(7)} | ${r.segmentedOneLetterSeconds.toFixed(3).padStart(19)} | ${r.singleFileBytes === null ? 'does not fit in one string'.padStart(46) : `${(r.singleFileBytes / 2 ** 20).toFixed(1).padStart(29)} ${r.singleFileWriteSeconds!.toFixed(2).padStart(8)} ${r.singleFileLoadSeconds!.toFixed(2).padStart(7)}`}`,
      );
    }
  }
  if (Array.isArray(results.api.results)) {
    lines.push(
      '',
      `api (ms) on ${results.api.letters} letters, ${results.api.serverWorkers} server workers`,
      `query           variants  alone p50  first | ${results.api.clients} clients: p50     p95     p99     max  req/s  errors | server MiB before → peak → after`,
    );
    for (const r of results.api.results as ApiFigures[]) {
      lines.push(
        `${r.query.padEnd(18)} ${String(r.variants).padStart(5)} ${r.aloneP50.toFixed(1).padStart(10)} ${r.aloneFirst.toFixed(0).padStart(6)} | ${r.p50.toFixed(1).padStart(18)} ${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${r.max.toFixed(0).padStart(7)} ${r.rps.toFixed(0).padStart(6)} ${String(r.errors).padStart(7)} | ${`${r.serverRssBeforeMiB} → ${r.serverRssPeakMiB} → ${r.serverRssAfterMiB}`.padStart(33)}`,
      );
    }
  }
  if (results.web && typeof results.web === 'object') {
    const web = results.web as WebFigures;
    lines.push('', 'explorer first view   letters  nodes  ready ms (navigation to drawn)');
    for (const r of web.firstView)
      lines.push(`${String(r.letters).padStart(29)} ${String(r.nodes).padStart(6)} ${String(r.readyMs).padStart(9)}`);
    // Earlier runs measured the whole-graph canvas; the whole archive is the map now (its own table).
    if (web.whole.length > 0)
      lines.push(
        '',
        'explorer whole graph  nodes  renderer  ready ms  layout ms  links drawn  scripted pan ms (median / p95)  mouse drag ms (median / p95, after)',
      );
    for (const r of web.whole)
      lines.push(
        `${String(r.nodes).padStart(27)}  ${r.renderer.padEnd(8)} ${r.error ? `failed: ${r.error}` : `${String(r.readyMs).padStart(9)} ${String(r.layoutMs).padStart(10)} ${String(r.drawnEdges).padStart(12)}   ${`${r.frameMsMedian} / ${r.frameMsP95}`.padEnd(31)} ${r.dragFrameMsMedian} / ${r.dragFrameMsP95}, ${r.afterDragMs}`}`,
      );
  } else lines.push('', `web: ${String(results.web)}`);
  return lines.join('\n');
}
