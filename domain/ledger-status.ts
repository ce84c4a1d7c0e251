import file from './ledger-status.json' with { type: 'json' };

const W = {
  atMost: file.qualifiers.atMost,
  around: file.qualifiers.around,
  partlyAt: file.status.partlyAt,
  aroundTolerance: file.status.aroundTolerance,
};

/**
 * What became of a promise, derived from its indicator's series and never
 * written back onto it. A pure function: the same series gives the same
 * statuses, each naming the figures it compared.
 *
 *   superseded          a later letter sets another target for the same indicator and year
 *   met / partly / not met
 *                       a later letter reports a result for the same indicator and year
 *                       (partly: at least `partlyAt` of a lower-bound target)
 *   no comparable report later letters speak of the indicator, but of no figure for that year
 *                       (or the promise names no year, or what it measures was not recognised)
 *   no later report     no later letter speaks of the indicator at all
 * A target restated in several letters (same indicator, year, value) is one
 * promise with several sources; the earliest letter's figure stands for it.
 */
export type LedgerStatusName = 'met' | 'partly' | 'not met' | 'superseded' | 'no comparable report' | 'no later report';

export interface SeriesPoint {
  /** The Commitment or Achievement node. */
  figure: string;
  role: 'target' | 'result';
  value: number;
  unit: string;
  qualifier: string | null;
  forYear: number | null;
  letter: string;
  /** The letter's date, YYYY-MM-DD, or null when the letter has none. */
  letterDate: string | null;
  measure: string;
}

export interface PromiseStatus {
  status: LedgerStatusName;
  /** One sentence saying what was compared with what. */
  reason: string;
  /** The figures compared: the promise's own, then the later ones. */
  compared: string[];
  /** Every figure that states this same promise (one unless restated). */
  sources: string[];
  supersededBy: string | null;
}

const byDate = (a: SeriesPoint, b: SeriesPoint) =>
  (a.letterDate ?? '').localeCompare(b.letterDate ?? '') || a.figure.localeCompare(b.figure);
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** Later: from a letter dated after the promise's (a letter without a date is never later). */
const isLater = (point: SeriesPoint, than: SeriesPoint) =>
  point.letter !== than.letter &&
  point.letterDate !== null &&
  than.letterDate !== null &&
  point.letterDate > than.letterDate;

/** The status of every target in one indicator's series, by figure id. */
export function statusesOf(series: SeriesPoint[]): Map<string, PromiseStatus> {
  const points = [...series].sort(byDate);
  const targets = points.filter((p) => p.role === 'target');
  const statuses = new Map<string, PromiseStatus>();
  const done = new Set<string>();
  for (const target of targets) {
    if (done.has(target.figure)) continue;
    // 200万方 in one letter and 200万平方米以上 in another: one promise (a missing qualifier does not make another one).
    const group = targets.filter(
      (t) =>
        !done.has(t.figure) &&
        (t.figure === target.figure ||
          (t.forYear === target.forYear &&
            sameNumber(t.value, target.value) &&
            t.letter !== target.letter &&
            (t.qualifier === target.qualifier || t.qualifier === null || target.qualifier === null))),
    );
    const sources = group.map((t) => t.figure);
    const status = { ...statusOfPromise(target, group, points), sources };
    for (const figure of sources) {
      statuses.set(figure, status);
      done.add(figure);
    }
  }
  return statuses;
}

/** The status of a commitment no indicator could be found for. */
export function unmatchedStatus(figure: string): PromiseStatus {
  return {
    status: 'no comparable report',
    reason: 'what this figure measures was not recognised, so no other figure is compared with it',
    compared: [figure],
    sources: [figure],
    supersededBy: null,
  };
}

function statusOfPromise(
  target: SeriesPoint,
  group: SeriesPoint[],
  points: SeriesPoint[],
): Omit<PromiseStatus, 'sources'> {
  const latest = group[group.length - 1];
  const inGroup = new Set(group.map((g) => g.figure));
  const later = points.filter((p) => !inGroup.has(p.figure) && isLater(p, latest));
  const none = (status: LedgerStatusName, reason: string) => ({
    status,
    reason,
    compared: [target.figure],
    supersededBy: null,
  });
  // Later targets for other years are promises, not reports: only results count as a later report.
  if (!later.some((p) => p.role === 'result' || p.forYear === target.forYear))
    return none('no later report', 'no letter dated after this promise reports on this indicator');
  if (target.forYear === null)
    return none(
      'no comparable report',
      'later letters report on this indicator, but the promise names no year to compare them with',
    );
  const restated = later.filter((p) => p.role === 'target' && p.forYear === target.forYear);
  if (restated.length > 0) {
    const next = restated[0];
    return {
      status: 'superseded',
      reason: `a later letter sets ${next.value}${next.unit} for ${target.forYear} instead of ${target.value}${target.unit}`,
      compared: [target.figure, next.figure],
      supersededBy: next.figure,
    };
  }
  const results = later.filter(
    (p) =>
      p.role === 'result' &&
      (p.forYear === target.forYear ||
        (p.forYear === null && p.measure === 'cumulative' && Number(p.letterDate!.slice(0, 4)) > target.forYear!)),
  );
  if (results.length === 0)
    return none(
      'no comparable report',
      `later letters report on this indicator, but none gives a figure for ${target.forYear}`,
    );
  const result = results[results.length - 1];
  return {
    status: compare(target, result.value),
    reason: `${target.forYear}: promised ${describe(target)}, reported ${result.value}${result.unit}`,
    compared: [target.figure, ...results.map((r) => r.figure)],
    supersededBy: null,
  };
}

function describe(target: SeriesPoint): string {
  return `${target.value}${target.unit}${target.qualifier && !/^\d/.test(target.qualifier) ? ` ${target.qualifier}` : ''}`;
}

/** How a result stands against a target, by the target's qualifier: 以上 (at least), 以内 (at most), 左右 (about), 1-2 (a range). */
export function compare(target: Pick<SeriesPoint, 'value' | 'qualifier'>, result: number): LedgerStatusName {
  const qualifier = target.qualifier ?? '';
  if (W.atMost.includes(qualifier)) return result <= target.value ? 'met' : 'not met';
  const range = /^(\d+(?:\.\d+)?)-/.exec(qualifier);
  const goal = range
    ? Number(range[1]) * (target.value / Number(qualifier.split('-')[1] || target.value))
    : target.value;
  const floor = W.around.includes(qualifier) ? goal * (1 - W.aroundTolerance) : goal;
  if (result >= floor) return 'met';
  return result >= goal * W.partlyAt ? 'partly' : 'not met';
}
