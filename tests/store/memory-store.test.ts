import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { storeContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'innograph-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('embedded, in memory', async () => new MemoryStore({ path: null }));
storeContract('embedded, with a snapshot file', async () => new MemoryStore({ path: join(dir, 'snapshot.json') }));
