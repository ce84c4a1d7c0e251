import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-armor rejects over-limit queries with plain errors ("Syntax Error:
 * Query depth limit of 12 exceeded"); this gives each one a code a client can
 * act on, and one to the read-only refusal of mutations. It runs on the final
 * result, where validation and parse errors arrive however they were raised.
 */
const CODES: Array<[RegExp, string]> = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/token limit/i, 'TOO_MANY_TOKENS'],
  [/cost limit/i, 'QUERY_TOO_COSTLY'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
  [/not configured to execute (mutation|subscription)/i, 'OPERATION_NOT_SUPPORTED'],
];

type ResultWithErrors = { errors?: readonly GraphQLError[] };

function withCode(error: GraphQLError): GraphQLError {
  const code = CODES.find(([pattern]) => pattern.test(error.message))?.[1];
  if (!code) return error;
  const message = code === 'OPERATION_NOT_SUPPORTED' ? `${error.message}: the innograph API is read-only` : error.message.replace(/^Syntax Error: /, '');
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
}

export function useLimitErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      const single = result as ResultWithErrors;
      if (Array.isArray(result) || !single?.errors || single.errors.length === 0) return;
      setResult({ ...(result as object), errors: single.errors.map(withCode) } as typeof result);
    },
  };
}
