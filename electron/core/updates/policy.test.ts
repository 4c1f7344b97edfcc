import { describe, expect, it } from 'vitest';
import type { Location } from '../../../shared/sync/entities';
import { installDecision, storeClosed, versionToFetch, type InstallContext } from './policy';

type Hours = Location['openingHours'];
/** Monday–Saturday 10–20, Sunday 11–17. */
const HOURS: Hours = [['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['11:00', '17:00']];
const STOCKHOLM = 'Europe/Stockholm';
const at = (iso: string): number => Date.parse(iso);

const ready = (overrides: Partial<InstallContext> = {}): InstallContext => ({
  now: at('2026-11-24T22:00:00Z'), // Tuesday 23:00 in Stockholm
  downloaded: '1.5.0',
  staffSession: false,
  idleSeconds: 600,
  sessionEndsAfterSeconds: 80,
  openingHours: HOURS,
  timeZone: STOCKHOLM,
  ...overrides,
});

describe('when an update installs', () => {
  it('installs at night with nobody at the pillar', () => {
    expect(installDecision(ready())).toEqual({ install: true });
  });

  it('waits for a download, for staff to sign out, and for five untouched minutes (or the longer idle timeout)', () => {
    expect(installDecision(ready({ downloaded: null })).install).toBe(false);
    expect(installDecision(ready({ staffSession: true }))).toEqual({ install: false, reason: 'a staff member is signed in' });
    expect(installDecision(ready({ idleSeconds: 299 })).install).toBe(false);
    expect(installDecision(ready({ idleSeconds: 300 })).install).toBe(true);
    expect(installDecision(ready({ idleSeconds: 600, sessionEndsAfterSeconds: 1020 })).install).toBe(false);
    expect(installDecision(ready({ idleSeconds: 1020, sessionEndsAfterSeconds: 1020 })).install).toBe(true);
  });

  it('never installs while the store is open, nor within 30 minutes of opening or closing (store clock)', () => {
    // Tuesday in Stockholm (UTC+1 in November): open 10:00–20:00 local.
    expect(installDecision(ready({ now: at('2026-11-24T12:00:00Z') })).install).toBe(false);
    expect(storeClosed(ready({ now: at('2026-11-24T19:29:00Z') }))).toBe(false); // 20:29, closing margin
    expect(storeClosed(ready({ now: at('2026-11-24T19:31:00Z') }))).toBe(true); // 20:31
    expect(storeClosed(ready({ now: at('2026-11-24T08:29:00Z') }))).toBe(true); // 09:29
    expect(storeClosed(ready({ now: at('2026-11-24T08:31:00Z') }))).toBe(false); // 09:31, opening margin
    // Sunday's shorter day: 17:31 local is closed.
    expect(storeClosed(ready({ now: at('2026-11-29T16:31:00Z') }))).toBe(true);
  });

  it('counts a late closing across midnight and a closed day as closed all day', () => {
    const late: Hours = [['10:00', '23:50'], null, null, null, null, null, null];
    // Monday 23:50 + 30 min → Tuesday 00:20 local is still "open".
    expect(storeClosed(ready({ openingHours: late, now: at('2026-11-23T23:10:00Z') }))).toBe(false); // Tue 00:10
    expect(storeClosed(ready({ openingHours: late, now: at('2026-11-23T23:25:00Z') }))).toBe(true); // Tue 00:25
    expect(storeClosed(ready({ openingHours: late, now: at('2026-11-25T12:00:00Z') }))).toBe(true); // Wednesday noon, closed day
  });

  it('reads the hours on the store clock across a DST change (summer time: UTC+2)', () => {
    // Tuesday 2026-06-23: 09:31 local is 07:31 UTC.
    expect(storeClosed(ready({ now: at('2026-06-23T07:31:00Z') }))).toBe(false);
    expect(storeClosed(ready({ now: at('2026-06-23T07:29:00Z') }))).toBe(true); // 09:29 local
    // A store in New York judged by its own clock: Tuesday 20:31 EST = Wednesday 01:31 UTC.
    expect(storeClosed(ready({ timeZone: 'America/New_York', now: at('2026-11-25T01:31:00Z') }))).toBe(true);
    expect(storeClosed(ready({ timeZone: 'America/New_York', now: at('2026-11-25T01:29:00Z') }))).toBe(false);
  });

  it('uses the 02:00–05:00 night window for a store without hours, on the local clock, DST night included', () => {
    const none = { openingHours: null };
    expect(storeClosed(ready({ ...none, now: at('2026-11-24T01:00:00Z') }))).toBe(true); // 02:00 local
    expect(storeClosed(ready({ ...none, now: at('2026-11-24T00:59:00Z') }))).toBe(false); // 01:59
    expect(storeClosed(ready({ ...none, now: at('2026-11-24T04:00:00Z') }))).toBe(false); // 05:00
    // 2026-03-29: Stockholm's clocks jump from 02:00 to 03:00; 01:30 UTC is 03:30 local, inside the window.
    expect(storeClosed(ready({ ...none, now: at('2026-03-29T01:30:00Z') }))).toBe(true);
    // 2026-10-25: 02:00–03:00 happens twice; 00:30 UTC is the first 02:30 (CEST), 01:30 UTC the second (CET).
    expect(storeClosed(ready({ ...none, now: at('2026-10-25T00:30:00Z') }))).toBe(true);
    expect(storeClosed(ready({ ...none, now: at('2026-10-25T01:30:00Z') }))).toBe(true);
    expect(storeClosed(ready({ ...none, now: at('2026-10-25T04:00:00Z') }))).toBe(false); // 05:00 CET
    const allClosed: Hours = [null, null, null, null, null, null, null];
    expect(installDecision(ready({ openingHours: allClosed, now: at('2026-11-24T12:00:00Z') })).install).toBe(false);
  });
});

describe('which version to fetch', () => {
  it("is HQ's decision for this pillar, unless it runs it already or rolled back from it", () => {
    expect(versionToFetch({ version: '1.5.0' }, '1.4.0', [])).toBe('1.5.0');
    expect(versionToFetch({ version: '1.3.0' }, '1.4.0', [])).toBe('1.3.0'); // HQ took a rollout back
    expect(versionToFetch({ version: '1.4.0' }, '1.4.0', [])).toBeNull();
    expect(versionToFetch({ version: '1.5.0' }, '1.4.0', ['1.5.0'])).toBeNull();
    expect(versionToFetch(null, '1.4.0', [])).toBeNull();
  });
});
