import { randomUUID } from 'node:crypto';
import type { ClaimOutput, CouponPools, IssuedCoupon } from '../../../shared/api/coupons';
import type { MethodParsedInput } from '../../../shared/api/contract';
import type { Language } from '../../../shared/languages';
import { CouponIssue } from '../../../shared/sync/coupons';
import type { Offer } from '../../../shared/sync/entities';
import { KioskError } from '../api/errors';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { cachedOffer, cachedOffers, offerText } from '../offers/offers';
import { hasEnded, runningUntil, runsInStore } from '../offers/schedule';
import { startOfLocalDay } from '../orders/deliveryDates';
import type { DeliveryHooks } from '../outbox/outbox';
import type { OutboxStore } from '../outbox/store';
import { CouponStore } from './couponStore';
import { couponExpiry } from './expiry';

/** Below this many free codes an offer's pool asks HQ for more (and staff see it as low). */
export const LOW_WATER = 20;

/** What the coupons need from the rest of the kiosk at the moment of a call. */
export interface CouponContext {
  /** The cache with HQ's offers. */
  cache: Db;
  storeCode: string;
  /** The store's time zone: schedules, "end of today" and "issued today" are on its clock. */
  timeZone: string;
}

export interface CouponsOptions {
  local: Db;
  outbox: OutboxStore;
  /** The cache, store and clock as they are now; throws UNAVAILABLE while there is no catalog. */
  context: () => CouponContext;
  now?: () => number;
  /** An issue and its outbox row have just committed: the deliverer wakes, the UI hears of it. */
  onQueued: () => void;
  /** An offer's pool fell below the low-water mark, or was empty: ask HQ for more (pool.ts). */
  onLow?: (offerId: string) => void;
  log?: Logger;
  lowWater?: number;
}

/** Offers whose shoppers get a code: a bundle's discount applies at the till without one. */
export function hasCodes(offer: Offer): boolean {
  return offer.kind === 'check-in' || offer.kind === 'today-only';
}

/**
 * Coupon codes at the pillar. It hands out codes HQ minted and assigned to it — never one of its own —
 * offline too: taking a code from the pool and writing its issue to the outbox are one local.db
 * transaction, and the shopper sees the code only after that commit. One code per offer per session.
 */
export class Coupons {
  readonly store: CouponStore;
  readonly #o: CouponsOptions;
  readonly #now: () => number;
  readonly #lowWater: number;

  constructor(options: CouponsOptions) {
    this.#o = options;
    this.store = new CouponStore(options.local);
    this.#now = options.now ?? Date.now;
    this.#lowWater = options.lowWater ?? LOW_WATER;
  }

  claim(input: MethodParsedInput<'coupons.claim'>): ClaimOutput {
    const ctx = this.#o.context();
    const now = this.#now();
    const offer = cachedOffer(ctx.cache, input.offerId);
    if (!offer || !runsInStore(offer, ctx.storeCode) || runningUntil(offer, ctx.timeZone, new Date(now)) === null) return { state: 'not-running' };
    if (!hasCodes(offer)) throw new KioskError('INVALID_INPUT', 'A bundle offer has no codes: its discount applies at the till');

    const outcome = this.#o.local.transaction((): { state: 'issued' | 'already'; code: string; expiresAt: number } | null => {
      const earlier = this.store.issuedTo(input.session, offer.id);
      if (earlier) return { state: 'already', code: earlier.code, expiresAt: earlier.expiresAt };
      const free = this.store.oldestFree(offer.id, ctx.storeCode, now);
      if (!free) return null;
      const expiresAt = couponExpiry(offer, now, free.validUntil, ctx.timeZone);
      const id = randomUUID();
      // Checked against HQ's own schema before anything is written: an issue HQ would refuse is not shown.
      const issue = CouponIssue.parse({ id, store: ctx.storeCode, offerId: offer.id, code: free.code, issuedAt: now, expiresAt });
      if (!this.store.issue(free.code, input.session, now, expiresAt)) throw new Error('a free coupon code was taken inside its own transaction');
      this.#o.outbox.enqueue(id, 'coupon-issue', issue, now);
      return { state: 'issued', code: free.code, expiresAt };
    })();

    if (outcome === null) {
      // The offer id only: a code never goes into a log line.
      this.#o.log?.warn({ offerId: offer.id }, 'coupons: no codes left for this offer on this pillar; HQ is asked for more');
      this.#o.onLow?.(offer.id);
      return { state: 'empty' };
    }
    if (outcome.state === 'issued') {
      this.#o.onQueued();
      if ((this.store.freeCounts(ctx.storeCode, now).get(offer.id) ?? 0) < this.#lowWater) this.#o.onLow?.(offer.id);
    }
    return { state: outcome.state, coupon: issued(offer, outcome.code, outcome.expiresAt, input.lang) };
  }

  /**
   * For staff and IT: every offer with codes that applies to this store and has not ended (running now or
   * later today, or not started yet), with its free codes, today's issues, and whether it runs low.
   */
  pools(): CouponPools {
    const ctx = this.#o.context();
    const now = this.#now();
    const free = this.store.freeCounts(ctx.storeCode, now);
    const today = this.store.issuedSince(ctx.storeCode, startOfLocalDay(now, ctx.timeZone));
    return cachedOffers(ctx.cache)
      .filter((offer) => hasCodes(offer) && runsInStore(offer, ctx.storeCode) && !hasEnded(offer, ctx.timeZone, new Date(now)))
      .map((offer) => {
        const available = free.get(offer.id) ?? 0;
        return { offerId: offer.id, title: offerText(offer, 'en').title, available, issuedToday: today.get(offer.id) ?? 0, low: available < this.#lowWater };
      });
  }
}

function issued(offer: Offer, code: string, expiresAt: number, lang: Language): IssuedCoupon {
  const text = offerText(offer, lang);
  const { percent, amountMinor, minSpendMinor } = offer.discount;
  return {
    offerId: offer.id,
    code,
    title: text.title,
    terms: text.terms,
    expiresAt,
    ...(percent !== undefined ? { percent } : {}),
    ...(amountMinor !== undefined ? { amountMinor } : {}),
    ...(minSpendMinor !== undefined ? { minSpendMinor } : {}),
  };
}

/**
 * The outbox's hooks with coupon issues added: HQ's receipt needs nothing more from the pillar (the
 * outbox row keeps it), and a code is money, so it is kept out of every reason stored or logged exactly
 * like personal data. Other kinds go to `hooks`.
 */
export function withCouponIssues(hooks: DeliveryHooks): DeliveryHooks {
  return {
    delivered: (kind, id, answer) => {
      if (kind !== 'coupon-issue') hooks.delivered(kind, id, answer);
    },
    rejected: (kind, id) => {
      if (kind !== 'coupon-issue') hooks.rejected(kind, id);
    },
    remint: (id, body) => hooks.remint(id, body),
    personal: (kind, body) => (kind === 'coupon-issue' ? codeIn(body) : hooks.personal(kind, body)),
  };
}

function codeIn(body: string): string[] {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  } catch {
    return [];
  }
}
