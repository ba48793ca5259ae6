import { chooseReplyChannel, reachableChannels, type ChannelKind } from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import type { MessageAppender } from './message-appender.ts';
import type { AppendResult } from './append-batch.ts';

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
  const { db, appender } = deps;

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
      const result = await appender.append({
        workspaceId: input.workspaceId,
        conversationId: conversation.id,
        author: 'agent',
        authorId: input.agentId,
        channel,
        private: input.private,
        body: input.body,
        content: input.content,
        idempotencyKey: input.idempotencyKey,
      });
      if (result.kind !== 'stored') throw appError('conversation.not_found');
      return result;
    },
  };
}

export type PostMessageService = ReturnType<typeof createPostMessageService>;
