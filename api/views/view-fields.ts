import type { ViewShelf } from './view-shelf.ts';

/** Query.views and the two mutations that keep them (the API's only writes; they never touch the graph). */
export function viewResolvers(shelf: ViewShelf) {
  return {
    query: { views: () => shelf.list() },
    mutation: {
      saveView: (_: unknown, args: { name: string; state: string }) => shelf.save(args.name, args.state),
      deleteView: (_: unknown, args: { name: string }) => shelf.remove(args.name),
    },
  };
}
