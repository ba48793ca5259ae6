import type { ConversationService } from '../conversations/conversation.service.ts';
import type { RoutingService } from './routing.service.ts';

/**
 * Resolving, snoozing or unassigning a conversation frees an agent's room, and an unassigned one
 * waits again: either way the queue may move, so routing runs (in the background).
 */
export function withQueueMoves(conversations: ConversationService, routing: RoutingService): ConversationService {
  return {
    ...conversations,
    async update(workspaceId, id, change) {
      const updated = await conversations.update(workspaceId, id, change);
      if (change.status !== undefined || change.assigneeId !== undefined || change.handler !== undefined) {
        const waits = updated.handler === 'queue' && !updated.assigneeId && updated.status === 'open';
        void (waits ? routing.waiting(workspaceId, id, { isNew: false }) : routing.drain(workspaceId)).catch(() => undefined);
      }
      return updated;
    },
  };
}
