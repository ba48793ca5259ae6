import { sql, type SQL } from 'drizzle-orm';
import type { FeedbackItem } from '@tandem/protocol';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';

export type FeedbackKind = FeedbackItem['kind'];
export interface FeedbackCursor {
  at: string;
  id: string;
}

const after = (cursor: FeedbackCursor | null, at: string, id: string): SQL =>
  cursor ? sql`AND (${sql.raw(at)}, ${sql.raw(id)}::text) < (${cursor.at}::timestamptz, ${cursor.id})` : sql``;

const base = { rating: null, comment: null, conversationId: null, articleId: null, articleTitle: null, intent: null, question: null, agentId: null };

/** What needs a manager's eye, newest first, per kind: each query reads at most `limit` rows past the cursor. */
export const FEEDBACK_QUERIES: Record<FeedbackKind, (q: Queryable, workspaceId: string, cursor: FeedbackCursor | null, limit: number) => Promise<FeedbackItem[]>> = {
  async csat(q, workspaceId, cursor, limit) {
    const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
      SELECT conversation_id, answered_at, rating, comment, agent_id FROM csat_surveys
      WHERE workspace_id = ${workspaceId} AND rating IS NOT NULL AND rating <= 3 ${after(cursor, 'answered_at', 'conversation_id')}
      ORDER BY answered_at DESC, conversation_id::text DESC LIMIT ${limit}`));
    return rows.map((r) => ({ ...base, kind: 'csat', id: String(r.conversation_id), createdAt: new Date(String(r.answered_at)).toISOString(), rating: Number(r.rating), comment: (r.comment as string | null) ?? null, conversationId: String(r.conversation_id), agentId: (r.agent_id as string | null) ?? null }));
  },
  async handoff(q, workspaceId, cursor, limit) {
    const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
      SELECT conversation_id, answered_at, comment, agent_id FROM csat_surveys
      WHERE workspace_id = ${workspaceId} AND easy_to_reach = false ${after(cursor, 'answered_at', 'conversation_id')}
      ORDER BY answered_at DESC, conversation_id::text DESC LIMIT ${limit}`));
    return rows.map((r) => ({ ...base, kind: 'handoff', id: String(r.conversation_id), createdAt: new Date(String(r.answered_at)).toISOString(), rating: 0, comment: (r.comment as string | null) ?? null, conversationId: String(r.conversation_id), agentId: (r.agent_id as string | null) ?? null }));
  },
  async article(q, workspaceId, cursor, limit) {
    const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
      SELECT k.id, k.created_at, k.comment, k.article_id, a.title FROM kb_feedback k
      JOIN kb_articles a ON a.workspace_id = k.workspace_id AND a.id = k.article_id
      WHERE k.workspace_id = ${workspaceId} AND NOT k.helpful ${after(cursor, 'k.created_at', 'k.id')}
      ORDER BY k.created_at DESC, k.id::text DESC LIMIT ${limit}`));
    return rows.map((r) => ({ ...base, kind: 'article', id: String(r.id), createdAt: new Date(String(r.created_at)).toISOString(), rating: 0, comment: (r.comment as string | null) ?? null, articleId: String(r.article_id), articleTitle: String(r.title) }));
  },
  /** Agents' "wrong" verdicts and customers' thumbs-down; where an agent judged the answer, their verdict stands alone. */
  async bot(q, workspaceId, cursor, limit) {
    const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
      SELECT s.message_id, s.created_at, s.intent_key, s.agent_id, m.conversation_id,
        (SELECT p.body FROM messages p WHERE p.workspace_id = m.workspace_id AND p.conversation_id = m.conversation_id
          AND p.seq < m.seq AND p.author = 'customer' ORDER BY p.seq DESC LIMIT 1) AS question
      FROM (
        (SELECT b.message_id, b.created_at, b.intent_key, b.agent_id FROM bot_answer_feedback b
          WHERE b.workspace_id = ${workspaceId} AND NOT b.correct ${after(cursor, 'b.created_at', 'b.message_id')}
          ORDER BY b.created_at DESC, b.message_id::text DESC LIMIT ${limit})
        UNION ALL
        (SELECT r.message_id, r.created_at, NULL, NULL FROM bot_answer_ratings r
          WHERE r.workspace_id = ${workspaceId} AND NOT r.helpful ${after(cursor, 'r.created_at', 'r.message_id')}
            AND NOT EXISTS (SELECT 1 FROM bot_answer_feedback b WHERE b.workspace_id = r.workspace_id AND b.message_id = r.message_id)
          ORDER BY r.created_at DESC, r.message_id::text DESC LIMIT ${limit})
      ) s JOIN messages m ON m.workspace_id = ${workspaceId} AND m.id = s.message_id
      ORDER BY s.created_at DESC, s.message_id::text DESC LIMIT ${limit}`));
    return rows.map((r) => ({ ...base, kind: 'bot', id: String(r.message_id), createdAt: new Date(String(r.created_at)).toISOString(), rating: 0, conversationId: String(r.conversation_id), intent: (r.intent_key as string | null) ?? null, question: (r.question as string | null) ?? null, agentId: (r.agent_id as string | null) ?? null }));
  },
};
