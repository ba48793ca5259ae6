import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';

/** Records, with the deletion of their rows, the stored files to remove once it commits. */
export async function queueFileRemovals(q: Queryable, workspaceId: string, storageKeys: readonly string[], now: Date): Promise<void> {
  if (storageKeys.length === 0) return;
  await q.execute(sql`
    INSERT INTO file_removals (workspace_id, storage_key, created_at)
    SELECT ${workspaceId}, key, ${now.toISOString()}::timestamptz FROM jsonb_array_elements_text(${JSON.stringify(storageKeys)}::jsonb) AS key
    ON CONFLICT DO NOTHING`);
}

export async function forgetFileRemovals(q: Queryable, workspaceId: string, storageKeys: readonly string[]): Promise<void> {
  if (storageKeys.length === 0) return;
  await q.execute(sql`
    DELETE FROM file_removals WHERE workspace_id = ${workspaceId} AND storage_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(storageKeys)}::jsonb))`);
}

/** Entries older than `before`: the removal right after their commit did not happen. */
export async function leftFileRemovals(q: Queryable, workspaceId: string, before: Date, limit: number): Promise<string[]> {
  const rows = rowsOf<{ storage_key: string }>(await q.execute(sql`
    SELECT storage_key FROM file_removals WHERE workspace_id = ${workspaceId} AND created_at < ${before.toISOString()}::timestamptz
    ORDER BY created_at LIMIT ${limit}`));
  return rows.map((r) => r.storage_key);
}

export async function workspacesWithLeftFileRemovals(q: Queryable, before: Date): Promise<string[]> {
  const rows = rowsOf<{ workspace_id: string }>(await q.execute(sql`SELECT DISTINCT workspace_id FROM file_removals WHERE created_at < ${before.toISOString()}::timestamptz`));
  return rows.map((r) => r.workspace_id);
}
