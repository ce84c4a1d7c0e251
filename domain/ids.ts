import type { NodeKind } from './model.ts';
import { normaliseName } from './normalise.ts';

/**
 * Stable ids: derived from kind and normalised name (or, for what belongs to
 * one letter, from the letter's source and an offset), so the same input
 * always gives the same ids and a re-ingest is a no-op.
 */
export const letterId = (source: string) => `Letter:${source}`;
export const entityId = (kind: NodeKind, name: string) => `${kind}:${normaliseName(name)}`;
export const figureId = (kind: 'Commitment' | 'Achievement', source: string, offset: number) =>
  `${kind}:${source}#${offset}`;
export const chainId = (chain: string) => `Chain:${chain}`;
