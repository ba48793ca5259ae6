import { localParts } from '../workspace/availability.ts';
import { agentsNeeded, type StaffingTarget } from './erlang.ts';

export const SLOT_MINUTES = 30;
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;

export interface ArrivalSlot {
  /** The local weekday in the zone, 0 = Sunday. */
  weekday: number;
  /** Local half hour of the day: 0 is 00:00–00:30, 47 is 23:30–24:00. */
  slot: number;
  /** Arrivals in this slot averaged over the times its weekday occurs in the range. */
  arrivals: number;
}

export interface StaffingSlot extends ArrivalSlot {
  agentsNeeded: number;
}

const DAY_MS = 86_400_000;

/**
 * Average arrivals per local weekday and half hour in `timeZone`, for arrivals in [from, to).
 * Every (weekday, slot) pair is listed, Sunday 00:00 first. A slot's count is divided by the
 * number of local calendar days with its weekday that the range touches, from the local date of
 * `from` to the local date of the last instant before `to` (pass local midnights for whole
 * days). Slots are wall-clock: on a spring-forward day the skipped hour's slots get nothing,
 * on a fall-back day the repeated hour's arrivals land in the same slots.
 */
export function arrivalsBySlot(arrivals: readonly Date[], timeZone: string, days: { from: Date; to: Date }): ArrivalSlot[] {
  const from = days.from.getTime();
  const to = days.to.getTime();
  const counts: SlotCount[] = [];
  for (const arrival of arrivals) {
    const at = arrival.getTime();
    if (at < from || at >= to) continue;
    const local = localParts(arrival, timeZone);
    counts.push({ weekday: local.weekday, slot: Math.floor((local.hour * 60 + local.minute) / SLOT_MINUTES), count: 1 });
  }
  return averageSlots(counts, timeZone, days);
}

/** Arrivals already counted per local weekday and half hour (e.g. by the database). */
export interface SlotCount {
  weekday: number;
  slot: number;
  count: number;
}

/** `arrivalsBySlot` from counts: every (weekday, slot) pair, each count averaged over its weekday's days in the range. */
export function averageSlots(counts: readonly SlotCount[], timeZone: string, days: { from: Date; to: Date }): ArrivalSlot[] {
  const occurrences = weekdayOccurrences(timeZone, days.from.getTime(), days.to.getTime());
  const totals = new Array<number>(7 * SLOTS_PER_DAY).fill(0);
  for (const c of counts) totals[c.weekday * SLOTS_PER_DAY + c.slot]! += c.count;
  return totals.map((count, i) => {
    const weekday = Math.floor(i / SLOTS_PER_DAY);
    const times = occurrences[weekday]!;
    return { weekday, slot: i % SLOTS_PER_DAY, arrivals: times === 0 ? 0 : count / times };
  });
}

/** Each slot with the agents Erlang C says meet `target` at its average arrivals per 30 minutes. */
export function staffingPlan(slots: readonly ArrivalSlot[], target: StaffingTarget): StaffingSlot[] {
  return slots.map((slot) => ({
    ...slot,
    agentsNeeded: agentsNeeded({ ...target, arrivalsPerInterval: slot.arrivals, intervalSeconds: SLOT_MINUTES * 60 }),
  }));
}

/** How many local calendar days of each weekday (0 = Sunday) [from, to) touches in the zone. */
function weekdayOccurrences(timeZone: string, from: number, to: number): number[] {
  const occurrences = new Array<number>(7).fill(0);
  if (!(from < to)) return occurrences;
  const first = localDay(new Date(from), timeZone);
  const last = localDay(new Date(to - 1), timeZone);
  // Local dates as UTC midnights: calendar arithmetic without the zone's offsets getting in the way.
  for (let day = first; day <= last; day += DAY_MS) occurrences[new Date(day).getUTCDay()]!++;
  return occurrences;
}

function localDay(instant: Date, timeZone: string): number {
  const { year, month, day } = localParts(instant, timeZone);
  return Date.UTC(year, month - 1, day);
}
