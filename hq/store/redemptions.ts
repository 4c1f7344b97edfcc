import type { Database, Statement } from 'better-sqlite3';
import { couponCodeChecks, type RedeemAnswer, type RedeemRefusal } from '../../shared/sync/coupons';
import type { Offer } from '../../shared/sync/entities';
import { normaliseCouponCode } from './couponCodes';
import { type Coupons, type CouponRow, runsIn } from './coupons';
import type { Answer, Redemption } from './store';
import { localIso, zonedEpoch } from './zonedTime';

/**
 * The status each refusal is answered with (hq/README.md). A mistyped code is a 422 with reason
 * `unknown`: the till asks for it again, where a 404 `unknown` code was never given to anyone.
 */
export const REFUSAL_STATUS: Record<RedeemRefusal | 'mistyped', number> = {
  mistyped: 422,
  unknown: 404,
  'wrong-store': 403,
  'already-used': 409,
  expired: 410,
  'offer-ended': 410,
};

type Ok = Extract<RedeemAnswer, { ok: true }>;

/**
 * Till redemption: a code is redeemed at most once. The decision and the write are one IMMEDIATE
 * transaction of the caller, and the write is conditional (`WHERE redeemed_at IS NULL`), so of two tills
 * redeeming one code at the same moment exactly one succeeds — whichever process they reach.
 */
export class Redemptions {
  readonly #coupons: Coupons;
  readonly #redeem: Statement;

  constructor(db: Database, coupons: Coupons) {
    this.#coupons = coupons;
    this.#redeem = db.prepare(
      `UPDATE coupons SET redeemed_at = ?, redeemed_store = ?, redeemed_by = ?, redeemed_transaction = ?, till_at = ?, redemption = ?,
              issued_at = coalesce(issued_at, ?)
       WHERE id = ? AND redeemed_at IS NULL`,
    );
  }

  redeem(redemption: Redemption, now: number): Answer<RedeemAnswer> {
    const code = normaliseCouponCode(redemption.code);
    if (code === null || !couponCodeChecks(code)) {
      const what = code === null ? 'This is not a coupon code (PLR-XXXX-XXXX-X)' : 'The check character does not match';
      return refusal(code ?? redemption.code.slice(0, 64), 'unknown', `${what}: it looks mistyped. Type it again, or scan its QR code.`, REFUSAL_STATUS.mistyped);
    }
    // A store's time zone, and a refusal (422) for a store HQ does not know, before anything about the code.
    const timeZone = this.#coupons.timeZone(redemption.store);
    const row = this.#coupons.byCode(code);
    // Minted but still in HQ's pool: no shopper can hold it, so it is as unknown as a guess.
    if (!row || row.kioskId === null) return refusal(code, 'unknown', 'HQ never gave out this code: check it against the shopper\'s screen.');

    if (row.redeemedAt !== null) {
      if (row.redeemedStore === redemption.store && row.redeemedTransaction === redemption.transaction) return { status: 200, body: JSON.parse(row.redemption ?? 'null') as Ok };
      return refusal(code, 'already-used', `This code was already used, at ${shown(row.redeemedAt, timeZone)} (${timeZone}) in store "${row.redeemedStore ?? ''}", in another transaction.`);
    }
    const offer = this.#coupons.offer(row.offerId);
    if (!offer) return refusal(code, 'offer-ended', 'The offer this code was for has ended: HQ no longer runs it.');
    if (!runsIn(offer, redemption.store)) return refusal(code, 'wrong-store', `The offer this code is for does not run in store "${redemption.store}".`);
    const end = zonedEpoch(offer.schedule.end, timeZone);
    if (now >= end) return refusal(code, 'offer-ended', `The offer this code was for ended at ${shown(end, timeZone)} (${timeZone}).`);
    const deadline = deadlineOf(row);
    if (now >= deadline) return refusal(code, 'expired', `This code expired at ${shown(deadline, timeZone)} (${timeZone}).`);

    const body: Ok = { ok: true, code, offerId: row.offerId, discount: discountOf(offer), redeemedAt: now, transaction: redemption.transaction };
    const changed = this.#redeem.run(now, redemption.store, redemption.by, redemption.transaction, redemption.at ?? null, JSON.stringify(body), now, row.id).changes;
    // The read above ran in this same write transaction, so nothing can have redeemed it since; if the
    // guard ever says otherwise, the code is answered as it now stands rather than redeemed twice.
    if (changed !== 1) return this.redeem(redemption, now);
    return { status: 200, body };
  }
}

/** Issued: the pillar's expiry, never past the pool's `validUntil`; not yet heard of: `validUntil`. */
function deadlineOf(row: CouponRow): number {
  const validUntil = row.validUntil ?? 0;
  return row.expiresAt === null ? validUntil : Math.min(row.expiresAt, validUntil);
}

function discountOf(offer: Offer): Ok['discount'] {
  const { percent, amountMinor, minSpendMinor, categories } = offer.discount;
  return {
    ...(percent === undefined ? {} : { percent }),
    ...(amountMinor === undefined ? {} : { amountMinor }),
    ...(minSpendMinor === undefined ? {} : { minSpendMinor }),
    ...(categories === undefined ? {} : { categories: [...categories] }),
  };
}

function refusal(code: string, reason: RedeemRefusal, message: string, status = REFUSAL_STATUS[reason]): Answer<RedeemAnswer> {
  return { status, body: { ok: false, code, reason, message } };
}

/** `2026-03-01 23:59` on the store's clock: what the till's staff and the shopper's screen both read. */
function shown(epochMs: number, timeZone: string): string {
  return localIso(timeZone, epochMs).slice(0, 16).replace('T', ' ');
}
