// npm run bench:routing [-- --smoke]: the real router (@tandem/core's dispatch and chooseAgent)
// driven by a discrete-event simulation of a contact centre, checked against Erlang C on one
// M/M/c queue, then three policies on one multi-skill centre, then the speed of one decision.
// The full run writes bench/results/routing.json; --smoke is CI's seconds-long check.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureDecisionSpeed } from './decision-speed.ts';
import { erlangA, erlangAAnswering, erlangC, erlangCAverageSpeedOfAnswer, erlangCServiceLevel, type QueueModel } from './erlang.ts';
import { MULTI_SKILL_AGENTS, MULTI_SKILL_OFFERED_ERLANGS, MULTI_SKILL_POLICIES, OVERFLOW_AFTER_SECONDS, multiSkill, singleQueue } from './routing-scenarios.ts';
import { simulate, type SimulationResult } from './simulation.ts';
import { count, percent, points, seconds, secondsDifference, textTable } from './text-table.ts';

const smoke = process.argv.includes('--smoke');
const SIZE = smoke
  ? { single: 20_000, abandoning: 10_000, multiSkill: 5_000, warmup: 1_000, repeats: 1 }
  : { single: 1_000_000, abandoning: 300_000, multiSkill: 200_000, warmup: 20_000, repeats: 7 };
const MODEL: QueueModel = { agents: 10, ahtSeconds: 180, erlangs: 10 * 0.85 };
const PATIENCE_SECONDS = 120;
const started = performance.now();
const failures: string[] = [];

/** The figures compared with theory: share that waited, service levels, ASA, occupancy, abandonment. */
interface Figures {
  waitProbability: number;
  serviceLevel20: number;
  serviceLevel60: number;
  averageSpeedOfAnswer: number;
  occupancy: number;
  abandonRate: number;
}

const figuresOf = (run: SimulationResult): Figures => ({
  waitProbability: 1 - run.serviceLevel[0]!,
  serviceLevel20: run.serviceLevel[20]!,
  serviceLevel60: run.serviceLevel[60]!,
  averageSpeedOfAnswer: run.averageSpeedOfAnswer,
  occupancy: run.occupancy,
  abandonRate: run.abandonRate,
});

function comparison(title: string, run: SimulationResult, theory: Figures, theoryName: string) {
  const sim = figuresOf(run);
  const row = (name: string, key: keyof Figures, halfWidth?: number) => [
    name, `${percent(sim[key])}${halfWidth === undefined ? '' : ` ±${(halfWidth * 100).toFixed(1)}`}`, percent(theory[key]), points(sim[key] - theory[key]),
  ];
  console.log(`\n${title}`);
  console.log(textTable(['figure', 'simulation', theoryName, 'difference'], [
    row('P(wait)', 'waitProbability'),
    row('service level 20 s', 'serviceLevel20', run.serviceLevelHalfWidth[20]),
    row('service level 60 s', 'serviceLevel60', run.serviceLevelHalfWidth[60]),
    ['average speed of answer', seconds(sim.averageSpeedOfAnswer), seconds(theory.averageSpeedOfAnswer), secondsDifference(sim.averageSpeedOfAnswer - theory.averageSpeedOfAnswer)],
    row('abandonment', 'abandonRate'),
    row('agent occupancy', 'occupancy'),
  ]));
  console.log(`decisions: ${count(run.dispatchCalls)} dispatch calls, ${count(run.routingDecisions)} chooseAgent decisions, ${count(run.assignments)} assignments; ${count(run.arrivals)} measured arrivals (±: 95% interval from 20 batch means)`);
  return { simulation: sim, theory, difference: Object.fromEntries(Object.keys(sim).map((k) => [k, sim[k as keyof Figures] - theory[k as keyof Figures]])) };
}

const checkViolations = (name: string, run: SimulationResult) => {
  for (const v of run.violations) failures.push(`${name}: ${v}`);
};

// 1. One queue, Erlang C's assumptions: Poisson arrivals, exponential handling, nobody gives up.
const single = simulate(singleQueue({ ...MODEL, patienceSeconds: Infinity, arrivals: SIZE.single, warmupArrivals: SIZE.warmup, seed: 1 }));
checkViolations('single queue', single);
const erlangCFigures: Figures = {
  waitProbability: erlangC(MODEL.agents, MODEL.erlangs),
  serviceLevel20: erlangCServiceLevel(MODEL, 20),
  serviceLevel60: erlangCServiceLevel(MODEL, 60),
  averageSpeedOfAnswer: erlangCAverageSpeedOfAnswer(MODEL),
  occupancy: MODEL.erlangs / MODEL.agents,
  abandonRate: 0,
};
const singleTitle = `single queue: ${MODEL.agents} agents, AHT ${MODEL.ahtSeconds} s, A = ${MODEL.erlangs} erlangs, infinite patience, ${count(SIZE.single)} arrivals (${count(SIZE.warmup)} warm-up)`;
const singleReport = comparison(singleTitle, single, erlangCFigures, 'Erlang C');

// The same queue with customers who give up after 120 s on average: Erlang A (M/M/c+M).
const abandoning = simulate(singleQueue({ ...MODEL, patienceSeconds: PATIENCE_SECONDS, arrivals: SIZE.abandoning, warmupArrivals: SIZE.warmup, seed: 2 }));
checkViolations('single queue with abandonment', abandoning);
const erlangAModel = erlangA(MODEL, PATIENCE_SECONDS);
const erlangAAnswered = erlangAAnswering(MODEL, PATIENCE_SECONDS, [20, 60]);
const erlangAFigures: Figures = {
  waitProbability: erlangAModel.waitProbability,
  serviceLevel20: erlangAAnswered.serviceLevel[20]!,
  serviceLevel60: erlangAAnswered.serviceLevel[60]!,
  averageSpeedOfAnswer: erlangAAnswered.averageSpeedOfAnswer,
  // Agents are busy only with the answered share of the offered load.
  occupancy: (MODEL.erlangs * (1 - erlangAModel.abandonProbability)) / MODEL.agents,
  abandonRate: erlangAModel.abandonProbability,
};
const abandoningTitle = `single queue with abandonment: same queue, patience exponential with mean ${PATIENCE_SECONDS} s, ${count(SIZE.abandoning)} arrivals`;
const abandoningReport = comparison(abandoningTitle, abandoning, erlangAFigures, 'Erlang A');

// 2. Three languages and a billing skill, the same arrival stream under each policy.
const multi = MULTI_SKILL_POLICIES.map((policy) => {
  const run = simulate(multiSkill(policy, SIZE.multiSkill, SIZE.warmup, 7));
  checkViolations(`multi-skill ${policy}`, run);
  return { policy, run };
});
console.log(`\nmulti-skill: ${MULTI_SKILL_AGENTS} agents in teams vi, fa, en (+ billing), ${MULTI_SKILL_OFFERED_ERLANGS.toFixed(1)} erlangs offered, patience 90–150 s, ${count(SIZE.multiSkill)} arrivals; overflow after ${OVERFLOW_AFTER_SECONDS} s`);
console.log(textTable(
  ['policy', 'SL 20 s', 'SL 60 s', 'ASA', 'abandoned', 'occupancy', 'agents min–max', 'overflowed', 'dispatch calls', 'decisions'],
  multi.map(({ policy, run }) => [
    policy, percent(run.serviceLevel[20]!), percent(run.serviceLevel[60]!), seconds(run.averageSpeedOfAnswer), percent(run.abandonRate), percent(run.occupancy),
    `${percent(run.agentOccupancy.min, 0)}–${percent(run.agentOccupancy.max, 0)}`, percent(run.assignmentsByRing.slice(1).reduce((s, n) => s + n, 0) / run.assignments),
    count(run.dispatchCalls), count(run.routingDecisions),
  ]),
));
const queues = Object.keys(multi[0]!.run.byQueue);
console.log(`\nper queue: service level 20 s / abandoned\n${textTable(['queue', ...MULTI_SKILL_POLICIES], queues.map((queue) => [
  queue, ...multi.map(({ run }) => `${percent(run.byQueue[queue]!.serviceLevel[20]!)} / ${percent(run.byQueue[queue]!.abandonRate)}`),
]))}`);

// 3. Decision speed at a size past a large contact centre.
const speed = measureDecisionSpeed({ agents: 500, waiting: 5_000, repeats: SIZE.repeats, seed: 3 });
console.log(`\ndecision speed: ${speed.agents} agents, ${count(speed.waiting)} waiting, median of ${speed.repeats} repeats`);
console.log(textTable(['measure', 'ms'], [
  ['chooseAgent p50', speed.chooseAgentP50Ms.toFixed(4)],
  ['chooseAgent p99', speed.chooseAgentP99Ms.toFixed(4)],
  ['chooseAgent max', speed.chooseAgentMaxMs.toFixed(3)],
  [`dispatch over all ${count(speed.waiting)} (${count(speed.dispatchAssignments)} assigned)`, speed.dispatchMs.toFixed(1)],
]));

const slGap = Math.max(Math.abs(singleReport.difference.serviceLevel20!), Math.abs(singleReport.difference.serviceLevel60!));
const goals = { serviceLevelWithin2Points: slGap <= 0.02, chooseAgentP99Under1Ms: speed.chooseAgentP99Ms < 1 };
console.log(`\ngoals: service level within 2 pp of Erlang C ${goals.serviceLevelWithin2Points ? 'met' : 'NOT met'} (${points(slGap)}); chooseAgent p99 < 1 ms ${goals.chooseAgentP99Under1Ms ? 'met' : 'NOT met'}`);
console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (smoke) {
  // CI's floor is far looser than the goals: it catches a broken simulation or router, not noise.
  if (slGap > 0.1) failures.push(`single-queue service level is ${points(slGap)} from Erlang C`);
  if (speed.chooseAgentP99Ms > 5) failures.push(`chooseAgent p99 is ${speed.chooseAgentP99Ms.toFixed(3)} ms`);
  for (const { policy, run } of multi) if (run.answered === 0 || run.abandonRate > 0.5) failures.push(`multi-skill ${policy}: ${percent(run.abandonRate)} abandoned`);
} else {
  const results = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    date: new Date().toISOString(),
    singleQueue: { model: MODEL, arrivals: SIZE.single, warmupArrivals: SIZE.warmup, ...singleReport, run: single },
    abandoning: { model: MODEL, patienceSeconds: PATIENCE_SECONDS, arrivals: SIZE.abandoning, warmupArrivals: SIZE.warmup, ...abandoningReport, run: abandoning },
    multiSkill: { agents: MULTI_SKILL_AGENTS, offeredErlangs: MULTI_SKILL_OFFERED_ERLANGS, arrivals: SIZE.multiSkill, warmupArrivals: SIZE.warmup, policies: multi },
    decisionSpeed: speed,
    goals,
  };
  const out = join(import.meta.dirname, 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'routing.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${join(out, 'routing.json')}`);
}
for (const failure of failures) console.error(`bench:routing: ${failure}`);
process.exit(failures.length ? 1 : 0);
