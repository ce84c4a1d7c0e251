/** The shapes the explorer reads from the API (the fields its queries ask for). */
export interface ApiNode {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  letterCount: number;
  /** Asked for after the first paint (they cost most for hubs): see loadExtras in main.ts. */
  chains?: Array<{ chain: { name: string }; basis: 'HEADING' | 'SENTENCE' | 'VOCABULARY' }>;
}

export interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface ApiSubgraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  capped: boolean;
}

// Not letterIds: a hub that every letter cc's would carry ten thousand ids; the letter filter asks for its letter's nodes instead.
export const NODE_FIELDS = 'id kind name aliases letterCount';
export const EDGE_FIELDS = 'id type source target';

export const ALL_KINDS = [
  'Letter',
  'Proposal',
  'Person',
  'Organization',
  'Platform',
  'Enterprise',
  'Policy',
  'Programme',
  'Commitment',
  'Achievement',
  'Indicator',
  'Chain',
  'Place',
];
export const ALL_EDGE_TYPES = [
  'ANSWERS',
  'PROPOSED_BY',
  'ISSUED_BY',
  'CONTACT',
  'CC',
  'MENTIONS',
  'COMMITS_TO',
  'REPORTS',
  'CONCERNS',
  'SUPPORTS',
  'ADVANCES',
  'PART_OF',
  'MEASURES',
  'IN_PLACE',
];
export const CHAIN_NAMES = ['创新链', '产业链', '资金链', '人才链'];

/** A place of the archive with its letters and the places inside it (the API's places tree). */
export interface PlaceCount {
  place: { code: string; name: string; fullName: string; level: 'province' | 'city' | 'county' };
  letters: number;
  children?: PlaceCount[];
}
export const PLACE_COUNT_FIELDS =
  'place { code name fullName level } letters children { place { code name fullName level } letters children { place { code name fullName level } letters } }';
