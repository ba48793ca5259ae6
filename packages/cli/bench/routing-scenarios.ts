// The routing bench's contact centres: one M/M/c queue that Erlang C describes exactly, and a
// multi-skill centre (three languages and a billing skill) run under three routing policies.
import { DEFAULT_POLICY, type AssignmentMethod, type QueuePolicy, type RoutingAgent } from '@tandem/core';
import { seededRandom } from '@tandem/nlu';
import type { Arrival, SimulationInput } from './simulation.ts';

/** Exponential variate with the given mean (u ∈ [0, 1), so 1 − u never reaches 0). */
const exponential = (random: () => number, mean: number) => -mean * Math.log(1 - random());

const VOICE_ONLY = { voice: 1, live: 0, async: 0 };
const IDLE = { voice: 0, live: 0, async: 0 };

function agent(id: string, teamIds: string[], skills: string[]): RoutingAgent {
  return { id, name: id, status: 'online', teamIds, skills, capacity: VOICE_ONLY, load: IDLE, lastAssignedAt: null };
}

const request = (teamId: string, language: string | null, vip: boolean): Arrival['request'] => ({
  teamId, language, skills: [], capacityKind: 'voice', priority: 'normal', complaint: false, vip, slaDueAt: null, lastAgent: null, targetAgentId: null,
});

export interface SingleQueueOptions {
  agents: number;
  ahtSeconds: number;
  erlangs: number;
  patienceSeconds: number;
  arrivals: number;
  warmupArrivals: number;
  seed: number;
}

/** c identical agents, one team, no skills: M/M/c (+M when patience is finite). */
export function singleQueue(options: SingleQueueOptions): SimulationInput {
  const random = seededRandom(options.seed);
  const meanGap = options.ahtSeconds / options.erlangs;
  const policy: QueuePolicy = { ...DEFAULT_POLICY, teamId: 'support', stickyWindowSeconds: 0, overflow: [] };
  return {
    agents: Array.from({ length: options.agents }, (_, i) => agent(`agent-${String(i + 1).padStart(3, '0')}`, ['support'], [])),
    policies: new Map([['support', policy]]),
    fallbackPolicy: policy,
    nextArrival: () => ({
      gapSeconds: exponential(random, meanGap),
      request: request('support', null, false),
      handleSeconds: exponential(random, options.ahtSeconds),
      // Drawn even when patience is infinite, so both variants see the same arrivals and handling times.
      patienceSeconds: Number.isFinite(options.patienceSeconds) ? exponential(random, options.patienceSeconds) : (random(), Infinity),
      queue: 'support',
    }),
    arrivals: options.arrivals,
    warmupArrivals: options.warmupArrivals,
    thresholds: [0, 20, 60],
    expectWorkConserving: true,
  };
}

export const MULTI_SKILL_POLICIES = ['least-loaded', 'round-robin', 'skills + overflow'] as const;
export type MultiSkillPolicy = (typeof MULTI_SKILL_POLICIES)[number];

const LANGUAGES = ['vi', 'fa', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** Offered load in erlangs per queue, and customers' mean patience per language. */
const GENERAL_ERLANGS: Record<Language, number> = { vi: 7.2, fa: 4.2, en: 7.6 };
const BILLING_ERLANGS: Record<Language, number> = { vi: 1.0, fa: 0.9, en: 1.6 };
const PATIENCE_SECONDS: Record<Language, number> = { vi: 90, fa: 150, en: 120 };
const GENERAL_AHT = 240;
const BILLING_AHT = 360;
/** An agent without the billing skill takes half as long again over a billing conversation. */
const UNSKILLED_BILLING_FACTOR = 1.5;
export const OVERFLOW_AFTER_SECONDS = 30;

/** 29 agents: each language team has billing specialists (also in the billing team) and a few bilingual agents. */
function multiSkillAgents(): RoutingAgent[] {
  const team = (language: Language, size: number, billing: number, extra: Record<string, number>) => {
    const extras = Object.entries(extra).flatMap(([skill, count]) => Array.from({ length: count }, () => skill));
    return Array.from({ length: size }, (_, i) => {
      const isBilling = i < billing;
      const skills = [language, ...(isBilling ? ['billing'] : []), ...(i >= billing && extras[i - billing] ? [extras[i - billing]!] : [])];
      return agent(`${language}-${String(i + 1).padStart(2, '0')}`, isBilling ? [language, 'billing'] : [language], skills);
    });
  };
  return [...team('vi', 10, 2, { en: 3 }), ...team('fa', 7, 2, { en: 2 }), ...team('en', 12, 3, { vi: 2, fa: 1 })];
}

function multiSkillPolicies(choice: MultiSkillPolicy): Map<string, QueuePolicy> {
  const base = { requiredSkills: [], optionalSkills: [], stickyWindowSeconds: 0, overflow: [] };
  const teams = [...LANGUAGES, 'billing'];
  if (choice !== 'skills + overflow') {
    const method: AssignmentMethod = choice;
    return new Map(teams.map((teamId) => [teamId, { ...base, teamId, method, requiredSkills: teamId === 'billing' ? ['billing'] : [] }]));
  }
  const policies = new Map<string, QueuePolicy>(LANGUAGES.map((language) => [language, {
    ...base, teamId: language, method: 'least-loaded',
    overflow: [{ afterSeconds: OVERFLOW_AFTER_SECONDS, widen: 'teams', teamIds: teams.filter((t) => t !== language) }],
  }]));
  policies.set('billing', {
    ...base, teamId: 'billing', method: 'least-loaded', optionalSkills: ['billing'],
    overflow: [{ afterSeconds: OVERFLOW_AFTER_SECONDS, widen: 'teams', teamIds: [...LANGUAGES] }, { afterSeconds: OVERFLOW_AFTER_SECONDS, widen: 'optional-skills' }],
  });
  return policies;
}

export function multiSkill(choice: MultiSkillPolicy, arrivals: number, warmupArrivals: number, seed: number): SimulationInput {
  const random = seededRandom(seed);
  const queues = LANGUAGES.flatMap((language) => [
    { language, billing: false, rate: GENERAL_ERLANGS[language] / GENERAL_AHT },
    { language, billing: true, rate: BILLING_ERLANGS[language] / BILLING_AHT },
  ]);
  const totalRate = queues.reduce((sum, q) => sum + q.rate, 0);
  const policies = multiSkillPolicies(choice);
  return {
    agents: multiSkillAgents(),
    policies,
    fallbackPolicy: policies.get('en')!,
    nextArrival: () => {
      const gapSeconds = exponential(random, 1 / totalRate);
      let pick = random() * totalRate;
      const queue = queues.find((q) => (pick -= q.rate) < 0) ?? queues.at(-1)!;
      return {
        gapSeconds,
        request: request(queue.billing ? 'billing' : queue.language, queue.language, random() < 0.05),
        handleSeconds: exponential(random, queue.billing ? BILLING_AHT : GENERAL_AHT),
        patienceSeconds: exponential(random, PATIENCE_SECONDS[queue.language]),
        queue: queue.billing ? `${queue.language} billing` : queue.language,
      };
    },
    handleSeconds: (arrival, agent) => arrival.handleSeconds * (arrival.request.teamId === 'billing' && !agent.skills.includes('billing') ? UNSKILLED_BILLING_FACTOR : 1),
    arrivals,
    warmupArrivals,
    thresholds: [0, 20, 60],
  };
}

export const MULTI_SKILL_OFFERED_ERLANGS = LANGUAGES.reduce((sum, l) => sum + GENERAL_ERLANGS[l] + BILLING_ERLANGS[l], 0);
export const MULTI_SKILL_AGENTS = multiSkillAgents().length;
