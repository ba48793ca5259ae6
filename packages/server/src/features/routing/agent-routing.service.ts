import { capacityKindOf, type AgentStatus, type Capacity, type RoutingAgent } from '@tandem/core';
import type { ConversationRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findAgent } from '../agents/agent.store.ts';
import type { PostMessageService } from '../messages/post-message.service.ts';
import { findTeam } from '../teams/team.store.ts';
import { loadAgents, recordAssigned, savePresence } from './presence.store.ts';
import { loadPolicies, WHOLE_WORKSPACE } from './queue-policy.store.ts';
import { assignWaiting, insertRoutingEvent, lockRouting, requeue } from './routing.store.ts';
import { tellQueue, type RoutingService } from './routing.service.ts';

/** What agents do with routing: take a waiting conversation, pass one on, go online or offline. */
export function createAgentRoutingService(deps: ServiceDeps & { routing: RoutingService; postMessage: PostMessageService }) {
  const { db, clock, ids, routing } = deps;

  return {
    /** An agent passes a conversation to a team or a colleague, with an optional private note for them. */
    async transfer(workspaceId: string, conversationId: string, to: { teamId?: string | null | undefined; agentId?: string | null | undefined; note?: string | undefined }, byAgentId: string) {
      const by = await findAgent(db, workspaceId, byAgentId);
      if (!by) throw appError('agent.not_found');
      const team = to.teamId ? await findTeam(db, workspaceId, to.teamId) : null;
      if (to.teamId && !team) throw appError('team.not_found');
      const agent = to.agentId ? await findAgent(db, workspaceId, to.agentId) : null;
      if (to.agentId && !agent) throw appError('agent.not_found');
      const current = await findConversation(db, workspaceId, conversationId);
      if (!current || current.mergedIntoId) throw appError('conversation.not_found');
      if (current.status === 'resolved') throw appError('routing.not_waiting', 'Reopen the conversation before transferring it.');
      if (to.note) await deps.postMessage.post({ workspaceId, agentId: by.id, conversationId, body: to.note, private: true, content: {}, idempotencyKey: null });
      const target = [agent ? agent.name : null, team ? team.name : null].filter(Boolean).join(' in ');
      return routing.enqueue(workspaceId, conversationId, { teamId: team?.id, targetAgentId: agent?.id ?? null, kind: 'transferred', reason: `transferred by ${by.name} to ${target}${to.note ? `: ${to.note.slice(0, 200)}` : ''}` });
    },

    /** An agent takes a waiting conversation themselves. Of two at once, exactly one succeeds. */
    async accept(workspaceId: string, conversationId: string, agentId: string): Promise<ConversationRecord> {
      const conversation = await transact(deps, async (tx, emit) => {
        await lockRouting(tx, workspaceId);
        const current = await findConversation(tx, workspaceId, conversationId);
        if (!current || current.mergedIntoId) throw appError('conversation.not_found');
        if (current.assigneeId) throw appError('routing.already_taken', current.assigneeId === agentId ? 'It is already yours.' : 'Another agent accepted it first.');
        if (current.handler !== 'queue' || current.status !== 'open') throw appError('routing.not_waiting');
        const policies = await loadPolicies(tx, workspaceId);
        const me = (await loadAgents(tx, workspaceId, policies)).find((a) => a.id === agentId);
        const kind = capacityKindOf(current.lastChannel);
        if (!me || me.load[kind] >= me.capacity[kind]) throw appError('routing.at_capacity', `You hold ${me?.capacity[kind] ?? 0} ${kind} conversations already.`);
        const now = clock();
        const taken = await assignWaiting(tx, workspaceId, conversationId, agentId, null);
        if (!taken) throw appError('routing.already_taken');
        await recordAssigned(tx, workspaceId, agentId, now);
        await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId, kind: 'accepted', agentId, teamId: taken.teamId, reason: `accepted by ${me.name} from the queue`, createdAt: now });
        emit({ workspaceId, type: 'conversation.updated', conversationId, conversation: taken, data: { changed: ['handler', 'assigneeId'] } });
        return taken;
      });
      tellQueue(deps, workspaceId, conversation.customerId, { conversationId, position: null, expectedWaitSeconds: null });
      return conversation;
    },

    /** Online, away (a short break: keeps their conversations) or offline (their open conversations go back to the queue). */
    async setPresence(workspaceId: string, agentId: string, change: { status?: AgentStatus; capacity?: Capacity | null }): Promise<void> {
      const agent = await findAgent(db, workspaceId, agentId);
      if (!agent) throw appError('agent.not_found');
      const requeued = await transact(deps, async (tx, emit) => {
        const now = clock();
        await savePresence(tx, workspaceId, agentId, change, now);
        if (change.status !== 'offline') return [];
        const released = await requeue(tx, workspaceId, { agentId }, now);
        for (const conversation of released) {
          await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId: conversation.id, kind: 'requeued', agentId, teamId: conversation.teamId, reason: `${agent.name} went offline`, createdAt: now });
          emit({ workspaceId, type: 'conversation.updated', conversationId: conversation.id, conversation, data: { changed: ['handler', 'assigneeId'] } });
        }
        return released;
      });
      if (change.status === 'online' || change.capacity !== undefined || requeued.length > 0) await routing.drain(workspaceId);
    },

    async agents(workspaceId: string): Promise<RoutingAgent[]> {
      return (await loadAgents(db, workspaceId, await loadPolicies(db, workspaceId))).map((a) => ({ ...a, teamIds: a.teamIds.filter((t) => t !== WHOLE_WORKSPACE) }));
    },
  };
}

export type AgentRoutingService = ReturnType<typeof createAgentRoutingService>;
