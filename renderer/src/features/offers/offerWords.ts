import type { TFunction } from 'i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import { formatPrice } from '../../app/format';
import { timeLeft } from './offerTime';

/**
 * Offers in words, shared by the attract loop, the start screen's band, a product's offers and the offer
 * screen: the discount as a figure, whether the offer hands out a code, and how long it has left.
 */

/** "−10 %" or "−50 kr" in the store's number format and currency; null for an offer with neither. */
export function discountText(offer: Pick<ActiveOffer, 'percent' | 'amountMinor'>, locale: string, currency: string): string | null {
  if (offer.percent !== undefined) return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'always' }).format(-offer.percent / 100);
  if (offer.amountMinor !== undefined) return `−${formatPrice({ minor: offer.amountMinor, currency }, locale)}`;
  return null;
}

/**
 * Check-in and today-only offers are redeemed at the till with a single-use code from HQ; a bundle has no
 * code (HQ mints none for it), so the pillar offers none.
 */
export function givesCode(offer: Pick<ActiveOffer, 'kind'>): boolean {
  return offer.kind !== 'bundle';
}

/** Only a today-only offer counts down; the others run for days and a countdown would mislead. */
export function countsDown(offer: Pick<ActiveOffer, 'kind'>): boolean {
  return offer.kind === 'today-only';
}

/**
 * "Ends in 3 h 12 min", "Ends in 2 hours", "Ends in 5 minutes", "Ends in less than a minute" — whole
 * minutes, rounded down, with each language's plural forms; null once it has ended.
 */
export function endsInText(endsAt: number, now: number, t: TFunction): string | null {
  const left = timeLeft(endsAt, now);
  switch (left.kind) {
    case 'hours':
      return left.minutes === 0 ? t('offers.endsInHours', { count: left.hours }) : t('offers.endsInHoursMinutes', { hours: left.hours, minutes: left.minutes });
    case 'minutes':
      return t('offers.endsInMinutes', { count: left.minutes });
    case 'underMinute':
      return t('offers.endsUnderMinute');
    case 'ended':
      return null;
  }
}
