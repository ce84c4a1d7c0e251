import { parseArgs } from 'node:util';
import { createServer } from '../api/create-server.ts';
import { resilientStore } from '../api/resilient-store.ts';
import { warmEachVersion, warmUp } from '../api/warm-up.ts';
import { openStore, storeConfigFrom } from '../store/open-store.ts';
import { storeOptionsHelp } from './store-config.ts';
import {
  isServeWorker,
  leaveWorkers,
  reportListening,
  superviseWorkers,
  WORKERS_HELP,
  workersFrom,
} from './serve-workers.ts';

export const SERVE_HELP = `innograph serve [options]

Serves the GraphQL API at /graphql (GraphiQL with example queries in a
browser), the explorer at /, example queries at /examples and the store's
state at /health.

Options:
  --port N           port (env PORT, default 4000; 0 picks a free one)
  --host H           interface (env HOST, default 127.0.0.1; 0.0.0.0 for all)
  --cors ORIGINS     comma-separated origins allowed to call the API from a
                     browser (env INNOGRAPH_CORS; default: same origin only)
${WORKERS_HELP}
${storeOptionsHelp}`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      cors: { type: 'string' },
      store: { type: 'string' },
      data: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (console.log(SERVE_HELP), 0);
  const port = Number(values.port ?? process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`innograph serve: --port must be 0 to 65535, got ${values.port ?? process.env.PORT}`);
    return 2;
  }
  const workers = workersFrom(values.workers);
  if (typeof workers === 'string') {
    console.error(`innograph serve: ${workers}`);
    return 2;
  }
  const config = storeConfigFrom(values);
  // On every core: this process starts the workers, each of which runs this command as one server (cli/serve-workers.ts).
  if (workers > 1 && !isServeWorker()) return superviseWorkers(workers);
  const where = config.adapter === 'neo4j' ? `Neo4j at ${config.uri}` : `embedded store ${config.path}`;
  const store = resilientStore(() => openStore(config, { reload: 'background' }), where);
  const cors = (values.cors ?? process.env.INNOGRAPH_CORS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The explorer's named views are kept beside the embedded store; with Neo4j, beside where the embedded one would be.
  const viewsFile = `${config.adapter === 'embedded' && config.path ? config.path : 'data/innograph'}.views.json`;
  const server = createServer({ store, corsOrigins: cors, viewsFile });
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  let url: string;
  try {
    url = await server.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      `innograph serve: cannot listen on ${host}:${port} (${code === 'EADDRINUSE' ? 'the port is in use; pass --port, e.g. --port 4001' : (error as Error).message})`,
    );
    await store.close();
    leaveWorkers();
    return 2;
  }
  // The embedded store's indexes, once per graph version, before the first request needs them (api/warm-up.ts).
  const warm = config.adapter === 'embedded' ? await warmUp(server, store) : null;
  const stopWarming = config.adapter === 'embedded' ? warmEachVersion(server, store) : () => undefined;
  const health = await store.health();
  const ready = warm && warm.failed === 0 ? ` (indexes ready in ${(warm.ms / 1000).toFixed(1)} s)` : '';
  const line = `innograph: explorer ${url}/ · GraphQL ${url}/graphql · store: ${health.ok ? `${health.detail}, ${health.nodes} nodes${ready}` : `UNAVAILABLE (${health.detail}); will retry`}`;
  if (isServeWorker()) reportListening(line);
  else console.log(line);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopWarming();
  await server.close();
  await store.close();
  leaveWorkers();
  return 0;
}
