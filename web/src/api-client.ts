/**
 * The explorer's only way to the data: POST GraphQL to /graphql. Errors come
 * back as ApiError with the server's code (STORE_UNAVAILABLE …) or
 * UNREACHABLE when no answer came at all.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function apiClient(endpoint = './graphql'): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-innograph': 'explorer' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new ApiError('UNREACHABLE', `${endpoint}: ${(error as Error).message}`);
    }
    let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = await response.json();
    } catch {
      throw new ApiError('UNREACHABLE', `${endpoint} answered ${response.status} without GraphQL`);
    }
    if (body.errors && body.errors.length > 0) {
      const [first] = body.errors;
      throw new ApiError(first.extensions?.code ?? 'ERROR', first.message);
    }
    return body.data as T;
  };
}
