import { BadRequestError } from '../domain/errors.ts';
import { LIMITS, type NeighbourhoodOptions, type OverviewOptions } from './port.ts';

/** Argument checks both adapters apply, so both answer a bad request the same way. */
export function checkIds(ids: readonly string[], what = 'ids'): readonly string[] {
  if (ids.length > LIMITS.ids) throw new BadRequestError(`at most ${LIMITS.ids} ${what} at once, got ${ids.length}`);
  return ids;
}

export function checkNeighbourhood(options: NeighbourhoodOptions): NeighbourhoodOptions {
  const { depth, limit } = options;
  if (!Number.isInteger(depth) || depth < 1 || depth > LIMITS.neighbourhoodDepth) {
    throw new BadRequestError(`depth must be 1 to ${LIMITS.neighbourhoodDepth}, got ${depth}`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.neighbourhoodNodes) {
    throw new BadRequestError(`limit must be 1 to ${LIMITS.neighbourhoodNodes}, got ${limit}`);
  }
  return options;
}

export function checkOverview(options: OverviewOptions): OverviewOptions {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > LIMITS.overviewNodes) {
    throw new BadRequestError(`limit must be 1 to ${LIMITS.overviewNodes}, got ${options.limit}`);
  }
  return options;
}

export function checkHops(maxHops: number): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > LIMITS.pathHops) {
    throw new BadRequestError(`maxHops must be 1 to ${LIMITS.pathHops}, got ${maxHops}`);
  }
  return maxHops;
}

export function checkSearch(text: string, first: number): void {
  if (text.trim() === '') throw new BadRequestError('search text is empty; type part of a name, e.g. 瓯江');
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.searchResults) {
    throw new BadRequestError(`first must be 1 to ${LIMITS.searchResults}, got ${first}`);
  }
}
