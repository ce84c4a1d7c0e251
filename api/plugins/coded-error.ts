import { GraphQLError } from 'graphql';

/** An error the server raises itself, with its code and HTTP status in `extensions`, as graphql-yoga's own are. */
export function codedError(code: string, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}
