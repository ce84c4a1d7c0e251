import { BadRequestError } from '../domain/errors.ts';
import { LIMITS, type Page, type PageArgs } from './port.ts';

/**
 * Relay-style cursors over a stable ordering. A cursor is an opaque base64url
 * of the offset after which the page starts; the adapters order their results
 * the same way (by id), so a cursor means the same thing to both.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor == null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^o:(\d+)$/.exec(text);
  if (!match)
    throw new BadRequestError(`"${cursor}" is not a cursor this API gave out; pass the endCursor of a previous page`);
  return Number(match[1]);
}

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0)
    throw new BadRequestError(`first must be a whole number ≥ 0, got ${first}`);
  if (first > LIMITS.pageSize)
    throw new BadRequestError(`first may be at most ${LIMITS.pageSize}, got ${first}; page with after: endCursor`);
  return first;
}

export function pageOf<T>(all: T[], args: PageArgs): Page<T> {
  const first = checkFirst(args.first);
  const offset = decodeCursor(args.after);
  const items = all.slice(offset, offset + first);
  const end = offset + items.length;
  return {
    items,
    totalCount: all.length,
    endCursor: items.length > 0 ? encodeCursor(end) : null,
    hasNextPage: end < all.length,
  };
}
