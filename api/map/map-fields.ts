import type { InnographContext } from '../context.ts';
import type { MapCache } from './map-cache.ts';

/** Query.map: the state of the current version's map; computing it is started by the first request that asks. */
export function mapQuery(cache: MapCache) {
  return {
    map: async (_: unknown, __: unknown, context: InnographContext) => {
      const state = await cache.state(context.store);
      return {
        status: state.status,
        version: state.version,
        step: state.status === 'READY' ? null : state.step,
        data: state.status === 'READY' ? state.map : null,
      };
    },
  };
}
