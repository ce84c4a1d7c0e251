import { StoreUnavailableError } from '../domain/errors.ts';
import type { GraphStore } from '../store/port.ts';

/**
 * The server's handle on its store. Opening can fail (Neo4j not up yet, wrong
 * password): the server still starts, every request answers
 * STORE_UNAVAILABLE with the reason, and the store is opened again — at most
 * once every `retryMs` — so the server recovers by itself when the store comes back.
 */
export function resilientStore(open: () => Promise<GraphStore>, where: string, retryMs = 2000): GraphStore {
  let store: GraphStore | null = null;
  let opening: Promise<GraphStore> | null = null;
  let lastFailure: { at: number; error: Error } | null = null;

  const current = async (): Promise<GraphStore> => {
    if (store) return store;
    if (lastFailure && Date.now() - lastFailure.at < retryMs) throw lastFailure.error;
    opening ??= open()
      .then(
        (s) => {
          store = s;
          lastFailure = null;
          return s;
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          lastFailure = {
            at: Date.now(),
            error:
              error instanceof StoreUnavailableError
                ? error
                : new StoreUnavailableError(`${where}: ${reason}`, { cause: error }),
          };
          throw lastFailure.error;
        },
      )
      .finally(() => {
        opening = null;
      });
    return opening;
  };

  return new Proxy({} as GraphStore, {
    get(_target, property: keyof GraphStore) {
      if (property === 'describe') return () => store?.describe() ?? where;
      if (property === 'health') {
        return async () => {
          try {
            return await (await current()).health();
          } catch (error) {
            return {
              ok: false,
              adapter: where.startsWith('Neo4j') ? 'neo4j' : 'memory',
              detail: (error as Error).message,
            };
          }
        };
      }
      if (property === 'close')
        return async () => {
          await store?.close();
        };
      if (property === 'memo')
        return async (key: string, compute: (s: GraphStore) => Promise<unknown>) => {
          const target = await current();
          return target.memo ? target.memo(key, compute) : compute(target);
        };
      // Optional: a store without numbered links (Neo4j) answers null, and connections walks through edgesOf.
      if (property === 'connectionLinks')
        return async () => {
          const target = await current();
          return target.connectionLinks ? target.connectionLinks() : null;
        };
      // A store without versions (Neo4j answers each read from the database) is its own pinned view.
      if (property === 'pinned')
        return async () => {
          const target = await current();
          return target.pinned ? target.pinned() : target;
        };
      return async (...args: unknown[]) => {
        const target = await current();
        return (target[property] as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
