import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../shared/sync/entities';
import { localDateTime, runningUntil, zonedToEpoch } from './schedule';

const offer = (schedule: Offer['schedule'], kind: Offer['kind'] = 'bundle'): Offer => ({
  id: 'o1',
  kind,
  stores: [],
  schedule,
  texts: { en: { title: 'T', body: 'B', terms: 'X' } },
  discount: { percent: 10 },
});

describe('offer schedules on the store clock', () => {
  it('turns local times into instants across daylight-saving changes in three zones', () => {
    expect(new Date(zonedToEpoch('2026-03-29T03:30:00', 'Europe/Stockholm')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-03-28T12:00:00', 'Europe/Warsaw')).toISOString()).toBe('2026-03-28T11:00:00.000Z');
    expect(new Date(zonedToEpoch('2026-10-25T12:00:00', 'Europe/Athens')).toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(new Date(zonedToEpoch('2026-07-01T00:00:00', 'Europe/Athens')).toISOString()).toBe('2026-06-30T21:00:00.000Z');
  });

  it('a today-only deal ends at local midnight, and is gone after it', () => {
    const deal = offer({ start: '2026-11-01T00:00:00', end: '2026-12-31T00:00:00' }, 'today-only');
    const evening = new Date('2026-11-22T21:30:00Z'); // 22:30 in Stockholm
    expect(new Date(runningUntil(deal, 'Europe/Stockholm', evening)!).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    // The same instant is already the 23rd in Athens: its deal runs to Athens' midnight.
    expect(new Date(runningUntil(deal, 'Europe/Athens', new Date('2026-11-22T22:30:00Z'))!).toISOString()).toBe('2026-11-23T22:00:00.000Z');
  });

  it('respects days of the week, hours and the end date', () => {
    const weekdays = offer({ start: '2026-11-01T00:00', end: '2026-12-01T00:00', days: [0, 1, 2, 3, 4], hours: ['10:00', '18:00'] });
    expect(runningUntil(weekdays, 'Europe/Warsaw', new Date('2026-11-23T12:00:00Z'))).toBe(Date.parse('2026-11-23T17:00:00Z')); // Monday 13:00
    expect(runningUntil(weekdays, 'Europe/Warsaw', new Date('2026-11-22T12:00:00Z'))).toBeNull(); // Sunday
    expect(runningUntil(weekdays, 'Europe/Warsaw', new Date('2026-11-23T17:30:00Z'))).toBeNull(); // Monday 18:30
    expect(runningUntil(weekdays, 'Europe/Warsaw', new Date('2026-12-01T12:00:00Z'))).toBeNull(); // after the end
  });

  it('reads the local weekday and time', () => {
    expect(localDateTime('Europe/Stockholm', new Date('2026-11-22T23:30:00Z'))).toMatchObject({ date: '2026-11-23', day: 0, time: '00:30' });
  });
});
