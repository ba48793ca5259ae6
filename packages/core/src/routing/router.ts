import { hasRoom, weightedLoad, type Capacity, type CapacityKind, type Load } from './capacity.ts';

export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const ASSIGNMENT_METHODS = ['least-loaded', 'round-robin', 'manual'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** An agent as routing sees them at one instant. */
export interface RoutingAgent {
  id: string;
  name: string;
  status: AgentStatus;
  teamIds: readonly string[];
  /** Languages (`vi`, `fa`, `en`) and product/tier skills (`billing`, `vip`). */
  skills: readonly string[];
  capacity: Capacity;
  load: Load;
  lastAssignedAt: Date | null;
}

/** One step of widening when nobody in the inner ring is free ("bullseye" overflow). */
export interface OverflowStep {
  afterSeconds: number;
  /** `optional-skills` drops the nice-to-have skills; `teams` adds other teams' agents. */
  widen: 'optional-skills' | 'teams';
  teamIds?: readonly string[];
}

/** A team's queue policy. */
export interface QueuePolicy {
  teamId: string;
  method: AssignmentMethod;
  requiredSkills: readonly string[];
  optionalSkills: readonly string[];
  /** A returning customer goes back to the agent who helped them last within this window (0 = never). */
  stickyWindowSeconds: number;
  overflow: readonly OverflowStep[];
}

export const DEFAULT_POLICY: Omit<QueuePolicy, 'teamId'> = {
  method: 'least-loaded',
  requiredSkills: [],
  optionalSkills: [],
  stickyWindowSeconds: 7 * 24 * 3600,
  overflow: [{ afterSeconds: 60, widen: 'optional-skills' }],
};

/** What routing needs to know about one waiting conversation. */
export interface RoutingRequest {
  conversationId: string;
  capacityKind: CapacityKind;
  /** The customer's language: an agent must speak it (it is a skill), unless no agent here lists it. */
  language: string | null;
  /** Skills the conversation itself needs (e.g. from the bot's intent), on top of the policy's. */
  skills: readonly string[];
  queuedAt: Date;
  /** Who helped this customer last, and when. */
  lastAgent: { id: string; at: Date } | null;
  /** A handoff aimed at one agent. */
  targetAgentId: string | null;
}

/** A circle of the bullseye: which teams and which skills, open after `afterSeconds` of waiting. */
export interface Ring {
  afterSeconds: number;
  teamIds: readonly string[];
  skills: readonly string[];
}

export type RoutingDecision =
  | { kind: 'assigned'; agentId: string; rule: 'target' | 'sticky' | AssignmentMethod; ring: number; reason: string }
  | { kind: 'queued'; reason: string };

/** The policy's rings, innermost first: all skills in the team, then each overflow step in turn. */
export function ringsOf(policy: QueuePolicy, request: Pick<RoutingRequest, 'language' | 'skills'>): Ring[] {
  const required = [...new Set([...policy.requiredSkills, ...request.skills, ...(request.language ? [request.language] : [])])];
  let ring: Ring = { afterSeconds: 0, teamIds: [policy.teamId], skills: [...new Set([...required, ...policy.optionalSkills])] };
  const rings = [ring];
  for (const step of [...policy.overflow].sort((a, b) => a.afterSeconds - b.afterSeconds)) {
    ring = step.widen === 'optional-skills'
      ? { afterSeconds: step.afterSeconds, teamIds: ring.teamIds, skills: required }
      : { afterSeconds: step.afterSeconds, teamIds: [...new Set([...ring.teamIds, ...(step.teamIds ?? [])])], skills: ring.skills };
    rings.push(ring);
  }
  return rings;
}

const canTake = (agent: RoutingAgent, kind: CapacityKind) => agent.status === 'online' && hasRoom(agent.load, agent.capacity, kind);

/** "assigned to Lan: skills vi+billing, load 3/8 async, sticky" — stored with the routing event. */
function describe(agent: RoutingAgent, kind: CapacityKind, skills: readonly string[], rule: string): string {
  const facts = [...(skills.length ? [`skills ${skills.join('+')}`] : []), `load ${agent.load[kind]}/${agent.capacity[kind]} ${kind}`, rule];
  return `assigned to ${agent.name}: ${facts.join(', ')}`;
}

function leastLoaded(candidates: readonly RoutingAgent[]): RoutingAgent {
  let best = candidates[0]!;
  let bestLoad = weightedLoad(best.load, best.capacity);
  for (let i = 1; i < candidates.length; i++) {
    const agent = candidates[i]!;
    const load = weightedLoad(agent.load, agent.capacity);
    const idleFirst = (agent.lastAssignedAt?.getTime() ?? 0) - (best.lastAssignedAt?.getTime() ?? 0);
    if (load < bestLoad - 1e-9 || (Math.abs(load - bestLoad) <= 1e-9 && (idleFirst < 0 || (idleFirst === 0 && agent.id < best.id)))) {
      best = agent;
      bestLoad = load;
    }
  }
  return best;
}

/** The next agent after `after` in id order, wrapping around. */
function roundRobin(candidates: readonly RoutingAgent[], after: string | null): RoutingAgent {
  let next: RoutingAgent | null = null;
  let first = candidates[0]!;
  for (const agent of candidates) {
    if (agent.id < first.id) first = agent;
    if (after !== null && agent.id > after && (next === null || agent.id < next.id)) next = agent;
  }
  return next ?? first;
}

/**
 * Who should take a waiting conversation now, and why. In order: the agent a handoff aimed at;
 * the customer's last agent (sticky, within the window); then the innermost ring of the
 * bullseye that has a free agent with every skill it asks for, picked by the team's method.
 * Only online agents under capacity for the conversation's channel kind are ever chosen.
 */
export function chooseAgent(request: RoutingRequest, agents: readonly RoutingAgent[], policy: QueuePolicy, now: Date, roundRobinAfter: string | null = null): RoutingDecision {
  const kind = request.capacityKind;
  if (request.targetAgentId) {
    const target = agents.find((a) => a.id === request.targetAgentId);
    if (target && canTake(target, kind)) return { kind: 'assigned', agentId: target.id, rule: 'target', ring: 0, reason: describe(target, kind, [], 'asked for by name') };
  }
  const last = request.lastAgent;
  if (last && policy.stickyWindowSeconds > 0 && now.getTime() - last.at.getTime() <= policy.stickyWindowSeconds * 1000) {
    const previous = agents.find((a) => a.id === last.id);
    if (previous && canTake(previous, kind)) return { kind: 'assigned', agentId: previous.id, rule: 'sticky', ring: 0, reason: describe(previous, kind, [], 'sticky') };
  }
  if (policy.method === 'manual') return { kind: 'queued', reason: 'manual: waits for an agent to pick it' };
  const waited = (now.getTime() - request.queuedAt.getTime()) / 1000;
  // The customer's language is required only where someone here speaks it at all.
  const language = request.language && agents.some((a) => a.skills.includes(request.language!)) ? request.language : null;
  const rings = ringsOf(policy, { language, skills: request.skills });
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    if (ring.afterSeconds > waited) break;
    const candidates = agents.filter((a) => canTake(a, kind) && a.teamIds.some((t) => ring.teamIds.includes(t)) && ring.skills.every((s) => a.skills.includes(s)));
    if (candidates.length === 0) continue;
    const agent = policy.method === 'round-robin' ? roundRobin(candidates, roundRobinAfter) : leastLoaded(candidates);
    const rule = r === 0 ? policy.method : `${policy.method}, ring ${r}`;
    return { kind: 'assigned', agentId: agent.id, rule: policy.method, ring: r, reason: describe(agent, kind, ring.skills, rule) };
  }
  const open = rings.filter((ring) => ring.afterSeconds <= waited).length;
  const next = rings[open];
  return { kind: 'queued', reason: next ? `no free agent in ring ${open - 1}; widens in ${Math.ceil(next.afterSeconds - waited)} s` : `no free agent with ${rings.at(-1)!.skills.join('+') || 'the team'}` };
}
