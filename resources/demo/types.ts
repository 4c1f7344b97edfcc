import type { DemoLocation, DemoRegion } from './stores';
import type { CategoryId, DemoCategory, DemoColour, Lang } from './words';

/** The shapes the demo generator yields: what HQ would publish for the NORRVIK chain. */
export type DemoScale = 'demo' | 'full';

export interface DemoVariant {
  sku: string;
  /** EAN-13, unique across the chain. */
  gtin: string;
  colourCode: string;
  size: string;
  sizeSort: number;
}

export interface DemoProduct {
  styleCode: string;
  brand: string;
  categoryId: CategoryId;
  /** SEK in öre: 29900 is 299 kr. */
  priceMinor: number;
  currency: 'SEK';
  /** 0 when nobody has rated it yet, otherwise 1–5 with one decimal. */
  ratingAvg: number;
  ratingCount: number;
  popularity: number;
  texts: Record<Lang, { name: string; description: string }>;
  /** Colour code → media paths, e.g. `{ navy: ['demo/knitwear-0-navy.svg'] }`. */
  images: Record<string, string[]>;
  variants: DemoVariant[];
}

export interface DemoStockRow {
  sku: string;
  locationCode: string;
  /** Always > 0: a variant with none at a location has no row there. */
  quantity: number;
  /** Epoch ms. */
  changedAt: number;
}

export interface DemoRelatedRow {
  styleCode: string;
  kind: 'complement' | 'alternative';
  relatedStyleCode: string;
  /** 0–1, higher is a better match. */
  score: number;
}

export interface DemoChain {
  scale: DemoScale;
  seed: number;
  productCount: number;
  /** Stores first, in a fixed order, then the online warehouse. */
  locations: DemoLocation[];
  categories: DemoCategory[];
  colours: DemoColour[];
  /** Products in style-code order, each with its variants. */
  products(): Generator<DemoProduct>;
  /**
   * Stock, sparse, ordered by variant (in `products()` order) and then by location (in `locations`
   * order). `onlyAt` limits it to some location codes; the rows there are the same as without it.
   */
  stock(onlyAt?: Iterable<string>): Generator<DemoStockRow>;
  /** Per product: 3–6 complements from categories that go with it, 2–4 alternatives from its own. */
  related(): Generator<DemoRelatedRow>;
  /** The stores and warehouse a pillar in `home` caches (see `regionFor`); the flagship by default. */
  region(home?: string): DemoRegion;
}
