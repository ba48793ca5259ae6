import { dispatch, estimateWaitSeconds, queueOrder, scheduleAvailability, type RoutingAgent } from '@tandem/core';
import { topics } from '../../adapters/bus/event-bus.ts';
import type { ConversationRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { slaDeadlines } from '../sla/sla-due.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findAgent } from '../agents/agent.store.ts';
import { loadAgents, recordAssigned } from './presence.store.ts';
import { fallbackPolicy, loadPolicies, workspacesReassigning, saveCursor, WHOLE_WORKSPACE, type StoredPolicy } from './queue-policy.store.ts';
import { assignWaiting, countTakenSince, insertRoutingEvent, listRoutingEvents, loadQueue, lockRouting, markQueued, requeue, unanswered, setLanguageIfUnknown, startWaiting, workspacesWithQueue, type QueueEntry } from './routing.store.ts';

/** How fast the queue moved lately is measured over this window. */
const RATE_WINDOW_SECONDS = 3600;
/** Before there is a rate: how long one conversation keeps an agent busy. */
const DEFAULT_HANDLE_SECONDS = 300;

export interface QueuePlace {
  conversationId: string;
  customerId: string;
  position: number;
  expectedWaitSeconds: number | null;
  /** When the conversation's team is closed: when it opens. */
  opensAt: Date | null;
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

type QueueFrame = { conversationId: string; position: number | null; expectedWaitSeconds: number | null };

/** Tells a customer where their conversation stands: place and expected wait, or null once a person has it. */
export function tellQueue(deps: Pick<ServiceDeps, 'bus' | 'log'>, workspaceId: string, customerId: string, frame: QueueFrame): void {
  void deps.bus.publish(topics.customer(workspaceId, customerId), { type: 'queue', ...frame }).catch((error: unknown) => deps.log.warn({ err: error }, 'queue publish failed'));
}

/**
 * Who takes each conversation that needs a person, and when. Decisions are made by the pure
 * router in core, under a per-workspace lock so two processes never hand the same agent more
 * than their capacity; each is stored as a routing event with its reason. Waiting customers
 * hear their place in line and the expected wait after every change.
 */
export function createRoutingService(deps: ServiceDeps) {
  const { db, clock, ids, log } = deps;
  let running: Promise<unknown> = Promise.resolve();

  /** Teams outside their hours now, with when each opens: their conversations wait, first in line at opening. */
  function closedTeams(policies: ReadonlyMap<string, StoredPolicy>, now: Date): Map<string, Date | null> {
    const closed = new Map<string, Date | null>();
    for (const policy of policies.values()) {
      const availability = scheduleAvailability(policy.schedule, now);
      if (!availability.open) closed.set(policy.teamId, availability.nextOpenAt);
    }
    return closed;
  }

  async function places(workspaceId: string, queue: readonly QueueEntry[], agents: readonly RoutingAgent[], closed: ReadonlyMap<string, Date | null>): Promise<QueuePlace[]> {
    const now = clock();
    const online = agents.filter((a) => a.status === 'online').length;
    const taken = await countTakenSince(db, workspaceId, new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000));
    return queueOrder(queue, now).map((entry, index) => {
      const waitsForOpening = entry.teamId !== null && closed.has(entry.teamId);
      return {
        conversationId: entry.conversationId,
        customerId: entry.customerId,
        position: index + 1,
        expectedWaitSeconds: waitsForOpening ? null : estimateWaitSeconds({ position: index + 1, freeSlots: 0, onlineAgents: online, recentAssignments: taken, windowSeconds: RATE_WINDOW_SECONDS, fallbackHandleSeconds: DEFAULT_HANDLE_SECONDS }),
        opensAt: waitsForOpening ? closed.get(entry.teamId!) ?? null : null,
      };
    });
  }

  /** Hands out the queue as far as free agents allow; then tells everyone still waiting where they stand. */
  async function drain(workspaceId: string): Promise<{ assigned: ConversationRecord[]; waiting: QueuePlace[] }> {
    const { assigned, queue, agents, closed } = await transact(deps, async (tx, emit) => {
      await lockRouting(tx, workspaceId);
      const now = clock();
      const policies = await loadPolicies(tx, workspaceId);
      const [agents, queue] = await Promise.all([loadAgents(tx, workspaceId, policies), loadQueue(tx, workspaceId)]);
      const cursors = new Map([...policies.values()].filter((p) => p.roundRobinCursor).map((p) => [p.teamId, p.roundRobinCursor!]));
      const closed = closedTeams(policies, now);
      const deadlines = await slaDeadlines(tx, workspaceId, queue.map((entry) => entry.conversationId), policies, now);
      const routable = queue
        .filter((entry) => !(entry.teamId && closed.has(entry.teamId)))
        .map((entry) => ({ ...entry, slaDueAt: deadlines.get(entry.conversationId) ?? null }));
      const plan = dispatch(routable, agents, policies, fallbackPolicy(), now, cursors);
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
      return { assigned, queue: queue.filter((q) => !taken.has(q.conversationId)), agents, closed };
    });
    for (const conversation of assigned) tellQueue(deps, workspaceId, conversation.customerId, { conversationId: conversation.id, position: null, expectedWaitSeconds: null });
    const waiting = await places(workspaceId, queue, agents, closed);
    for (const { conversationId, customerId, position, expectedWaitSeconds } of waiting) tellQueue(deps, workspaceId, customerId, { conversationId, position, expectedWaitSeconds });
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
      if (options.language) await setLanguageIfUnknown(tx, workspaceId, conversationId, options.language);
      const conversation = await markQueued(tx, workspaceId, conversationId, { now, teamId: options.teamId, targetAgentId: options.targetAgentId ?? null, skills: options.skills ?? [], flags: options.flags ?? [] });
      if (!conversation) throw appError('conversation.not_found');
      await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId, kind: options.kind ?? 'queued', agentId: options.targetAgentId ?? null, teamId: conversation.teamId, reason: options.reason, createdAt: now });
      emit({ workspaceId, type: 'conversation.updated', conversationId, conversation, data: { changed: ['handler'] } });
    });
    const result = await drainSoon(workspaceId);
    const place = result.waiting.find((p) => p.conversationId === conversationId) ?? null;
    // Another pass may have run first and placed it: then the stored row says where it went.
    const assigned = result.assigned.find((c) => c.id === conversationId) ?? (place ? null : await findConversation(db, workspaceId, conversationId));
    const agent = assigned?.assigneeId ? await findAgent(db, workspaceId, assigned.assigneeId) : null;
    return { assignedTo: agent ? { id: agent.id, name: agent.name } : null, position: place?.position ?? null, expectedWaitSeconds: place?.expectedWaitSeconds ?? null, opensAt: place?.opensAt ?? null };
  }

  /** What the periodic pass does for one workspace: unanswered conversations back to the queue, then a routing pass. */
  function pass(workspaceId: string) {
    return serial(async () => {
      const requeued = await transact(deps, async (tx, emit) => {
        await lockRouting(tx, workspaceId);
        const now = clock();
        const late = await unanswered(tx, workspaceId, now);
        const released = await requeue(tx, workspaceId, { conversationIds: late.map((l) => l.id) }, now);
        const names = new Map((await loadAgents(tx, workspaceId, new Map())).map((a) => [a.id, a.name]));
        for (const conversation of released) {
          const was = late.find((l) => l.id === conversation.id)!;
          await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId: conversation.id, kind: 'requeued', agentId: was.assigneeId, teamId: conversation.teamId, reason: `${names.get(was.assigneeId) ?? 'the agent'} did not answer within ${was.seconds} s`, createdAt: now });
          emit({ workspaceId, type: 'conversation.updated', conversationId: conversation.id, conversation, data: { changed: ['handler', 'assigneeId'] } });
        }
        return released;
      });
      return { requeued, ...(await drain(workspaceId)) };
    });
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

    async queue(workspaceId: string): Promise<QueuePlace[]> {
      const policies = await loadPolicies(db, workspaceId);
      const [agents, queue] = await Promise.all([loadAgents(db, workspaceId, policies), loadQueue(db, workspaceId)]);
      return places(workspaceId, queue, agents, closedTeams(policies, clock()));
    },

    events: (workspaceId: string, conversationId: string) => listRoutingEvents(db, workspaceId, conversationId),

    pass,

    /** Workspaces the periodic pass visits: someone waits (overflow rings open, boosts grow) or a team reassigns unanswered ones. */
    async workspacesToPass(): Promise<string[]> {
      const [queued, reassigning] = await Promise.all([workspacesWithQueue(db), workspacesReassigning(db)]);
      return [...new Set([...queued, ...reassigning])];
    },

    /** Resolves when every routing pass started so far has finished (tests, shutdown). */
    settled: (): Promise<unknown> => running,


  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
