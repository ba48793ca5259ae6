import { CAPACITY_KINDS, withOneMore } from './capacity.ts';
import { DEFAULT_BOOSTS, queueOrder, type PriorityBoosts, type WaitingConversation } from './priority.ts';
import { chooseAgent, type QueuePolicy, type RoutingAgent, type RoutingDecision, type RoutingRequest } from './router.ts';

export interface QueuedConversation extends WaitingConversation, Omit<RoutingRequest, 'conversationId' | 'queuedAt'> {
  teamId: string | null;
}

export interface Assignment {
  conversationId: string;
  agentId: string;
  teamId: string;
  decision: Extract<RoutingDecision, { kind: 'assigned' }>;
}

/**
 * Hands out waiting conversations, most urgent first, until no free agent fits any of them.
 * Each assignment counts against the agent at once, so nobody is given more than their capacity
 * in one pass. Conversations without a team use `fallbackPolicy`. Pure: returns the plan.
 */
export function dispatch(
  queue: readonly QueuedConversation[],
  agents: readonly RoutingAgent[],
  policies: ReadonlyMap<string, QueuePolicy>,
  fallbackPolicy: QueuePolicy,
  now: Date,
  roundRobinCursors: Map<string, string> = new Map(),
  boosts: PriorityBoosts = DEFAULT_BOOSTS,
): Assignment[] {
  const live = agents.map((a) => ({ ...a }));
  const byId = new Map(live.map((a) => [a.id, a]));
  const assignments: Assignment[] = [];
  // Room left per kind among online agents: once a kind is full, its conversations are not even tried.
  const room = { voice: 0, live: 0, async: 0 };
  for (const a of live) if (a.status === 'online') for (const kind of CAPACITY_KINDS) room[kind] += Math.max(0, a.capacity[kind] - a.load[kind]);
  for (const item of queueOrder(queue, now, boosts)) {
    if (room.voice + room.live + room.async === 0) break;
    if (room[item.capacityKind] === 0) continue;
    const policy = (item.teamId && policies.get(item.teamId)) || fallbackPolicy;
    const decision = chooseAgent(item, live, policy, now, roundRobinCursors.get(policy.teamId) ?? null);
    if (decision.kind !== 'assigned') continue;
    const agent = byId.get(decision.agentId)!;
    agent.load = withOneMore(agent.load, item.capacityKind);
    room[item.capacityKind] -= 1;
    agent.lastAssignedAt = now;
    roundRobinCursors.set(policy.teamId, agent.id);
    assignments.push({ conversationId: item.conversationId, agentId: agent.id, teamId: policy.teamId, decision });
  }
  return assignments;
}
