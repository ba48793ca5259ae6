import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';

/** A list of ids as one `uuid[]` parameter (one bind, whatever its length; empty is fine). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Runs a DELETE or UPDATE (without RETURNING) and answers how many rows it changed. */
export async function countChanged(q: Queryable, statement: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await q.execute(sql`WITH changed AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM changed`));
  return Number(row?.n ?? 0);
}
