import { Id, Timestamp } from '@tandem/protocol';
import { appError } from '../platform/app-error.ts';

/** Opaque keyset cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw appError('request.invalid', 'The cursor is not one this API issued.', { cause: error });
  }
  const valid =
    Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number');
  if (!valid) throw appError('request.invalid', 'The cursor is not one this API issued.');
  return key as (string | number)[];
}

/** A cursor over (timestamp, id), both checked: a forged one is a 400, never a database error. */
export function decodeActivityCursor(cursor: string | undefined): [string, string] | null {
  const key = decodeCursor(cursor, 2);
  if (key === null) return null;
  const [at, id] = key;
  if (!Timestamp.safeParse(at).success || !Id.safeParse(id).success) throw appError('request.invalid', 'The cursor is not one this API issued.');
  return [at as string, id as string];
}

/** Builds a page: asks for limit + 1 rows to know whether another page exists. */
export function toPage<T, R>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[], present: (row: T) => R) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
