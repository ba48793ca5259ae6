import { describe, expect, it } from 'vitest';
import { prefersNoTracking } from './privacy-signals.ts';

const nav = (fields: object) => fields as Navigator;

describe('prefersNoTracking', () => {
  it('honours Global Privacy Control and Do Not Track', () => {
    expect(prefersNoTracking(nav({ globalPrivacyControl: true }))).toBe(true);
    expect(prefersNoTracking(nav({ doNotTrack: '1' }))).toBe(true);
  });

  it('allows tracking when the browser says nothing', () => {
    expect(prefersNoTracking(nav({ doNotTrack: null }))).toBe(false);
    expect(prefersNoTracking(nav({ globalPrivacyControl: false, doNotTrack: '0' }))).toBe(false);
  });
});
