import type { BusinessHours } from '../workspace/availability.ts';
import { clockMinutes } from './business-time.ts';

export interface ScheduleInput {
  timezone: string;
  days: BusinessHours['days'];
  holidays?: readonly string[];
}

type Interval = { label: string; open: number; close: number };

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const END_OF_DAY = 24 * 60;

/**
 * What is wrong with business hours and holidays as entered, one sentence per problem naming the
 * day and interval (empty when valid). Intervals are "HH:MM" to "HH:MM", start before end, "24:00"
 * allowed as an end; intervals of one day may touch but not overlap. Days start on Sunday.
 */
export function validateSchedule(input: ScheduleInput): string[] {
  const errors: string[] = [];
  if (!isKnownTimeZone(input.timezone)) errors.push(`Unknown time zone "${input.timezone}".`);
  if (input.days.length !== 7) errors.push(`Expected 7 days (Sunday first), got ${input.days.length}.`);
  input.days.forEach((intervals, index) => errors.push(...dayErrors(DAY_NAMES[index] ?? `Day ${index + 1}`, intervals)));
  (input.holidays ?? []).forEach((date, index) => {
    if (!isLocalDate(date)) errors.push(`Holiday ${index + 1} "${date}" is not a calendar date (YYYY-MM-DD).`);
  });
  return errors;
}

function dayErrors(day: string, intervals: BusinessHours['days'][number]): string[] {
  const errors: string[] = [];
  const valid: Interval[] = [];
  intervals.forEach(({ from, to }, index) => {
    const label = `${day}, interval ${index + 1} (${from}–${to})`;
    const open = clockMinutes(from);
    const close = clockMinutes(to);
    if (!(open < END_OF_DAY)) errors.push(`${label}: start "${from}" is not a time of day (HH:MM, 00:00 to 23:59).`);
    if (Number.isNaN(close)) errors.push(`${label}: end "${to}" is not a time of day (HH:MM, 00:00 to 24:00).`);
    if (!(open < END_OF_DAY) || Number.isNaN(close)) return;
    if (open >= close) errors.push(`${label}: the start must be before the end.`);
    else valid.push({ label, open, close });
  });
  valid.sort((a, b) => a.open - b.open);
  let latest: Interval | undefined;
  for (const interval of valid) {
    if (latest && interval.open < latest.close) errors.push(`${interval.label} overlaps ${latest.label.slice(day.length + 2)}.`);
    if (!latest || interval.close > latest.close) latest = interval;
  }
  return errors;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

function isLocalDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
