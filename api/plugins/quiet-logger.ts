import { isInnographError } from '../../domain/errors.ts';

/**
 * The server's log. graphql-yoga logs every error it masks, with its stack;
 * an InnographError (an unknown id, a bad argument, an unavailable store) is
 * an answer with a code, not a fault of the server, so it is not logged. Any
 * other error still is, stack and all.
 */
// Duck-typed: graphql's GraphQLError may come from another copy of the module (ESM and CommonJS builds).
const expected = (value: unknown): boolean =>
  isInnographError(value) ||
  (typeof value === 'object' && value !== null && 'originalError' in value && isInnographError(value.originalError));

export const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    if (args.length > 0 && args.every(expected)) return;
    console.error(...args);
  },
};
