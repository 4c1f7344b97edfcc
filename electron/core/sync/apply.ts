import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../../shared/sync/entities';
import type { Change, ChangeBatch } from '../../../shared/sync/protocol';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/** A batch HQ sent that cannot be applied to this cache (an unknown SKU, a category it lacks): nothing of it is. */
export class BatchRejected extends Error {
  override readonly name = 'BatchRejected';
}

export interface Applied {
  cursor: number;
  /** Variants whose stock changed (in this store or elsewhere in the region), or that were dropped. */
  variantIds: number[];
  /**
   * The variants whose stock levels changed, each once, as flattened pairs `[variantId, here]`: `here`
   * is 1 or 0 when its level at the pillar's own store changed (in stock there now or not), -1 when only
   * other locations' did. What the main thread needs to update its search flags and name the changed
   * products (it knows each variant's product) without reading the database.
   */
  stock: number[];
  /** Products, categories, colours or locations changed: lists and the search index re-read. */
  catalogChanged: boolean;
  offersChanged: boolean;
  settingsChanged: boolean;
  levels: number;
  changes: number;
}

/** The `meta` keys sync keeps beside the data, written in the same transaction as the data they describe. */
export const META = {
  cursor: 'cursor',
  store: 'hq_store',
  snapshot: 'snapshot_id',
  settings: 'settings',
  lastSync: 'last_sync_at',
  source: 'source',
  region: 'region',
} as const;

/**
 * Applies verified change batches to a cache: each batch in one transaction together with its cursor, so
 * a reader (or a crash) sees the cache before the batch or after it, never half of it. Statements are
 * prepared once per connection. Stock levels land in the small `stock_recent` table, hundreds to a
 * statement, and are folded into the big `stock` table later (`fold`), so a delta of hundreds of thousands
 * of levels costs what those levels take to write, not a rewrite of the pages of millions of stock rows.
 */
export class BatchApplier {
  readonly #db: Db;
  readonly #s: Statements;
  /** The pillar's own store's location code, from the region of the cache's snapshot (fixed for the cache's life), or null. */
  readonly #home: string | null;

  constructor(db: Db) {
    this.#db = db;
    this.#s = prepare(db);
    this.#home = homeCode(this.#s.region.get() as string | undefined);
  }

  /** Applies one verified batch and advances the cursor, atomically. Throws `BatchRejected`, leaving the cache as it was. */
  apply(batch: ChangeBatch, now = Date.now()): Applied {
    return this.applyAll([batch], now);
  }

  /**
   * Applies consecutive verified batches in ONE transaction and advances the cursor to the last one's
   * (one commit for the batches that had already arrived). The cache is still only ever at a cursor HQ
   * sent. Throws `BatchRejected`, leaving the cache as it was.
   */
  applyAll(batches: readonly ChangeBatch[], now = Date.now()): Applied {
    const last = batches.at(-1);
    if (!last) throw new RangeError('applyAll needs at least one batch');
    return this.#db.transaction((): Applied => {
      const applied: Applied = { cursor: last.cursor, variantIds: [], stock: [], catalogChanged: false, offersChanged: false, settingsChanged: false, levels: 0, changes: 0 };
      // Per variant whose stock changed: its latest level's presence at home (1/0), or -1.
      const here = new Map<number, number>();
      const home = this.#home;
      const relations: [number, Product['related']][] = [];
      const arrived: string[] = [];
      // Consecutive stock changes go in together (see putStock).
      let stock: StockTuple[] = [];
      const flushStock = (): void => {
        if (stock.length === 0) return;
        const ids = this.putStock(stock);
        // One id per level, in the levels' order (putStock).
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i] as number;
          const level = stock[i] as StockTuple;
          if (level[1] === home) here.set(id, level[2] > 0 ? 1 : 0);
          else if (!here.has(id)) here.set(id, -1);
        }
        applied.levels += stock.length;
        stock = [];
      };
      for (const batch of batches) {
        applied.changes += batch.changes.length;
        for (const change of batch.changes) {
          if (change.type === 'stock') {
            for (const level of change.levels) stock.push(level);
            continue;
          }
          flushStock();
          this.#applyChange(change, applied, relations);
          if (change.type === 'product.upsert') arrived.push(change.product.styleCode);
        }
      }
      flushStock();
      // Relations last: a product may relate to one that arrives later in the same batch.
      for (const [productId, related] of relations) this.putRelated(productId, related);
      for (const styleCode of arrived) this.resolvePending(styleCode);
      for (const [id, level] of here) {
        applied.variantIds.push(id);
        applied.stock.push(id, level);
      }
      this.#s.meta.run(META.cursor, String(last.cursor));
      this.#s.meta.run(META.lastSync, String(now));
      return applied;
    })();
  }

  /** Records that the cache is current with HQ at its cursor (an idle poll answered "nothing new"). */
  touch(now = Date.now()): void {
    this.#s.meta.run(META.lastSync, String(now));
  }

  #applyChange(change: Change, applied: Applied, relations: [number, Product['related']][]): void {
    switch (change.type) {
      case 'product.upsert': {
        const { productId, droppedVariants } = this.putProduct(change.product);
        relations.push([productId, change.product.related]);
        applied.variantIds.push(...droppedVariants);
        applied.catalogChanged = true;
        return;
      }
      case 'product.delete':
        // Relations to it wait for it to come back (HQ keeps them in the relating products).
        this.#s.parkRelations.run(change.styleCode, change.styleCode, change.styleCode);
        this.#s.deleteProduct.run(change.styleCode);
        applied.catalogChanged = true;
        return;
      case 'location.upsert':
        this.putLocation(change.location);
        applied.catalogChanged = true;
        return;
      case 'category.upsert':
        this.putCategory(change.category);
        applied.catalogChanged = true;
        return;
      case 'colour.upsert':
        this.putColour(change.colour);
        applied.catalogChanged = true;
        return;
      case 'stock':
        return; // gathered and applied by `apply`
      case 'offer.upsert':
        this.putOffer(change.offer);
        applied.offersChanged = true;
        return;
      case 'offer.delete':
        this.#s.deleteOffer.run(change.id);
        applied.offersChanged = true;
        return;
      case 'settings':
        this.putSettings(change.settings);
        applied.settingsChanged = true;
        return;
    }
  }

  putLocation(l: Location): void {
    this.#s.location.run({ ...l, openingHours: JSON.stringify(l.openingHours) });
  }

  putCategory(c: Category): void {
    this.#s.category.run(c.id, c.sort, JSON.stringify(c.names));
  }

  putColour(c: Colour): void {
    this.#s.colour.run(c.code, c.hex, JSON.stringify(c.names));
  }

  putOffer(offer: Offer): void {
    this.#s.putOffer.run(offer.id, JSON.stringify(offer));
  }

  putSettings(settings: Settings): void {
    this.#s.meta.run(META.settings, JSON.stringify(settings));
  }

  putMeta(key: string, value: string): void {
    this.#s.meta.run(key, value);
  }

  /** Inserts or updates a product with its texts and variants; its relations are written by `putRelated`. */
  putProduct(p: Product): { productId: number; droppedVariants: number[] } {
    let productId: number;
    try {
      productId = (this.#s.product.get({ ...p, images: JSON.stringify(p.images) }) as { id: number }).id;
    } catch (error) {
      throw reject(error, `product ${p.styleCode}: category "${p.categoryId}" is not in the cache`);
    }
    this.#s.deleteTexts.run(productId);
    for (const [lang, text] of Object.entries(p.texts)) if (text) this.#s.text.run(productId, lang, text.name, text.description);
    const droppedVariants = this.#s.dropVariants.pluck().all(productId, JSON.stringify(p.variants.map((v) => v.sku))) as number[];
    for (const v of p.variants) {
      try {
        this.#s.variant.run(v.sku, v.gtin, productId, v.colourCode, v.size, v.sizeSort);
      } catch (error) {
        throw reject(error, `product ${p.styleCode}: variant ${v.sku} has an unknown colour "${v.colourCode}" or a GTIN another variant has`);
      }
    }
    return { productId, droppedVariants };
  }

  /**
   * A product's relations. One to a product this cache does not hold is parked in `related_pending`
   * (and left out of queries, as HQ leaves it out of the region's state) until that product arrives.
   */
  putRelated(productId: number, related: Product['related']): void {
    this.#s.deleteRelated.run(productId);
    this.#s.deletePending.run(productId);
    for (const r of related) {
      if (this.#s.related.run(productId, r.kind, r.score, r.styleCode).changes === 0) this.#s.pending.run(productId, r.kind, r.styleCode, r.score);
    }
  }

  /** Relations parked for this product, now that it is here. */
  resolvePending(styleCode: string): void {
    this.#s.resolvePending.run(styleCode, styleCode);
    this.#s.dropPending.run(styleCode);
  }

  /**
   * Sets stock levels (0 = none) in `stock_recent`, where a delta lands fast (see the cache schema); `fold`
   * moves them into `stock` later. Every SKU and location must be known, or nothing of the batch applies.
   * Returns the variant ids whose stock was set. The levels go in as they came, LEVELS_PER_STATEMENT to a
   * statement that resolves the SKUs inside SQLite: a level repeated later in the batch (a second sale)
   * overwrites the earlier one, as HQ logged them.
   */
  putStock(levels: readonly StockTuple[]): number[] {
    const locations = new Map(this.#s.locationIds.all() as [string, number][]);
    const changed: number[] = [];
    const params: (string | number)[] = [];
    const flush = (count: number): void => {
      const statement = count === LEVELS_PER_STATEMENT ? this.#s.putRecent : recentUpsert(this.#db, count);
      const ids = statement.all(params) as number[];
      // CROSS JOIN keeps the levels in order and drops a level whose SKU is unknown: fewer ids than levels names it.
      if (ids.length !== count) throw unknownSku(firstUnknownSku(this.#s.variantId, params));
      for (const id of ids) changed.push(id);
      params.length = 0;
    };
    for (const [sku, location, quantity, changedAt] of levels) {
      const locationId = locations.get(location);
      if (locationId === undefined) throw new BatchRejected(`stock at location ${location}, which is not in this pillar's region`);
      params.push(sku, locationId, quantity, changedAt);
      if (params.length === LEVELS_PER_STATEMENT * 4) flush(LEVELS_PER_STATEMENT);
    }
    if (params.length > 0) flush(params.length / 4);
    return changed;
  }

  /** Levels not yet folded into `stock`. */
  recentLevels(): number {
    return this.#s.recentCount.get() as number;
  }

  /**
   * Folds up to `limit` recent levels (in key order) into `stock` in one transaction: set or removed there,
   * gone from `stock_recent`. Readers see the same stock before and after. Returns how many it folded.
   */
  fold(limit: number): number {
    return this.#db.transaction((): number => {
      const last = this.#s.recentBound.get(Math.max(0, Math.floor(limit) - 1)) as [number, number] | undefined;
      const bound = last ?? (this.#s.recentLast.get() as [number, number] | undefined);
      if (!bound) return 0;
      this.#s.foldPut.run(bound[0], bound[1]);
      this.#s.foldDrop.run(bound[0], bound[1]);
      return this.#s.foldForget.run(bound[0], bound[1]).changes;
    })();
  }
}

function homeCode(region: string | undefined): string | null {
  if (region === undefined) return null;
  const home = (JSON.parse(region) as { home?: unknown }).home;
  return typeof home === 'string' ? home : null;
}

/** Levels per upsert into `stock_recent`: four parameters each, well under SQLite's limit. */
const LEVELS_PER_STATEMENT = 256;

function recentUpsert(db: Db, levels: number) {
  return db
    .prepare(
      `INSERT INTO stock_recent (variant_id, location_id, quantity, changed_at)
       SELECT v.id, l.column2, l.column3, l.column4 FROM (VALUES ${Array(levels).fill('(?, ?, ?, ?)').join(', ')}) l CROSS JOIN variants v ON v.sku = l.column1
       WHERE true
       ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at
       RETURNING variant_id`,
    )
    .pluck();
}

function firstUnknownSku(variantId: Statement, params: readonly (string | number)[]): string {
  for (let i = 0; i < params.length; i += 4) if (variantId.get(params[i]) === undefined) return String(params[i]);
  return '(unknown)';
}

function unknownSku(sku: string): BatchRejected {
  return new BatchRejected(`stock for SKU ${sku}, which the cache does not have`);
}

function prepare(db: Db) {
  return {

    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    product: db.prepare(
      `INSERT INTO products (style_code, brand, category_id, price_minor, currency, rating_avg, rating_count, popularity, images)
       VALUES (@styleCode, @brand, @categoryId, @priceMinor, @currency, @ratingAvg, @ratingCount, @popularity, @images)
       ON CONFLICT (style_code) DO UPDATE SET brand = excluded.brand, category_id = excluded.category_id, price_minor = excluded.price_minor,
         currency = excluded.currency, rating_avg = excluded.rating_avg, rating_count = excluded.rating_count,
         popularity = excluded.popularity, images = excluded.images
       RETURNING id`,
    ),
    deleteTexts: db.prepare('DELETE FROM product_texts WHERE product_id = ?'),
    text: db.prepare('INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)'),
    variant: db.prepare(
      `INSERT INTO variants (sku, gtin, product_id, colour_code, size, size_sort) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, product_id = excluded.product_id, colour_code = excluded.colour_code,
         size = excluded.size, size_sort = excluded.size_sort`,
    ),
    dropVariants: db.prepare('DELETE FROM variants WHERE product_id = ? AND sku NOT IN (SELECT value FROM json_each(?)) RETURNING id'),
    deleteRelated: db.prepare('DELETE FROM related WHERE product_id = ?'),
    related: db.prepare('INSERT OR REPLACE INTO related (product_id, kind, related_id, score) SELECT ?, ?, id, ? FROM products WHERE style_code = ?'),
    deleteProduct: db.prepare('DELETE FROM products WHERE style_code = ?'),
    deletePending: db.prepare('DELETE FROM related_pending WHERE product_id = ?'),
    pending: db.prepare('INSERT OR REPLACE INTO related_pending (product_id, kind, style_code, score) VALUES (?, ?, ?, ?)'),
    parkRelations: db.prepare(
      `INSERT OR REPLACE INTO related_pending (product_id, kind, style_code, score)
       SELECT r.product_id, r.kind, ?, r.score FROM related r
       WHERE r.related_id = (SELECT id FROM products WHERE style_code = ?) AND r.product_id <> (SELECT id FROM products WHERE style_code = ?)`,
    ),
    resolvePending: db.prepare(
      `INSERT OR REPLACE INTO related (product_id, kind, related_id, score)
       SELECT rp.product_id, rp.kind, p.id, rp.score FROM related_pending rp JOIN products p ON p.style_code = ? WHERE rp.style_code = p.style_code AND p.style_code = ?`,
    ),
    dropPending: db.prepare('DELETE FROM related_pending WHERE style_code = ?'),
    location: db.prepare(
      `INSERT INTO locations (id, code, kind, name, address, postal_code, city, country, lat, lon, time_zone, phone, opening_hours)
       VALUES ((SELECT coalesce(max(id), 0) + 1 FROM locations), @code, @kind, @name, @address, @postalCode, @city, @country, @lat, @lon, @timeZone, @phone, @openingHours)
       ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, address = excluded.address, postal_code = excluded.postal_code,
         city = excluded.city, country = excluded.country, lat = excluded.lat, lon = excluded.lon, time_zone = excluded.time_zone,
         phone = excluded.phone, opening_hours = excluded.opening_hours`,
    ),
    category: db.prepare('INSERT INTO categories (id, sort, names) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET sort = excluded.sort, names = excluded.names'),
    colour: db.prepare('INSERT INTO colours (code, hex, names) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET hex = excluded.hex, names = excluded.names'),
    variantId: db.prepare('SELECT id FROM variants WHERE sku = ?').pluck(),
    locationIds: db.prepare('SELECT code, id FROM locations').raw(),
    region: db.prepare(`SELECT value FROM meta WHERE key = '${META.region}'`).pluck(),
    putRecent: recentUpsert(db, LEVELS_PER_STATEMENT),
    recentCount: db.prepare('SELECT count(*) FROM stock_recent').pluck(),
    recentBound: db.prepare('SELECT variant_id, location_id FROM stock_recent ORDER BY variant_id, location_id LIMIT 1 OFFSET ?').raw(),
    recentLast: db.prepare('SELECT variant_id, location_id FROM stock_recent ORDER BY variant_id DESC, location_id DESC LIMIT 1').raw(),
    foldPut: db.prepare(
      `INSERT INTO stock (variant_id, location_id, quantity, changed_at)
       SELECT variant_id, location_id, quantity, changed_at FROM stock_recent WHERE (variant_id, location_id) <= (?, ?) AND quantity > 0
       ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at`,
    ),
    foldDrop: db.prepare(
      `DELETE FROM stock WHERE (variant_id, location_id) IN (
         SELECT variant_id, location_id FROM stock_recent WHERE (variant_id, location_id) <= (?, ?) AND quantity = 0)`,
    ),
    foldForget: db.prepare('DELETE FROM stock_recent WHERE (variant_id, location_id) <= (?, ?)'),
    putOffer: db.prepare('INSERT INTO offers (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body'),
    deleteOffer: db.prepare('DELETE FROM offers WHERE id = ?'),
    
  };
}
type Statements = ReturnType<typeof prepare>;

function reject(error: unknown, message: string): Error {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CONSTRAINT') ? new BatchRejected(message) : (error as Error);
}
