import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOffers } from '../offers/offers';
import { endOfLocalDay } from '../offers/schedule';
import { demoCacheTemplate } from '../orders/testing';
import { couponExpiry } from './expiry';
import { couponsFixture, testOffer } from './testing';

const iso = (ms: number): string => new Date(ms).toISOString();
const FAR = Date.parse('2030-01-01T00:00:00Z');

describe('when a code stops being valid', () => {
  it('at the end of the local day of issue, on daylight-saving days too (23 and 25 hour days)', () => {
    // Spring forward: Stockholm's 29 March 2026 has 23 hours; midnight after it is 22:00 UTC.
    expect(iso(couponExpiry({}, Date.parse('2026-03-29T08:00:00Z'), FAR, 'Europe/Stockholm'))).toBe('2026-03-29T22:00:00.000Z');
    // Fall back: Warsaw's 25 October 2026 has 25 hours; issued at 01:30 local (before the change), midnight is 23:00 UTC.
    expect(iso(couponExpiry({}, Date.parse('2026-10-24T23:30:00Z'), FAR, 'Europe/Warsaw'))).toBe('2026-10-25T23:00:00.000Z');
    // Athens, the same spring night: midnight after 29 March is 21:00 UTC (EEST).
    expect(iso(couponExpiry({}, Date.parse('2026-03-29T05:00:00Z'), FAR, 'Europe/Athens'))).toBe('2026-03-29T21:00:00.000Z');
    // Issued at 23:59 local: valid for one minute, not for a day.
    expect(iso(couponExpiry({}, Date.parse('2026-11-23T22:59:00Z'), FAR, 'Europe/Stockholm'))).toBe('2026-11-23T23:00:00.000Z');
  });

  it('after the offer’s validHours in elapsed time across a clock change, and never after the code’s validUntil', () => {
    // 20:00 on 28 March in Stockholm + 12 h: 09:00 the next morning on the clock (the night lost an hour).
    const expires = couponExpiry({ coupon: { validHours: 12 } }, Date.parse('2026-03-28T19:00:00Z'), FAR, 'Europe/Stockholm');
    expect(iso(expires)).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(expires).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' })).toBe('09:00:00');
    const validUntil = Date.parse('2026-03-28T22:00:00Z');
    expect(couponExpiry({ coupon: { validHours: 12 } }, Date.parse('2026-03-28T19:00:00Z'), validUntil, 'Europe/Stockholm')).toBe(validUntil);
    expect(couponExpiry({}, Date.parse('2026-03-28T19:00:00Z'), validUntil, 'Europe/Stockholm')).toBe(validUntil);
  });

  it('endOfLocalDay is the next local midnight in each zone', () => {
    expect(iso(endOfLocalDay('Europe/Athens', new Date('2026-10-25T12:00:00Z')))).toBe('2026-10-25T22:00:00.000Z');
    expect(iso(endOfLocalDay('Europe/Warsaw', new Date('2026-03-28T23:30:00Z')))).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('a today-only deal at local midnight', () => {
  let template: { file: string; cleanup: () => void };
  beforeAll(() => {
    template = demoCacheTemplate();
  }, 60_000);
  afterAll(() => template.cleanup());

  // Each store's deal runs on one daylight-saving day in its own zone.
  const cases = [
    { zone: 'Europe/Stockholm', day: '2026-03-29', before: '2026-03-29T21:59:00Z', midnight: '2026-03-29T22:00:00.000Z' },
    { zone: 'Europe/Warsaw', day: '2026-10-25', before: '2026-10-25T22:59:00Z', midnight: '2026-10-25T23:00:00.000Z' },
    { zone: 'Europe/Athens', day: '2026-03-29', before: '2026-03-29T20:59:00Z', midnight: '2026-03-29T21:00:00.000Z' },
  ];

  for (const { zone, day, before, midnight } of cases) {
    it(`${zone}: claimable until midnight with a code that expires then; after it, not running and gone from the offers`, () => {
      const f = couponsFixture(template.file, { now: Date.parse(before), timeZone: zone });
      try {
        f.putOffer(testOffer('deal', 'today-only', { start: `${day}T00:00:00`, end: '2026-12-31T00:00:00' }));
        f.putOffer(testOffer('one-day', 'today-only', { start: `${day}T00:00:00`, end: `${day}T23:59:59` }));
        f.assign('deal', 5, Date.parse('2026-12-30T00:00:00Z'));
        f.assign('one-day', 5, Date.parse('2026-12-30T00:00:00Z'));
        const active = (): string[] => activeOffers(f.cache, { storeCode: f.context.storeCode, timeZone: zone, lang: 'en', now: new Date(f.clock.now) }).map((offer) => `${offer.id} ${iso(offer.endsAt)}`);

        expect(active()).toEqual([`one-day ${iso(Date.parse(midnight) - 1_000)}`, `deal ${midnight}`]);
        const answer = f.coupons.claim({ offerId: 'deal', session: randomUUID(), lang: 'en' });
        expect(answer.state === 'issued' && iso(answer.coupon.expiresAt)).toBe(midnight);

        f.clock.now = Date.parse(midnight);
        expect(f.coupons.claim({ offerId: 'one-day', session: randomUUID(), lang: 'en' })).toEqual({ state: 'not-running' });
        // The daily deal is the next day's deal now: it runs to the next midnight, and the codes it gives expire then.
        expect(active()).toEqual([`deal ${iso(endOfLocalDay(zone, new Date(f.clock.now)))}`]);
      } finally {
        f.close();
      }
    });
  }
});
