import DataLoader from 'dataloader';
import type { GraphEdge, GraphNode } from '../domain/model.ts';
import type { GraphStore } from '../store/port.ts';

/**
 * Per-request state: the store and the batch loaders that keep resolvers free
 * of N+1 reads. Every node and every node's edges are read once per request,
 * in batches of up to 200 ids.
 */
export interface InnographContext {
  store: GraphStore;
  nodes: DataLoader<string, GraphNode | null>;
  /** All edges touching a node, either direction. */
  edges: DataLoader<string, GraphEdge[]>;
}

export function createContext(shared: GraphStore): InnographContext {
  const store = pinnedForRequest(shared);
  return {
    store,
    nodes: new DataLoader((ids) => store.getNodes(ids), { maxBatchSize: 200 }),
    edges: new DataLoader(
      async (ids) => {
        // Grouped in one pass: a hub (a cc'd office, a chain) can have tens of thousands of edges.
        const byId = new Map<string, GraphEdge[]>(ids.map((id) => [id, []]));
        for (const edge of await store.edgesOf(ids)) {
          byId.get(edge.source)?.push(edge);
          if (edge.target !== edge.source) byId.get(edge.target)?.push(edge);
        }
        return ids.map((id) => byId.get(id)!);
      },
      { maxBatchSize: 200 },
    ),
  };
}

/**
 * The request's reads all go to one version of the graph (taken at its first
 * read), so a reload landing mid-request cannot answer half from the old graph
 * and half from the new. Taken lazily: a store that cannot be opened still
 * answers STORE_UNAVAILABLE from the resolver that asked.
 */
function pinnedForRequest(store: GraphStore): GraphStore {
  if (!store.pinned) return store;
  let view: Promise<GraphStore> | null = null;
  const take = () =>
    (view ??= store.pinned!().catch((error: unknown) => {
      view = null;
      throw error;
    }));
  return new Proxy(store, {
    get(target, property: keyof GraphStore) {
      if (property === 'describe' || property === 'health' || property === 'close' || property === 'pinned')
        return target[property]?.bind(target);
      if (property === 'memo')
        return async (key: string, compute: (s: GraphStore) => Promise<unknown>) => {
          const pinned = await take();
          return pinned.memo ? pinned.memo(key, compute) : compute(pinned);
        };
      if (property === 'connectionLinks')
        return async () => {
          const pinned = await take();
          return pinned.connectionLinks ? pinned.connectionLinks() : null;
        };
      return async (...args: unknown[]) => {
        const pinned = await take();
        return (pinned[property] as (...a: unknown[]) => unknown).apply(pinned, args);
      };
    },
  });
}

const perRequest = new WeakMap<InnographContext, Map<string, Promise<unknown>>>();

/**
 * An answer computed once per version of the graph (GraphStore.memo) from the
 * store it is handed; once per request when the store keeps no versions.
 */
export function perVersion<T>(
  context: InnographContext,
  key: string,
  compute: (store: GraphStore) => Promise<T>,
): Promise<T> {
  if (context.store.memo) return context.store.memo(key, compute);
  let answers = perRequest.get(context);
  if (!answers) perRequest.set(context, (answers = new Map()));
  if (!answers.has(key)) answers.set(key, compute(context.store));
  return answers.get(key) as Promise<T>;
}

/** The nodes at the other end of a node's edges of some types, in a stable order. */
export async function linked(
  context: InnographContext,
  id: string,
  types: GraphEdge['type'][],
  direction: 'out' | 'in',
): Promise<GraphNode[]> {
  const edges = (await context.edges.load(id)).filter(
    (e) => types.includes(e.type) && (direction === 'out' ? e.source === id : e.target === id),
  );
  const others = [...new Set(edges.map((e) => (direction === 'out' ? e.target : e.source)))].sort();
  return (await context.nodes.loadMany(others)).filter((n): n is GraphNode => n !== null && !(n instanceof Error));
}
