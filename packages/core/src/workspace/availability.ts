/** Weekly opening hours in one time zone: `days[0]` is Sunday, each a list of "HH:MM" intervals. */
export interface BusinessHours {
  timezone: string;
  days: ReadonlyArray<ReadonlyArray<{ readonly from: string; readonly to: string }>>;
}

export type Availability = { open: true; nextOpenAt: null } | { open: false; nextOpenAt: Date | null };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MINUTE = 60_000;

/**
 * Whether a team is inside its business hours at `now`, and if not, when it opens next.
 * No hours at all means always open. Local times are read in the workspace's zone, so
 * daylight-saving shifts move the opening instant, not the opening hour.
 */
export function availabilityAt(hours: BusinessHours | null, now: Date): Availability {
  if (!hours) return { open: true, nextOpenAt: null };
  const local = localParts(now, hours.timezone);
  const minuteOfDay = local.hour * 60 + local.minute;
  for (const { from, to } of hours.days[local.weekday] ?? []) {
    if (toMinutes(from) <= minuteOfDay && minuteOfDay < toMinutes(to)) return { open: true, nextOpenAt: null };
  }
  return { open: false, nextOpenAt: nextOpening(hours, now, local) };
}

function nextOpening(hours: BusinessHours, now: Date, local: LocalParts): Date | null {
  const minuteOfDay = local.hour * 60 + local.minute;
  for (let offset = 0; offset <= 7; offset++) {
    const weekday = (local.weekday + offset) % 7;
    const starts = (hours.days[weekday] ?? [])
      .map(({ from }) => toMinutes(from))
      .filter((start) => offset > 0 || start > minuteOfDay)
      .sort((a, b) => a - b);
    if (starts.length === 0) continue;
    const localMidnight = Date.UTC(local.year, local.month - 1, local.day + offset);
    return zonedToInstant(localMidnight + starts[0]! * MINUTE, hours.timezone);
  }
  return null;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date, time (to the minute) and weekday (0 = Sunday) of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** A wall-clock time (as if it were UTC) in `timeZone` → the real instant. */
function zonedToInstant(wallClockAsUtc: number, timeZone: string): Date {
  const offsetAt = (instant: number) => {
    const p = localParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(instant / MINUTE) * MINUTE;
  };
  const guess = wallClockAsUtc - offsetAt(wallClockAsUtc);
  return new Date(wallClockAsUtc - offsetAt(guess));
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}
