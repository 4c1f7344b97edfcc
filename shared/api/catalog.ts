import { z } from 'zod';
import { LanguageSchema } from './system';

/** HQ's style code, the product's identity in the API (e.g. `NV-10042`). */
export const StyleCode = z.string().min(1).max(40);

/** Where a shopper can get a product or variant, best first; always shown with words and an icon. */
export const StockStatus = z.enum(['here', 'nearby', 'online', 'soldout']);
export type StockStatus = z.infer<typeof StockStatus>;

export const Colour = z.object({ code: z.string(), hex: z.string(), name: z.string() });
export type Colour = z.infer<typeof Colour>;

export const ProductCard = z.object({
  styleCode: StyleCode,
  name: z.string(),
  brand: z.string(),
  category: z.object({ id: z.string(), name: z.string() }),
  price: z.object({ minor: z.number().int(), currency: z.string() }),
  rating: z.object({ average: z.number(), count: z.number().int() }),
  /** A media path (`demo/jeans-1-navy.svg`), served by the host under `/media/`. */
  image: z.string().nullable(),
  /** The first picture of each colour that has one, by colour code: a card filtered by colour shows that colour. */
  colourImages: z.record(z.string(), z.string()),
  colours: z.array(Colour),
  status: StockStatus,
});
export type ProductCard = z.infer<typeof ProductCard>;

const Filters = {
  category: z.string().max(64).optional(),
  sizes: z.array(z.string().max(32)).max(30).optional(),
  colours: z.array(z.string().max(32)).max(30).optional(),
  /** Only products with stock in this store now. */
  inStoreOnly: z.boolean().optional(),
};

export const SearchInput = z
  .object({
    /** Whatever the shopper typed; anything goes (hostile text gives results or nothing, never an error). */
    text: z.string().max(10_000),
    lang: LanguageSchema,
    ...Filters,
    limit: z.number().int().min(1).max(100).default(24),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();

export const SearchOutput = z.object({
  total: z.number().int(),
  items: z.array(ProductCard),
  /** The query as understood after typo correction, when it differs from what was typed. */
  corrected: z.string().optional(),
});
export type SearchOutput = z.infer<typeof SearchOutput>;

export const BarcodeInput = z.object({ code: z.string().max(64) }).strict();
export const BarcodeOutput = z.object({ styleCode: StyleCode, sku: z.string(), colourCode: z.string(), size: z.string() });

export const ProductInput = z.object({ styleCode: StyleCode, lang: LanguageSchema }).strict();
export const ProductDetail = ProductCard.extend({
  description: z.string(),
  /** Images per colour code. */
  images: z.record(z.string(), z.array(z.string())),
  sizes: z.array(z.string()),
  variants: z.array(z.object({ sku: z.string(), gtin: z.string(), colourCode: z.string(), size: z.string() })),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const NearbyStock = z.object({
  code: z.string(),
  name: z.string(),
  city: z.string(),
  distanceKm: z.number(),
  openNow: z.boolean(),
  quantity: z.number().int().positive(),
});

export const VariantAvailability = z.object({
  sku: z.string(),
  colourCode: z.string(),
  size: z.string(),
  status: StockStatus,
  /** Quantity in this store (0 when none). */
  here: z.number().int().nonnegative(),
  /** Nearby stores that have it, nearest first. */
  nearby: z.array(NearbyStock),
  /** Quantity in the online warehouse (0 when none). */
  online: z.number().int().nonnegative(),
});
export type VariantAvailability = z.infer<typeof VariantAvailability>;

export const AvailabilityInput = z.object({ styleCode: StyleCode }).strict();
export const AvailabilityOutput = z.object({
  styleCode: StyleCode,
  store: z.object({ code: z.string(), name: z.string() }),
  variants: z.array(VariantAvailability),
  /** How fresh the stock data is: the last successful sync (epoch ms), null if never synced. */
  lastSyncAt: z.number().nullable(),
});
export type AvailabilityOutput = z.infer<typeof AvailabilityOutput>;

export const RelatedInput = z
  .object({
    styleCode: StyleCode,
    lang: LanguageSchema,
    kind: z.enum(['complement', 'alternative']).default('complement'),
    limit: z.number().int().min(1).max(24).default(6),
  })
  .strict();

export const CategoriesInput = z.object({ lang: LanguageSchema }).strict();
export const CategoryTile = z.object({ id: z.string(), name: z.string(), productCount: z.number().int(), image: z.string().nullable() });
export type CategoryTile = z.infer<typeof CategoryTile>;
