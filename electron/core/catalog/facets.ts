import type { Db } from '../db/open';

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

/** Rating and popularity in one number in [0, 1): a Bayesian average rating and a popularity percentile. */
function qualities(rows: readonly ProductRow[]): Float64Array {
  const rated = rows.filter((row) => row.rating_count > 0);
  const priorMean = rated.length ? rated.reduce((sum, row) => sum + row.rating_avg, 0) / rated.length : 3.5;
  const priorWeight = 10;
  const byPopularity = rows.map((row) => row.popularity).sort((a, b) => a - b);
  const below = (popularity: number): number => {
    let lo = 0;
    let hi = byPopularity.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((byPopularity[mid] ?? 0) < popularity) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Float64Array.from(rows, (row) => {
    const rating = (row.rating_avg * row.rating_count + priorMean * priorWeight) / (row.rating_count + priorWeight);
    const percentile = rows.length > 1 ? below(row.popularity) / (rows.length - 1) : 1;
    return 0.999 * (0.6 * percentile + 0.4 * (rating / 5));
  });
}

interface ProductRow {
  id: number;
  style_code: string;
  category_id: string;
  popularity: number;
  rating_avg: number;
  rating_count: number;
}

export function loadFacets(db: Db): Facets {
  const rows = db.prepare('SELECT id, style_code, category_id, popularity, rating_avg, rating_count FROM products').all() as ProductRow[];
  const quality = qualities(rows);
  const products = rows
    .map((row, i) => ({ row, quality: quality[i] ?? 0 }))
    .sort((a, b) => b.quality - a.quality || b.row.popularity - a.row.popularity || a.row.id - b.row.id);
  const count = rows.length;
  const categoryIndex = new Map<string, number>();
  const indexOfCategory = (id: string): number => {
    let index = categoryIndex.get(id);
    if (index === undefined) categoryIndex.set(id, (index = categoryIndex.size));
    return index;
  };
  const facets: Facets = {
    count,
    ids: Int32Array.from(products, (p) => p.row.id),
    styleCodes: products.map((p) => p.row.style_code),
    quality: Float64Array.from(products, (p) => p.quality),
    category: Int32Array.from(products, (p) => indexOfCategory(p.row.category_id)),
    denseOf: new Map(products.map((p, dense) => [p.row.id, dense])),
    categoryIndex,
    colourIndex: new Map(),
    sizeIndex: new Map(),
    varStart: new Uint32Array(count + 1),
    varColour: new Uint16Array(0),
    varSize: new Uint16Array(0),
    varHome: new Uint8Array(0),
    colourBits: new Uint32Array(count),
    sizeBits: new Uint32Array(count),
    home: new Uint8Array(count),
    homeLocationId: homeLocationId(db),
  };
  loadVariants(db, facets);
  return facets;
}

/**
 * Every variant's colour, size and "in stock here", in two single-column reads (a million rows of one
 * value each are several times cheaper to read than rows of four), placed product by product.
 */
function loadVariants(db: Db, facets: Facets): void {
  const productOf = db.prepare(`SELECT product_id FROM variants ${VARIANT_ORDER}`).pluck().all() as number[];
  const keys = db
    .prepare(
      `SELECT colour_code || char(9) || size || char(9) || (id IN (SELECT variant_id FROM stock WHERE location_id = ?)) FROM variants ${VARIANT_ORDER}`,
    )
    .pluck()
    .all(facets.homeLocationId ?? -1) as string[];
  const numbered = (index: Map<string, number>, value: string): number => {
    let n = index.get(value);
    if (n === undefined) index.set(value, (n = index.size));
    return n;
  };
  const decoded = new Map<string, [colour: number, size: number, home: number]>();
  const decode = (key: string): [number, number, number] => {
    let value = decoded.get(key);
    if (!value) {
      const [colour = '', size = '', home] = key.split('\t');
      decoded.set(key, (value = [numbered(facets.colourIndex, colour), numbered(facets.sizeIndex, size), home === '1' ? 1 : 0]));
    }
    return value;
  };

  const { count, varStart, denseOf } = facets;
  const denseOfSlot = Int32Array.from(productOf, (id) => denseOf.get(id) ?? -1);
  for (const dense of denseOfSlot) if (dense >= 0) varStart[dense + 1] = (varStart[dense + 1] ?? 0) + 1;
  for (let d = 0; d < count; d++) varStart[d + 1] = (varStart[d + 1] ?? 0) + (varStart[d] ?? 0);
  const total = varStart[count] ?? 0;
  facets.varColour = new Uint16Array(total);
  facets.varSize = new Uint16Array(total);
  facets.varHome = new Uint8Array(total);
  const next = varStart.slice(0, count);
  keys.forEach((key, slot) => {
    const d = denseOfSlot[slot] ?? -1;
    if (d < 0) return;
    const [colour, size, home] = decode(key);
    const v = next[d] ?? 0;
    next[d] = v + 1;
    facets.varColour[v] = colour;
    facets.varSize[v] = size;
    facets.varHome[v] = home;
    facets.colourBits[d] = (facets.colourBits[d] ?? 0) | bit(colour);
    facets.sizeBits[d] = (facets.sizeBits[d] ?? 0) | bit(size);
    if (home) facets.home[d] = 1;
  });
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
  return [f.ids, f.quality, f.category, f.varStart, f.varColour, f.varSize, f.varHome, f.colourBits, f.sizeBits, f.home].reduce((sum, a) => sum + a.byteLength, 0);
}

/** Keeps "in stock in this store" current between full reloads, from stock deltas. */
export class HomeStock {
  private readonly homeFlagsOf;
  private readonly productsOfVariants;

  constructor(db: Db) {
    this.homeFlagsOf = db.prepare(
      `SELECT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id AND s.location_id = ?) FROM variants v WHERE v.product_id = ? ${VARIANT_ORDER}`,
    );
    this.productsOfVariants = db.prepare('SELECT DISTINCT product_id FROM variants WHERE id IN (SELECT value FROM json_each(?))');
  }

  /** Re-reads "in stock in this store" into `facets` for the products of these variants. */
  update(f: Facets, variantIds: Iterable<number>): void {
    if (f.homeLocationId === null) return;
    const productIds = this.productsOfVariants.pluck().all(JSON.stringify([...variantIds])) as number[];
    for (const productId of productIds) {
      const d = f.denseOf.get(productId);
      if (d === undefined) continue; // a product newer than the last refresh
      const flags = this.homeFlagsOf.pluck().all(f.homeLocationId, productId) as number[];
      const start = f.varStart[d] ?? 0;
      if (flags.length !== (f.varStart[d + 1] ?? 0) - start) continue; // its variants changed: the next refresh catches up
      let any = 0;
      flags.forEach((flag, i) => {
        f.varHome[start + i] = flag;
        any |= flag;
      });
      f.home[d] = any;
    }
  }
}
