import { describe, expect, it } from 'vitest';
import { distanceKm, isOpenAt } from './region';

const weekdays: [string, string] = ['10:00', '20:00'];
const hours = { openingHours: [weekdays, weekdays, weekdays, weekdays, weekdays, ['10:00', '18:00'] as [string, string], null], timeZone: 'Europe/Stockholm' };

describe('region', () => {
  it('measures real distances between Swedish cities', () => {
    const stockholm = { lat: 59.3326, lon: 18.0649 };
    const uppsala = { lat: 59.8586, lon: 17.6389 };
    const goteborg = { lat: 57.7089, lon: 11.9746 };
    expect(distanceKm(stockholm, uppsala)).toBeCloseTo(64, -1);
    expect(distanceKm(stockholm, goteborg)).toBeCloseTo(398, -1);
  });

  it('says a store is open by its own local clock, across daylight-saving time', () => {
    // Wednesday 2026-01-14 08:30 UTC = 09:30 in Stockholm (CET): closed; 09:30 UTC = 10:30: open.
    expect(isOpenAt(hours, new Date('2026-01-14T08:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, new Date('2026-01-14T09:30:00Z'))).toBe(true);
    // Wednesday 2026-07-15 08:30 UTC = 10:30 in Stockholm (CEST): open.
    expect(isOpenAt(hours, new Date('2026-07-15T08:30:00Z'))).toBe(true);
    // 18:59 local on a weekday is open, 20:00 is closed.
    expect(isOpenAt(hours, new Date('2026-01-14T18:59:00Z'))).toBe(true);
    expect(isOpenAt(hours, new Date('2026-01-14T19:00:00Z'))).toBe(false);
  });

  it('honours shorter Saturdays and closed Sundays', () => {
    expect(isOpenAt(hours, new Date('2026-01-17T16:30:00Z'))).toBe(true); // Sat 17:30
    expect(isOpenAt(hours, new Date('2026-01-17T17:30:00Z'))).toBe(false); // Sat 18:30
    expect(isOpenAt(hours, new Date('2026-01-18T12:00:00Z'))).toBe(false); // Sun
  });
});
