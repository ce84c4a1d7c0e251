import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, expect } from 'vitest';
import type { GraphStore } from '../../store/port.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { storeContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'innograph-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('embedded, in memory', async () => new MemoryStore({ path: null }));
storeContract('embedded, with a snapshot file', async () => new MemoryStore({ path: join(dir, 'snapshot.json') }));
storeContract('embedded, read by another process from the store’s image', async () =>
  readerBesideWriter(join(dir, 'image.json')),
);

/**
 * Writes go to one store; reads to a second store on the same files, as a
 * server beside an `innograph ingest` — which opens each change from the
 * image the writer left (store/memory/image-format.ts), not from the fragments.
 */
function readerBesideWriter(path: string): GraphStore {
  const writer = new MemoryStore({ path });
  const reader = new MemoryStore({ path });
  const writes = new Set<string>(['beginWrite', 'clear']);
  return new Proxy(reader, {
    get(target, name, receiver) {
      if (typeof name === 'string' && writes.has(name))
        return (writer[name as 'clear'] as (...args: unknown[]) => unknown).bind(writer);
      if (name === 'stats') {
        return async () => {
          const stats = await reader.stats();
          // Every version this reader saw after a write came from the image.
          expect(reader.loads).toBeGreaterThan(0);
          expect(reader.imageLoads).toBe(reader.loads);
          return stats;
        };
      }
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
