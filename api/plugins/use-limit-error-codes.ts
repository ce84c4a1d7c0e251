import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-armor rejects over-limit queries with plain errors ("Syntax Error:
 * Query depth limit of 12 exceeded"), and graphql-yoga some refusals too (a
 * missing CSRF header, a variable of the wrong type); this gives each one a
 * code a client can act on, and one to the read-only refusal of mutations. It
 * runs on the final result, where validation and parse errors arrive however
 * they were raised.
 */
const CODES: Array<[RegExp, string]> = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/token limit/i, 'TOO_MANY_TOKENS'],
  [/cost limit/i, 'QUERY_TOO_COSTLY'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
  [/not configured to execute (mutation|subscription)/i, 'OPERATION_NOT_SUPPORTED'],
  [/^Validation aborted/, 'QUERY_TOO_COMPLEX'],
  // Refusals raised before a query is read, which graphql-yoga sends without a code.
  [/^Required CSRF header/, 'CSRF_HEADER_MISSING'],
  [/^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/, 'BAD_USER_INPUT'],
  [/^POST body sent invalid JSON/, 'BAD_REQUEST'],
];

/** Our words where the library's would puzzle a user (what is wrong and what to do). */
const MESSAGES: Record<string, (message: string) => string> = {
  OPERATION_NOT_SUPPORTED: (message) => `${message}: the innograph API is read-only`,
  QUERY_TOO_COMPLEX: () =>
    'the query repeats the same fields too often to be checked (validation gave up); ask for each field once',
  CSRF_HEADER_MISSING: () =>
    'a GET request, or a POST that is not application/json, must carry the header x-innograph: 1 (or x-graphql-yoga-csrf); it keeps other web sites from sending queries in your name',
  BAD_REQUEST: (message) =>
    /invalid JSON/.test(message)
      ? 'the request body is not valid JSON; send {"query": "…", "variables": {…}}'
      : message,
};

/**
 * The parser itself recurses once per nesting level, so a query nested
 * thousands deep overflows the stack before the depth limit can look at it.
 * Nesting (of braces, brackets and parentheses, outside strings and comments)
 * is counted on the text first; far past any real query it is refused.
 */
export const MAX_TEXT_NESTING = 100;

export function textNesting(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (c === '"') {
      const block = query.startsWith('"""', i);
      const end = block ? query.indexOf('"""', i + 3) : i;
      if (block) i = end < 0 ? query.length : end + 2;
      else for (i++; i < query.length && query[i] !== '"' && query[i] !== '\n'; i++) if (query[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']' || c === ')') depth--;
  }
  return deepest;
}

type ResultWithErrors = { errors?: readonly GraphQLError[] };

function withCode(error: GraphQLError): GraphQLError {
  const code = CODES.find(([pattern]) => pattern.test(error.message))?.[1];
  if (!code) return error;
  const message = (MESSAGES[code] ?? ((m: string) => m.replace(/^Syntax Error: /, '')))(error.message);
  // The library's own error (a JSON parser's message) is not passed on: the message says what to do.
  const { originalError: _library, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extensions, code },
  });
}

export function useLimitErrorCodes(): Plugin {
  return {
    onParams({ params, setResult }) {
      const nesting = typeof params.query === 'string' ? textNesting(params.query) : 0;
      if (nesting > MAX_TEXT_NESTING) {
        setResult({
          errors: [
            new GraphQLError(
              `the query is nested ${nesting} levels deep; innograph answers queries up to ${MAX_TEXT_NESTING} levels of brackets (and 12 levels of fields)`,
              { extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } } },
            ),
          ],
        });
      }
    },
    onResultProcess({ result, setResult }) {
      const single = result as ResultWithErrors;
      if (Array.isArray(result) || !single?.errors || single.errors.length === 0) return;
      setResult({ ...(result as object), errors: single.errors.map(withCode) } as typeof result);
    },
  };
}
