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

/**
 * A request the server refused as SERVER_BUSY (it waited its turn among large requests and did no work) is asked
 * again after these pauses, as its message says to; any other error, and the last refusal, reach the caller.
 */
export const BUSY_RETRIES_MS = [1_000, 2_000, 4_000];

export function apiClient(
  endpoint = './graphql',
  pauses: readonly number[] = BUSY_RETRIES_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Gql {
  const once = askOnce(endpoint);
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    for (const pause of pauses) {
      try {
        return await once<T>(query, variables);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'SERVER_BUSY') throw error;
        await sleep(pause);
      }
    }
    return once<T>(query, variables);
  };
}

function askOnce(endpoint: string): Gql {
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
