import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { JSONResolver } from 'graphql-scalars';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphStore } from '../store/port.ts';
import { createContext, type InnographContext } from './context.ts';
import { maskError } from './errors.ts';
import { exampleQueries, examplesDocument } from './examples.ts';
import { MapCache } from './map/map-cache.ts';
import { mapQuery } from './map/map-fields.ts';
import { meterLists } from './plugins/answer-meter.ts';
import { quietLogger } from './plugins/quiet-logger.ts';
import { useCloseRefusedUpload } from './plugins/use-close-refused-upload.ts';
import { useLimitErrorCodes } from './plugins/use-limit-error-codes.ts';
import { useRequestGuard } from './plugins/use-request-guard.ts';
import { chainTypes } from './resolvers/chain-ties.ts';
import { pathLinkFields } from './resolvers/connections.ts';
import { edgeFields, mentionFields } from './resolvers/entity-fields.ts';
import { ledgerQuery, withLedger } from './resolvers/ledger.ts';
import { typeResolvers } from './resolvers/node-types.ts';
import { placeQuery, withPlaces } from './resolvers/places.ts';
import { query, rootTypes } from './resolvers/query.ts';
import { serveStatic } from './static-files.ts';
import { viewResolvers } from './views/view-fields.ts';
import { ViewShelf } from './views/view-shelf.ts';

export interface QueryLimits {
  /** @default 12 */
  maxDepth: number;
  /** @default 20 */
  maxAliases: number;
  /** @default 4000 */
  maxTokens: number;
  /** graphql-armor's cost, which weighs nesting (not list sizes). @default 20000 */
  maxCost: number;
  /** The cost counting list sizes: each field 1, times the first/limit/ids above it (plugins/list-cost.ts). @default 64000 */
  maxListCost: number;
  /** Values (list items times the fields asked of each) one answer may hold (plugins/answer-meter.ts). @default 750000 */
  maxAnswerValues: number;
  /** How long one request may run. @default 10000 */
  timeoutMs: number;
  /** How long a large request may wait for its turn behind others before SERVER_BUSY. @default 5000 */
  queueMs: number;
  /** The largest request body, counted while it streams in (REQUEST_ENTITY_TOO_LARGE past it). @default 1 MiB */
  maxBodyBytes: number;
}

export interface ServerOptions {
  store: GraphStore;
  /** The built explorer. @default web/dist of this checkout */
  webRoot?: string;
  /** Origins allowed to call the API from a browser; empty means same origin only. @default [] */
  corsOrigins?: string[];
  limits?: Partial<QueryLimits>;
  /** GraphiQL at /graphql in a browser. @default true */
  graphiql?: boolean;
  /** Where the explorer's named views are saved (api/views/). @default beside the embedded store; in memory otherwise */
  viewsFile?: string | null;
}

export interface InnographServer {
  yoga: YogaServerInstance<Record<string, never>, InnographContext>;
  http: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxCost: 20000,
  maxListCost: 64_000,
  maxAnswerValues: 750_000,
  timeoutMs: 10_000,
  queueMs: 5_000,
  maxBodyBytes: 2 ** 20,
};
// api/places.graphql extends the schema with places, letter kinds and the LetterScope (issue 22).
const SDL = ['./schema.graphql', './places.graphql']
  .map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'))
  .join('\n');
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** The explorer's map and named views (issue 25): state the server keeps, one per server. */
export interface ExplorerState {
  maps: MapCache;
  views: ViewShelf;
}

export function createSchema(explorer: ExplorerState = { maps: new MapCache(), views: new ViewShelf(null) }) {
  const views = viewResolvers(explorer.views);
  return makeExecutableSchema<InnographContext>({
    typeDefs: SDL,
    resolvers: {
      JSON: JSONResolver,
      Query: { ...query, ...ledgerQuery, ...placeQuery, ...mapQuery(explorer.maps), ...views.query },
      Mutation: views.mutation,
      Entity: { __resolveType: (node: { kind: string }) => node.kind },
      ...chainTypes,
      Edge: edgeFields,
      PathLink: pathLinkFields,
      Mention: mentionFields,
      ...rootTypes,
      ...withPlaces(withLedger(typeResolvers())),
    },
  });
}

/** The API (graphql-yoga) and the explorer's files behind one HTTP server; nothing listens until `listen`. */
export function createServer(options: ServerOptions): InnographServer {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const explorer: ExplorerState = { maps: new MapCache(), views: new ViewShelf(options.viewsFile ?? null) };
  const yoga = createYoga<Record<string, never>, InnographContext>({
    // Every list a resolver returns is counted against the request's answer budget.
    schema: meterLists(createSchema(explorer)),
    // Yoga counts the body as it streams in and stops reading past the limit (a query is a few KB).
    maxRequestBodySize: limits.maxBodyBytes,
    context: () => createContext(options.store),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'innograph GraphQL', defaultQuery: examplesDocument() },
    // GraphiQL's page with its scripts and styles inlined (9 MB, imported on first use), so it works without internet.
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    maskedErrors: { maskError },
    logging: quietLogger,
    cors:
      options.corsOrigins && options.corsOrigins.length > 0
        ? { origin: options.corsOrigins, methods: ['GET', 'POST'] }
        : false,
    plugins: [
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-innograph'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth, exposeLimits: true },
        maxAliases: { n: limits.maxAliases, exposeLimits: true },
        maxTokens: { n: limits.maxTokens, exposeLimits: true },
        costLimit: { maxCost: limits.maxCost, exposeLimits: true },
        maxDirectives: { n: 20, exposeLimits: true },
        blockFieldSuggestion: { enabled: false },
      }),
      useLimitErrorCodes(),
      useRequestGuard(limits),
      useCloseRefusedUpload(),
    ],
  });

  const http = createHttpServer(async (request, response) => {
    try {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/health') {
        const health = await options.store.health();
        response
          .writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', store: health }));
        return;
      }
      if (path === '/examples') {
        response
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(exampleQueries()));
        return;
      }
      if (path.startsWith('/graphql')) return void (await yoga.handle(request, response));
      if (await serveStatic(webRoot, request, response)) return;
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
    } catch (error) {
      console.error('innograph: request failed', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    }
  });

  return {
    yoga,
    http,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        explorer.maps.close();
        http.closeAllConnections?.();
        http.close(() => resolve());
      }),
  };
}
