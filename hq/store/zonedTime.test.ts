import { describe, expect, it } from 'vitest';
import { isTimeZone, localIso, zonedEpoch } from './zonedTime';

const HOUR = 3_600_000;

describe('local date-times in a store time zone', () => {
  it('name the instant of that zone, winter and summer (Stockholm, Warsaw, Athens)', () => {
    expect(zonedEpoch('2030-01-15T23:59:59', 'Europe/Stockholm')).toBe(Date.UTC(2030, 0, 15, 22, 59, 59));
    expect(zonedEpoch('2030-01-15T23:59:59', 'Europe/Warsaw')).toBe(Date.UTC(2030, 0, 15, 22, 59, 59));
    expect(zonedEpoch('2030-01-15T23:59:59', 'Europe/Athens')).toBe(Date.UTC(2030, 0, 15, 21, 59, 59));
    expect(zonedEpoch('2030-07-01T00:00:00', 'Europe/Stockholm')).toBe(Date.UTC(2030, 5, 30, 22));
    expect(zonedEpoch('2030-07-01T00:00', 'Europe/Athens')).toBe(Date.UTC(2030, 5, 30, 21));
    expect(zonedEpoch('2030-07-01T00:00:00', 'UTC')).toBe(Date.UTC(2030, 6, 1));
  });

  it('hold on both sides of the daylight-saving changes', () => {
    // 2030-03-31 and 2030-10-27: the EU's last Sundays, at 01:00 UTC.
    expect(zonedEpoch('2030-03-31T01:59:59', 'Europe/Stockholm')).toBe(Date.UTC(2030, 2, 31, 0, 59, 59));
    expect(zonedEpoch('2030-03-31T03:00:00', 'Europe/Stockholm')).toBe(Date.UTC(2030, 2, 31, 1));
    expect(zonedEpoch('2030-03-31T04:00:00', 'Europe/Athens')).toBe(Date.UTC(2030, 2, 31, 1));
    expect(zonedEpoch('2030-10-27T00:30:00', 'Europe/Warsaw')).toBe(Date.UTC(2030, 9, 26, 22, 30));
    expect(zonedEpoch('2030-10-27T04:00:00', 'Europe/Warsaw')).toBe(Date.UTC(2030, 9, 27, 3));
    // Every hour through both changes reads back as itself, but for the hour that does not exist.
    for (const zone of ['Europe/Stockholm', 'Europe/Warsaw', 'Europe/Athens']) {
      for (const start of [Date.UTC(2030, 2, 30, 12), Date.UTC(2030, 9, 26, 12)]) {
        for (let t = start; t < start + 24 * HOUR; t += HOUR / 2) {
          const local = localIso(zone, t);
          expect(localIso(zone, zonedEpoch(local, zone)), `${zone} ${local}`).toBe(local);
        }
      }
    }
  });

  it("the spring's missing hour lands on a real instant next to it", () => {
    const t = zonedEpoch('2030-03-31T02:30:00', 'Europe/Stockholm');
    expect([Date.UTC(2030, 2, 31, 0, 30), Date.UTC(2030, 2, 31, 1, 30)]).toContain(t);
  });

  it('unknown zones and garbage are told apart', () => {
    expect(isTimeZone('Europe/Athens')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => zonedEpoch('not a date', 'Europe/Athens')).toThrow(RangeError);
  });
});
