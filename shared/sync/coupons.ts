import { z } from 'zod';
import { Code, LocationCode } from './entities';

/**
 * Single-use coupon codes (the offers issue). Codes are money: only HQ mints them. HQ hands each pillar
 * a pool of codes per offer; the pillar issues them to shoppers from that pool — offline too — and tells
 * HQ through its outbox; a till redeems a code at HQ exactly once.
 */

/** `PLR-XXXX-XXXX-X`: 40 random bits in Crockford base32 and a check character (typos caught at the till). */
export const COUPON_CODE = /^PLR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$/;
export const CouponCode = z.string().regex(COUPON_CODE, 'must be a coupon code such as "PLR-7K2M-Q4XD-8"');

/** Crockford base32's digits: no I, L, O or U, which are misread as 1, 1, 0 and V. */
export const CROCKFORD_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check symbols: the 32 digits, then `*~$=U` for the values 32–36. */
const CHECK_SYMBOLS = `${CROCKFORD_DIGITS}*~$=U`;

/**
 * Crockford's mod-37 check symbol of a code's data digits (`"7K2M-Q4XD"`; hyphens are ignored), or null
 * when one is not a Crockford digit. 37 is prime, so one wrong character or two neighbours swapped always
 * change it: a till or a pillar can catch a typo without asking HQ.
 */
export function couponCheckCharacter(digits: string): string | null {
  let remainder = 0;
  for (const char of digits.replaceAll('-', '')) {
    const value = CROCKFORD_DIGITS.indexOf(char);
    if (value < 0) return null;
    remainder = (remainder * 32 + value) % 37;
  }
  return CHECK_SYMBOLS[remainder] ?? null;
}

/** A code of the right shape whose check character matches its digits (it may still be one HQ never minted). */
export function couponCodeChecks(code: string): boolean {
  return COUPON_CODE.test(code) && couponCheckCharacter(code.slice(4, 13)) === code.slice(14);
}

/** `POST /v1/coupons/pool` (pillar token, `Idempotency-Key`): top up this pillar's pools. */
export const PoolRequest = z.object({
  id: z.uuid(),
  store: LocationCode,
  /** Per offer: how many unissued codes the pillar holds now and how many more it wants. */
  offers: z.array(z.object({ offerId: Code, have: z.number().int().nonnegative(), want: z.number().int().min(1).max(500) })).min(1).max(50),
});
export type PoolRequest = z.infer<typeof PoolRequest>;

export const PoolCode = z.object({
  offerId: Code,
  code: CouponCode,
  /** Epoch ms after which HQ refuses the code whenever it was issued (the offer's end, in the store's zone). */
  validUntil: z.number().int(),
});
export type PoolCode = z.infer<typeof PoolCode>;

export const PoolAnswer = z.object({
  codes: z.array(PoolCode),
  /** Offers whose HQ-side pool could not fill the request (HQ has been warned; the pillar says so kindly). */
  short: z.array(Code),
});
export type PoolAnswer = z.infer<typeof PoolAnswer>;

/** Through the outbox (`POST /v1/coupons/issued`): a code went to a shopper at this time, valid until then. */
export const CouponIssue = z.object({
  id: z.uuid(),
  store: LocationCode,
  offerId: Code,
  code: CouponCode,
  issuedAt: z.number().int().positive(),
  expiresAt: z.number().int().positive(),
});
export type CouponIssue = z.infer<typeof CouponIssue>;

/** `POST /v1/coupons/:code/redeem` with a till token; idempotent per till transaction. */
export const RedeemRequest = z.object({
  store: LocationCode,
  /** The till's transaction id: the same transaction redeeming the same code again gets the same answer. */
  transaction: z.string().min(1).max(64),
  at: z.number().int().positive().optional(),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** Why a code cannot be redeemed. */
export const RedeemRefusal = z.enum(['unknown', 'expired', 'already-used', 'wrong-store', 'offer-ended']);
export type RedeemRefusal = z.infer<typeof RedeemRefusal>;

export const RedeemAnswer = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    code: CouponCode,
    offerId: Code,
    /** What the till applies. */
    discount: z.object({ percent: z.number().int().optional(), amountMinor: z.number().int().optional(), minSpendMinor: z.number().int().optional(), categories: z.array(Code).optional() }),
    redeemedAt: z.number().int(),
    transaction: z.string(),
  }),
  z.object({ ok: z.literal(false), code: z.string(), reason: RedeemRefusal, message: z.string() }),
]);
export type RedeemAnswer = z.infer<typeof RedeemAnswer>;
