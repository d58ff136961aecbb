import { Invalid } from '../core/errors.js';

/** One page of a list and the cursor of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/**
 * Keyset cursors: the sort key and id of the last row served, as opaque base64url JSON. Keysets
 * stay correct while rows are added, unlike offsets.
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && uuidPattern.test(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the readable error below.
  }
  throw new Invalid('That cursor is not valid: pass the nextCursor of the previous page.', [{ path: 'querystring.cursor', message: 'is not a valid cursor' }]);
}

/** Cuts a `limit + 1` fetch into a page, deriving the next cursor from the last row kept. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last), last.id) : null };
}
