import { z } from 'zod';
import { LanguageSchema } from './system';

/**
 * Getting a code for an offer at the pillar (the offers issue). The pillar hands out codes HQ minted and
 * assigned to it (its pool in `local.db`), offline too; it never makes one up. One code per offer per
 * shopper session: asking again in the same session answers the same code.
 */

export const ClaimInput = z
  .object({
    offerId: z.string().min(1).max(64),
    /** The shopper's session (a UUID the UI makes at the start of each session and forgets at reset). */
    session: z.uuid(),
    lang: LanguageSchema,
  })
  .strict();

const IssuedCoupon = z.object({
  offerId: z.string(),
  /** For the till: as a QR code and as these characters. */
  code: z.string(),
  title: z.string(),
  terms: z.string(),
  /** Epoch ms; shown as an exact local time ("valid until 21:00 today"). */
  expiresAt: z.number().int(),
  percent: z.number().int().optional(),
  amountMinor: z.number().int().optional(),
  minSpendMinor: z.number().int().optional(),
});
export type IssuedCoupon = z.infer<typeof IssuedCoupon>;

export const ClaimOutput = z.discriminatedUnion('state', [
  /** A fresh code from the pool, recorded in `local.db` and on its way to HQ. */
  z.object({ state: z.literal('issued'), coupon: IssuedCoupon }),
  /** This session already has a code for this offer: the same one again. */
  z.object({ state: z.literal('already'), coupon: IssuedCoupon }),
  /** The pillar has no codes left for it (HQ has been asked for more): a kind message, not an error. */
  z.object({ state: z.literal('empty') }),
  /** The offer is not running in this store now (it ended, or never ran here). */
  z.object({ state: z.literal('not-running') }),
]);
export type ClaimOutput = z.infer<typeof ClaimOutput>;

/** For staff and IT: codes left per running offer, and how many went out today. */
export const CouponPools = z.array(
  z.object({ offerId: z.string(), title: z.string(), available: z.number().int(), issuedToday: z.number().int(), low: z.boolean() }),
);
export type CouponPools = z.infer<typeof CouponPools>;
