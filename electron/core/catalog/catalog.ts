import type { Statement } from 'better-sqlite3';
import type {
  AvailabilityOutput,
  Colour,
  ProductCard,
  ProductDetail,
  SearchOutput,
  StockStatus,
  VariantAvailability,
} from '../../../shared/api/catalog';
import type { FacetsOutput, StoreStock, StoresOutput } from '../../../shared/api/shopper';
import type { Language } from '../../../shared/languages';
import { KioskError } from '../api/errors';
import type { Db } from '../db/open';
import { isValidGtin, normaliseGtin } from './barcode';
import { isOpenAt, localClock, readRegion, type Region } from './region';
import type { StockUpdate } from './facets';
import { CatalogSearch, type SearchOptions, type SearchQuery } from './search';

interface ProductRow {
  id: number;
  style_code: string;
  brand: string;
  category_id: string;
  price_minor: number;
  currency: string;
  rating_avg: number;
  rating_count: number;
  images: string;
}

interface VariantRow {
  id: number;
  sku: string;
  gtin: string;
  colour_code: string;
  size: string;
  size_sort: number;
}

type Names = Partial<Record<Language, string>>;

export interface CatalogOptions extends SearchOptions {
  /** This pillar's store: the home of the cached region. */
  storeCode: string;
  now?: () => Date;
}

/**
 * Every catalog query the kiosk answers from its own cache: search, barcode, product page, availability
 * across the region, related products. Statements are prepared once; small reference tables (colours,
 * categories, the region) are held in memory and re-read after a catalog sync, with the search index.
 *
 * Two ways to keep the in-memory state current. At once — `new Catalog()`, `refresh()`,
 * `stockChanged()` — for the CLI, benchmarks and tests: a full rebuild blocks for seconds at chain
 * scale. Or without blocking the event loop — `Catalog.open()`, `refreshAsync()`,
 * `stockChangedAsync()` — for the kiosk while sync applies deltas: the work runs in slices of a few
 * milliseconds, and searches answer from the previous index until the new one is swapped in whole.
 */
export class Catalog {
  readonly #db: Db;
  readonly #storeCode: string;
  readonly #now: () => Date;
  readonly #search: CatalogSearch;
  #region: Region | null = null;
  /** Best first: each status with its location ids as a JSON array, bound into `stockAt`. */
  #statusProbes: [StockStatus, string][] = [];
  #colours = new Map<string, { hex: string; names: Names }>();
  #categories = new Map<string, { sort: number; names: Names }>();
  /** Sizes and colour codes per category ('' = all): a scan of every variant, so kept until the catalog changes. */
  readonly #facetCache = new Map<string, { sizes: string[]; colours: string[] }>();
  readonly #q: Record<
    | 'productById'
    | 'productByStyle'
    | 'text'
    | 'variants'
    | 'stockOfProduct'
    | 'stockAt'
    | 'variantByGtin'
    | 'variantBySku'
    | 'related'
    | 'lastSync'
    | 'categoryCounts'
    | 'topOfCategory',
    Statement
  >;

  /** Builds the search index at once unless given one (`Catalog.open` builds it in slices). */
  constructor(db: Db, options: CatalogOptions, search?: CatalogSearch) {
    this.#db = db;
    this.#storeCode = options.storeCode;
    this.#now = options.now ?? (() => new Date());
    this.#q = {
      productById: db.prepare('SELECT * FROM products WHERE id = ?'),
      productByStyle: db.prepare('SELECT * FROM products WHERE style_code = ?'),
      text: db.prepare('SELECT name, description FROM product_texts WHERE product_id = ? AND lang = ?'),
      variants: db.prepare('SELECT id, sku, gtin, colour_code, size, size_sort FROM variants WHERE product_id = ? ORDER BY colour_code, size_sort'),
      stockOfProduct: db.prepare(
        'SELECT s.variant_id, s.location_id, s.quantity FROM variants v JOIN stock_now s ON s.variant_id = v.id WHERE v.product_id = ?',
      ),
      stockAt: db.prepare(
        'SELECT 1 FROM variants v JOIN stock_now s ON s.variant_id = v.id AND s.location_id IN (SELECT value FROM json_each(@locations)) WHERE v.product_id = @product LIMIT 1',
      ),
      variantByGtin: db.prepare(`${VARIANT_REF} WHERE v.gtin = ?`),
      variantBySku: db.prepare(`${VARIANT_REF} WHERE v.sku = ?`),
      related: db.prepare('SELECT related_id FROM related WHERE product_id = ? AND kind = ? ORDER BY score DESC'),
      lastSync: db.prepare("SELECT value FROM meta WHERE key = 'last_sync_at'"),
      categoryCounts: db.prepare('SELECT category_id, count(*) AS n FROM products GROUP BY category_id'),
      topOfCategory: db.prepare('SELECT images FROM products WHERE category_id = ? ORDER BY popularity DESC LIMIT 1'),
    };
    this.#search = search ?? new CatalogSearch(db, options);
    this.#readReference();
  }

  /** The catalog with its search index built in slices, the event loop free meanwhile. */
  static async open(db: Db, options: CatalogOptions): Promise<Catalog> {
    return new Catalog(db, options, await CatalogSearch.open(db, options));
  }

  /**
   * Re-reads everything held in memory after the catalog changed (a catalog sync): the region,
   * reference tables and the search index, at once. Stock-only changes need just `stockChanged`.
   */
  refresh(): void {
    this.#readReference();
    this.#search.refresh();
  }

  /**
   * `refresh` without blocking: the index is rebuilt in slices while the current one answers, then
   * swapped in with the reference tables. A call during a rebuild supersedes it; every call resolves
   * once an index read after it answers, and rejects if that rebuild failed (the old one stays).
   */
  async refreshAsync(): Promise<void> {
    await this.#search.refreshAsync();
    this.#readReference();
  }

  /**
   * Keeps "in this store now" in search current after stock deltas for these variants; answers the
   * style codes of their products (each once, all of them: the `catalog.stockChanged` event carries
   * at most 5,000 per event).
   */
  stockChanged(variantIds: readonly number[]): StockUpdate {
    return this.#search.updateStock(variantIds);
  }

  /** `stockChanged` for changes the sync thread described in full (`Applied.stock`), from memory: see `Search.applyStockLevels`. */
  stockLevelsChanged(pairs: ArrayLike<number>): StockUpdate & { unplaced: number[] } {
    return this.#search.applyStockLevels(pairs);
  }

  /** `stockChanged` in slices of one statement each, the event loop free in between. */
  stockChangedAsync(variantIds: readonly number[]): Promise<StockUpdate> {
    return this.#search.updateStockAsync(variantIds);
  }

  /** Stops a rebuild or stock update under way (before the database is closed or swapped). */
  close(): void {
    this.#search.close();
  }

  #readReference(): void {
    this.#facetCache.clear();
    this.#region = readRegion(this.#db, this.#storeCode);
    const region = this.#region;
    const probes: [StockStatus, number[]][] = region
      ? [
          ['here', [region.home.id]],
          ['nearby', region.nearby.map((store) => store.id)],
          ['online', region.warehouse ? [region.warehouse.id] : []],
        ]
      : [];
    this.#statusProbes = probes.filter(([, ids]) => ids.length > 0).map(([status, ids]) => [status, JSON.stringify(ids)]);
    this.#colours = new Map(
      (this.#db.prepare('SELECT code, hex, names FROM colours').all() as { code: string; hex: string; names: string }[]).map(
        (r) => [r.code, { hex: r.hex, names: JSON.parse(r.names) as Names }],
      ),
    );
    this.#categories = new Map(
      (this.#db.prepare('SELECT id, sort, names FROM categories').all() as { id: string; sort: number; names: string }[]).map(
        (r) => [r.id, { sort: r.sort, names: JSON.parse(r.names) as Names }],
      ),
    );
  }

  get ready(): boolean {
    return this.#region !== null;
  }

  /** The ids of the products a query finds, best first — the search alone, without product cards. */
  searchIds(query: SearchQuery): number[] {
    this.#requireRegion();
    return this.#search.search(query).items.map((item) => item.productId);
  }

  search(query: SearchQuery): SearchOutput {
    this.#requireRegion();
    const found = this.#search.search(query);
    const items = found.items.map((item) => this.#card(this.#productById(item.productId), query.lang));
    return { total: found.total, items, ...(found.corrected ? { corrected: found.corrected } : {}) };
  }

  byBarcode(input: string): { styleCode: string; sku: string; colourCode: string; size: string } {
    const code = normaliseGtin(input);
    if (!isValidGtin(code)) throw new KioskError('INVALID_BARCODE', 'Not a valid GTIN/EAN code');
    return variantRef(this.#q.variantByGtin.get(code), 'No product has that code');
  }

  /** The variant with this SKU, as the barcode lookup answers. */
  bySku(sku: string): { styleCode: string; sku: string; colourCode: string; size: string } {
    return variantRef(this.#q.variantBySku.get(sku), 'No variant has that SKU');
  }

  product(styleCode: string, lang: Language): ProductDetail {
    this.#requireRegion();
    const product = this.#productByStyle(styleCode);
    const variants = this.#q.variants.all(product.id) as VariantRow[];
    const card = this.#card(product, lang, variants);
    const sizes = [...new Map(variants.map((v) => [v.size, v.size_sort])).entries()].sort((a, b) => a[1] - b[1]).map(([size]) => size);
    return {
      ...card,
      description: this.#text(product.id, lang).description,
      images: JSON.parse(product.images) as Record<string, string[]>,
      sizes,
      variants: variants.map((v) => ({ sku: v.sku, gtin: v.gtin, colourCode: v.colour_code, size: v.size })),
    };
  }

  availability(styleCode: string): AvailabilityOutput {
    const region = this.#requireRegion();
    const product = this.#productByStyle(styleCode);
    const variants = this.#q.variants.all(product.id) as VariantRow[];
    const stock = this.#stockByVariant(product.id);
    const now = this.#now();
    // One clock reading per time zone, not per store.
    const clocks = new Map<string, ReturnType<typeof localClock>>();
    const clockOf = (zone: string): ReturnType<typeof localClock> => {
      let clock = clocks.get(zone);
      if (!clock) clocks.set(zone, (clock = localClock(zone, now)));
      return clock;
    };
    const nearbyById = new Map(region.nearby.map((store) => [store.id, { store, openNow: isOpenAt(store, now, clockOf(store.timeZone)) }]));

    const result: VariantAvailability[] = variants.map((variant) => {
      let here = 0;
      let online = 0;
      const nearby: VariantAvailability['nearby'] = [];
      for (const [locationId, quantity] of stock.get(variant.id) ?? []) {
        if (locationId === region.home.id) here = quantity;
        else if (locationId === region.warehouse?.id) online = quantity;
        else {
          const near = nearbyById.get(locationId);
          if (!near) continue; // outside this pillar's region
          const { store, openNow } = near;
          nearby.push({ code: store.code, name: store.name, city: store.city, distanceKm: store.distanceKm, openNow, quantity });
        }
      }
      nearby.sort((a, b) => a.distanceKm - b.distanceKm);
      const status: StockStatus = here > 0 ? 'here' : nearby.length > 0 ? 'nearby' : online > 0 ? 'online' : 'soldout';
      return { sku: variant.sku, colourCode: variant.colour_code, size: variant.size, status, here, nearby, online };
    });
    return { styleCode, store: { code: region.home.code, name: region.home.name }, variants: result, lastSyncAt: this.lastSyncAt() };
  }

  /** For one variant: this store when it has it, then the nearby stores that do (nearest first), and online. */
  stores(sku: string): StoresOutput {
    const region = this.#requireRegion();
    const ref = this.bySku(sku);
    const product = this.#productByStyle(ref.styleCode);
    const variant = (this.#q.variants.all(product.id) as VariantRow[]).find((v) => v.sku === sku);
    const levels = (variant && this.#stockByVariant(product.id).get(variant.id)) || [];
    const now = this.#now();
    const quantities = new Map(levels);
    const stores: StoreStock[] = [];
    for (const store of [{ ...region.home, distanceKm: 0 }, ...region.nearby]) {
      const quantity = quantities.get(store.id) ?? 0;
      if (quantity <= 0) continue;
      const clock = localClock(store.timeZone, now);
      stores.push({
        code: store.code,
        name: store.name,
        address: store.address,
        postalCode: store.postalCode,
        city: store.city,
        phone: store.phone,
        distanceKm: store.distanceKm,
        here: store.id === region.home.id,
        quantity,
        openNow: isOpenAt(store, now, clock),
        today: store.openingHours[clock.day] ?? null,
        openingHours: store.openingHours,
      });
    }
    const online = region.warehouse ? (quantities.get(region.warehouse.id) ?? 0) : 0;
    const here = stores[0]?.here === true;
    const status: StockStatus = here ? 'here' : stores.length > 0 ? 'nearby' : online > 0 ? 'online' : 'soldout';
    return { styleCode: ref.styleCode, sku, colourCode: ref.colourCode, size: ref.size, status, stores, online };
  }

  /** The sizes (in size order) and colours to filter by, in the catalog or one category; held until the next refresh. */
  facets(lang: Language, category?: string): FacetsOutput {
    const key = category ?? '';
    let found = this.#facetCache.get(key);
    if (!found) {
      const where = category === undefined ? '' : 'WHERE p.category_id = ?';
      const args = category === undefined ? [] : [category];
      const sizes = this.#db
        .prepare(`SELECT v.size FROM variants v JOIN products p ON p.id = v.product_id ${where} GROUP BY v.size ORDER BY min(v.size_sort), v.size`)
        .pluck()
        .all(...args) as string[];
      const colours = this.#db.prepare(`SELECT DISTINCT v.colour_code FROM variants v JOIN products p ON p.id = v.product_id ${where}`).pluck().all(...args) as string[];
      found = { sizes, colours: colours.sort() };
      this.#facetCache.set(key, found);
    }
    return {
      sizes: found.sizes,
      colours: found.colours.flatMap((code) => {
        const colour = this.#colours.get(code);
        return colour ? [{ code, hex: colour.hex, name: pick(colour.names, lang, code) }] : [];
      }),
    };
  }

  related(styleCode: string, lang: Language, kind: 'complement' | 'alternative', limit: number): ProductCard[] {
    this.#requireRegion();
    const product = this.#productByStyle(styleCode);
    const cards: ProductCard[] = [];
    for (const { related_id } of this.#q.related.all(product.id, kind) as { related_id: number }[]) {
      const card = this.#card(this.#productById(related_id), lang);
      // Only what the shopper can actually get: in stock here, nearby or online.
      if (card.status !== 'soldout') cards.push(card);
      if (cards.length >= limit) break;
    }
    return cards;
  }

  categories(lang: Language): { id: string; name: string; productCount: number; image: string | null }[] {
    const counts = new Map((this.#q.categoryCounts.all() as { category_id: string; n: number }[]).map((r) => [r.category_id, r.n]));
    return [...this.#categories.entries()]
      .sort((a, b) => a[1].sort - b[1].sort)
      .map(([id, category]) => {
        const top = this.#q.topOfCategory.get(id) as { images: string } | undefined;
        return { id, name: pick(category.names, lang, id), productCount: counts.get(id) ?? 0, image: top ? firstImage(top.images) : null };
      });
  }

  lastSyncAt(): number | null {
    const row = this.#q.lastSync.get() as { value: string } | undefined;
    return row ? Number(row.value) : null;
  }

  #card(product: ProductRow, lang: Language, variants?: VariantRow[]): ProductCard {
    const list = variants ?? (this.#q.variants.all(product.id) as VariantRow[]);
    const colourCodes = [...new Set(list.map((v) => v.colour_code))];
    return {
      styleCode: product.style_code,
      name: this.#text(product.id, lang).name,
      brand: product.brand,
      category: { id: product.category_id, name: pick(this.#categories.get(product.category_id)?.names ?? {}, lang, product.category_id) },
      price: { minor: product.price_minor, currency: product.currency },
      rating: { average: product.rating_avg, count: product.rating_count },
      image: firstImage(product.images),
      colourImages: firstImageOfEachColour(product.images),
      colours: colourCodes.map((code) => this.#colour(code, lang)),
      status: this.#bestStatus(product.id),
    };
  }

  /**
   * The best place the shopper can get any variant of a product: a primary-key probe per variant at
   * home, then at the nearby stores, then the warehouse — cheaper than reading all its stock rows.
   */
  #bestStatus(productId: number): StockStatus {
    this.#requireRegion();
    for (const [status, locations] of this.#statusProbes) {
      if (this.#q.stockAt.get({ product: productId, locations })) return status;
    }
    return 'soldout';
  }

  #stockByVariant(productId: number): Map<number, [number, number][]> {
    const byVariant = new Map<number, [number, number][]>();
    for (const row of this.#q.stockOfProduct.all(productId) as { variant_id: number; location_id: number; quantity: number }[]) {
      let list = byVariant.get(row.variant_id);
      if (!list) byVariant.set(row.variant_id, (list = []));
      list.push([row.location_id, row.quantity]);
    }
    return byVariant;
  }

  #colour(code: string, lang: Language): Colour {
    const colour = this.#colours.get(code);
    return { code, hex: colour?.hex ?? '#999999', name: pick(colour?.names ?? {}, lang, code) };
  }

  #text(productId: number, lang: Language): { name: string; description: string } {
    const text = (this.#q.text.get(productId, lang) ?? this.#q.text.get(productId, 'en')) as { name: string; description: string } | undefined;
    return text ?? { name: '', description: '' };
  }

  #productByStyle(styleCode: string): ProductRow {
    const row = this.#q.productByStyle.get(styleCode) as ProductRow | undefined;
    if (!row) throw new KioskError('NOT_FOUND', 'No product with that style code');
    return row;
  }

  #productById(id: number): ProductRow {
    return this.#q.productById.get(id) as ProductRow;
  }

  #requireRegion(): Region {
    if (!this.#region) throw new KioskError('UNAVAILABLE', 'The catalog for this store has not been loaded yet');
    return this.#region;
  }
}

const VARIANT_REF = 'SELECT v.sku, v.colour_code, v.size, p.style_code FROM variants v JOIN products p ON p.id = v.product_id';

function variantRef(row: unknown, notFound: string): { styleCode: string; sku: string; colourCode: string; size: string } {
  const ref = row as { sku: string; colour_code: string; size: string; style_code: string } | undefined;
  if (!ref) throw new KioskError('NOT_FOUND', notFound);
  return { styleCode: ref.style_code, sku: ref.sku, colourCode: ref.colour_code, size: ref.size };
}

function pick(names: Names, lang: Language, fallback: string): string {
  return names[lang] ?? names.en ?? fallback;
}

function firstImageOfEachColour(imagesJson: string): Record<string, string> {
  const images = JSON.parse(imagesJson) as Record<string, string[]>;
  const first: Record<string, string> = {};
  for (const [colour, list] of Object.entries(images)) if (list[0]) first[colour] = list[0];
  return first;
}

function firstImage(imagesJson: string): string | null {
  const images = JSON.parse(imagesJson) as Record<string, string[]>;
  for (const list of Object.values(images)) if (list[0]) return list[0];
  return null;
}
