import type { Offer } from '../../../shared/sync/entities';
import { endOfLocalDay } from '../offers/schedule';

const HOUR_MS = 3_600_000;

/**
 * When a code issued at `issuedAt` stops being valid: the offer's `coupon.validHours` after issue
 * (elapsed hours, so a night with a daylight-saving change is still that many hours), or — when the offer
 * does not say — the end of the local day of issue on the store's clock; never later than the code's own
 * `validUntil` from HQ, past which HQ refuses it anyway.
 */
export function couponExpiry(offer: Pick<Offer, 'coupon'>, issuedAt: number, validUntil: number, timeZone: string): number {
  const hours = offer.coupon?.validHours;
  const own = hours === undefined ? endOfLocalDay(timeZone, new Date(issuedAt)) : issuedAt + hours * HOUR_MS;
  return Math.min(own, validUntil);
}
