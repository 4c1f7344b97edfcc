import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../../shared/sync/entities';
import type { Change, ChangeBatch } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';

/** A batch HQ sent that cannot be applied to this cache (an unknown SKU, a category it lacks): nothing of it is. */
export class BatchRejected extends Error {
  override readonly name = 'BatchRejected';
}

export interface Applied {
  cursor: number;
  /** Variants whose stock changed (in this store or elsewhere in the region). */
  variantIds: number[];
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
 * prepared once per connection. Stock goes in set-wise — one statement per change over `json_each` — so
 * the hundreds of thousands of levels of a big delta stay inside SQLite instead of crossing into
 * JavaScript row by row.
 */
export class BatchApplier {
  readonly #db: Db;
  readonly #s: Statements;

  constructor(db: Db) {
    this.#db = db;
    this.#s = prepare(db);
  }

  /** Applies one verified batch and advances the cursor, atomically. Throws `BatchRejected`, leaving the cache as it was. */
  apply(batch: ChangeBatch, now = Date.now()): Applied {
    return this.applyAll([batch], now);
  }

  /**
   * Applies consecutive verified batches in ONE transaction and advances the cursor to the last one's.
   * A big delta arrives as several batches that each touch most pages of the stock table: committed
   * together, every page is written once instead of once per batch. The cache is still only ever at a
   * cursor HQ sent (the last batch's). Throws `BatchRejected`, leaving the cache as it was.
   */
  applyAll(batches: readonly ChangeBatch[], now = Date.now()): Applied {
    const last = batches.at(-1);
    if (!last) throw new RangeError('applyAll needs at least one batch');
    return this.#db.transaction((): Applied => {
      const applied: Applied = { cursor: last.cursor, variantIds: [], catalogChanged: false, offersChanged: false, settingsChanged: false, levels: 0, changes: 0 };
      const relations: [number, Product['related']][] = [];
      const arrived: string[] = [];
      // Consecutive stock changes go in together, in key order (see putStock).
      let stock: StockTuple[] = [];
      const flushStock = (): void => {
        if (stock.length === 0) return;
        for (const id of this.putStock(stock)) applied.variantIds.push(id);
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
   * Sets stock levels (0 = none: the row goes). Every SKU and location must be known, or nothing of the
   * batch applies. Returns the variant ids whose stock changed.
   */
  putStock(levels: readonly StockTuple[]): number[] {
    // Every level must name a SKU and a location the cache has, or the whole batch is refused.
    const locations = new Map((this.#s.locationIds.all() as { id: number; code: string }[]).map((row) => [row.code, row.id]));
    // The last level of a SKU at a location wins, as HQ logged them in order.
    const latest = new Map<string, StockTuple>();
    for (const level of levels) latest.set(`${level[0]}\u0000${level[1]}`, level);
    // In key order: a delta's levels are scattered over the whole stock table, and sorted they visit each
    // B-tree page once, in order, instead of at random. Variant ids follow SKU order in a cache loaded from a
    // snapshot (HQ writes products by style code), so sorting by SKU is sorting by key. Row by row through one
    // prepared statement per level measured faster than a set-wise statement over json_each (which parses
    // every level's JSON again for each field) and than resolving ids in a separate call.
    const ordered = [...latest.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const changed: number[] = [];
    for (const [sku, location, quantity, changedAt] of ordered) {
      const locationId = locations.get(location);
      if (locationId === undefined) throw new BatchRejected(`stock at location ${location}, which is not in this pillar's region`);
      if (quantity > 0) {
        const variantId = this.#s.putStock.get(locationId, quantity, changedAt, sku) as number | undefined;
        if (variantId === undefined) throw unknownSku(sku);
        changed.push(variantId);
      } else {
        const variantId = this.#s.variantId.get(sku) as number | undefined;
        if (variantId === undefined) throw unknownSku(sku);
        if (this.#s.dropStock.run(variantId, locationId).changes > 0) changed.push(variantId);
      }
    }
    return changed;
  }
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
    locationIds: db.prepare('SELECT id, code FROM locations'),
    // No row when the SKU is unknown: the caller refuses the batch.
    putStock: db
      .prepare(
        `INSERT INTO stock (variant_id, location_id, quantity, changed_at) SELECT v.id, ?, ?, ? FROM variants v WHERE v.sku = ?
         ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at
         RETURNING variant_id`,
      )
      .pluck(),
    dropStock: db.prepare('DELETE FROM stock WHERE variant_id = ? AND location_id = ?'),
    putOffer: db.prepare('INSERT INTO offers (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body'),
    deleteOffer: db.prepare('DELETE FROM offers WHERE id = ?'),
    
  };
}
type Statements = ReturnType<typeof prepare>;

function reject(error: unknown, message: string): Error {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CONSTRAINT') ? new BatchRejected(message) : (error as Error);
}
