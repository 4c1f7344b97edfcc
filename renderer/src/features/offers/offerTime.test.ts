import { describe, expect, it } from 'vitest';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import { runningOffers, timeLeft } from './offerTime';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const MIN = 60_000;

function offer(id: string, kind: ActiveOffer['kind'], endsAt: number): ActiveOffer {
  return { id, kind, title: id, body: '', terms: '', endsAt };
}

describe('offer countdown', () => {
  it('offers: 3 h 12 min 40 s left reads as 3 h 12 min (rounded down, never a minute too many)', () => {
    expect(timeLeft(NOW + (3 * 60 + 12) * MIN + 40_000, NOW)).toEqual({ kind: 'hours', hours: 3, minutes: 12 });
  });

  it('offers: exactly an hour is 1 h 0 min; a minute less is 59 minutes', () => {
    expect(timeLeft(NOW + 60 * MIN, NOW)).toEqual({ kind: 'hours', hours: 1, minutes: 0 });
    expect(timeLeft(NOW + 59 * MIN + 59_000, NOW)).toEqual({ kind: 'minutes', minutes: 59 });
  });

  it('offers: under a minute is said so, and the end itself is ended', () => {
    expect(timeLeft(NOW + 30_000, NOW)).toEqual({ kind: 'underMinute' });
    expect(timeLeft(NOW, NOW)).toEqual({ kind: 'ended' });
    expect(timeLeft(NOW - MIN, NOW)).toEqual({ kind: 'ended' });
  });

  it('offers: the countdown moves as the minutes pass', () => {
    const endsAt = NOW + 2 * 60 * MIN;
    expect(timeLeft(endsAt, NOW + MIN)).toEqual({ kind: 'hours', hours: 1, minutes: 59 });
    expect(timeLeft(endsAt, NOW + 61 * MIN)).toEqual({ kind: 'minutes', minutes: 59 });
  });

  it('offers: an offer that has ended leaves the screen before the next refresh', () => {
    const offers = [offer('ended', 'today-only', NOW - 1), offer('running', 'check-in', NOW + MIN)];
    expect(runningOffers(offers, NOW).map((o) => o.id)).toEqual(['running']);
  });
});
