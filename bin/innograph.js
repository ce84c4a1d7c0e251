#!/usr/bin/env node
// The innograph command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

// graphql-js runs costly development checks unless told it is in production; the tests set NODE_ENV=test.
process.env.NODE_ENV ??= 'production';

// `innograph stats | head -1`: the reader went away; stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
