import { z } from 'zod';
import { Address, Contact, DeliveryPreferences, Fulfilment, OrderCode, OrderStatus } from '../sync/upstream';
import { Colour, StyleCode } from './catalog';
import { LanguageSchema } from './system';

/**
 * The bag, checkout and confirmation (the orders issue). The bag itself lives in the shopper's session in
 * the UI and is wiped with it; the kiosk core prices it, checks it against the cache (at add time and
 * again at confirm), and — on confirm — writes the order and its outbox row in one `local.db` transaction
 * before it answers "confirmed". Delivery to HQ happens after, exactly once, whatever crashes.
 */

export { Address, Contact, DeliveryPreferences, Fulfilment, OrderCode, OrderStatus };

export const BagLine = z
  .object({
    sku: z.string().min(1).max(64),
    quantity: z.number().int().min(1).max(10),
    fulfilment: Fulfilment,
  })
  .strict();
export type BagLine = z.infer<typeof BagLine>;

export const Bag = z.array(BagLine).min(1).max(20);

/** How the shopper can get one variant, as the product page and the bag offer it. */
export const FulfilmentOption = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('delivery'),
    /** Free when the variant is missing here (or by the shipping policy); otherwise the fee, before the order. */
    free: z.boolean(),
    available: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('hold'),
    store: z.string(),
    name: z.string(),
    city: z.string(),
    distanceKm: z.number().nonnegative(),
    openNow: z.boolean(),
    available: z.number().int().positive(),
    /** Epoch ms the store keeps it until, if held now. */
    until: z.number().int(),
  }),
  z.object({ kind: z.literal('in-store'), available: z.number().int().positive() }),
]);
export type FulfilmentOption = z.infer<typeof FulfilmentOption>;

/** Why a line cannot go ahead as it is (stock moved since it was added, or never was there). */
export const LineProblem = z.enum([
  /** No longer available for this fulfilment at all. */
  'unavailable',
  /** Available, but fewer than asked: `available` says how many. */
  'fewer',
  /** The price changed since the shopper saw it. */
  'price-changed',
  /** HQ no longer sells it (the SKU left the catalog). */
  'discontinued',
]);
export type LineProblem = z.infer<typeof LineProblem>;

export const QuotedLine = z.object({
  sku: z.string(),
  styleCode: StyleCode,
  name: z.string(),
  brand: z.string(),
  colour: Colour,
  size: z.string(),
  image: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  fulfilment: Fulfilment,
  /** How many can be had this way right now. */
  available: z.number().int().nonnegative(),
  problem: LineProblem.optional(),
  /** Every way to get this variant now, best first (to switch a line, or to offer alternatives). */
  options: z.array(FulfilmentOption),
});
export type QuotedLine = z.infer<typeof QuotedLine>;

export const Returns = z.object({ days: z.number().int(), free: z.boolean(), inStore: z.boolean(), byPost: z.boolean() });
export type Returns = z.infer<typeof Returns>;

export const QuoteInput = z.object({ lines: Bag, lang: LanguageSchema }).strict();
export const QuoteOutput = z.object({
  lines: z.array(QuotedLine),
  currency: z.string(),
  itemsMinor: z.number().int(),
  /** 0 when free; shown as "free", never as 0. */
  shippingMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** Why shipping is what it is, for the summary. */
  shippingReason: z.enum(['none', 'free-missing-here', 'free-above-threshold', 'fee']),
  /** When a line is delivered: the window (local dates, store's time zone) and the days the shopper may choose. */
  delivery: z
    .object({
      from: z.iso.date(),
      to: z.iso.date(),
      /** Days a delivery can be booked for (working days from `from`, about two weeks ahead). */
      choosableDays: z.array(z.iso.date()),
      /** Peak season or holidays made it longer than usual. */
      extended: z.boolean(),
    })
    .optional(),
  holds: z.array(z.object({ store: z.string(), name: z.string(), until: z.number().int() })),
  returns: Returns,
  /** Every line can go ahead as quoted. */
  ready: z.boolean(),
});
export type QuoteOutput = z.infer<typeof QuoteOutput>;

/** A field the shopper must fix, by path, with a reason the UI translates. */
export const DetailsProblem = z.object({
  path: z.string(),
  problem: z.enum(['required', 'invalid-phone', 'invalid-email', 'invalid-postal-code', 'too-long', 'sms-needs-phone', 'day-not-available']),
});
export type DetailsProblem = z.infer<typeof DetailsProblem>;

export const CheckoutDetails = z
  .object({
    contact: z.object({ name: z.string().max(200), phone: z.string().max(40).optional(), email: z.string().max(300).optional() }).strict(),
    address: z
      .object({ line1: z.string().max(200), line2: z.string().max(200).optional(), postalCode: z.string().max(32), city: z.string().max(120) })
      .strict()
      .optional(),
    delivery: z.object({ day: z.iso.date().nullable(), sms: z.boolean(), safePlace: z.string().max(400).optional() }).strict().optional(),
    marketingConsent: z.boolean().default(false),
  })
  .strict();
export type CheckoutDetails = z.input<typeof CheckoutDetails>;

export const CheckDetailsInput = z.object({ details: CheckoutDetails, lines: Bag }).strict();
export const CheckDetailsOutput = z.object({
  valid: z.boolean(),
  problems: z.array(DetailsProblem),
  /** The phone number as it will be used (`+46 70 123 45 67`), when valid. */
  phoneDisplay: z.string().optional(),
});
export type CheckDetailsOutput = z.infer<typeof CheckDetailsOutput>;

export const PlaceInput = z
  .object({
    lines: Bag,
    lang: LanguageSchema,
    details: CheckoutDetails,
    payment: z.enum(['till', 'phone']),
    /** The total the shopper saw on the summary: if the quote now differs, nothing is placed. */
    seenTotalMinor: z.number().int().nonnegative(),
    /**
     * Staff mode only (else `FORBIDDEN`): a note for the store ("customer will pick up Saturday"). An order
     * placed in staff mode is marked as assisted by the signed-in staff member, from the core's session.
     */
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

export const Payment = z.discriminatedUnion('kind', [
  /** Pay at the till: the order code, as a QR code and as characters. */
  z.object({ kind: z.literal('till'), code: OrderCode }),
  /** Pay on your phone: the link HQ issued (null until HQ has answered; the till code works meanwhile). */
  z.object({ kind: z.literal('phone'), code: OrderCode, url: z.string().nullable() }),
]);
export type Payment = z.infer<typeof Payment>;

export const ConfirmedOrder = z.object({
  id: z.uuid(),
  code: OrderCode,
  placedAt: z.number().int(),
  lines: z.array(QuotedLine),
  currency: z.string(),
  itemsMinor: z.number().int(),
  shippingMinor: z.number().int(),
  totalMinor: z.number().int(),
  delivery: z.object({ from: z.iso.date(), to: z.iso.date(), day: z.iso.date().nullable() }).optional(),
  holds: z.array(z.object({ store: z.string(), name: z.string(), until: z.number().int() })),
  returns: Returns,
  payment: Payment,
  /** Has HQ acknowledged it yet (the shopper need not care: it is safe on the pillar either way). */
  delivered: z.boolean(),
  /** Seconds until the confirmation resets to the attract loop (HQ settings). */
  resetAfterSeconds: z.number().int(),
});
export type ConfirmedOrder = z.infer<typeof ConfirmedOrder>;

export const PlaceOutput = z.discriminatedUnion('state', [
  z.object({ state: z.literal('confirmed'), order: ConfirmedOrder }),
  /** Stock or prices moved since the summary: nothing was placed; here is the new quote to show. */
  z.object({ state: z.literal('changed'), quote: QuoteOutput }),
  /** The details do not pass (the UI normally checks them first). */
  z.object({ state: z.literal('invalid'), problems: z.array(DetailsProblem) }),
]);
export type PlaceOutput = z.infer<typeof PlaceOutput>;

export const ComplementsInput = z
  .object({ styleCodes: z.array(StyleCode).min(1).max(20), lang: LanguageSchema, limit: z.number().int().min(1).max(12).default(6) })
  .strict();

export const OrderInput = z.object({ id: z.uuid(), lang: LanguageSchema }).strict();

export const RateInput = z
  .object({
    stars: z.number().int().min(1).max(5),
    comment: z.string().max(500).optional(),
    orderId: z.uuid().optional(),
    lang: LanguageSchema,
  })
  .strict();
export const RateOutput = z.object({ id: z.uuid() });

/** For staff and IT: what is still on its way to HQ. */
export const OutboxStatus = z.object({
  pending: z.number().int(),
  /** Epoch ms of the oldest row not yet acknowledged, or null. */
  oldestPendingAt: z.number().int().nullable(),
  lastAttemptAt: z.number().int().nullable(),
  lastDeliveredAt: z.number().int().nullable(),
  /** The last failure (no personal data in it), or null when the last attempt succeeded. */
  lastError: z.string().nullable(),
  /** Rows HQ refused (4xx): kept, never retried, shown to staff to sort out with HQ. */
  rejected: z.array(z.object({ id: z.uuid(), kind: z.enum(['order', 'rating', 'help', 'coupon-issue', 'staff-action', 'help-update']), reason: z.string(), at: z.number().int(), code: OrderCode.optional() })),
  deliveredToday: z.number().int(),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** An order of this pillar for staff lists (no personal data once HQ has it). */
export const OrderSummary = z.object({
  id: z.uuid(),
  code: OrderCode,
  placedAt: z.number().int(),
  totalMinor: z.number().int(),
  currency: z.string(),
  lines: z.number().int(),
  delivery: z.enum(['pending', 'delivered', 'rejected']),
  status: OrderStatus.nullable(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;
