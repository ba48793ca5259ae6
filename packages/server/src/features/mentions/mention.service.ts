import type { ServiceDeps } from '../../platform/deps.ts';
import { listMentions, markMentionsSeen } from './mention.store.ts';

/** How many mentions a list returns at most: the console shows the latest. */
const MENTIONS_LIMIT = 200;

/** An agent's mentions in colleagues' private notes (they are stored with the note, by post-message). */
export function createMentionService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    list: (workspaceId: string, agentId: string, options: { unseenOnly: boolean }) =>
      listMentions(db, workspaceId, agentId, { ...options, limit: MENTIONS_LIMIT }),

    markSeen: (workspaceId: string, agentId: string, conversationId: string) =>
      markMentionsSeen(db, workspaceId, agentId, conversationId, clock()),
  };
}

export type MentionService = ReturnType<typeof createMentionService>;
