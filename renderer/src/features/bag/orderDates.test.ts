import { describe, expect, it } from 'vitest';
import { dateLocale, dayParts, formatDay, formatDayRange, formatUntil, regionOf } from './orderDates';

const stockholm = { storeLocale: 'sv-SE', timeZone: 'Europe/Stockholm' };
/** Any of Unicode's spaces as a plain one. */
const plain = (text: string): string => text.replace(/\s/gu, ' ');

describe('order dates', () => {
  it('dates: an English shopper in a Swedish store reads day before month, as in Europe', () => {
    expect(dateLocale('en', 'sv-SE')).toBe('en-SE');
    expect(formatDay('2026-03-12', { language: 'en', ...stockholm })).toBe('Thursday, 12 March');
    expect(regionOf('sv')).toBeNull();
    expect(dateLocale('en', 'sv')).toBe('en');
  });

  it('dates: a delivery window is one range in the shopper’s language, and one day when it is one day', () => {
    // ICU puts thin spaces around the dash; a reader sees "Thu 12 – Sat 14 Mar".
    expect(plain(formatDayRange('2026-03-12', '2026-03-14', { language: 'en', ...stockholm }, 'short'))).toBe('Thu 12 – Sat 14 Mar');
    expect(formatDayRange('2026-03-12', '2026-03-14', { language: 'sv', ...stockholm })).toMatch(/^torsdag 12.*lördag 14 mars$/);
    expect(formatDayRange('2026-03-30', '2026-04-02', { language: 'pl', ...stockholm })).toMatch(/30 marca.*2 kwietnia/);
    expect(formatDayRange('2026-03-30', '2026-04-02', { language: 'el', ...stockholm })).toMatch(/30 Μαρτίου.*2 Απριλίου/);
    expect(formatDayRange('2026-03-12', '2026-03-12', { language: 'en', ...stockholm })).toBe('Thursday, 12 March');
  });

  it('dates: a local delivery day never shifts a day whatever the device’s time zone', () => {
    // The day is already the store's: formatted in UTC, so 1 January stays 1 January everywhere.
    expect(formatDay('2027-01-01', { language: 'en', storeLocale: 'en-NZ' })).toBe('Friday, 1 January');
  });

  it('dates: a date tile says weekday, day and month without trailing dots', () => {
    expect(dayParts('2026-03-12', { language: 'en', ...stockholm })).toEqual({ weekday: 'Thu', day: '12', month: 'Mar' });
    expect(dayParts('2026-03-12', { language: 'pl', ...stockholm }).weekday).toBe('czw');
  });

  it('dates: a hold ends on the store’s clock, not the device’s', () => {
    // 17:00 UTC is 18:00 in Stockholm in March (CET), and 19:00 in Athens (EET).
    const at = Date.UTC(2026, 2, 14, 17, 0);
    expect(formatUntil(at, { language: 'en', ...stockholm })).toContain('18:00');
    expect(formatUntil(at, { language: 'el', storeLocale: 'el-GR', timeZone: 'Europe/Athens' })).toContain('7:00');
    expect(formatUntil(at, { language: 'sv', ...stockholm })).toMatch(/^lördag 14 mars .*18:00$/);
  });
});
