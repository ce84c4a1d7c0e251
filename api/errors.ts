import { GraphQLError } from 'graphql';
import { isInnographError } from '../domain/errors.ts';

/**
 * What a client sees of an error. innograph's own errors keep their message
 * and carry their code (STORE_UNAVAILABLE, BAD_REQUEST …) in extensions;
 * GraphQL's own errors (parse, validation) pass as they are; anything
 * unexpected is masked as INTERNAL_SERVER_ERROR, its details logged on the
 * server only.
 */
const HTTP_STATUS: Record<string, number> = {
  STORE_UNAVAILABLE: 503,
  STORE_DAMAGED: 503,
  STORE_BUSY: 503,
  BAD_REQUEST: 400,
  STORE_QUERY_FAILED: 500,
};

// graphql is loaded both as ESM and CJS by different packages, so `instanceof` cannot be trusted.
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

export function maskError(error: unknown, message: string): Error {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  if (isInnographError(original)) {
    const gql = isGraphQLError(error) ? error : undefined;
    return new GraphQLError(original.message, {
      nodes: gql?.nodes,
      path: gql?.path,
      source: gql?.source,
      positions: gql?.positions,
      extensions: { code: original.code, http: { status: HTTP_STATUS[original.code] ?? 400 } },
    });
  }
  if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) return error;
  console.error('innograph: unexpected error', original);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
