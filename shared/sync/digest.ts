import { LANGUAGES } from '../languages';
import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from './entities';
import type { Region } from './protocol';

/**
 * A region's state as canonical text lines, for comparing a pillar's cache with HQ: both sides hash
 * these lines (SHA-256, each line followed by "\n") and equal hashes mean equal content. The fault
 * harness uses it to prove a cache always equals HQ's state at its cursor, never a mix.
 *
 * Callers pass each table sorted by its key (location code, category id, colour code, style code,
 * SKU then location, offer id); this module fixes everything else: key order, the order of a product's
 * texts, variants and relations, and how absent values are written.
 */
export interface RegionState {
  region: Region;
  locations: Iterable<Location>;
  categories: Iterable<Category>;
  colours: Iterable<Colour>;
  products: Iterable<Product>;
  stock: Iterable<StockTuple>;
  offers: Iterable<Offer>;
  settings: Settings | null;
}

export function* canonicalLines(state: RegionState): Generator<string> {
  yield `region ${JSON.stringify([state.region.home, state.region.nearby, state.region.warehouse])}`;
  for (const l of state.locations) {
    yield `location ${JSON.stringify([l.code, l.kind, l.name, l.address, l.postalCode, l.city, l.country, l.lat, l.lon, l.timeZone, l.phone, l.openingHours])}`;
  }
  for (const c of state.categories) yield `category ${JSON.stringify([c.id, c.sort, names(c.names)])}`;
  for (const c of state.colours) yield `colour ${JSON.stringify([c.code, c.hex.toLowerCase(), names(c.names)])}`;
  for (const p of state.products) yield `product ${canonicalProduct(p)}`;
  for (const [sku, location, quantity, changedAt] of state.stock) {
    // A level of zero is "none": HQ may keep the row, the pillar keeps none.
    if (quantity > 0) yield `stock ${sku} ${location} ${quantity} ${changedAt}`;
  }
  for (const o of state.offers) yield `offer ${canonicalJson(o)}`;
  yield `settings ${state.settings ? canonicalJson(state.settings) : 'null'}`;
}

export function canonicalProduct(p: Product): string {
  return JSON.stringify([
    p.styleCode,
    p.brand,
    p.categoryId,
    p.priceMinor,
    p.currency,
    p.ratingAvg,
    p.ratingCount,
    p.popularity,
    Object.keys(p.images)
      .sort()
      .map((colour) => [colour, p.images[colour]]),
    LANGUAGES.map((lang) => (p.texts[lang] ? [p.texts[lang].name, p.texts[lang].description] : null)),
    [...p.variants].sort((a, b) => compare(a.sku, b.sku)).map((v) => [v.sku, v.gtin, v.colourCode, v.size, v.sizeSort]),
    [...p.related].sort((a, b) => compare(a.kind, b.kind) || compare(a.styleCode, b.styleCode)).map((r) => [r.kind, r.styleCode, r.score]),
  ]);
}

function names(n: Partial<Record<string, string>>): (string | null)[] {
  return LANGUAGES.map((lang) => n[lang] ?? null);
}

/** JSON with object keys sorted at every level, so two equal values always print the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compare(a, b)))
      : v,
  );
}

/** Code-unit order, the same as SQLite's default BINARY collation: both sides sort alike. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
