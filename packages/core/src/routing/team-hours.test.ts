import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessHours } from '../workspace/availability.ts';
import { scheduleAvailability } from './team-hours.ts';

const weekdays: BusinessHours = {
  timezone: 'Asia/Ho_Chi_Minh',
  days: [[], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], [{ from: '08:00', to: '17:00' }], []],
};

describe('scheduleAvailability', () => {
  it('is open inside the hours and says when it opens outside them', () => {
    // Monday 2026-12-07 10:00 in Ho Chi Minh City is 03:00 UTC.
    assert.deepEqual(scheduleAvailability({ hours: weekdays, holidays: [] }, new Date('2026-12-07T03:00:00Z')), { open: true, nextOpenAt: null });
    // Saturday evening: next opening is Monday 08:00 local = 01:00 UTC.
    assert.deepEqual(scheduleAvailability({ hours: weekdays, holidays: [] }, new Date('2026-12-05T12:00:00Z')), { open: false, nextOpenAt: new Date('2026-12-07T01:00:00Z') });
  });

  it('stays closed on a holiday and opens the next working day', () => {
    const schedule = { hours: weekdays, holidays: ['2026-12-07'] };
    assert.deepEqual(scheduleAvailability(schedule, new Date('2026-12-07T03:00:00Z')), { open: false, nextOpenAt: new Date('2026-12-08T01:00:00Z') });
  });

  it('is always open without hours, and never opens with none at all', () => {
    assert.deepEqual(scheduleAvailability({ hours: null, holidays: [] }, new Date()), { open: true, nextOpenAt: null });
    const never = { hours: { timezone: 'UTC', days: [[], [], [], [], [], [], []] }, holidays: [] };
    assert.deepEqual(scheduleAvailability(never, new Date('2026-12-07T03:00:00Z')), { open: false, nextOpenAt: null });
  });
});
