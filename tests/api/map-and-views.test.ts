import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapCache } from '../../api/map/map-cache.ts';
import type { MapData } from '../../api/map/map-model.ts';
import { countOverlaps } from '../../api/map/spread-discs.ts';
import { ViewShelf } from '../../api/views/view-shelf.ts';
import { MemoryStore } from '../../store/memory/memory-store.ts';
import { seededStore, startServer } from '../helpers/server.ts';

/**
 * The map of the five seed letters, through the API and kept beside the store; named views saved through the one
 * write the API has, each bad part refused with a reason and nothing written.
 */
describe('the ecosystem map', () => {
  let dir: string;
  let store: MemoryStore;
  let map: MapData;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'innograph-map-'));
    await (await seededStore(join(dir, 'store.json'))).close();
    store = new MemoryStore({ path: join(dir, 'store.json') });
    const state = await new MapCache().ready(store);
    expect(state.status).toBe('READY');
    map = (state as { map: MapData }).map;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the things letters talk about, placed, in communities named by their most central things', () => {
    const n = map.nodes.id.length;
    expect(n).toBeGreaterThan(20);
    for (const column of Object.values(map.nodes)) expect(column).toHaveLength(n);
    expect(new Set(map.nodes.kind)).toEqual(new Set(['Organization', 'Platform', 'Enterprise', 'Policy', 'Programme']));
    expect(map.nodes.x.every(Number.isFinite) && map.nodes.y.every(Number.isFinite)).toBe(true);
    // No two discs overlap (nor come closer than the margin the stats report): every thing can be seen and clicked.
    const [x, y, r] = [map.nodes.x, map.nodes.y, map.nodes.r].map((c) => Float64Array.from(c));
    expect(map.stats.overlaps).toBe(0);
    expect(countOverlaps(x, y, r, 5.5)).toBe(0);
    // Most linked first: the order names are placed in.
    expect(map.nodes.degree).toEqual([...map.nodes.degree].sort((a, b) => b - a));
    expect(map.links.source.length).toBeGreaterThan(0);
    expect(map.communities.map((c) => c.size).reduce((a, b) => a + b, 0)).toBe(n);
    for (const c of map.communities) expect(c.names.length).toBeGreaterThan(0);
    expect(map.nodes.name).toContain(map.communities[0].names[0]);
  });

  it('keeps the hubs every letter touches apart: the chains, the issuer, the copy list — none of them placed among the things', () => {
    const roles = new Set(map.hubs.map((h) => h.role));
    expect(roles).toEqual(new Set(['chain', 'issuer', 'copy']));
    expect(map.hubs.map((h) => h.id)).toContain('Chain:创新链');
    const ids = new Set(map.nodes.id);
    expect(map.hubs.filter((h) => ids.has(h.id))).toEqual([]);
    const top = Math.min(...map.nodes.y.map((y, i) => y - map.nodes.r[i]));
    expect(map.hubs.every((h) => h.y + h.r < top)).toBe(true);
  });

  it('is kept beside the store under its version and read back by a new server instead of laid out again', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.map.json'));
    expect(files).toHaveLength(1);
    const again = await new MapCache().state(new MemoryStore({ path: join(dir, 'store.json') }));
    // A fresh cache answers COMPUTING at once and READY from the file: the same map, not a new layout.
    const ready = await new MapCache().ready(new MemoryStore({ path: join(dir, 'store.json') }));
    expect(again.version).toBe(map.version);
    expect((ready as { map: MapData }).map.stats.buildMs).toBe(map.stats.buildMs);
  });

  it('over GraphQL: COMPUTING with the step under way, then READY with the data', async () => {
    const server = await startServer(new MemoryStore({ path: join(dir, 'store.json') }));
    // Built, not a literal: the map's version names each store's state its own way, so it is no parity query.
    const fields = 'status version step data';
    const query = `{ map { ${fields} } }`;
    try {
      let body = (await server.gql(query)).body;
      for (let i = 0; i < 100 && body.data?.map.status !== 'READY'; i++) {
        expect(body.data?.map.status).toBe('COMPUTING');
        await new Promise((r) => setTimeout(r, 200));
        body = (await server.gql(query)).body;
      }
      expect(body.data?.map.data.nodes.id).toEqual(map.nodes.id);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('named views', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'innograph-views-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are saved, listed, replaced by name and deleted, and outlast the server', async () => {
    const file = join(dir, 'store.json.views.json');
    const server = await startServer(new MemoryStore({ path: null }), { viewsFile: file });
    const save = (name: string, state: string) =>
      server.gql(
        'mutation($n: String!, $s: String!) { saveView(name: $n, state: $s) { name state } }',
        { n: name, s: state },
        { 'x-innograph': 'explorer' },
      );
    try {
      expect((await save('温州平台', '?all=1&colour=kind&node=Platform%3A瓯江实验室')).body.data?.saveView).toEqual({
        name: '温州平台',
        state: 'all=1&colour=kind&node=Platform%3A%E7%93%AF%E6%B1%9F%E5%AE%9E%E9%AA%8C%E5%AE%A4',
      });
      await save('温州平台', 'all=1');
      await save('paths', 'from=a&to=b');
      const listed = (await server.gql('{ views { name state } }')).body.data?.views;
      expect(listed).toEqual([
        { name: 'paths', state: 'from=a&to=b' },
        { name: '温州平台', state: 'all=1' },
      ]);
      expect(
        (await server.gql('mutation { deleteView(name: "paths") }', {}, { 'x-innograph': 'explorer' })).body.data
          ?.deleteView,
      ).toBe(true);
    } finally {
      await server.close();
    }
    expect(existsSync(file)).toBe(true);
    expect(await new ViewShelf(file).list()).toMatchObject([{ name: '温州平台', state: 'all=1' }]);
  });

  it.each([
    ['an empty name', '  ', 'all=1', /needs a name/],
    ['a name of 61 characters', '名'.repeat(61), 'all=1', /at most 60/],
    ['a name with a line break', 'a\nb', 'all=1', /control/],
    ['a state over 4 KB', 'big', `node=${'x'.repeat(5000)}`, /4096 bytes/],
    ['a state with an unknown key', 'odd', 'all=1&<script>=1', /unknown key/],
  ])('refuses %s with BAD_REQUEST and writes nothing', async (_, name, state, reason) => {
    const file = join(dir, `refused-${Math.random()}.json`);
    const server = await startServer(new MemoryStore({ path: null }), { viewsFile: file });
    try {
      const { body } = await server.gql(
        'mutation($n: String!, $s: String!) { saveView(name: $n, state: $s) { name } }',
        { n: name, s: state },
        { 'x-innograph': 'explorer' },
      );
      expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0].message).toMatch(reason);
      expect(existsSync(file)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('a save from another site (no CSRF header) or by GET is refused', async () => {
    const server = await startServer(new MemoryStore({ path: null }));
    try {
      // What a form on another site can send without asking first: a plain-text POST, without the page's header.
      const noHeader = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { saveView(name: "x", state: "all=1") { name } }' }),
      });
      expect(noHeader.status).toBeGreaterThanOrEqual(400);
      const byGet = await fetch(
        `${server.url}/graphql?query=${encodeURIComponent('mutation { saveView(name: "x", state: "all=1") { name } }')}`,
        {
          headers: { 'x-innograph': 'explorer', accept: 'application/json' },
        },
      );
      expect(byGet.status).toBe(405);
      expect((await server.gql('{ views { name } }')).body.data?.views).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
