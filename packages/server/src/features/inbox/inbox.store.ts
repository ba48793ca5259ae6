import { sql, type SQL } from 'drizzle-orm';
import type { ConversationStatus, MessageAuthor } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';
import { conversationFromRaw } from '../../adapters/postgres/row-mappers.ts';
import type { ConversationRecord } from '../../domain/records.ts';

/** A conversation with what its row in the console's list shows. */
export interface InboxEntry {
  conversation: ConversationRecord;
  customer: { id: string; name: string | null; email: string | null };
  /** The head of its body only: a preview never needs a whole 10,000-character message. */
  lastMessage: { body: string; author: MessageAuthor; private: boolean; createdAt: Date } | null;
  /** The customer's oldest message since the last public reply (an agent's, or the bot's while it answers). */
  waitingSince: Date | null;
}

// Room for a preview even after long runs of whitespace are collapsed.
const BODY_HEAD_CHARS = 1000;

type EntryRow = Record<string, unknown> & {
  customer_name: string | null; customer_email: string | null; waiting_since: string | null;
  last_body: string | null; last_author: MessageAuthor | null; last_private: boolean | null; last_at: string | null;
};

/**
 * One query for a page of rows. The page's ids are chosen (and limited) first, sorting narrow
 * rows, so each lateral lookup (index probes on messages by seq) runs for the page's rows only.
 * Each row comes back as one JSON value: PGlite decodes that two to three times faster than some
 * thirty typed columns (measured with bench/inbox.bench.ts).
 */
async function inboxEntries(q: Queryable, workspaceId: string, pageIds: SQL): Promise<InboxEntry[]> {
  const rows = rowsOf<{ entry: EntryRow }>(await q.execute(sql`
    SELECT row_to_json(e) AS entry FROM (
      SELECT c.*, cu.name AS customer_name, email.value AS customer_email, waiting.created_at AS waiting_since,
        last.body AS last_body, last.author AS last_author, last.private AS last_private, last.created_at AS last_at
      FROM (${pageIds}) p JOIN conversations c ON c.workspace_id = ${workspaceId} AND c.id = p.id
      LEFT JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
      LEFT JOIN LATERAL (
        SELECT i.value FROM identities i WHERE i.workspace_id = c.workspace_id AND i.customer_id = c.customer_id AND i.kind = 'email'
        ORDER BY i.created_at LIMIT 1) email ON true
      LEFT JOIN LATERAL (
        SELECT left(m.body, ${BODY_HEAD_CHARS}) AS body, m.author, m.private, m.created_at FROM messages m
        WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) last ON true
      LEFT JOIN LATERAL (
        SELECT m.seq FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
          AND m.author = 'customer' ORDER BY m.seq DESC LIMIT 1) asked ON true
      -- A bot message answers the customer while the bot has the conversation, or when the customer
      -- wrote after it; its last words on handing off ("a person will answer") leave them waiting.
      LEFT JOIN LATERAL (
        SELECT m.seq FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id AND NOT m.private
          AND (m.author = 'agent' OR (m.author = 'bot' AND (c.handler = 'bot' OR m.seq < coalesce(asked.seq, 0))))
        ORDER BY m.seq DESC LIMIT 1) reply ON true
      LEFT JOIN LATERAL (
        SELECT m.created_at FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
          AND m.author = 'customer' AND m.seq > coalesce(reply.seq, 0) ORDER BY m.seq LIMIT 1) waiting ON true) e
    ORDER BY e.last_activity_at DESC, e.id DESC`));
  return rows.map(({ entry: r }) => {
    const conversation = conversationFromRaw(r);
    return {
      conversation,
      customer: { id: conversation.customerId, name: r.customer_name, email: r.customer_email },
      lastMessage: r.last_at === null
        ? null
        : { body: r.last_body ?? '', author: r.last_author!, private: Boolean(r.last_private), createdAt: new Date(r.last_at) },
      waitingSince: r.waiting_since === null ? null : new Date(r.waiting_since),
    };
  });
}

/** Most recently active first, keyset-paginated on (last_activity_at, id); merged conversations are left out. */
export function listInbox(
  q: Queryable,
  workspaceId: string,
  options: { statuses: readonly ConversationStatus[]; before: [string, string] | null; limit: number },
): Promise<InboxEntry[]> {
  const { statuses, before, limit } = options;
  return inboxEntries(q, workspaceId, sql`
    SELECT id FROM conversations
    WHERE workspace_id = ${workspaceId} AND merged_into_id IS NULL AND status IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})
      ${before ? sql`AND (last_activity_at, id) < (${before[0]}::timestamptz, ${before[1]}::uuid)` : sql``}
    ORDER BY last_activity_at DESC, id DESC
    LIMIT ${limit}`);
}

/** One conversation's row, whatever its status (a merged one shows where it went). */
export async function findInboxEntry(q: Queryable, workspaceId: string, conversationId: string): Promise<InboxEntry | null> {
  const [entry] = await inboxEntries(q, workspaceId, sql`SELECT ${conversationId}::uuid AS id`);
  return entry ?? null;
}
