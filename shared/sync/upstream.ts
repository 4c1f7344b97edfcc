import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { CouponIssue } from './coupons';
import { HelpUpdate, StaffAction } from './staff';
import { LocationCode, SkuCode, StyleCode } from './entities';

/**
 * What a pillar sends up to HQ — orders (with holds), ratings, help requests and coupon issues — each through the
 * kiosk's durable outbox. Every request carries `Idempotency-Key: <the row's id>`; HQ applies a key once,
 * answers a replay with the first answer, refuses the same key with a different body (422) and a key
 * whose first request is still running (409). Personal data travels here and nowhere else: never logged.
 */

/** The order's short code for the till and the shopper: Crockford base32 (no I, L, O, U), `XXXX-XXXX`. */
export const ORDER_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const OrderCode = z.string().regex(ORDER_CODE, 'must be 8 characters such as "K7MQ-42XD"');

export const Fulfilment = z.discriminatedUnion('kind', [
  /** Home delivery from the online warehouse. */
  z.object({ kind: z.literal('delivery') }),
  /** Click and collect: held at that store for the hours HQ's settings say. */
  z.object({ kind: z.literal('hold'), store: LocationCode }),
  /** Taken from this store's floor or stockroom (staff bring it, or the shopper finds it). */
  z.object({ kind: z.literal('in-store') }),
]);
export type Fulfilment = z.infer<typeof Fulfilment>;

export const OrderLine = z.object({
  sku: SkuCode,
  styleCode: StyleCode,
  quantity: z.number().int().min(1).max(10),
  /** The price the shopper saw, in minor units of the order's currency. */
  unitPriceMinor: z.number().int().nonnegative(),
  fulfilment: Fulfilment,
});
export type OrderLine = z.infer<typeof OrderLine>;

/** E.164, as the kiosk normalised it (`+46701234567`). */
export const Phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international form such as "+46701234567"');

export const Contact = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    phone: Phone.optional(),
    email: z.email().max(254).optional(),
  })
  .refine((contact) => contact.phone !== undefined || contact.email !== undefined, { message: 'must give a mobile number or an e-mail address', path: ['phone'] });
export type Contact = z.infer<typeof Contact>;

export const Address = z.object({
  line1: z.string().trim().min(1, 'must not be empty').max(100),
  line2: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().min(1).max(16),
  city: z.string().trim().min(1, 'must not be empty').max(60),
  /** ISO 3166-1 alpha-2; home delivery goes to the store's own country. */
  country: z.string().regex(/^[A-Z]{2}$/),
});
export type Address = z.infer<typeof Address>;

export const DeliveryPreferences = z.object({
  /** A chosen delivery day (local date), or null for the earliest possible. */
  day: z.iso.date().nullable(),
  /** Text-message updates about the delivery (needs a mobile number). */
  sms: z.boolean(),
  safePlace: z.string().trim().max(200).optional(),
});
export type DeliveryPreferences = z.infer<typeof DeliveryPreferences>;

/** What the shopper was shown and agreed to, so HQ (and customer service) can honour exactly that. */
export const Quote = z.object({
  itemsMinor: z.number().int().nonnegative(),
  shippingMinor: z.number().int().nonnegative(),
  totalMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Home delivery window (local dates), when a line is delivered. */
  delivery: z.object({ from: z.iso.date(), to: z.iso.date() }).optional(),
  /** Holds: until when each store keeps them (epoch ms). */
  holds: z.array(z.object({ store: LocationCode, until: z.number().int() })).max(20),
});
export type Quote = z.infer<typeof Quote>;

export const OrderSubmission = z
  .object({
    id: z.uuid(),
    code: OrderCode,
    /** The pillar's store: where the order was placed. */
    store: LocationCode,
    /** Epoch ms on the pillar's clock when the shopper confirmed. */
    placedAt: z.number().int().positive(),
    language: z.enum(LANGUAGES),
    lines: z.array(OrderLine).min(1).max(20),
    contact: Contact,
    address: Address.optional(),
    delivery: DeliveryPreferences.optional(),
    /** Separate from the order and off unless the shopper ticked it. */
    marketingConsent: z.boolean(),
    payment: z.enum(['till', 'phone']),
    /** The staff member who helped (their staff id), for attribution. */
    assistedBy: z.string().min(1).max(64).optional(),
    /** For the store ("customer will pick up Saturday"). */
    note: z.string().trim().max(500).optional(),
    quote: Quote,
  })
  .superRefine((order, ctx) => {
    const delivers = order.lines.some((line) => line.fulfilment.kind === 'delivery');
    if (delivers && order.address === undefined) ctx.addIssue({ code: 'custom', message: 'home delivery needs an address', path: ['address'] });
    if (delivers && order.delivery === undefined) ctx.addIssue({ code: 'custom', message: 'home delivery needs delivery preferences', path: ['delivery'] });
    if (delivers && order.quote.delivery === undefined) ctx.addIssue({ code: 'custom', message: 'home delivery needs the delivery window the shopper was shown', path: ['quote', 'delivery'] });
    if (order.delivery?.sms && order.contact.phone === undefined) ctx.addIssue({ code: 'custom', message: 'text-message updates need a mobile number', path: ['delivery', 'sms'] });
  });
export type OrderSubmission = z.infer<typeof OrderSubmission>;

export const OrderStatus = z.enum(['received', 'paid', 'shipped', 'ready-for-pickup', 'collected', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** HQ's answer to an order (and to every replay of its key). */
export const OrderReceipt = z.object({
  id: z.uuid(),
  code: OrderCode,
  status: OrderStatus,
  receivedAt: z.number().int(),
  /** For "pay on your phone": the link HQ issued, as a QR code on the pillar. */
  payUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type OrderReceipt = z.infer<typeof OrderReceipt>;

/** HQ's answer to `GET /v1/stores/:store/orders/status?ids=…`: where this store's orders are now (unknown ids left out). */
export const OrderStatusList = z.object({
  orders: z.array(z.object({ id: z.uuid(), code: OrderCode, status: OrderStatus, statusChangedAt: z.number().int() })),
});
export type OrderStatusList = z.infer<typeof OrderStatusList>;

/** "How was your visit?" — after an order, or on its own. */
export const RatingSubmission = z.object({
  id: z.uuid(),
  store: LocationCode,
  orderId: z.uuid().optional(),
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
  language: z.enum(LANGUAGES),
  at: z.number().int().positive(),
});
export type RatingSubmission = z.infer<typeof RatingSubmission>;

/** "Call staff", so staff at any pillar or device of the store see it (the staff issue builds the queue). */
export const HelpSubmission = z.object({
  id: z.uuid(),
  store: LocationCode,
  at: z.number().int().positive(),
  /** Where the shopper was: `product:NV-10042`, `checkout`, … */
  screen: z.string().min(1).max(80),
});
export type HelpSubmission = z.infer<typeof HelpSubmission>;

/** HQ's answer to a rating or a help request. */
export const Receipt = z.object({ id: z.uuid(), receivedAt: z.number().int() });
export type Receipt = z.infer<typeof Receipt>;

/** Where each kind of outbox row goes. */
export const UPSTREAM = {
  order: { path: '/v1/orders', body: OrderSubmission, answer: OrderReceipt },
  rating: { path: '/v1/ratings', body: RatingSubmission, answer: Receipt },
  help: { path: '/v1/help-requests', body: HelpSubmission, answer: Receipt },
  /**
   * A code from this pillar's pool went to a shopper (shared/sync/coupons.ts); HQ answers `201 Receipt`.
   * Named as HQ names its idempotency keys for the same request, so the two sides share one name.
   */
  'coupon-issue': { path: '/v1/coupons/issued', body: CouponIssue, answer: Receipt },
  /** What staff did at the pillar (shared/sync/staff.ts): the chain's audit trail. */
  'staff-action': { path: '/v1/staff-actions', body: StaffAction, answer: Receipt },
  /** A "call staff" request acknowledged or resolved at this pillar, for every pillar of the store. */
  'help-update': { path: '/v1/help-requests/updates', body: HelpUpdate, answer: Receipt },
} as const;
export type UpstreamKind = keyof typeof UPSTREAM;
