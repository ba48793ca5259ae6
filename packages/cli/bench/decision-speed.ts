// How long the real router takes over one decision, and over a whole queue, at a size well past
// a large contact centre: 500 agents (mixed teams, skills, statuses and loads) and 5,000 waiting.
import { performance } from 'node:perf_hooks';
import {
  AGENT_STATUSES, CAPACITY_KINDS, DEFAULT_CAPACITY, chooseAgent, dispatch,
  type QueuedConversation, type QueuePolicy, type RoutingAgent,
} from '@tandem/core';
import { seededRandom } from '@tandem/nlu';

const TEAMS = Array.from({ length: 10 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
const LANGUAGES = ['vi', 'fa', 'en', 'fr', 'de'];
const SKILLS = ['billing', 'vip', 'tech', 'returns'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const NOW = new Date(Date.UTC(2025, 0, 6, 12));

export interface DecisionSpeedOptions {
  agents: number;
  waiting: number;
  repeats: number;
  seed: number;
}

export interface DecisionSpeed {
  agents: number;
  waiting: number;
  repeats: number;
  /** Medians over the repeats of each repeat's percentile. */
  chooseAgentP50Ms: number;
  chooseAgentP99Ms: number;
  chooseAgentMaxMs: number;
  /** Share of the single decisions that assigned someone (the rest stay queued). */
  assignedShare: number;
  dispatchMs: number;
  dispatchAssignments: number;
}

function world(options: DecisionSpeedOptions) {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const some = (items: readonly string[], p: number) => items.filter(() => random() < p);
  const agents: RoutingAgent[] = Array.from({ length: options.agents }, (_, i) => {
    const teams = [...new Set([pick(TEAMS), ...(random() < 0.3 ? [pick(TEAMS)] : [])])];
    const status = random() < 0.7 ? 'online' : pick(AGENT_STATUSES);
    const load = Object.fromEntries(CAPACITY_KINDS.map((kind) => [kind, Math.floor(random() * (DEFAULT_CAPACITY[kind] + 1))])) as RoutingAgent['load'];
    const lastAssignedAt = random() < 0.9 ? new Date(NOW.getTime() - random() * 3_600_000) : null;
    return { id: `agent-${String(i).padStart(4, '0')}`, name: `Agent ${i}`, status, teamIds: teams, skills: [...new Set([pick(LANGUAGES), ...some(LANGUAGES, 0.2), ...some(SKILLS, 0.3)])], capacity: DEFAULT_CAPACITY, load, lastAssignedAt };
  });
  const policies = new Map<string, QueuePolicy>(TEAMS.map((teamId, i) => [teamId, {
    teamId,
    method: i % 2 ? 'round-robin' : 'least-loaded',
    requiredSkills: i % 5 === 0 ? ['tech'] : [],
    optionalSkills: i % 3 === 0 ? ['vip'] : [],
    stickyWindowSeconds: 7 * 24 * 3600,
    overflow: [{ afterSeconds: 60, widen: 'optional-skills' }, { afterSeconds: 180, widen: 'teams', teamIds: [TEAMS[(i + 1) % TEAMS.length]!, TEAMS[(i + 2) % TEAMS.length]!] }],
  }]));
  const queue: QueuedConversation[] = Array.from({ length: options.waiting }, (_, i) => ({
    conversationId: `conversation-${String(i).padStart(5, '0')}`,
    teamId: random() < 0.95 ? pick(TEAMS) : null,
    capacityKind: pick(CAPACITY_KINDS),
    language: random() < 0.9 ? pick(LANGUAGES) : null,
    skills: random() < 0.2 ? [pick(SKILLS)] : [],
    queuedAt: new Date(NOW.getTime() - random() * 900_000),
    lastAgent: random() < 0.1 ? { id: pick(agents).id, at: new Date(NOW.getTime() - random() * 14 * 86_400_000) } : null,
    targetAgentId: random() < 0.01 ? pick(agents).id : null,
    priority: pick(PRIORITIES),
    complaint: random() < 0.03,
    vip: random() < 0.05,
    slaDueAt: random() < 0.5 ? new Date(NOW.getTime() + (random() - 0.3) * 3_600_000) : null,
  }));
  return { agents, policies, queue, fallback: policies.get(TEAMS[0]!)! };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

export function measureDecisionSpeed(options: DecisionSpeedOptions): DecisionSpeed {
  const { agents, policies, queue, fallback } = world(options);
  const policyOf = (item: QueuedConversation) => (item.teamId && policies.get(item.teamId)) || fallback;
  const p50: number[] = [];
  const p99: number[] = [];
  const max: number[] = [];
  let assigned = 0;
  // The first pass only warms the JIT up; it is not measured.
  for (let repeat = -1; repeat < options.repeats; repeat++) {
    const times: number[] = [];
    assigned = 0;
    for (const item of queue) {
      const start = performance.now();
      const decision = chooseAgent(item, agents, policyOf(item), NOW, null);
      times.push(performance.now() - start);
      if (decision.kind === 'assigned') assigned++;
    }
    if (repeat < 0) continue;
    times.sort((a, b) => a - b);
    p50.push(percentile(times, 0.5));
    p99.push(percentile(times, 0.99));
    max.push(times.at(-1)!);
  }
  const dispatchTimes: number[] = [];
  let dispatchAssignments = 0;
  for (let repeat = -1; repeat < Math.max(1, Math.ceil(options.repeats / 2)); repeat++) {
    const start = performance.now();
    dispatchAssignments = dispatch(queue, agents, policies, fallback, NOW, new Map()).length;
    if (repeat >= 0) dispatchTimes.push(performance.now() - start);
  }
  return {
    agents: options.agents,
    waiting: options.waiting,
    repeats: options.repeats,
    chooseAgentP50Ms: median(p50),
    chooseAgentP99Ms: median(p99),
    chooseAgentMaxMs: median(max),
    assignedShare: assigned / queue.length,
    dispatchMs: median(dispatchTimes),
    dispatchAssignments,
  };
}
