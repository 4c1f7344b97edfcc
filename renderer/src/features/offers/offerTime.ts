import type { ActiveOffer } from '../../../../shared/api/shopper';

/** How long a today-only offer has left, in the units the shopper reads ("ends in 3 h 12 min"). */
export type TimeLeft =
  | { kind: 'hours'; hours: number; minutes: number }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'underMinute' }
  | { kind: 'ended' };

const MINUTE = 60_000;

/** Whole minutes left, rounded down: "3 h 12 min" while 3 h 12 min 59 s remain, never a minute too many. */
export function timeLeft(endsAt: number, now: number): TimeLeft {
  const remaining = endsAt - now;
  if (remaining <= 0) return { kind: 'ended' };
  const minutes = Math.floor(remaining / MINUTE);
  if (minutes < 1) return { kind: 'underMinute' };
  if (minutes < 60) return { kind: 'minutes', minutes };
  return { kind: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The offers still running at `now`, in the order the core gave them. */
export function runningOffers<T extends Pick<ActiveOffer, 'endsAt'>>(offers: readonly T[], now: number): T[] {
  return offers.filter((offer) => offer.endsAt > now);
}
