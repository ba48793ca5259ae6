import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { countChanged, uuidArray } from './uuid-array.ts';

/** The messages of some conversations, as a subquery. */
export const messagesOf = (workspaceId: string, conversationIds: readonly string[]): SQL =>
  sql`SELECT id FROM messages WHERE workspace_id = ${workspaceId} AND conversation_id = ANY(${uuidArray(conversationIds)})`;

/**
 * Deletes conversations with their messages and everything kept per conversation or message
 * (bot memory, handoff packets, routing and SLA records, mentions, send jobs, verdicts and
 * ratings on bot answers). Facts, surveys, phrases and journey events are the caller's choice.
 */
export async function deleteConversationRecords(q: Queryable, workspaceId: string, conversationIds: readonly string[]): Promise<Record<string, number>> {
  if (conversationIds.length === 0) {
    return { botAnswerFeedback: 0, botRatings: 0, botSessions: 0, handoffs: 0, routingEvents: 0, slaEvents: 0, mentions: 0, deliveries: 0, messages: 0, conversations: 0 };
  }
  const ids = uuidArray(conversationIds);
  const inConversations = sql`workspace_id = ${workspaceId} AND conversation_id = ANY(${ids})`;
  const messageIds = messagesOf(workspaceId, conversationIds);
  return {
    botAnswerFeedback: await countChanged(q, sql`DELETE FROM bot_answer_feedback WHERE workspace_id = ${workspaceId} AND message_id IN (${messageIds})`),
    botRatings: await countChanged(q, sql`DELETE FROM bot_answer_ratings WHERE workspace_id = ${workspaceId} AND message_id IN (${messageIds})`),
    botSessions: await countChanged(q, sql`DELETE FROM bot_sessions WHERE ${inConversations}`),
    handoffs: await countChanged(q, sql`DELETE FROM handoffs WHERE ${inConversations}`),
    routingEvents: await countChanged(q, sql`DELETE FROM routing_events WHERE ${inConversations}`),
    slaEvents: await countChanged(q, sql`DELETE FROM sla_events WHERE ${inConversations}`),
    mentions: await countChanged(q, sql`DELETE FROM mentions WHERE ${inConversations}`),
    deliveries: await countChanged(q, sql`DELETE FROM deliveries WHERE ${inConversations}`),
    messages: await countChanged(q, sql`DELETE FROM messages WHERE ${inConversations}`),
    conversations: await countChanged(q, sql`DELETE FROM conversations WHERE workspace_id = ${workspaceId} AND id = ANY(${ids})`),
  };
}
