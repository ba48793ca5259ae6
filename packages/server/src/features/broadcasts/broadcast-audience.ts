import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { segmentsOf } from '../segments/segment.store.ts';
import type { BroadcastRecord } from './broadcast.store.ts';

const SEGMENT_BATCH = 1000;

/** The customers a broadcast is for, as of now: everyone, a segment's members, or the host's list of account ids. */
export async function audienceCustomerIds(q: Queryable, workspaceId: string, audience: BroadcastRecord['audience'], now: Date): Promise<string[]> {
  if (audience.kind === 'customers') {
    const values = sql.join(audience.externalIds.map((v) => sql`${v}`), sql`, `);
    const rows = rowsOf<{ customer_id: string }>(await q.execute(sql`
      SELECT DISTINCT i.customer_id FROM identities i JOIN customers c ON c.workspace_id = i.workspace_id AND c.id = i.customer_id
      WHERE i.workspace_id = ${workspaceId} AND i.kind = 'external' AND i.value IN (${values}) AND c.merged_into_id IS NULL`));
    return rows.map((r) => r.customer_id);
  }
  const everyone = rowsOf<{ id: string }>(await q.execute(sql`
    SELECT id FROM customers WHERE workspace_id = ${workspaceId} AND merged_into_id IS NULL ORDER BY id`)).map((r) => r.id);
  if (audience.kind === 'all') return everyone;
  const members: string[] = [];
  for (let i = 0; i < everyone.length; i += SEGMENT_BATCH) {
    const segments = await segmentsOf(q, workspaceId, everyone.slice(i, i + SEGMENT_BATCH), now);
    for (const [id, keys] of segments) if (keys.includes(audience.segment)) members.push(id);
  }
  return members;
}
