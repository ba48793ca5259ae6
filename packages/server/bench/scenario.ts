// One load shape for a fixed time: a warm-up, a measured window, then a drain in which
// nothing new is sent and the window's messages are waited for.
import type { CpuReading } from './child.ts';
import { startCpuMeter, type CpuPercent } from './cpu-meter.ts';
import { inWindow, type Customer, type Fleet, type Recording } from './fleet.ts';
import { percentile, round } from './stats.ts';

export type Shape = { kind: 'open'; perSecond: number } | { kind: 'closed'; window: number };

export interface ScenarioOptions {
  /** A slug (`open-1000`): it goes into idempotency keys. */
  key: string;
  name: string;
  conversations: number;
  shape: Shape;
  seconds: number;
  warmupSeconds: number;
  /** CPU time the target process has used so far, to report its load. */
  serverCpu: () => Promise<CpuReading>;
}

export interface ScenarioResult {
  key: string;
  scenario: string;
  conversations: number;
  shape: Shape;
  targetPerSecond: number | null;
  seconds: number;
  sent: number;
  /** Open loop: ticks skipped because the customer already had messages waiting (overload). */
  skipped: number;
  achievedPerSecond: number;
  delivered: number;
  /** Sent in the window but not seen by the agent by the end of the drain. */
  lost: number;
  drainSeconds: number;
  errors: number;
  firstError: string | null;
  latencyMs: { p50: number; p99: number; max: number };
  ackLatencyMs: { p50: number; p99: number };
  cpuPercent: CpuPercent;
}

const DRAIN_TIMEOUT_MS = 30_000;
const JITTER = 0.2;
// An open-loop customer whose last message is still unacknowledged at its next tick skips it
// (counted): the server is then over a second behind, and an unbounded backlog would take
// minutes to drain and spill into the next scenario.
const OPEN_LOOP_MAX_OUTSTANDING = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each customer sends on its own evenly spread clock, whatever the acks do. */
function startOpenLoop(fleet: Fleet, recording: Recording, customers: Customer[], perSecond: number): () => void {
  const period = 1000 / perSecond;
  const base = performance.now();
  const timers: NodeJS.Timeout[] = [];
  let running = true;
  customers.forEach((customer, i) => {
    const phase = (i / customers.length) * period;
    const schedule = (tick: number) => {
      const due = base + phase + tick * period + (Math.random() - 0.5) * JITTER * period;
      timers[i] = setTimeout(() => {
        if (!running) return;
        if (customer.outstanding < OPEN_LOOP_MAX_OUTSTANDING) fleet.send(customer);
        else if (inWindow(recording, performance.now())) recording.skippedInWindow++;
        schedule(tick + 1);
      }, Math.max(0, due - performance.now()));
    };
    schedule(0);
  });
  return () => {
    running = false;
    timers.forEach((t) => clearTimeout(t));
  };
}

/** Each customer keeps `window` messages outstanding: the next goes as soon as one is acked. */
function startClosedLoop(fleet: Fleet, recording: Recording, customers: Customer[], window: number): () => void {
  let running = true;
  const active = new Set(customers);
  recording.onSettled = (customer) => {
    if (running && active.has(customer) && customer.outstanding < window) fleet.send(customer);
  };
  for (const customer of customers) for (let n = 0; n < window; n++) fleet.send(customer);
  return () => void (running = false);
}

/** Waits for every outstanding ack and every in-window delivery; returns how long that took (s). */
async function drain(fleet: Fleet, recording: Recording): Promise<number> {
  const started = performance.now();
  const settled = () => fleet.customers.every((c) => c.outstanding <= 0) && recording.latencies.length >= recording.sentInWindow;
  while (!settled() && performance.now() - started < DRAIN_TIMEOUT_MS) await sleep(50);
  return round((performance.now() - started) / 1000, 1);
}

function newRecording(key: string): Recording {
  return {
    tag: `${key}-${Date.now().toString(36)}`,
    windowStart: Number.POSITIVE_INFINITY,
    windowEnd: Number.POSITIVE_INFINITY,
    sentInWindow: 0,
    skippedInWindow: 0,
    acksInWindow: 0,
    errors: 0,
    firstError: null,
    latencies: [],
    ackLatencies: [],
    onSettled: () => undefined,
  };
}

export async function runScenario(fleet: Fleet, options: ScenarioOptions): Promise<ScenarioResult> {
  const customers = fleet.customers.slice(0, options.conversations);
  const recording = newRecording(options.key);
  fleet.record(recording);
  const { shape } = options;
  const stop = shape.kind === 'open' ? startOpenLoop(fleet, recording, customers, shape.perSecond) : startClosedLoop(fleet, recording, customers, shape.window);
  await sleep(options.warmupSeconds * 1000);
  recording.windowStart = performance.now();
  const meter = await startCpuMeter(options.serverCpu);
  await sleep(recording.windowStart + options.seconds * 1000 - performance.now());
  recording.windowEnd = performance.now();
  stop();
  const cpuPercent = await meter.stop();
  const drainSeconds = await drain(fleet, recording);
  return summarize(options, recording, { cpuPercent, drainSeconds });
}

function summarize(options: ScenarioOptions, r: Recording, extra: { cpuPercent: CpuPercent; drainSeconds: number }): ScenarioResult {
  const seconds = (r.windowEnd - r.windowStart) / 1000;
  const { shape } = options;
  return {
    key: options.key,
    scenario: options.name,
    conversations: options.conversations,
    shape,
    targetPerSecond: shape.kind === 'open' ? options.conversations * shape.perSecond : null,
    seconds: round(seconds, 2),
    sent: r.sentInWindow,
    skipped: r.skippedInWindow,
    achievedPerSecond: round(r.acksInWindow / seconds, 0),
    delivered: r.latencies.length,
    lost: r.sentInWindow - r.latencies.length,
    drainSeconds: extra.drainSeconds,
    errors: r.errors,
    firstError: r.firstError,
    latencyMs: { p50: round(percentile(r.latencies, 0.5), 2), p99: round(percentile(r.latencies, 0.99), 2), max: round(percentile(r.latencies, 1), 2) },
    ackLatencyMs: { p50: round(percentile(r.ackLatencies, 0.5), 2), p99: round(percentile(r.ackLatencies, 0.99), 2) },
    cpuPercent: extra.cpuPercent,
  };
}
