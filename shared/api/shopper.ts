import { z } from 'zod';
import { Colour, StockStatus, StyleCode } from './catalog';
import { LanguageSchema } from './system';

/** Seven entries, Monday first: null (closed) or [opens, closes] in the store's local time. */
const OpeningHours = z.array(z.tuple([z.string(), z.string()]).nullable()).length(7);

export const StoresInput = z.object({ sku: z.string().min(1).max(64) }).strict();
export const StoreStock = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  /** 0 for this store. */
  distanceKm: z.number().nonnegative(),
  here: z.boolean(),
  quantity: z.number().int().positive(),
  openNow: z.boolean(),
  /** Today's hours in the store's time zone, or null when it is closed today. */
  today: z.tuple([z.string(), z.string()]).nullable(),
  openingHours: OpeningHours,
});
export type StoreStock = z.infer<typeof StoreStock>;
export const StoresOutput = z.object({
  styleCode: StyleCode,
  sku: z.string(),
  colourCode: z.string(),
  size: z.string(),
  status: StockStatus,
  /** This store first when it has it, then the nearby stores that do, nearest first. */
  stores: z.array(StoreStock),
  /** Units in the online warehouse (0 when none): free delivery when it is missing here. */
  online: z.number().int().nonnegative(),
});
export type StoresOutput = z.infer<typeof StoresOutput>;

export const FacetsInput = z.object({ lang: LanguageSchema, category: z.string().max(64).optional() }).strict();
export const FacetsOutput = z.object({
  /** Sizes in size order (XS … XXL, 36 … 46, W28L32 …). */
  sizes: z.array(z.string()),
  colours: z.array(Colour),
});
export type FacetsOutput = z.infer<typeof FacetsOutput>;

/** Where the shopper was when they called for help (for staff: "at the product page of NV-10042"). */
export const HelpInput = z
  .object({
    screen: z.enum(['attract', 'start', 'results', 'product', 'stores', 'bag', 'checkout', 'confirmation', 'other']),
    styleCode: StyleCode.optional(),
  })
  .strict();
export const HelpOutput = z.object({
  id: z.string(),
  createdAt: z.number().int(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
});
export type HelpOutput = z.infer<typeof HelpOutput>;

export const OffersInput = z
  .object({
    lang: LanguageSchema,
    /**
     * Only the offers that apply to this product (for its page): those whose discount names its category,
     * or names no categories (the whole store); a bundle also when it names the category of one of the
     * product's complements (buy this, get that for less). An unknown product has none.
     */
    styleCode: StyleCode.optional(),
  })
  .strict();
export const ActiveOffer = z.object({
  id: z.string(),
  kind: z.enum(['check-in', 'today-only', 'bundle']),
  title: z.string(),
  body: z.string(),
  terms: z.string(),
  /** Epoch ms when it stops running (today's closing of its hours, or its end date, whichever is first). */
  endsAt: z.number().int(),
  percent: z.number().int().optional(),
  amountMinor: z.number().int().optional(),
  checkIn: z.object({ platform: z.enum(['facebook', 'instagram', 'tiktok']), url: z.string() }).optional(),
});
export type ActiveOffer = z.infer<typeof ActiveOffer>;
