import type { Plugin } from 'graphql-yoga';

/**
 * A request whose body was refused (413, past the size limit) is answered
 * before the client has finished sending it; the rest is never read. The
 * connection is closed after the answer, so that a client does not send its
 * next request on a connection still full of the refused body (which it
 * would see reset).
 */
export function useCloseRefusedUpload(): Plugin {
  return {
    onResponse({ response }) {
      if (response.status === 413) response.headers.set('connection', 'close');
    },
  };
}
