import { capacityKindOf, dispatch, estimateWaitSeconds, queueOrder, type AgentStatus, type Capacity, type RoutingAgent } from '@tandem/core';
import { topics } from '../../adapters/bus/event-bus.ts';
import type { ConversationRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findAgent } from '../agents/agent.store.ts';
import type { PostMessageService } from '../messages/post-message.service.ts';
import { findTeam } from '../teams/team.store.ts';
import {
  assignWaiting, countTakenSince, fallbackPolicy, holdsOfKind, insertRoutingEvent, listRoutingEvents, loadAgents, loadPolicies, loadQueue,
  lockRouting, markQueued, recordAssigned, saveCursor, savePresence, setLanguageIfUnknown, startWaiting, workspacesWithQueue, WHOLE_WORKSPACE, type QueueEntry,
} from './routing.store.ts';

/** How fast the queue moved lately is measured over this window. */
const RATE_WINDOW_SECONDS = 3600;
/** Before there is a rate: how long one conversation keeps an agent busy. */
const DEFAULT_HANDLE_SECONDS = 300;

export interface QueuePlace {
  conversationId: string;
  customerId: string;
  position: number;
  expectedWaitSeconds: number | null;
}

export interface EnqueueOptions {
  teamId?: string | null | undefined;
  /** The customer's language, if the conversation does not know it yet (an agent must speak it). */
  language?: string | null | undefined;
  targetAgentId?: string | null | undefined;
  skills?: readonly string[] | undefined;
  flags?: readonly string[] | undefined;
  reason: string;
  /** `transferred` when an agent passes it on. */
  kind?: 'queued' | 'transferred';
}

/**
 * Who takes each conversation that needs a person, and when. Decisions are made by the pure
 * router in core, under a per-workspace lock so two processes never hand the same agent more
 * than their capacity; each is stored as a routing event with its reason. Waiting customers
 * hear their place in line and the expected wait after every change.
 */
export function createRoutingService(deps: ServiceDeps & { postMessage: PostMessageService }) {
  const { db, bus, clock, ids, log } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function places(workspaceId: string, queue: readonly QueueEntry[], agents: readonly RoutingAgent[]): Promise<QueuePlace[]> {
    const now = clock();
    const online = agents.filter((a) => a.status === 'online').length;
    const taken = await countTakenSince(db, workspaceId, new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000));
    return queueOrder(queue, now).map((entry, index) => ({
      conversationId: entry.conversationId,
      customerId: entry.customerId,
      position: index + 1,
      expectedWaitSeconds: estimateWaitSeconds({ position: index + 1, freeSlots: 0, onlineAgents: online, recentAssignments: taken, windowSeconds: RATE_WINDOW_SECONDS, fallbackHandleSeconds: DEFAULT_HANDLE_SECONDS }),
    }));
  }

  function tell(workspaceId: string, customerId: string, frame: { conversationId: string; position: number | null; expectedWaitSeconds: number | null }) {
    void bus.publish(topics.customer(workspaceId, customerId), { type: 'queue', ...frame }).catch((error: unknown) => log.warn({ err: error }, 'queue publish failed'));
  }

  /** Hands out the queue as far as free agents allow; then tells everyone still waiting where they stand. */
  async function drain(workspaceId: string): Promise<{ assigned: ConversationRecord[]; waiting: QueuePlace[] }> {
    const { assigned, queue, agents } = await transact(deps, async (tx, emit) => {
      await lockRouting(tx, workspaceId);
      const now = clock();
      const policies = await loadPolicies(tx, workspaceId);
      const [agents, queue] = await Promise.all([loadAgents(tx, workspaceId, policies), loadQueue(tx, workspaceId)]);
      const cursors = new Map([...policies.values()].filter((p) => p.roundRobinCursor).map((p) => [p.teamId, p.roundRobinCursor!]));
      const plan = dispatch(queue, agents, policies, fallbackPolicy(), now, cursors);
      const assigned: ConversationRecord[] = [];
      for (const step of plan) {
        const teamId = step.teamId === WHOLE_WORKSPACE ? null : step.teamId;
        const conversation = await assignWaiting(tx, workspaceId, step.conversationId, step.agentId, teamId);
        if (!conversation) continue;
        assigned.push(conversation);
        await recordAssigned(tx, workspaceId, step.agentId, now);
        if (teamId && step.decision.rule === 'round-robin') await saveCursor(tx, workspaceId, teamId, step.agentId);
        await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId: conversation.id, kind: 'assigned', agentId: step.agentId, teamId, reason: step.decision.reason, createdAt: now });
        emit({ workspaceId, type: 'conversation.updated', conversationId: conversation.id, conversation, data: { changed: ['handler', 'assigneeId'] } });
      }
      const taken = new Set(assigned.map((c) => c.id));
      return { assigned, queue: queue.filter((q) => !taken.has(q.conversationId)), agents };
    });
    for (const conversation of assigned) tell(workspaceId, conversation.customerId, { conversationId: conversation.id, position: null, expectedWaitSeconds: null });
    const waiting = await places(workspaceId, queue, agents);
    for (const place of waiting) tell(workspaceId, place.customerId, place);
    return { assigned, waiting };
  }

  /** One routing task at a time per process; the lock orders processes. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = running.then(task);
    running = next.catch((error: unknown) => log.error({ err: error }, 'routing pass failed'));
    return next;
  }

  const drainSoon = (workspaceId: string) => serial(() => drain(workspaceId));

  /** A conversation needs a person: it joins the queue (aimed at a team or agent if asked) and routing runs. */
  async function enqueue(workspaceId: string, conversationId: string, options: EnqueueOptions) {
    await transact(deps, async (tx, emit) => {
      const now = clock();
      const conversation = await markQueued(tx, workspaceId, conversationId, { now, teamId: options.teamId, language: options.language, targetAgentId: options.targetAgentId ?? null, skills: options.skills ?? [], flags: options.flags ?? [] });
      if (!conversation) throw appError('conversation.not_found');
      await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId, kind: options.kind ?? 'queued', agentId: options.targetAgentId ?? null, teamId: conversation.teamId, reason: options.reason, createdAt: now });
      emit({ workspaceId, type: 'conversation.updated', conversationId, conversation, data: { changed: ['handler'] } });
    });
    const result = await drainSoon(workspaceId);
    const place = result.waiting.find((p) => p.conversationId === conversationId) ?? null;
    // Another pass may have run first and placed it: then the stored row says where it went.
    const assigned = result.assigned.find((c) => c.id === conversationId) ?? (place ? null : await findConversation(db, workspaceId, conversationId));
    const agent = assigned?.assigneeId ? await findAgent(db, workspaceId, assigned.assigneeId) : null;
    return { assignedTo: agent ? { id: agent.id, name: agent.name } : null, position: place?.position ?? null, expectedWaitSeconds: place?.expectedWaitSeconds ?? null };
  }

  return {
    drain: drainSoon,
    enqueue,

    /** A conversation waits for people without having been queued by a handoff: new (its clock started at creation), or unassigned. */
    waiting(workspaceId: string, conversationId: string, options: { isNew: boolean; language?: string | null }) {
      return serial(async () => {
        const now = clock();
        await transact(deps, async (tx) => {
          if (options.language) await setLanguageIfUnknown(tx, workspaceId, conversationId, options.language);
          if ((await startWaiting(tx, workspaceId, conversationId, now)) || options.isNew) {
            await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId, kind: 'queued', agentId: null, teamId: null, reason: 'waits for a person', createdAt: now });
          }
        });
        return drain(workspaceId);
      });
    },

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
      return enqueue(workspaceId, conversationId, { teamId: team?.id, targetAgentId: agent?.id ?? null, kind: 'transferred', reason: `transferred by ${by.name} to ${target}${to.note ? `: ${to.note.slice(0, 200)}` : ''}` });
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
        if (!me || (await holdsOfKind(tx, workspaceId, agentId, kind)) >= me.capacity[kind]) throw appError('routing.at_capacity', `You hold ${me?.capacity[kind] ?? 0} ${kind} conversations already.`);
        const now = clock();
        const taken = await assignWaiting(tx, workspaceId, conversationId, agentId, null);
        if (!taken) throw appError('routing.already_taken');
        await recordAssigned(tx, workspaceId, agentId, now);
        await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId, kind: 'accepted', agentId, teamId: taken.teamId, reason: `accepted by ${me.name} from the queue`, createdAt: now });
        emit({ workspaceId, type: 'conversation.updated', conversationId, conversation: taken, data: { changed: ['handler', 'assigneeId'] } });
        return taken;
      });
      tell(workspaceId, conversation.customerId, { conversationId, position: null, expectedWaitSeconds: null });
      return conversation;
    },

    async setPresence(workspaceId: string, agentId: string, change: { status?: AgentStatus; capacity?: Capacity | null }): Promise<void> {
      if (!(await findAgent(db, workspaceId, agentId))) throw appError('agent.not_found');
      await savePresence(db, workspaceId, agentId, change, clock());
      if (change.status === 'online' || change.capacity !== undefined) await drainSoon(workspaceId);
    },

    async agents(workspaceId: string): Promise<RoutingAgent[]> {
      return (await loadAgents(db, workspaceId, await loadPolicies(db, workspaceId))).map((a) => ({ ...a, teamIds: a.teamIds.filter((t) => t !== WHOLE_WORKSPACE) }));
    },

    async queue(workspaceId: string): Promise<QueuePlace[]> {
      const policies = await loadPolicies(db, workspaceId);
      const [agents, queue] = await Promise.all([loadAgents(db, workspaceId, policies), loadQueue(db, workspaceId)]);
      return places(workspaceId, queue, agents);
    },

    events: (workspaceId: string, conversationId: string) => listRoutingEvents(db, workspaceId, conversationId),

    /** Every `seconds`, a pass over workspaces with a queue: overflow rings open and waiting boosts grow with time. */
    start(seconds: number): void {
      if (timer || seconds <= 0) return;
      timer = setInterval(() => {
        void workspacesWithQueue(db)
          .then(async (ids) => { for (const id of ids) await drainSoon(id); })
          .catch((error: unknown) => log.error({ err: error }, 'routing tick failed'));
      }, seconds * 1000);
      timer.unref();
    },

    /** Resolves when every routing pass started so far has finished (tests, shutdown). */
    settled: (): Promise<unknown> => running,

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
