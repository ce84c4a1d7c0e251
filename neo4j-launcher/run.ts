import { parseArgs } from 'node:util';
import { missingTools, startNeo4j } from './neo4j.ts';

/**
 * `npm run neo4j [-- --port 7687] [--data DIR]`: a Neo4j Community server for a
 * try, without Docker, until Ctrl-C. No authentication, so it listens on
 * 127.0.0.1 only; its data is deleted on exit unless --data names a folder.
 */
const { values } = parseArgs({ options: { port: { type: 'string', default: '7687' }, data: { type: 'string' } } });
const missing = missingTools();
if (missing) {
  console.error(
    `npm run neo4j: ${missing}. Install them (Debian: apt-get install openjdk-17-jdk-headless maven) or use docker compose up neo4j.`,
  );
  process.exit(2);
}
const neo4j = await startNeo4j({ port: Number(values.port), data: values.data, log: (line) => console.log(line) });
console.log(`Neo4j is up in ${(neo4j.startupMs / 1000).toFixed(1)} s (pid ${neo4j.pid}). In another terminal:
  export NEO4J_URI=${neo4j.uri}
  npx innograph ingest data/letters
  npx innograph serve
Ctrl-C stops it${values.data ? '' : ' and deletes its data'}.`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await neo4j.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
