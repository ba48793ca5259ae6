// Erlang A (M/M/c+M: customers abandon after exponential patience), solved numerically; the
// routing bench compares its simulation of abandoning customers with it.
import type { QueueModel } from './erlang.ts';

export interface ErlangA {
  /** Probability that an arrival finds every agent busy. */
  waitProbability: number;
  abandonProbability: number;
  /** Stationary probability of n conversations in the system (answered and waiting), truncated where it is negligible. */
  states: number[];
}

/**
 * Erlang A: the birth–death chain with arrival rate λ, n·μ served while n ≤ c, and c·μ + (n − c)·θ
 * leaving when n > c (θ = 1/patience). Stable for any load, so no c > A condition.
 */
export function erlangA(model: QueueModel, patienceSeconds: number): ErlangA {
  const { agents, erlangs, ahtSeconds } = model;
  const arrival = erlangs / ahtSeconds;
  const abandon = 1 / patienceSeconds;
  const weights = [1];
  let total = 1;
  for (let n = 1; n < agents + 100_000; n++) {
    const leaving = Math.min(n, agents) / ahtSeconds + Math.max(0, n - agents) * abandon;
    const weight = (weights[n - 1]! * arrival) / leaving;
    weights.push(weight);
    total += weight;
    if (n > agents && weight < total * 1e-15) break;
  }
  const states = weights.map((w) => w / total);
  let waitProbability = 0;
  let abandonRate = 0;
  states.forEach((p, n) => {
    if (n >= agents) waitProbability += p;
    abandonRate += p * Math.max(0, n - agents) * abandon;
  });
  return { waitProbability, abandonProbability: abandonRate / arrival, states };
}

export interface ErlangAAnswering {
  /** Share of all arrivals answered within each threshold, by threshold in seconds. */
  serviceLevel: Record<number, number>;
  /** Average wait of the answered ones. */
  averageSpeedOfAnswer: number;
  /** 1 − answered: the same figure as `abandonProbability`, from the other side (a check of the integration). */
  abandonProbability: number;
}

/**
 * When an arrival is answered under Erlang A, first come first served. An arrival that finds
 * k waiting ahead moves up one place at rate c·μ + j·θ (a service or an abandonment ahead, j
 * ahead), is answered from the head at rate c·μ, and gives up at rate θ throughout. The
 * probability of each place evolves by a linear ODE, integrated with RK4 in steps of `stepSeconds`,
 * with two more components: the answered mass and its time-weighted sum (for the average wait).
 */
export function erlangAAnswering(model: QueueModel, patienceSeconds: number, thresholds: readonly number[], stepSeconds = 0.25): ErlangAAnswering {
  const { agents, ahtSeconds } = model;
  const { states } = erlangA(model, patienceSeconds);
  const serve = agents / ahtSeconds;
  const abandon = 1 / patienceSeconds;
  const immediate = states.slice(0, agents).reduce((sum, p) => sum + p, 0);
  const places = states.length - agents;
  const derivative = (y: readonly number[], t: number) => {
    const d = new Array<number>(places + 2);
    for (let j = 0; j < places; j++) d[j] = -(serve + (j + 1) * abandon) * y[j]! + (j + 1 < places ? (serve + (j + 1) * abandon) * y[j + 1]! : 0);
    d[places] = serve * y[0]!;
    d[places + 1] = t * serve * y[0]!;
    return d;
  };
  const step = (y: readonly number[], d: readonly number[], h: number) => y.map((v, j) => v + h * d[j]!);
  let y = [...states.slice(agents), 0, 0];
  const serviceLevel: Record<number, number> = {};
  const pending = [...thresholds].sort((a, b) => a - b);
  const h = stepSeconds;
  for (let t = 0; t < 200 * ahtSeconds; t += h) {
    while (pending.length && pending[0]! <= t + 1e-9) serviceLevel[pending.shift()!] = immediate + y[places]!;
    const k1 = derivative(y, t);
    const k2 = derivative(step(y, k1, h / 2), t + h / 2);
    const k3 = derivative(step(y, k2, h / 2), t + h / 2);
    const k4 = derivative(step(y, k3, h), t + h);
    y = y.map((v, j) => v + (h / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!));
    if (pending.length === 0 && y.slice(0, places).reduce((sum, p) => sum + p, 0) < 1e-12) break;
  }
  for (const t of pending) serviceLevel[t] = immediate + y[places]!;
  const answered = immediate + y[places]!;
  return { serviceLevel, averageSpeedOfAnswer: y[places + 1]! / answered, abandonProbability: 1 - answered };
}
