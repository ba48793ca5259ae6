import { detectLanguage } from '@tandem/core';
import type { ReceiveService } from '../conversations/receive.service.ts';
import type { RoutingService } from './routing.service.ts';

/**
 * A new conversation for people (not the bot's, nobody's yet), or one that waits again without a
 * waiting clock, sets routing going. Further messages while it waits change nothing in the queue.
 */
export function withRouting(receive: ReceiveService, routing: RoutingService): ReceiveService {
  const notify = async <T extends Awaited<ReturnType<ReceiveService['deliver']>>>(received: T): Promise<T> => {
    const { conversation, message } = received;
    const waits = conversation.handler === 'queue' && !conversation.assigneeId && conversation.status === 'open';
    if (!received.duplicate && waits && (message.seq === 1 || conversation.queuedAt === null)) {
      await routing.waiting(conversation.workspaceId, conversation.id, { isNew: message.seq === 1, language: detectLanguage(message.body).locale });
    }
    return received;
  };
  return {
    deliver: async (input) => notify(await receive.deliver(input)),
    receiveFromIdentity: async (input) => notify(await receive.receiveFromIdentity(input)),
  };
}
