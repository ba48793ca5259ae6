// Erlang B and C (M/M/c queues) in closed form: what the staffing view plans with, and what the
// routing bench checks its simulation against.

/** One queue staffed by `agents` identical agents, offered `erlangs` = arrival rate × average handling time. */
export interface QueueModel {
  agents: number;
  erlangs: number;
  ahtSeconds: number;
}

/** Probability that an arrival finds every agent busy and is lost (M/M/c/c). Stable recursion, no factorials. */
export function erlangB(agents: number, trafficErlangs: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k++) blocking = (trafficErlangs * blocking) / (k + trafficErlangs * blocking);
  return blocking;
}

/** Probability that an arrival waits (M/M/c, infinite patience): C(c, A). 1 when the queue is unstable (A ≥ c). */
export function erlangC(agents: number, trafficErlangs: number): number {
  if (trafficErlangs >= agents) return 1;
  const blocking = erlangB(agents, trafficErlangs);
  return (agents * blocking) / (agents - trafficErlangs * (1 - blocking));
}

/** Share answered within `seconds`: 1 − C·e^{−(c−A)·t/AHT}. 0 when the queue is unstable. */
export function erlangCServiceLevel(model: QueueModel, seconds: number): number {
  if (model.erlangs >= model.agents) return 0;
  return 1 - erlangC(model.agents, model.erlangs) * Math.exp((-(model.agents - model.erlangs) * seconds) / model.ahtSeconds);
}

/** Average speed of answer: C·AHT/(c − A). Infinity when the queue is unstable. */
export function erlangCAverageSpeedOfAnswer(model: QueueModel): number {
  if (model.erlangs >= model.agents) return Infinity;
  return (erlangC(model.agents, model.erlangs) * model.ahtSeconds) / (model.agents - model.erlangs);
}

/** The highest service level planned for: Erlang C never reaches 1, so higher targets are read as this. */
export const MAX_SERVICE_LEVEL = 0.9999;

export interface StaffingTarget {
  /** Share to answer within `withinSeconds`, e.g. 0.8. */
  serviceLevel: number;
  withinSeconds: number;
  /** Average handling time of one conversation. */
  handleSeconds: number;
}

export interface AgentsNeededInput extends StaffingTarget {
  /** Arrivals in one interval; an average may be fractional. */
  arrivalsPerInterval: number;
  intervalSeconds: number;
}

/**
 * The fewest agents whose Erlang C service level meets the target, with traffic
 * A = arrivals × handle time / interval erlangs: the count starts at the smallest whole number
 * above A (fewer can never catch up) and goes up until 1 − C(c, A)·e^{−(c−A)·t/AHT} ≥ the
 * target (capped at `MAX_SERVICE_LEVEL`). 0 when there is no traffic. Erlang C assumes each agent handles one conversation at
 * a time and customers wait as long as it takes.
 */
export function agentsNeeded(input: AgentsNeededInput): number {
  const { arrivalsPerInterval, intervalSeconds, handleSeconds, withinSeconds } = input;
  if (!(arrivalsPerInterval > 0 && handleSeconds > 0 && intervalSeconds > 0)) return 0;
  const erlangs = (arrivalsPerInterval * handleSeconds) / intervalSeconds;
  // Some arrival always risks a wait, so no staffing answers 100%; read such a target as 99.99%.
  const target = Math.min(input.serviceLevel, MAX_SERVICE_LEVEL);
  let agents = Math.floor(erlangs) + 1;
  while (erlangCServiceLevel({ agents, erlangs, ahtSeconds: handleSeconds }, withinSeconds) < target) agents++;
  return agents;
}
