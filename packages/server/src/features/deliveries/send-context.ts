import type { IdentityKind } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import type { ConversationRecord, MessageRecord } from '../../domain/records.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { findMessage } from '../messages/message.store.ts';
import type { DeliveryRecord } from './delivery.store.ts';

export interface SendContext {
  message: MessageRecord;
  conversation: ConversationRecord;
  /** The customer's newest handle of the kind the channel reaches, or null. */
  recipient: string | null;
}

/** What a sender needs of a job: the message, its conversation and where to send it. */
export async function loadSendContext(q: Queryable, job: DeliveryRecord, identityKind: IdentityKind): Promise<SendContext | null> {
  const message = await findMessage(q, job.workspaceId, job.messageId);
  const conversation = message && (await findConversation(q, job.workspaceId, message.conversationId));
  if (!message || !conversation) return null;
  const customer = await findCustomer(q, job.workspaceId, conversation.customerId);
  const handles = (customer?.identities ?? []).filter((i) => i.kind === identityKind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return { message, conversation, recipient: handles[0]?.value ?? null };
}
