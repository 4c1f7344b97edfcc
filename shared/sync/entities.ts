import { z } from 'zod';
import { AA_TEXT, HEX_COLOR, contrastRatio } from '../color';
import { LANGUAGES } from '../languages';

/**
 * What HQ publishes, as it travels in snapshots and change feeds. HQ checks every row against these
 * before it stores it (imports, admin API) and the kiosk checks every row again before it touches the
 * cache: the two sides share one definition, and a row either side would refuse never crosses the wire.
 *
 * Objects strip keys they do not know (zod's default) rather than refusing them, so an HQ that has
 * learnt a new field does not break the kiosks still in the field.
 */

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const Code = z.string().regex(CODE, 'must be 1–64 letters, digits, ".", "_" or "-"');
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "09:30"');

/** Names in the shopper's languages; English is required, as the fallback for the others. */
export const Names = z
  .object(Object.fromEntries(LANGUAGES.map((lang) => [lang, Text(120).optional()])) as Record<(typeof LANGUAGES)[number], z.ZodOptional<z.ZodString>>)
  .refine((names) => names.en !== undefined, { message: 'must have an English name ("en")', path: ['en'] });
export type Names = z.infer<typeof Names>;

export const SkuCode = Code;
export const LocationCode = Code;
export const StyleCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, ".", "_" or "-"');

export const OpeningHours = z
  .array(
    z
      .tuple([Clock, Clock])
      .nullable()
      .refine((hours) => hours === null || hours[0] < hours[1], 'must open before it closes'),
  )
  .length(7, 'must list seven days, Monday first');

export const Location = z.object({
  code: LocationCode,
  kind: z.enum(['store', 'warehouse']),
  name: Text(80),
  address: z.string().max(120),
  postalCode: z.string().max(16),
  city: z.string().max(80),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "SE"'),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  timeZone: z.string().min(1).max(64),
  phone: z.string().max(32),
  openingHours: OpeningHours,
});
export type Location = z.infer<typeof Location>;

export const Category = z.object({ id: Code, sort: z.number().int(), names: Names });
export type Category = z.infer<typeof Category>;

export const Colour = z.object({ code: Code, hex: z.string().regex(HEX_COLOR, 'must be a colour written as #rrggbb'), names: Names });
export type Colour = z.infer<typeof Colour>;

/** A media path below HQ's media root: no `..`, no leading `/`, no scheme. */
export const MediaPath = z
  .string()
  .max(200)
  .regex(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]*\.(svg|png|jpe?g|webp|avif)$/, 'must be a relative media path such as "demo/jeans-1-navy.svg"');

export const Variant = z.object({
  sku: SkuCode,
  /** EAN-13 / GTIN-13 as printed on the price tag. */
  gtin: z.string().regex(/^\d{8,14}$/, 'must be 8–14 digits'),
  colourCode: Code,
  size: z.string().min(1).max(16),
  sizeSort: z.number().int(),
});
export type Variant = z.infer<typeof Variant>;

export const ProductText = z.object({ name: Text(160), description: z.string().max(4000) });

export const Related = z.object({
  kind: z.enum(['complement', 'alternative']),
  styleCode: StyleCode,
  score: z.number().min(0).max(1),
});
export type Related = z.infer<typeof Related>;

export const Product = z
  .object({
    styleCode: StyleCode,
    brand: Text(60),
    categoryId: Code,
    /** In the currency's minor unit: 29900 is 299 kr. */
    priceMinor: z.number().int().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "SEK"'),
    ratingAvg: z.number().min(0).max(5),
    ratingCount: z.number().int().nonnegative(),
    popularity: z.number().int().nonnegative(),
    /** Colour code → media paths, best first. */
    images: z.record(Code, z.array(MediaPath).max(12)),
    texts: z
      .object(Object.fromEntries(LANGUAGES.map((lang) => [lang, ProductText.optional()])) as Record<(typeof LANGUAGES)[number], z.ZodOptional<typeof ProductText>>)
      .refine((texts) => texts.en !== undefined, { message: 'must have an English text ("en")', path: ['en'] }),
    variants: z.array(Variant).min(1, 'must have at least one variant').max(200),
    related: z.array(Related).max(40),
  })
  .superRefine((product, ctx) => {
    const skus = new Set<string>();
    product.variants.forEach((variant, index) => {
      if (skus.has(variant.sku)) ctx.addIssue({ code: 'custom', message: `repeats SKU ${variant.sku}`, path: ['variants', index, 'sku'] });
      skus.add(variant.sku);
    });
    product.related.forEach((related, index) => {
      if (related.styleCode === product.styleCode) ctx.addIssue({ code: 'custom', message: 'a product cannot be related to itself', path: ['related', index, 'styleCode'] });
    });
  });
export type Product = z.infer<typeof Product>;

/** The most of one variant one location can hold: a level above it is a typo in a count. */
export const MAX_QUANTITY = 1_000_000;

/** How many of one variant one location has; 0 means none (the kiosk keeps no row for it). */
export const StockLevel = z.object({
  sku: SkuCode,
  location: LocationCode,
  quantity: z.number().int('must be a whole number').nonnegative('must not be negative').max(MAX_QUANTITY),
  /** Epoch ms of the count at HQ. */
  changedAt: z.number().int().nonnegative(),
});
export type StockLevel = z.infer<typeof StockLevel>;

/** The same level as it travels in bulk: `[sku, location, quantity, changedAt]`. */
export const StockTuple = z.tuple([StockLevel.shape.sku, StockLevel.shape.location, StockLevel.shape.quantity, StockLevel.shape.changedAt]);
export type StockTuple = z.infer<typeof StockTuple>;

/** `StockTuple`'s rules in one plain pass: true only for a tuple that schema takes exactly as it is. */
function isStockTuple(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [sku, location, quantity, changedAt] = value as unknown[];
  return (
    typeof sku === 'string' && CODE.test(sku) &&
    typeof location === 'string' && CODE.test(location) &&
    Number.isSafeInteger(quantity) && (quantity as number) >= 0 && (quantity as number) <= MAX_QUANTITY &&
    Number.isSafeInteger(changedAt) && (changedAt as number) >= 0
  );
}

/**
 * Stock levels in bulk, as change batches and snapshots carry them (hundreds of thousands in a big
 * delta): each checked by `isStockTuple` in one plain pass, since zod's parse of every tuple costs more
 * than applying the level. A level that fails is described by `StockTuple` itself, at its index, so the
 * error is zod's own; one it would accept passes unchanged.
 */
export function stockTuples(min: number, max: number): z.ZodType<StockTuple[]> {
  const levels = z
    .array(z.unknown())
    .min(min)
    .max(max)
    .superRefine((values, ctx) => {
      for (let i = 0; i < values.length; i++) {
        if (isStockTuple(values[i])) continue;
        for (const issue of StockTuple.safeParse(values[i]).error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, path: [i, ...issue.path] });
        return;
      }
    });
  // Every element passed StockTuple's rules above: the array is a StockTuple[] as it stands.
  return levels as unknown as z.ZodType<StockTuple[]>;
}

/**
 * Staff who may sign in at pillars (issue 8). A PIN never travels or rests in clear: HQ publishes a scrypt
 * hash with a salt of its own per account, and the pillar checks a typed PIN against it. Settings are
 * chain-wide, so each account names its stores and a pillar keeps only its own store's.
 */
export const StaffRole = z.enum(['staff', 'manager', 'it']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Each role may do what the roles before it may. */
export const STAFF_ROLE_RANK: Record<StaffRole, number> = { staff: 1, manager: 2, it: 3 };

const Base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** scrypt's parameters and output; `N` a power of two. Salt ≥ 16 bytes, hash 32 bytes (base64). */
export const PinHash = z.object({
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(4),
  salt: Base64.min(22),
  hash: Base64.min(43),
});
export type PinHash = z.infer<typeof PinHash>;

export const StaffAccount = z.object({
  /** HQ's staff id (the HR number); what the audit trail and an assisted order name. */
  id: Code,
  /** As the pillar shows it to the staff member ("Anna K."): no surname, no e-mail. */
  name: z.string().trim().min(1).max(40),
  role: StaffRole,
  pin: PinHash,
  /**
   * SHA-256 (hex) of the staff badge's barcode, when the staff member has one: scanning it picks the
   * account at the PIN pad. It identifies, never authenticates: the PIN is always asked.
   */
  badge: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The stores where this account may sign in; empty = every store of the chain (the chain's IT). */
  stores: z.array(LocationCode).max(500).default([]),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** `Settings.staff`: the accounts that may sign in at this store's pillars (store staff and the chain's IT). */
export const StaffSettings = z
  .object({
    accounts: z.array(StaffAccount).max(500),
    /** Staff mode ends by itself after this long without a touch. */
    idleSeconds: z.number().int().min(30).max(1800).default(120),
  })
  .default({ accounts: [], idleSeconds: 120 });
export type StaffSettings = z.infer<typeof StaffSettings>;

/**
 * What HQ may set on its pillars over their configuration files (issue 9): the same fields and limits as
 * the file's (electron/core/config/schema.ts), each optional — a value HQ leaves out is the file's.
 */
export const PillarOverrides = z.object({
  idle: z
    .object({
      attractAfterSeconds: z.number().int().min(30).max(900).optional(),
      warningSeconds: z.number().int().min(20).max(120).optional(),
    })
    .optional(),
  branding: z
    .object({
      name: z.string().trim().min(1).max(40).optional(),
      accent: z
        .string()
        .regex(HEX_COLOR, 'must be a colour written as #rrggbb')
        .refine((hex) => contrastRatio(hex, '#ffffff') >= AA_TEXT, `must be dark enough for white text on it (contrast at least ${AA_TEXT}:1, WCAG AA)`)
        .optional(),
    })
    .optional(),
  /** Applies only when it is one of the languages the pillar's file lists. */
  defaultLanguage: z.enum(LANGUAGES).optional(),
});
export type PillarOverrides = z.infer<typeof PillarOverrides>;

/** `Settings.pillar`: the chain's values, then a store's own (`byStore`) over them. */
export const PillarSettings = PillarOverrides.extend({
  byStore: z.record(LocationCode, PillarOverrides).default({}),
});
export type PillarSettings = z.infer<typeof PillarSettings>;

/**
 * Chain settings HQ publishes to a store's pillars (chain-wide values with the store's overrides
 * resolved by HQ). The orders, offers and staff issues read these; the kiosk caches them as sent.
 */
export const Settings = z.object({
  shipping: z.object({
    /** Home delivery is free when the variant is not in stock in this store. */
    freeWhenMissingInStore: z.boolean(),
    /** Otherwise this fee applies (minor units), unless the order reaches `freeAboveMinor`. */
    feeMinor: z.number().int().nonnegative(),
    freeAboveMinor: z.number().int().nonnegative().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** The same policy in another country's currency (a chain across borders), keyed by ISO 3166-1 alpha-2. */
    byCountry: z
      .record(
        z.string().regex(/^[A-Z]{2}$/),
        z.object({ feeMinor: z.number().int().nonnegative(), freeAboveMinor: z.number().int().nonnegative().nullable(), currency: z.string().regex(/^[A-Z]{3}$/) }),
      )
      .default({}),
  }),
  delivery: z.object({
    warehouseLeadDays: z.number().int().min(0).max(30),
    /** Orders before this local time leave the warehouse the same working day. */
    cutoff: Clock,
    carrierDays: z.object({ min: z.number().int().min(0).max(30), max: z.number().int().min(0).max(30) }),
    peaks: z.array(z.object({ from: z.iso.date(), to: z.iso.date(), extraDays: z.number().int().min(0).max(30) })).max(50),
    /** Public holidays per country (ISO 3166-1 alpha-2): no warehouse dispatch and no delivery on them. */
    holidays: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.iso.date()).max(200)).default({}),
  }),
  holds: z.object({ hours: z.number().int().min(1).max(24 * 14) }),
  returns: z.object({ days: z.number().int().min(0).max(365), free: z.boolean(), inStore: z.boolean(), byPost: z.boolean() }),
  /** The confirmation screen returns to the attract loop after this long (wiping everything typed). */
  checkout: z.object({ confirmationResetSeconds: z.number().int().min(15).max(600) }).default({ confirmationResetSeconds: 60 }),
  staff: StaffSettings,
  /**
   * Configuration pushed to the pillars (idle times, branding, default language). Optional rather than
   * defaulted: absent from older HQs and from every settings literal written before it, meaning "the files'".
   */
  pillar: PillarSettings.optional(),
});
export type Settings = z.infer<typeof Settings>;

const OfferTexts = z.object({ title: Text(80), body: z.string().max(600), terms: z.string().max(2000) });

/**
 * An offer as HQ publishes it (the offers issue builds what the pillar does with them). Check-in offers
 * reward a check-in, never a like: HQ refuses to publish like-gating (Facebook's platform rules).
 */
export const Offer = z.object({
  id: Code,
  kind: z.enum(['check-in', 'today-only', 'bundle']),
  /** Store codes it runs in; empty = every store of the chain. */
  stores: z.array(LocationCode).max(500),
  schedule: z.object({
    /** Local dates and times in the store's time zone. */
    start: z.iso.datetime({ local: true }),
    end: z.iso.datetime({ local: true }),
    /** 0 = Monday; absent = every day. */
    days: z.array(z.number().int().min(0).max(6)).max(7).optional(),
    hours: z.tuple([Clock, Clock]).optional(),
  }),
  texts: z
    .object(Object.fromEntries(LANGUAGES.map((lang) => [lang, OfferTexts.optional()])) as Record<(typeof LANGUAGES)[number], z.ZodOptional<typeof OfferTexts>>)
    .refine((texts) => texts.en !== undefined, { message: 'must have an English text ("en")', path: ['en'] }),
  discount: z.object({
    percent: z.number().int().min(1).max(90).optional(),
    amountMinor: z.number().int().positive().optional(),
    minSpendMinor: z.number().int().nonnegative().optional(),
    categories: z.array(Code).max(50).optional(),
  }),
  /** The codes shoppers get for it: valid this many hours after issue, or (absent) until the end of that local day. */
  coupon: z.object({ validHours: z.number().int().min(1).max(24 * 90).optional() }).optional(),
  checkIn: z
    .object({
      platform: z.enum(['facebook', 'instagram', 'tiktok']),
      /** What the shopper does for the reward: a check-in. Never a like (like-gating is banned). */
      action: z.literal('check-in', { error: 'an offer may reward a check-in, never a like or follow (platform rules)' }),
      url: z.url({ protocol: /^https$/, error: 'must be an https:// link' }),
    })
    .optional(),
}).superRefine((offer, ctx) => {
  if ((offer.discount.percent === undefined) === (offer.discount.amountMinor === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'must give either a percent or an amount', path: ['discount'] });
  }
  if ((offer.kind === 'check-in') !== (offer.checkIn !== undefined)) {
    ctx.addIssue({ code: 'custom', message: 'a check-in offer, and only one, names its platform and link', path: ['checkIn'] });
  }
  if (offer.schedule.start >= offer.schedule.end) ctx.addIssue({ code: 'custom', message: 'must start before it ends', path: ['schedule', 'end'] });
});
export type Offer = z.infer<typeof Offer>;
