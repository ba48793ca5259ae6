import { matchesTag, tagFromSubject } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { customerConversations, findConversation } from '../conversations/conversation.store.ts';
import { conversationsForHeaderIds } from './email-thread.store.ts';

export interface ThreadClues {
  /** From the +c-<token> reply address the mail was sent to. */
  tokenConversationId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
}

/**
 * The conversation a mail continues, or null for "let the grouping policy decide". The reply
 * address token is the strongest clue, then In-Reply-To/References, then the [#tag] in the
 * subject. A clue counts only if it points at the sender's own conversation: a stranger's mail
 * that quotes someone else's thread never joins it.
 */
export async function threadedConversation(q: Queryable, workspaceId: string, customerId: string, clues: ThreadClues): Promise<string | null> {
  if (clues.tokenConversationId) {
    const byToken = await findConversation(q, workspaceId, clues.tokenConversationId);
    if (byToken?.customerId === customerId) return byToken.id;
  }
  // The newest reference first: In-Reply-To names the message answered, References its ancestry.
  const referenced = [clues.inReplyTo, ...[...clues.references].reverse()].filter((id): id is string => !!id);
  if (referenced.length > 0) {
    for (const row of await conversationsForHeaderIds(q, workspaceId, referenced)) {
      const conversation = await findConversation(q, workspaceId, row.conversationId);
      if (conversation?.customerId === customerId) return conversation.id;
    }
  }
  const tag = tagFromSubject(clues.subject);
  if (tag) {
    const own = await customerConversations(q, workspaceId, customerId);
    const tagged = own.find((c) => matchesTag(c.id, tag));
    if (tagged) return tagged.id;
  }
  return null;
}

/** For mail nobody should answer (auto-replies, lists): only a token or a reference ties it to a conversation. */
export async function referencedConversation(q: Queryable, workspaceId: string, clues: ThreadClues): Promise<string | null> {
  if (clues.tokenConversationId && (await findConversation(q, workspaceId, clues.tokenConversationId))) return clues.tokenConversationId;
  const referenced = [clues.inReplyTo, ...clues.references].filter((id): id is string => !!id);
  const [row] = await conversationsForHeaderIds(q, workspaceId, referenced);
  return row?.conversationId ?? null;
}
