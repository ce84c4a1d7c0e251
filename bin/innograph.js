#!/usr/bin/env node
// The innograph command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

// graphql-js runs costly development checks unless told it is in production; the tests set NODE_ENV=test.
process.env.NODE_ENV ??= 'production';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
