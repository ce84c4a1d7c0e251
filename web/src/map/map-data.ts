import type { Gql } from '../api-client.ts';

/**
 * The ecosystem map as the API sends it (api/map/map-model.ts, MapData):
 * things in columns, most linked first; the links drawn, as indices; the
 * communities, largest first, named by their most central things; the hubs
 * every letter touches, placed apart above the map.
 */
export type MapLinkKind = 'together' | 'supports' | 'part-of';

export interface MapData {
  version: string;
  nodes: {
    id: string[];
    name: string[];
    kind: string[];
    x: number[];
    y: number[];
    r: number[];
    community: number[];
    letters: number[];
    degree: number[];
    chain: Array<string | null>;
    place: Array<string | null>;
  };
  links: { source: number[]; target: number[]; kind: MapLinkKind[]; letters: number[] };
  communities: Array<{ id: number; size: number; names: string[]; x: number; y: number }>;
  hubs: Array<{
    id: string;
    kind: string;
    name: string;
    role: 'chain' | 'issuer' | 'copy';
    letters: number;
    x: number;
    y: number;
    r: number;
  }>;
  stats: { things: number; pairs: number; links: number; communities: number; modularity: number; buildMs: number };
}

interface MapAnswer {
  map: { status: 'READY' | 'COMPUTING' | 'FAILED'; version: string; step: string | null; data: MapData | null };
}

/** The map of the store's current version; while the server computes it, `onStep` hears what it is doing. */
export async function loadMap(gql: Gql, onStep: (step: string) => void, pollMs = 1000): Promise<MapData> {
  for (;;) {
    const { map } = await gql<MapAnswer>('query Map { map { status version step data } }');
    if (map.status === 'READY' && map.data) return map.data;
    if (map.status === 'FAILED') throw new Error(map.step ?? 'the map could not be computed');
    onStep(map.step ?? '');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
