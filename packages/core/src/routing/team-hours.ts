import type { Availability } from '../workspace/availability.ts';
import { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.ts';

/**
 * Whether a team works at `now` (weekly hours and holidays), and if not, when it opens next —
 * what a waiting customer is told. A schedule that never opens again has no next opening.
 */
export function scheduleAvailability(schedule: Schedule, now: Date): Availability {
  if (!schedule.hours) return { open: true, nextOpenAt: null };
  if (businessSecondsBetween(schedule, now, new Date(now.getTime() + 1000)) > 0) return { open: true, nextOpenAt: null };
  const firstSecond = addBusinessSeconds(schedule, now, 1);
  return { open: false, nextOpenAt: firstSecond ? new Date(firstSecond.getTime() - 1000) : null };
}
