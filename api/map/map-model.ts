import type { ChainName, NodeKind } from '../../domain/model.ts';

/**
 * The ecosystem map of a whole archive: what map-build.ts computes once per
 * graph version and the page draws as it is (web/src/map/). Plain JSON, kept
 * in a file beside the embedded store and sent compact (columns, not objects):
 * at 10,000 letters it holds some 11,600 things and 40,000 links.
 */

/** What the map is built from (map-input.ts reads it through the store's port). */
export interface MapInput {
  things: MapThing[];
  /** Links a sentence states between two things (SUPPORTS, PART_OF): drawn and weighted above co-mentions. */
  stated: Array<{ source: string; target: string; type: 'SUPPORTS' | 'PART_OF' }>;
  hubs: MapHub[];
}

export interface MapThing {
  id: string;
  kind: NodeKind;
  name: string;
  /** The letters that name it in their body (not only in the title, signature, contact or 抄送 line). */
  letters: string[];
  /** The chain it advances most often, or null. */
  chain: ChainName | null;
  /** The place (its name) of most of its letters; null when none of its letters has a known place. */
  place: string | null;
}

/** What every letter touches: kept off the layout (they would pull every thing into one ball) and drawn apart. */
export interface MapHub {
  id: string;
  kind: NodeKind;
  name: string;
  /** chain: one of the four chains; issuer: a body that signs letters; copy: on a 抄送 line. */
  role: 'chain' | 'issuer' | 'copy';
  letters: number;
}

export type MapLinkKind = 'together' | 'supports' | 'part-of';

/** The map as sent to the page: one row per thing and per link, in columns. */
export interface MapData {
  /** The graph version it was computed for (the store's version id). */
  version: string;
  /** Things, most linked first (the order labels are placed in). */
  nodes: {
    id: string[];
    name: string[];
    kind: NodeKind[];
    x: number[];
    y: number[];
    /** Radius in map units, by letters. */
    r: number[];
    community: number[];
    letters: number[];
    /** Distinct things it is named with: its importance for labels. */
    degree: number[];
    chain: Array<ChainName | null>;
    place: Array<string | null>;
  };
  /** The links drawn: the strongest few of each thing (see map-build.ts); indices into nodes. */
  links: { source: number[]; target: number[]; kind: MapLinkKind[]; letters: number[] };
  /** Largest first; each named by its most central things. */
  communities: Array<{ id: number; size: number; names: string[]; x: number; y: number }>;
  hubs: Array<MapHub & { x: number; y: number; r: number }>;
  stats: MapStats;
}

export interface MapStats {
  things: number;
  /** Pairs of things named in the same letter body (before the strongest were kept). */
  pairs: number;
  links: number;
  communities: number;
  modularity: number;
  iterations: number;
  /** Rounds the discs took to stand apart (spread-discs.ts), and the pairs still overlapping after them (0). */
  spreadRounds: number;
  overlaps: number;
  buildMs: number;
}
