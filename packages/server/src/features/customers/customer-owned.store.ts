import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { conversations, identities, proactiveExposures, timelineEvents } from '../../adapters/postgres/schema.ts';

// Proactive exposures move too: the caps count a customer's shows on every device they used.
const OWNED = { identities, conversations, timelineEvents, proactiveExposures } as const;
export type CustomerOwned = keyof typeof OWNED;

/**
 * Moves rows that belong to a customer to another one (customer merge and its revert).
 * `only` limits the move to the rows a merge recorded; returns the ids moved.
 */
export async function reassignCustomerRows(
  q: Queryable,
  kind: CustomerOwned,
  workspaceId: string,
  move: { from: string; to: string; only?: string[] },
): Promise<string[]> {
  const table = OWNED[kind] as typeof identities;
  const rows = await q
    .update(table)
    .set({ customerId: move.to })
    .where(
      and(
        eq(table.workspaceId, workspaceId),
        eq(table.customerId, move.from),
        move.only ? inArray(table.id, move.only) : undefined,
      ),
    )
    .returning({ id: table.id });
  return rows.map((r) => r.id);
}
