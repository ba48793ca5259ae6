import { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.ts';

export { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.ts';
export { validateSchedule, type ScheduleInput } from './schedule-validation.ts';

/** A stretch when the clock stands still (the conversation waits on the customer); `to: null` is still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export const SLA_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaStatus {
  state: SlaState;
  elapsedSeconds: number;
  /** Never negative: once breached, `elapsedSeconds - target` is how far over. */
  remainingSeconds: number;
  dueAt: Date | null;
}

type Period = readonly [start: number, end: number];

/** Business seconds on the clock between `startedAt` and `now`, less those inside pauses. */
export function slaElapsedSeconds(schedule: Schedule, startedAt: Date, now: Date, pauses: readonly Pause[]): number {
  let total = 0;
  for (const [start, end] of runningPeriods(startedAt, now, pauses)) total += secondsIn(schedule, start, end);
  return total;
}

/**
 * When elapsed business time reaches `targetSeconds` if nothing else pauses the clock. Once the
 * target has been reached this is the instant it was, paused or not; before that it is null while
 * paused (the clock is stopped) and when the schedule never opens.
 */
export function slaDueAt(schedule: Schedule, startedAt: Date, targetSeconds: number, pauses: readonly Pause[], now: Date): Date | null {
  if (targetSeconds <= 0) return new Date(startedAt);
  let elapsed = 0;
  for (const [start, end] of runningPeriods(startedAt, now, pauses)) {
    const here = secondsIn(schedule, start, end);
    if (elapsed + here >= targetSeconds) return addBusinessSeconds(schedule, new Date(start), targetSeconds - elapsed);
    elapsed += here;
  }
  if (isPausedAt(pauses, now)) return null;
  return addBusinessSeconds(schedule, new Date(Math.max(startedAt.getTime(), now.getTime())), targetSeconds - elapsed);
}

/**
 * Where an SLA timer stands at `now`. Breached wins over paused: waiting on the customer does not
 * undo a missed target. Reaching the target exactly counts as breached (no time is left).
 */
export function slaStatus(
  schedule: Schedule,
  startedAt: Date,
  targetSeconds: number,
  pauses: readonly Pause[],
  now: Date,
  warnAtFraction = 0.8,
): SlaStatus {
  const elapsedSeconds = slaElapsedSeconds(schedule, startedAt, now, pauses);
  const dueAt = slaDueAt(schedule, startedAt, targetSeconds, pauses, now);
  const remainingSeconds = Math.max(0, targetSeconds - elapsedSeconds);
  return { state: stateOf(elapsedSeconds, targetSeconds, warnAtFraction, isPausedAt(pauses, now)), elapsedSeconds, remainingSeconds, dueAt };
}

function stateOf(elapsed: number, target: number, warnAtFraction: number, isPaused: boolean): SlaState {
  if (elapsed >= target) return 'breached';
  if (isPaused) return 'paused';
  return elapsed >= target * warnAtFraction ? 'warning' : 'ok';
}

function isPausedAt(pauses: readonly Pause[], now: Date): boolean {
  const at = now.getTime();
  return pauses.some(({ from, to }) => from.getTime() <= at && (to === null || at < to.getTime()));
}

/** [startedAt, now) less every pause, clipped to it and merged, as ordered epoch-millisecond periods. */
function runningPeriods(startedAt: Date, now: Date, pauses: readonly Pause[]): Period[] {
  const begin = startedAt.getTime();
  const end = now.getTime();
  const stopped = pauses
    .map(({ from, to }): Period => [Math.max(from.getTime(), begin), Math.min(to?.getTime() ?? end, end)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const running: Period[] = [];
  let cursor = begin;
  for (const [from, to] of stopped) {
    if (from > cursor) running.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) running.push([cursor, end]);
  return running;
}

function secondsIn(schedule: Schedule, start: number, end: number): number {
  return businessSecondsBetween(schedule, new Date(start), new Date(end));
}
