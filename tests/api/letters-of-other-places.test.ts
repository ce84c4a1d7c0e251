import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { startServer } from '../helpers/server.ts';

/**
 * The API over letters of other layouts (tests/fixtures/layouts): what an
 * analyst asks of them comes back without errors, numbers with letters in them included.
 */
const LAYOUTS = fileURLToPath(new URL('../fixtures/layouts/', import.meta.url));

describe('the API over letters of many layouts', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const store = new MemoryStore({ path: null });
    await ingestFiles(
      [`${LAYOUTS}pipe-table.txt`, `${LAYOUTS}status-repeated.txt`, `${LAYOUTS}co-handling.txt`],
      store,
      { workers: 1 },
    );
    server = await startServer(store);
  });
  afterAll(async () => server?.close());

  it('who proposed what, with the number as written when it holds letters (JY…), and who answered when', async () => {
    const { body } = await server.gql(
      '{ proposals(first: 10) { nodes { number numberAsWritten proposalKind title proposers { entity { name } } } } }',
    );
    expect(body.errors).toBeUndefined();
    const rows = body.data!.proposals.nodes.map((p: any) => [
      p.number,
      p.numberAsWritten,
      p.proposalKind,
      p.proposers.map((x: any) => x.entity.name),
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [null, 'JY200314070100', '建议', ['林晓燕']],
        [88, '88', '建议', ['吴国栋']],
        [null, null, '建议', ['民盟市委会']],
      ]),
    );
  });
});
