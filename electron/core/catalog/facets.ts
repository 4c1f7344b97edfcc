import type { Db } from '../db/open';
import { LOOP_STEP, type Sliced, identity, runNow, sortSliced } from './timeSlice';

/**
 * What search knows of each product besides its words, for filtering and ordering: its number in
 * browse order (by quality: rating and popularity), category, quality, and per variant its colour, size
 * and whether this store has it in stock. Read from the catalog once into typed arrays (`loadFacets`),
 * kept current for stock by `HomeStock`, tested per candidate by `Filter`.
 */

/** The filters of a search query. */
export interface FacetQuery {
  category?: string;
  /** Any of these sizes (e.g. 'M', 'W32 L32', '42'). */
  sizes?: string[];
  /** Any of these colour codes. */
  colours?: string[];
  /** Only products with stock in this store now. */
  inStoreOnly?: boolean;
}

export interface Facets {
  count: number;
  /** By dense index: products are numbered in browse order (quality, then popularity). */
  ids: Int32Array;
  styleCodes: string[];
  quality: Float64Array;
  category: Int32Array;
  denseOf: Map<number, number>;
  categoryIndex: Map<string, number>;
  colourIndex: Map<string, number>;
  sizeIndex: Map<string, number>;
  /** Variants of product d are v in [varStart[d], varStart[d + 1]), in the order of `VARIANT_ORDER`. */
  varStart: Uint32Array;
  /** The variant's id: where a stock delta for it lands. */
  varIds: Int32Array;
  /** By variant id: its product's dense index plus one (0: a variant newer than these facets). */
  denseOfVariant: Int32Array;
  varColour: Uint16Array;
  varSize: Uint16Array;
  varHome: Uint8Array;
  /** Per product, one bit per colour / size (hashed into 32): rejects most products without a variant loop. */
  colourBits: Uint32Array;
  sizeBits: Uint32Array;
  home: Uint8Array;
  homeLocationId: number | null;
}

const VARIANT_ORDER = 'ORDER BY product_id, colour_code, size_sort, id';
const bit = (index: number): number => 1 << (index & 31);

function homeLocationId(db: Db): number | null {
  const region = db.prepare("SELECT value FROM meta WHERE key = 'region'").pluck().get() as string | undefined;
  if (!region) return null;
  const home = (JSON.parse(region) as { home?: unknown }).home;
  if (typeof home !== 'string') return null;
  return (db.prepare('SELECT id FROM locations WHERE code = ?').pluck().get(home) as number | undefined) ?? null;
}

/**
 * The products as read, in id order, column by column: plain arrays of numbers are one object each
 * for the garbage collector, where a hundred thousand row objects would be copied by every young-
 * generation collection during the read (pauses of tens of milliseconds).
 */
interface ProductColumns {
  ids: number[];
  styleCodes: string[];
  categories: number[];
  popularity: number[];
  ratingAvg: number[];
  ratingCount: number[];
}

/** Products per read, and the products whose variants are read per statement: each read a millisecond or two. */
const PRODUCT_PAGE = 256;
const VARIANT_PAGE = 32;

/** Whether a variant has stock at the home location: primary-key probes of the recent and the folded stock. */
const HOME_FLAG = 'EXISTS (SELECT 1 FROM stock_now s WHERE s.variant_id = v.id AND s.location_id = @home)';

export function loadFacets(db: Db): Facets {
  return runNow(facetsBuilding(db));
}

/** `loadFacets`, pausing every few hundred microseconds (see timeSlice.ts). */
export function* facetsBuilding(db: Db): Sliced<Facets> {
  const categoryIndex = new Map<string, number>();
  const products = yield* productsReading(db, categoryIndex);
  const { ids, popularity } = products;
  const count = ids.length;
  const quality = yield* qualities(products);
  const order = yield* sortSliced(identity(count), (a, b) => {
    const qa = quality[a] ?? 0;
    const qb = quality[b] ?? 0;
    if (qa !== qb) return qa > qb;
    const pa = popularity[a] ?? 0;
    const pb = popularity[b] ?? 0;
    return pa !== pb ? pa > pb : (ids[a] ?? 0) < (ids[b] ?? 0);
  });
  const facets: Facets = {
    count,
    ids: new Int32Array(count),
    styleCodes: new Array<string>(count),
    quality: new Float64Array(count),
    category: new Int32Array(count),
    denseOf: new Map(),
    categoryIndex,
    colourIndex: new Map(),
    sizeIndex: new Map(),
    varStart: new Uint32Array(count + 1),
    varIds: new Int32Array(0),
    denseOfVariant: new Int32Array(0),
    varColour: new Uint16Array(0),
    varSize: new Uint16Array(0),
    varHome: new Uint8Array(0),
    colourBits: new Uint32Array(count),
    sizeBits: new Uint32Array(count),
    home: new Uint8Array(count),
    homeLocationId: homeLocationId(db),
  };
  for (let d = 0; d < count; d++) {
    const i = order[d] ?? 0;
    const id = ids[i] ?? 0;
    facets.ids[d] = id;
    facets.styleCodes[d] = products.styleCodes[i] ?? '';
    facets.quality[d] = quality[i] ?? 0;
    facets.category[d] = products.categories[i] ?? 0;
    facets.denseOf.set(id, d);
    if ((d & 4095) === 0) yield;
  }
  yield* variantsLoading(db, facets, ids);
  return facets;
}

function* productsReading(db: Db, categoryIndex: Map<string, number>): Sliced<ProductColumns> {
  const columns: ProductColumns = { ids: [], styleCodes: [], categories: [], popularity: [], ratingAvg: [], ratingCount: [] };
  const page = db.prepare('SELECT id, style_code, category_id, popularity, rating_avg, rating_count FROM products WHERE id > ? ORDER BY id LIMIT ?').raw();
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = page.all(after, PRODUCT_PAGE) as [number, string, string, number, number, number][];
    for (const [id, styleCode, category, popularity, ratingAvg, ratingCount] of rows) {
      columns.ids.push(id);
      columns.styleCodes.push(styleCode);
      columns.categories.push(numbered(categoryIndex, category));
      columns.popularity.push(popularity);
      columns.ratingAvg.push(ratingAvg);
      columns.ratingCount.push(ratingCount);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PRODUCT_PAGE) return columns;
    after = last[0];
    yield;
  }
}

/** Rating and popularity in one number in [0, 1): a Bayesian average rating and a popularity percentile. */
function* qualities(products: ProductColumns): Sliced<Float64Array> {
  const { popularity, ratingAvg, ratingCount } = products;
  const count = popularity.length;
  let ratedCount = 0;
  let ratingSum = 0;
  const byPopularity = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    byPopularity[i] = popularity[i] ?? 0;
    if ((ratingCount[i] ?? 0) > 0) {
      ratedCount++;
      ratingSum += ratingAvg[i] ?? 0;
    }
  }
  const priorMean = ratedCount ? ratingSum / ratedCount : 3.5;
  const priorWeight = 10;
  yield;
  // The engine's numeric sort of a typed array: a few milliseconds for a hundred thousand products.
  byPopularity.sort();
  yield;
  const below = (value: number): number => {
    let lo = 0;
    let hi = byPopularity.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((byPopularity[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const quality = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const ratings = ratingCount[i] ?? 0;
    const rating = ((ratingAvg[i] ?? 0) * ratings + priorMean * priorWeight) / (ratings + priorWeight);
    const percentile = count > 1 ? below(popularity[i] ?? 0) / (count - 1) : 1;
    quality[i] = 0.999 * (0.6 * percentile + 0.4 * (rating / 5));
    if ((i & 4095) === 0) yield;
  }
  return quality;
}

function numbered(index: Map<string, number>, value: string): number {
  let n = index.get(value);
  if (n === undefined) index.set(value, (n = index.size));
  return n;
}

/** A typed array that grows as rows arrive (variants are counted only as they are read). */
function grown<A extends Uint8Array | Uint16Array | Int32Array>(array: A, make: (length: number) => A, atLeast: number): A {
  if (atLeast <= array.length) return array;
  const bigger = make(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * Every variant's id, colour, size and "in stock here", read a few products at a time in
 * `VARIANT_ORDER` (the order of the `variants_by_product` index), then placed product by product in
 * browse order. Each row comes as one string, split here: a row of one value is several times cheaper
 * to read than a row of five, and a catalog's colour and size combinations repeat, so each is decoded
 * once.
 */
function* variantsLoading(db: Db, facets: Facets, productIds: readonly number[]): Sliced<void> {
  const page = db
    .prepare(
      `SELECT v.product_id || char(9) || v.id || char(9) || v.colour_code || char(9) || v.size || char(9) || ${HOME_FLAG}
       FROM variants v WHERE v.product_id BETWEEN @first AND @last ${VARIANT_ORDER}`,
    )
    .pluck();
  const decoded = new Map<string, [colour: number, size: number, home: number]>();
  const decode = (key: string): [number, number, number] => {
    let value = decoded.get(key);
    if (!value) {
      const [colour = '', size = '', home] = key.split('\t');
      decoded.set(key, (value = [numbered(facets.colourIndex, colour), numbered(facets.sizeIndex, size), home === '1' ? 1 : 0]));
    }
    return value;
  };

  // In read order, per variant: its product's dense number, id, colour, size and home flag.
  let slots = 0;
  let dense = new Int32Array(1 << 16);
  let variantIds = new Int32Array(1 << 16);
  let colours = new Uint16Array(1 << 16);
  let sizes = new Uint16Array(1 << 16);
  let homes = new Uint8Array(1 << 16);
  const home = facets.homeLocationId ?? -1;
  let maxId = 0;
  for (let i = 0; i < productIds.length; i += VARIANT_PAGE) {
    const first = productIds[i] ?? 0;
    const last = productIds[Math.min(productIds.length, i + VARIANT_PAGE) - 1] ?? 0;
    const keys = page.all({ first, last, home }) as string[];
    const needed = slots + keys.length;
    dense = grown(dense, (n) => new Int32Array(n), needed);
    variantIds = grown(variantIds, (n) => new Int32Array(n), needed);
    colours = grown(colours, (n) => new Uint16Array(n), needed);
    sizes = grown(sizes, (n) => new Uint16Array(n), needed);
    homes = grown(homes, (n) => new Uint8Array(n), needed);
    for (const key of keys) {
      const tab = key.indexOf('\t');
      const tab2 = key.indexOf('\t', tab + 1);
      const [colour, size, flag] = decode(key.slice(tab2 + 1));
      dense[slots] = facets.denseOf.get(Number(key.slice(0, tab))) ?? -1;
      const variantId = Number(key.slice(tab + 1, tab2));
      variantIds[slots] = variantId;
      if (variantId > maxId) maxId = variantId;
      colours[slots] = colour;
      sizes[slots] = size;
      homes[slots++] = flag;
    }
    yield;
  }

  const { count, varStart } = facets;
  // Every loop over all the variants or products yields now and then: a million variants at chain scale.
  for (let slot = 0; slot < slots; slot++) {
    const d = dense[slot] ?? -1;
    if (d >= 0) varStart[d + 1] = (varStart[d + 1] ?? 0) + 1;
    if ((slot & (LOOP_STEP - 1)) === 0) yield;
  }
  for (let d = 0; d < count; d++) {
    varStart[d + 1] = (varStart[d + 1] ?? 0) + (varStart[d] ?? 0);
    if ((d & (LOOP_STEP - 1)) === 0) yield;
  }
  const total = varStart[count] ?? 0;
  facets.varIds = new Int32Array(total);
  facets.varColour = new Uint16Array(total);
  facets.varSize = new Uint16Array(total);
  facets.varHome = new Uint8Array(total);
  const next = varStart.slice(0, count);
  // Variant ids are the cache's own, numbered from 1 as they arrive: about 4 bytes a variant.
  facets.denseOfVariant = new Int32Array(maxId + 1);
  for (let slot = 0; slot < slots; slot++) {
    const d = dense[slot] ?? -1;
    if (d < 0) continue;
    const colour = colours[slot] ?? 0;
    const size = sizes[slot] ?? 0;
    const v = next[d] ?? 0;
    next[d] = v + 1;
    facets.varIds[v] = variantIds[slot] ?? 0;
    facets.denseOfVariant[variantIds[slot] ?? 0] = d + 1;
    facets.varColour[v] = colour;
    facets.varSize[v] = size;
    facets.varHome[v] = homes[slot] ?? 0;
    facets.colourBits[d] = (facets.colourBits[d] ?? 0) | bit(colour);
    facets.sizeBits[d] = (facets.sizeBits[d] ?? 0) | bit(size);
    if (homes[slot]) facets.home[d] = 1;
    if ((slot & (LOOP_STEP - 1)) === 0) yield;
  }
}

/** A query's filters, resolved to indexes once; `test(d)` runs per candidate. */
export class Filter {
  readonly active: boolean;
  private readonly category: number;
  private readonly colours: Uint8Array | null;
  private readonly sizes: Uint8Array | null;
  private readonly colourBits: number;
  private readonly sizeBits: number;
  private readonly inStore: boolean;
  /** A filter value no product has (an unknown category, only unknown colours): nothing matches. */
  readonly impossible: boolean;

  constructor(
    private readonly facets: Facets,
    query: FacetQuery,
  ) {
    const category = query.category ? facets.categoryIndex.get(query.category) : undefined;
    this.category = category ?? -1;
    const colours = Filter.set(query.colours, facets.colourIndex);
    const sizes = Filter.set(query.sizes, facets.sizeIndex);
    this.colours = colours?.set ?? null;
    this.sizes = sizes?.set ?? null;
    this.colourBits = colours?.bits ?? 0;
    this.sizeBits = sizes?.bits ?? 0;
    this.inStore = query.inStoreOnly === true;
    this.impossible =
      (!!query.category && category === undefined) ||
      (colours !== null && colours.bits === 0) ||
      (sizes !== null && sizes.bits === 0) ||
      (this.inStore && facets.homeLocationId === null);
    this.active = this.category >= 0 || this.colours !== null || this.sizes !== null || this.inStore;
  }

  private static set(values: readonly string[] | undefined, index: Map<string, number>): { set: Uint8Array; bits: number } | null {
    if (!values?.length) return null;
    const set = new Uint8Array(index.size);
    let bits = 0;
    for (const value of values) {
      const i = index.get(value);
      if (i === undefined) continue;
      set[i] = 1;
      bits |= bit(i);
    }
    return { set, bits };
  }

  /**
   * Whether product d passes. Colour, size and "in this store" hold for one and the same variant: a
   * shopper asking for size M in this store wants an M that is here, not an M online and an S here.
   */
  test(d: number): boolean {
    const f = this.facets;
    if (this.category >= 0 && f.category[d] !== this.category) return false;
    if (this.colours === null && this.sizes === null && !this.inStore) return true;
    if (this.colours !== null && ((f.colourBits[d] ?? 0) & this.colourBits) === 0) return false;
    if (this.sizes !== null && ((f.sizeBits[d] ?? 0) & this.sizeBits) === 0) return false;
    if (this.inStore && f.home[d] === 0) return false;
    for (let v = f.varStart[d] ?? 0, end = f.varStart[d + 1] ?? 0; v < end; v++) {
      if (this.colours !== null && this.colours[f.varColour[v] ?? 0] === 0) continue;
      if (this.sizes !== null && this.sizes[f.varSize[v] ?? 0] === 0) continue;
      if (this.inStore && f.varHome[v] === 0) continue;
      return true;
    }
    return false;
  }
}

/** Memory held by the typed arrays, for the benchmark. */
export function facetBytes(f: Facets): number {
  return [f.ids, f.quality, f.category, f.varStart, f.varIds, f.denseOfVariant, f.varColour, f.varSize, f.varHome, f.colourBits, f.sizeBits, f.home].reduce((sum, a) => sum + a.byteLength, 0);
}

/** Changed variants re-read per statement: a millisecond or two each. */
const CHANGED_VARIANTS_PER_READ = 256;

/** What a stock update touched. */
export interface StockUpdate {
  /** The style codes of the changed variants' products, each once: what open pages re-read. */
  styleCodes: string[];
}

/**
 * Keeps "in stock in this store" current between full reloads, from stock deltas: one statement per
 * slice re-reads, for a few hundred changed variants, each one's product and whether it is stocked
 * here (a primary-key probe) — the changed variants only, not every variant of their products, and
 * not a statement per product. A 50,000-variant delta is 200 statements.
 */
export class HomeStock {
  private readonly changedVariants;

  constructor(db: Db) {
    this.changedVariants = db
      .prepare(
        `SELECT v.id, v.product_id, p.style_code, ${HOME_FLAG}
         FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.id IN (SELECT value FROM json_each(@variants))`,
      )
      .raw();
  }

  /** Re-reads "in stock in this store" into `facets` for these variants. */
  update(f: Facets, variantIds: readonly number[]): StockUpdate {
    return runNow(this.updating(() => f, variantIds));
  }

  /**
   * `update`, pausing after every statement. The flags go into whatever facets `target()` answers at
   * that moment: a rebuild may swap new ones in between two slices.
   */
  *updating(target: () => Facets, variantIds: readonly number[]): Sliced<StockUpdate> {
    const styleOf = new Map<number, string>();
    for (let i = 0; i < variantIds.length; i += CHANGED_VARIANTS_PER_READ) {
      const f = target();
      const variants = JSON.stringify(variantIds.slice(i, i + CHANGED_VARIANTS_PER_READ));
      const rows = this.changedVariants.all({ variants, home: f.homeLocationId ?? -1 }) as [variantId: number, productId: number, styleCode: string, here: number][];
      for (const [variantId, productId, styleCode, here] of rows) {
        styleOf.set(productId, styleCode);
        const d = f.denseOf.get(productId);
        // A product newer than the last rebuild: the next one adds it.
        if (d !== undefined && f.homeLocationId !== null) setHomeFlag(f, d, variantId, here);
      }
      yield;
    }
    return { styleCodes: [...styleOf.values()] };
  }
}

/**
 * Stock changes as the sync thread describes them (`Applied.stock`: `[variantId, here]` pairs, here -1
 * when the home store's level did not change): "in this store" flags set and the changed products
 * named from memory, no read. Answers the products' style codes, and the variants newer than these
 * facets (a product or variant added since the last rebuild) for `HomeStock.updating` to read.
 */
export function applyHomeLevels(f: Facets, pairs: ArrayLike<number>): StockUpdate & { unplaced: number[] } {
  // Each product once, marked by its dense index: tens of thousands of changed variants per batch.
  const named = new Uint8Array(f.count);
  const styleCodes: string[] = [];
  const unplaced: number[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const variantId = pairs[i] as number;
    const here = pairs[i + 1] as number;
    const d = (f.denseOfVariant[variantId] ?? 0) - 1;
    if (d < 0) {
      unplaced.push(variantId);
      continue;
    }
    if (named[d] === 0) {
      named[d] = 1;
      styleCodes.push(f.styleCodes[d] as string);
    }
    if (here >= 0 && f.homeLocationId !== null) setHomeFlag(f, d, variantId, here);
  }
  return { styleCodes, unplaced };
}

function setHomeFlag(f: Facets, d: number, variantId: number, here: number): void {
  const start = f.varStart[d] ?? 0;
  const end = f.varStart[d + 1] ?? 0;
  let any = 0;
  let found = false;
  for (let v = start; v < end; v++) {
    if (f.varIds[v] === variantId) {
      f.varHome[v] = here;
      found = true;
    }
    any |= f.varHome[v] ?? 0;
  }
  // A variant newer than the last rebuild (or moved to another product) waits for the next one.
  if (found) f.home[d] = any;
}
