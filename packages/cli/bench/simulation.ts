// A discrete-event simulation of a contact centre whose every routing decision is made by the
// real `dispatch` from @tandem/core: on each arrival, each agent freed and each overflow ring
// opening, the waiting conversations and the agents as they are now go to `dispatch`, and its
// assignments are applied. Time is simulated (milliseconds from an arbitrary epoch), never waited.
import { dispatch, ringsOf, weightedLoad, withOneMore, type Assignment, type QueuedConversation, type QueuePolicy, type RoutingAgent } from '@tandem/core';
import { createEventQueue, type EventQueue } from './event-queue.ts';
import { createQueueStats, type MeasuredFigures } from './queue-stats.ts';

/** One customer. Drawn from a seeded stream a fixed number of draws at a time, so every policy meets the same customers. */
export interface Arrival {
  gapSeconds: number;
  /** What routing sees (conversationId and queuedAt are filled in on arrival). */
  request: Omit<QueuedConversation, 'conversationId' | 'queuedAt'>;
  /** Infinity: never gives up. */
  patienceSeconds: number;
  handleSeconds: number;
  /** The label the figures are broken down by (`vi`, `fa billing`…). */
  queue: string;
}

export interface SimulationInput {
  agents: readonly RoutingAgent[];
  policies: ReadonlyMap<string, QueuePolicy>;
  fallbackPolicy: QueuePolicy;
  nextArrival: () => Arrival;
  arrivals: number;
  warmupArrivals: number;
  thresholds: readonly number[];
  /** How long `agent` keeps the conversation (default: its drawn handling time). */
  handleSeconds?: (arrival: Arrival, agent: RoutingAgent) => number;
  /** One queue, one skill: a waiting conversation beside a free agent is a routing fault. */
  expectWorkConserving?: boolean;
}

export interface SimulationResult extends MeasuredFigures {
  /** Busy share of the online agents' capacity between the first measured arrival and the last arrival. */
  occupancy: number;
  /** The least and the most busy online agent: how evenly the method spreads the work. */
  agentOccupancy: { min: number; max: number };
  dispatchCalls: number;
  /** `chooseAgent` calls made inside `dispatch`: one per waiting conversation per call. */
  routingDecisions: number;
  assignments: number;
  assignmentsByRing: number[];
  /** Assignments the router should never make, and dispatches that left work beside a free agent. */
  violations: string[];
}

interface Waiting {
  item: QueuedConversation;
  index: number;
  arrivedAt: number;
  arrival: Arrival;
}

type SimEvent =
  | { kind: 'arrival'; arrival: Arrival }
  | { kind: 'departure'; agent: RoutingAgent; capacityKind: QueuedConversation['capacityKind'] }
  | { kind: 'abandon' | 'ring'; waiting: Waiting };

interface Centre {
  input: SimulationInput;
  agents: RoutingAgent[];
  byId: Map<string, RoutingAgent>;
  events: EventQueue<SimEvent>;
  waiting: Map<string, Waiting>;
  stats: ReturnType<typeof createQueueStats>;
  cursors: Map<string, string>;
  out: Pick<SimulationResult, 'dispatchCalls' | 'routingDecisions' | 'assignments' | 'assignmentsByRing' | 'violations'>;
  /** Busy share × milliseconds per online agent, over the measured period. */
  busyArea: Map<RoutingAgent, number>;
  clock: number;
  arrived: number;
  measureFrom: number | null;
  measureTo: number | null;
}

const EPOCH = Date.UTC(2025, 0, 6, 9);
const dateAt = (ms: number) => new Date(EPOCH + Math.floor(ms));

function violation(centre: Centre, text: string) {
  if (centre.out.violations.length < 20) centre.out.violations.push(text);
}

function advance(centre: Centre, to: number) {
  if (centre.measureFrom !== null) {
    const end = centre.measureTo === null ? to : Math.min(to, centre.measureTo);
    const start = Math.max(centre.clock, centre.measureFrom);
    if (end > start) for (const [agent, area] of centre.busyArea) centre.busyArea.set(agent, area + weightedLoad(agent.load, agent.capacity) * (end - start));
  }
  centre.clock = to;
}

/** What the router must never do, checked on every assignment it makes. */
function fault(item: QueuedConversation, agent: RoutingAgent): string | null {
  if (agent.status !== 'online' || agent.load[item.capacityKind] >= agent.capacity[item.capacityKind]) return `${agent.id} given ${item.conversationId} while ${agent.status} or full`;
  if ((item.language && !agent.skills.includes(item.language)) || item.skills.some((s) => !agent.skills.includes(s))) return `${agent.id} lacks the skills of ${item.conversationId}`;
  return null;
}

function apply(centre: Centre, assignment: Assignment) {
  const { input, out, clock } = centre;
  const entry = centre.waiting.get(assignment.conversationId);
  const agent = centre.byId.get(assignment.agentId);
  if (!entry || !agent) return violation(centre, `${assignment.conversationId} assigned to ${assignment.agentId}: unknown conversation or agent`);
  const problem = fault(entry.item, agent);
  if (problem) violation(centre, problem);
  const kind = entry.item.capacityKind;
  centre.waiting.delete(assignment.conversationId);
  agent.load = withOneMore(agent.load, kind);
  agent.lastAssignedAt = dateAt(clock);
  out.assignments++;
  out.assignmentsByRing[assignment.decision.ring] = (out.assignmentsByRing[assignment.decision.ring] ?? 0) + 1;
  if (entry.index >= input.warmupArrivals) centre.stats.answered(entry.index - input.warmupArrivals, entry.arrival.queue, (clock - entry.arrivedAt) / 1000);
  const seconds = input.handleSeconds ? input.handleSeconds(entry.arrival, agent) : entry.arrival.handleSeconds;
  centre.events.push(clock + seconds * 1000, { kind: 'departure', agent, capacityKind: kind });
}

/** The real router's turn: every waiting conversation and every agent as they are now. */
function route(centre: Centre) {
  if (centre.waiting.size === 0) return;
  const queue = [...centre.waiting.values()].map((w) => w.item);
  centre.out.dispatchCalls++;
  centre.out.routingDecisions += queue.length;
  const { input } = centre;
  for (const assignment of dispatch(queue, centre.agents, input.policies, input.fallbackPolicy, dateAt(centre.clock), centre.cursors)) apply(centre, assignment);
  if (input.expectWorkConserving && centre.waiting.size > 0 && centre.agents.some((a) => a.status === 'online' && a.load.voice < a.capacity.voice)) {
    violation(centre, `t=${Math.round(centre.clock)} ms: ${centre.waiting.size} waiting beside a free agent`);
  }
}

function scheduleArrival(centre: Centre) {
  const arrival = centre.input.nextArrival();
  centre.events.push(centre.clock + arrival.gapSeconds * 1000, { kind: 'arrival', arrival });
}

function arrive(centre: Centre, arrival: Arrival) {
  const { input, clock } = centre;
  const index = centre.arrived++;
  if (index === input.warmupArrivals) centre.measureFrom = clock;
  if (index === input.arrivals - 1) centre.measureTo = clock;
  const queuedAt = dateAt(clock);
  const item: QueuedConversation = { ...arrival.request, conversationId: `c${index}`, queuedAt };
  const entry: Waiting = { item, index, arrivedAt: clock, arrival };
  centre.waiting.set(item.conversationId, entry);
  if (Number.isFinite(arrival.patienceSeconds)) centre.events.push(clock + arrival.patienceSeconds * 1000, { kind: 'abandon', waiting: entry });
  // The router widens its rings by waiting time, so a ring opening is an event of its own. It is
  // scheduled on whole milliseconds from queuedAt, the router's own resolution, so the ring is open then.
  const policy = (item.teamId && input.policies.get(item.teamId)) || input.fallbackPolicy;
  for (const ring of ringsOf(policy, item)) if (ring.afterSeconds > 0) centre.events.push(queuedAt.getTime() - EPOCH + ring.afterSeconds * 1000, { kind: 'ring', waiting: entry });
  if (centre.arrived < input.arrivals) scheduleArrival(centre);
  route(centre);
}

function handle(centre: Centre, event: SimEvent) {
  if (event.kind === 'arrival') return arrive(centre, event.arrival);
  if (event.kind === 'departure') {
    event.agent.load = { ...event.agent.load, [event.capacityKind]: event.agent.load[event.capacityKind] - 1 };
    return route(centre);
  }
  // A conversation already answered or gone: its later events are void.
  if (centre.waiting.get(event.waiting.item.conversationId) !== event.waiting) return;
  if (event.kind === 'ring') return route(centre);
  centre.waiting.delete(event.waiting.item.conversationId);
  if (event.waiting.index >= centre.input.warmupArrivals) centre.stats.abandoned(event.waiting.index - centre.input.warmupArrivals, event.waiting.arrival.queue);
}

export function simulate(input: SimulationInput): SimulationResult {
  const agents = input.agents.map((a) => ({ ...a }));
  const centre: Centre = {
    input,
    agents,
    byId: new Map(agents.map((a) => [a.id, a])),
    events: createEventQueue<SimEvent>(),
    waiting: new Map(),
    stats: createQueueStats(input.thresholds, input.arrivals - input.warmupArrivals),
    cursors: new Map(),
    out: { dispatchCalls: 0, routingDecisions: 0, assignments: 0, assignmentsByRing: [], violations: [] },
    busyArea: new Map(agents.filter((a) => a.status === 'online').map((a) => [a, 0])),
    clock: 0,
    arrived: 0,
    measureFrom: null,
    measureTo: null,
  };
  scheduleArrival(centre);
  for (let next = centre.events.pop(); next; next = centre.events.pop()) {
    advance(centre, next.at);
    handle(centre, next.event);
  }
  const measuredMs = (centre.measureTo ?? centre.clock) - (centre.measureFrom ?? 0);
  const perAgent = [...centre.busyArea.values()].map((area) => area / measuredMs);
  return {
    ...centre.stats.summary(),
    occupancy: perAgent.reduce((sum, o) => sum + o, 0) / perAgent.length,
    agentOccupancy: { min: Math.min(...perAgent), max: Math.max(...perAgent) },
    ...centre.out,
  };
}
