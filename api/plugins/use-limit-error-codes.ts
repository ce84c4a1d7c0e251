import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-armor rejects over-limit queries with plain validation errors; this
 * gives each a code a client can act on (QUERY_TOO_DEEP, TOO_MANY_ALIASES,
 * TOO_MANY_TOKENS, QUERY_TOO_COSTLY, TOO_MANY_DIRECTIVES).
 */
const CODES: Array<[RegExp, string]> = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/token limit/i, 'TOO_MANY_TOKENS'],
  [/cost limit/i, 'QUERY_TOO_COSTLY'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
];

export function useLimitErrorCodes(): Plugin {
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (valid) return;
        setResult(result.map((error) => {
          const code = CODES.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'GRAPHQL_VALIDATION_FAILED';
          return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
        }));
      };
    },
  };
}
