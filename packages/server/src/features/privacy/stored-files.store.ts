import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { fileUrl } from '../files/upload.service.ts';
import { uuidArray } from './uuid-array.ts';

// Where upload.service.ts keeps bytes: `<workspace>/<key>` for attachments, `<workspace>/originals/<key>` for raw mail.
export const attachmentStorageKey = (workspaceId: string, key: string) => `${workspaceId}/${key}`;
export const originalStorageKey = (workspaceId: string, key: string) => `${workspaceId}/originals/${key}`;

/**
 * Keys of the files attached to messages of these conversations that no message elsewhere shows
 * (an agent may send one upload to several customers: it stays while another conversation uses it).
 */
export async function attachmentKeysOnlyIn(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<string[]> {
  if (conversationIds.length === 0) return [];
  const ids = uuidArray(conversationIds);
  const rows = rowsOf<{ url: string }>(await q.execute(sql`
    WITH shown AS (
      SELECT DISTINCT a->>'url' AS url FROM messages m,
        jsonb_array_elements(CASE WHEN jsonb_typeof(m.content->'attachments') = 'array' THEN m.content->'attachments' ELSE '[]'::jsonb END) a
      WHERE m.workspace_id = ${workspaceId} AND m.conversation_id = ANY(${ids})
    )
    SELECT url FROM shown WHERE url IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM messages o WHERE o.workspace_id = ${workspaceId} AND NOT (o.conversation_id = ANY(${ids}))
        AND o.content->'attachments' @> jsonb_build_array(jsonb_build_object('url', shown.url)))`));
  const prefix = fileUrl(workspaceId, '');
  return rows.map((r) => r.url).filter((url) => url.startsWith(prefix)).map((url) => url.slice(prefix.length));
}

/** Deletes the file rows with these keys (or uploaded by these customers); answers the storage keys to remove once committed. */
export async function deleteFileRows(q: Queryable, workspaceId: string, which: { keys: readonly string[]; customerIds?: readonly string[] }): Promise<string[]> {
  const rows = rowsOf<{ key: string }>(await q.execute(sql`
    DELETE FROM files WHERE workspace_id = ${workspaceId}
      AND (key IN (SELECT jsonb_array_elements_text(${JSON.stringify(which.keys)}::jsonb)) OR customer_id = ANY(${uuidArray(which.customerIds ?? [])}))
    RETURNING key`));
  return rows.map((r) => attachmentStorageKey(workspaceId, r.key));
}

/** Raw inbound mail kept for these conversations: the rows are deleted (erasure, deletion) or unlinked (anonymization). */
export async function releaseOriginals(q: Queryable, workspaceId: string, conversationIds: readonly string[], mode: 'delete' | 'unlink'): Promise<string[]> {
  if (conversationIds.length === 0) return [];
  const where = sql`workspace_id = ${workspaceId} AND conversation_id = ANY(${uuidArray(conversationIds)})`;
  const kept = rowsOf<{ raw_key: string | null }>(await q.execute(sql`SELECT raw_key FROM email_message_ids WHERE ${where} AND raw_key IS NOT NULL`));
  await q.execute(mode === 'delete' ? sql`DELETE FROM email_message_ids WHERE ${where}` : sql`UPDATE email_message_ids SET raw_key = NULL WHERE ${where}`);
  return kept.flatMap((r) => (r.raw_key ? [originalStorageKey(workspaceId, r.raw_key)] : []));
}
