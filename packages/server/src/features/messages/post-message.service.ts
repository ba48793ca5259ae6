import { chooseReplyChannel, mentionHandlesIn, reachableChannels, type ChannelKind } from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { findAgentIdsByHandle } from '../agents/agent.store.ts';
import { insertMentions } from '../mentions/mention.store.ts';
import type { MessageAppender } from './message-appender.ts';
import type { AppendResult } from './append-batch.ts';
import { checkWhatsAppReply } from './whatsapp-reply.ts';

export interface AgentMessage {
  workspaceId: string;
  agentId: string;
  conversationId: string;
  body: string;
  private: boolean;
  channel?: ChannelKind | undefined;
  content: MessageContent;
  idempotencyKey: string | null;
}

/** An agent's reply or private note. Replies go out on the customer's last channel unless the agent picks another. */
export function createPostMessageService(deps: ServiceDeps & { appender: MessageAppender }) {
  const { db, appender, ids } = deps;

  return {
    async post(input: AgentMessage): Promise<Extract<AppendResult, { kind: 'stored' }>> {
      let conversation = await findConversation(db, input.workspaceId, input.conversationId);
      if (conversation?.mergedIntoId) conversation = await findConversation(db, input.workspaceId, conversation.mergedIntoId);
      if (!conversation) throw appError('conversation.not_found');
      let channel: ChannelKind = conversation.lastChannel ?? 'api';
      if (!input.private) {
        const customer = await findCustomer(db, input.workspaceId, conversation.customerId);
        const reachable = reachableChannels(customer?.identities.map((i) => i.kind) ?? []);
        const decision = chooseReplyChannel(conversation.lastChannel, reachable, input.channel);
        if (decision.kind === 'rejected') {
          throw appError('conversation.channel_not_reachable', `The customer has no ${input.channel} identity.`, {
            fields: [{ path: 'channel', message: 'not reachable' }],
          });
        }
        channel = decision.channel;
      }
      if (input.content.template && (input.private || channel !== 'whatsapp')) {
        throw appError('conversation.template_invalid', 'Templates are for WhatsApp replies.', { fields: [{ path: 'content.template', message: 'only on WhatsApp replies' }] });
      }
      const body = !input.private && channel === 'whatsapp'
        ? (await checkWhatsAppReply(db, { workspaceId: input.workspaceId, conversationId: conversation.id, body: input.body, template: input.content.template, now: deps.clock() })).body
        : input.body;
      // Only private notes mention colleagues; the author mentioning themselves is no news to them.
      const mentioned = input.private
        ? (await findAgentIdsByHandle(db, input.workspaceId, mentionHandlesIn(input.body))).filter((id) => id !== input.agentId)
        : [];
      const result = await appender.append({
        workspaceId: input.workspaceId,
        conversationId: conversation.id,
        author: 'agent',
        authorId: input.agentId,
        channel,
        private: input.private,
        body,
        content: input.content,
        idempotencyKey: input.idempotencyKey,
        // Stored in the message's own transaction: a replayed idempotency key stores neither again.
        ...(mentioned.length > 0 ? { alsoStore: (tx, note) => insertMentions(tx, note, mentioned, ids) } : {}),
      });
      if (result.kind !== 'stored') throw appError('conversation.not_found');
      return result;
    },
  };
}

export type PostMessageService = ReturnType<typeof createPostMessageService>;
