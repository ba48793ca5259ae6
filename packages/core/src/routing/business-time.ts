import { localParts, type BusinessHours } from '../workspace/availability.ts';

/**
 * When a team works: weekly hours plus whole-day closures, as local `YYYY-MM-DD` dates in
 * `hours.timezone`. `hours: null` is open around the clock (holidays then have no zone to be
 * read in and are ignored).
 */
export interface Schedule {
  hours: BusinessHours | null;
  holidays: readonly string[];
}

type Period = readonly [start: number, end: number];
type OffsetSpan = { start: number; end: number; offset: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const END_OF_DAY = 24 * 60;
// Any weekly pattern repeats within 7 days, so only holidays can keep a schedule closed longer;
// a closure longer than a year and a bit is taken to mean the schedule never opens again.
const GIVE_UP_AFTER = 400 * DAY;
const SEARCH_CHUNK = 28 * DAY;
// Zones change offset at most twice a year; probing daily finds every change (none are a day apart).
const OFFSET_PROBE = DAY;

/** Seconds of open time in [from, to); 0 when `to` is not after `from`. */
export function businessSecondsBetween(schedule: Schedule, from: Date, to: Date): number {
  let total = 0;
  for (const [start, end] of openPeriods(schedule, from.getTime(), to.getTime())) total += end - start;
  return total / 1000;
}

/**
 * The earliest instant by which `seconds` of open time have passed since `start` (a start outside
 * hours waits for the next opening; 0 seconds is `start` itself). null when the schedule stays
 * closed for over 400 days, which includes a week without any hours.
 */
export function addBusinessSeconds(schedule: Schedule, start: Date, seconds: number): Date | null {
  let left = Math.max(0, Math.round(seconds * 1000));
  if (left === 0) return new Date(start);
  if (!schedule.hours) return new Date(start.getTime() + left);
  if (weeklyMinutes(schedule.hours).every((intervals) => intervals.length === 0)) return null;
  let lastOpen = start.getTime();
  for (let from = start.getTime(); from - lastOpen < GIVE_UP_AFTER; from += SEARCH_CHUNK) {
    for (const [open, close] of openPeriods(schedule, from, from + SEARCH_CHUNK)) {
      if (close - open >= left) return new Date(open + left);
      left -= close - open;
      lastOpen = close;
    }
  }
  return null;
}

/**
 * "HH:MM" → minutes since local midnight; "24:00" is the end of the day. NaN when malformed.
 * Only two-digit hours are accepted, matching what `validateSchedule` allows.
 */
export function clockMinutes(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return Number.NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= END_OF_DAY ? minutes : Number.NaN;
}

/**
 * The open periods inside [from, to), in order, as epoch milliseconds. An instant is open when
 * its wall-clock time in the zone falls in an interval of its local weekday, as in
 * `availabilityAt`. So a shift keeps its wall-clock hours across a daylight-saving change and
 * lasts an hour less or more, a wall-clock hour skipped in spring is never open, and one repeated
 * in autumn is open twice.
 */
function* openPeriods(schedule: Schedule, from: number, to: number): Generator<Period> {
  if (!(from < to)) return;
  const { hours } = schedule;
  if (!hours) {
    yield [from, to];
    return;
  }
  const week = weeklyMinutes(hours);
  const holidays = new Set(schedule.holidays);
  // Within a span of one UTC offset, wall time is the instant shifted by that offset.
  for (const { start, end, offset } of offsetSpans(hours.timezone, from, to)) {
    const wallFrom = start + offset;
    const wallTo = end + offset;
    for (let day = Math.floor(wallFrom / DAY); day * DAY < wallTo; day++) {
      if (holidays.has(new Date(day * DAY).toISOString().slice(0, 10))) continue;
      for (const [open, close] of week[new Date(day * DAY).getUTCDay()]!) {
        const openAt = Math.max(day * DAY + open * MINUTE, wallFrom);
        const closeAt = Math.min(day * DAY + close * MINUTE, wallTo);
        if (openAt < closeAt) yield [openAt - offset, closeAt - offset];
      }
    }
  }
}

/** Each weekday's intervals in minutes, malformed ones dropped, overlapping ones merged. */
function weeklyMinutes(hours: BusinessHours): Array<Array<[number, number]>> {
  return Array.from({ length: 7 }, (_, weekday) => {
    const intervals = (hours.days[weekday] ?? [])
      .map(({ from, to }): [number, number] => [clockMinutes(from), clockMinutes(to)])
      .filter(([open, close]) => open < close)
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [open, close] of intervals) {
      const last = merged.at(-1);
      if (last && open <= last[1]) last[1] = Math.max(last[1], close);
      else merged.push([open, close]);
    }
    return merged;
  });
}

/** [from, to) cut where the zone's UTC offset changes, each piece with its offset (wall − instant). */
function* offsetSpans(timeZone: string, from: number, to: number): Generator<OffsetSpan> {
  let start = from;
  let offset = offsetAt(timeZone, start);
  let probe = start;
  while (start < to) {
    const next = Math.min(probe + OFFSET_PROBE, to);
    if (offsetAt(timeZone, next) === offset) {
      if (next === to) break;
      probe = next;
      continue;
    }
    const change = firstChange(timeZone, probe, next, offset);
    yield { start, end: change, offset };
    start = probe = change;
    offset = offsetAt(timeZone, change);
  }
  if (start < to) yield { start, end: to, offset };
}

// Offsets change on whole minutes, so a binary search over minutes finds the first one.
function firstChange(timeZone: string, before: number, after: number, offset: number): number {
  let low = Math.floor(before / MINUTE);
  let high = Math.floor(after / MINUTE);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(timeZone, middle * MINUTE) === offset) low = middle;
    else high = middle;
  }
  return high * MINUTE;
}

function offsetAt(timeZone: string, instant: number): number {
  const local = localParts(new Date(instant), timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return wall - Math.floor(instant / MINUTE) * MINUTE;
}
