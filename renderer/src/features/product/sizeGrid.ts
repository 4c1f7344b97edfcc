import type { AvailabilityOutput, ProductDetail, StockStatus, VariantAvailability } from '../../../../shared/api/catalog';

type NearbyStore = VariantAvailability['nearby'][number];

/** One size of the chosen colour, as the size grid shows it. */
export interface SizeCell {
  size: string;
  /** Null when the product is not made in this size and colour. */
  sku: string | null;
  /** Where the shopper can get it; null while stock is unknown (not read yet, or the read failed). */
  status: StockStatus | null;
  /** Units in this store. */
  here: number;
  /** Units in the online warehouse. */
  online: number;
  /** How many nearby stores have it. */
  nearbyCount: number;
  /** The store to send the shopper to when it is not here (see `nearestStore`). */
  nearest: NearbyStore | null;
}

/**
 * The store a shopper is pointed to: the nearest one. Between stores equally far, one open now wins,
 * then the one with more units (more likely still there when they arrive), then the name, so the
 * choice never flickers between renders.
 */
export function nearestStore(stores: readonly NearbyStore[]): NearbyStore | null {
  let best: NearbyStore | null = null;
  for (const store of stores) {
    if (best === null || compareStores(store, best) < 0) best = store;
  }
  return best;
}

function compareStores(a: NearbyStore, b: NearbyStore): number {
  return a.distanceKm - b.distanceKm || Number(b.openNow) - Number(a.openNow) || b.quantity - a.quantity || a.name.localeCompare(b.name);
}

/** Every size of the product in size order, for one colour, with where each can be had. */
export function sizeCells(detail: ProductDetail, availability: AvailabilityOutput | null, colourCode: string): SizeCell[] {
  const bySku = new Map((availability?.styleCode === detail.styleCode ? availability.variants : []).map((v) => [v.sku, v]));
  return detail.sizes.map((size) => {
    const variant = detail.variants.find((v) => v.colourCode === colourCode && v.size === size);
    if (!variant) return { size, sku: null, status: null, here: 0, online: 0, nearbyCount: 0, nearest: null };
    const stock = bySku.get(variant.sku);
    if (!stock) return { size, sku: variant.sku, status: null, here: 0, online: 0, nearbyCount: 0, nearest: null };
    return {
      size,
      sku: variant.sku,
      status: stock.status,
      here: stock.here,
      online: stock.online,
      nearbyCount: stock.nearby.length,
      nearest: nearestStore(stock.nearby),
    };
  });
}

/** What the product page shows as chosen: a colour always, a size only once the shopper (or a scan) picked one. */
export interface Selection {
  colourCode: string;
  sku: string | null;
}

/**
 * The selection a route asks for, made valid for this product: a scanned SKU decides the colour; else
 * the requested colour; else the colour of the product's main picture (the one its card showed); else
 * the first. A SKU or colour the product does not have is ignored rather than breaking the page.
 */
export function selectionOf(detail: ProductDetail, wanted: { colourCode?: string | undefined; sku?: string | undefined }): Selection {
  const variant = wanted.sku ? detail.variants.find((v) => v.sku === wanted.sku) : undefined;
  if (variant) return { colourCode: variant.colourCode, sku: variant.sku };
  const has = (code: string | undefined): code is string => code !== undefined && detail.colours.some((c) => c.code === code);
  if (has(wanted.colourCode)) return { colourCode: wanted.colourCode, sku: null };
  const pictured = Object.entries(detail.images).find(([, paths]) => paths.includes(detail.image ?? ''))?.[0];
  if (has(pictured)) return { colourCode: pictured, sku: null };
  return { colourCode: detail.colours[0]?.code ?? detail.variants[0]?.colourCode ?? '', sku: null };
}

/**
 * Another colour chosen: the same size stays chosen when the product comes in it, so a shopper
 * comparing colours does not have to pick their size again.
 */
export function switchColour(detail: ProductDetail, current: Selection, colourCode: string): Selection {
  const size = current.sku ? detail.variants.find((v) => v.sku === current.sku)?.size : undefined;
  const same = size === undefined ? undefined : detail.variants.find((v) => v.colourCode === colourCode && v.size === size);
  return { colourCode, sku: same?.sku ?? null };
}

/** A colour the chosen size is still to be had in, for a size sold out in the colour the shopper chose. */
export interface OtherColour {
  colourCode: string;
  name: string;
  sku: string;
  status: Exclude<StockStatus, 'soldout'>;
}

/** The same size in the product's other colours, best first (here, then nearby, then online); sold out ones left out. */
export function sameSizeInOtherColours(detail: ProductDetail, availability: AvailabilityOutput | null, colourCode: string, size: string): OtherColour[] {
  if (availability?.styleCode !== detail.styleCode) return [];
  const rank: Record<StockStatus, number> = { here: 0, nearby: 1, online: 2, soldout: 3 };
  const found: OtherColour[] = [];
  for (const stock of availability.variants) {
    if (stock.size !== size || stock.colourCode === colourCode || stock.status === 'soldout') continue;
    const name = detail.colours.find((colour) => colour.code === stock.colourCode)?.name;
    if (name !== undefined) found.push({ colourCode: stock.colourCode, name, sku: stock.sku, status: stock.status });
  }
  return found.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The gallery's pictures: each colour's in colour order, so swiping walks through the colours. */
export function galleryOf(detail: ProductDetail): { colourCode: string; path: string }[] {
  return detail.colours.flatMap((colour) => (detail.images[colour.code] ?? []).map((path) => ({ colourCode: colour.code, path })));
}
