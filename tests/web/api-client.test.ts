import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, apiClient, BUSY_RETRIES_MS } from '../../web/src/api-client.ts';

/** A GraphQL endpoint that gives the listed error codes (null: an answer) one request after another. */
async function endpoint(answers: Array<string | null>): Promise<{ url: string; asked: () => number; server: Server }> {
  let asked = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const code = answers[Math.min(asked, answers.length - 1)];
      asked += 1;
      response.writeHead(code === null ? 200 : 503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          code === null
            ? { data: { stats: { letters: 3 } } }
            : { errors: [{ message: `refused: ${code}`, extensions: { code } }] },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, asked: () => asked, server };
}

describe('the explorer asking the API', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('asks again, after a pause each time, when the server says it is busy, and then has the answer', async () => {
    const api = await endpoint(['SERVER_BUSY', 'SERVER_BUSY', null]);
    server = api.server;
    const pauses: number[] = [];
    const gql = apiClient(api.url, BUSY_RETRIES_MS, async (ms) => void pauses.push(ms));
    await expect(gql('{ stats { letters } }')).resolves.toEqual({ stats: { letters: 3 } });
    expect(api.asked()).toBe(3);
    expect(pauses).toEqual(BUSY_RETRIES_MS.slice(0, 2));
  });

  it('gives up after its last pause, with the server’s own refusal', async () => {
    const api = await endpoint(['SERVER_BUSY']);
    server = api.server;
    const gql = apiClient(api.url, [5, 5], async () => undefined);
    const error = await gql('{ stats { letters } }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SERVER_BUSY');
    expect(api.asked()).toBe(3);
  });

  it('never asks again after any other error: a timed-out query would only take the server’s time again', async () => {
    const api = await endpoint(['QUERY_TIMEOUT', null]);
    server = api.server;
    const gql = apiClient(api.url, BUSY_RETRIES_MS, async () => undefined);
    await expect(gql('{ stats { letters } }')).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(api.asked()).toBe(1);
  });
});
