import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_HOME_STORE, type DemoScale, demoChain, mediaSvg, regionFor } from '../../../resources/demo/generator';
import type { Db } from '../db/open';

export interface DemoLoadOptions {
  scale: DemoScale;
  /** The pillar's store; its region (itself, nearby stores, the warehouse) is what gets loaded. */
  homeStore?: string;
  /** Load every location of the chain instead of the region (the benchmark's 50 locations). */
  allLocations?: boolean;
  /** Where to write the product drawings the catalogue refers to (`<mediaDir>/demo/*.svg`). */
  mediaDir?: string;
  /** The clock: `last_sync_at`, and stock changes count back from it. */
  now?: number;
  seed?: number;
}

export interface DemoLoadCounts {
  products: number;
  variants: number;
  stockRows: number;
  locations: number;
  related: number;
  mediaFiles: number;
}

/** Stock rows per INSERT: one statement call per 200 rows instead of per row (the load is dominated by stock). */
const STOCK_BATCH = 200;

/**
 * Fills a freshly migrated, empty cache.db with the NORRVIK demo chain, as a first HQ snapshot would:
 * locations of the region, categories, colours, products with their texts and variants, stock, related
 * products, and the `meta` facts (`source`, `region`, `last_sync_at`). One transaction, so a failure
 * leaves the cache empty rather than half-filled. Search needs nothing more: it indexes in memory.
 *
 * Rows go in key order (integer ids assigned in generation order, stock by variant then location), so
 * SQLite appends to its B-trees instead of splitting pages: the full chain's ~16M stock rows load in
 * well under a minute.
 */
export function loadDemoChain(db: Db, options: DemoLoadOptions): DemoLoadCounts {
  const now = options.now ?? Date.now();
  const chain = demoChain({ scale: options.scale, now, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const home = options.homeStore ?? DEMO_HOME_STORE;
  const region = chain.region(home); // throws, naming the known stores, for a store the chain does not have
  const wanted = new Set(options.allLocations ? chain.locations.map((l) => l.code) : [home, ...region.nearby, region.warehouse]);
  const locations = chain.locations.filter((location) => wanted.has(location.code));
  // With every location cached, every other store is "nearby" as far as the kiosk is concerned.
  const cachedRegion = options.allLocations ? regionFor(locations, home, Number.POSITIVE_INFINITY) : region;

  const existing = db.prepare('SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM meta) AS n').get() as { n: number };
  if (existing.n > 0) throw new Error('loadDemoChain needs an empty cache.db; this one already holds a catalog');

  const insert = {
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
    location: db.prepare(
      `INSERT INTO locations (id, code, kind, name, address, postal_code, city, country, lat, lon, time_zone, phone, opening_hours)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    category: db.prepare('INSERT INTO categories (id, sort, names) VALUES (?, ?, ?)'),
    colour: db.prepare('INSERT INTO colours (code, hex, names) VALUES (?, ?, ?)'),
    product: db.prepare(
      `INSERT INTO products (id, style_code, brand, category_id, price_minor, currency, rating_avg, rating_count, popularity, images)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    text: db.prepare('INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)'),
    variant: db.prepare('INSERT INTO variants (id, sku, gtin, product_id, colour_code, size, size_sort) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    stock: db.prepare('INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, ?, ?, ?)'),
    stockBatch: db.prepare(`INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES ${Array(STOCK_BATCH).fill('(?, ?, ?, ?)').join(', ')}`),
    related: db.prepare('INSERT INTO related (product_id, kind, related_id, score) VALUES (?, ?, ?, ?)'),
  };

  const counts: DemoLoadCounts = { products: 0, variants: 0, stockRows: 0, locations: locations.length, related: 0, mediaFiles: 0 };
  const media = new Set<string>();

  const load = db.transaction(() => {
    insert.meta.run('source', 'demo');
    insert.meta.run('region', JSON.stringify(cachedRegion));
    insert.meta.run('last_sync_at', String(now));

    const locationIds = new Map<string, number>();
    locations.forEach((l, index) => {
      locationIds.set(l.code, index + 1);
      insert.location.run(index + 1, l.code, l.kind, l.name, l.address, l.postalCode, l.city, l.country, l.lat, l.lon, l.timeZone, l.phone, JSON.stringify(l.openingHours));
    });
    for (const c of chain.categories) insert.category.run(c.id, c.sort, JSON.stringify(c.names));
    for (const c of chain.colours) insert.colour.run(c.code, c.hex, JSON.stringify(c.names));

    const productIds = new Map<string, number>();
    const variantIds = new Map<string, number>();
    for (const p of chain.products()) {
      const productId = ++counts.products;
      productIds.set(p.styleCode, productId);
      insert.product.run(productId, p.styleCode, p.brand, p.categoryId, p.priceMinor, p.currency, p.ratingAvg, p.ratingCount, p.popularity, JSON.stringify(p.images));
      for (const [lang, text] of Object.entries(p.texts)) insert.text.run(productId, lang, text.name, text.description);
      for (const v of p.variants) {
        const variantId = ++counts.variants;
        variantIds.set(v.sku, variantId);
        insert.variant.run(variantId, v.sku, v.gtin, productId, v.colourCode, v.size, v.sizeSort);
      }
      for (const paths of Object.values(p.images)) for (const mediaPath of paths) media.add(mediaPath);
    }

    const batch: number[] = [];
    let lastSku = '';
    let lastVariantId = 0;
    for (const row of chain.stock(wanted)) {
      if (row.sku !== lastSku) {
        lastSku = row.sku;
        lastVariantId = variantIds.get(row.sku) ?? 0;
        if (lastVariantId === 0) throw new Error(`stock for unknown SKU ${row.sku}`);
      }
      batch.push(lastVariantId, locationIds.get(row.locationCode) ?? 0, row.quantity, row.changedAt);
      if (batch.length === STOCK_BATCH * 4) {
        insert.stockBatch.run(batch);
        batch.length = 0;
      }
      counts.stockRows++;
    }
    for (let i = 0; i < batch.length; i += 4) insert.stock.run(batch.slice(i, i + 4));

    for (const r of chain.related()) {
      const productId = productIds.get(r.styleCode);
      const relatedId = productIds.get(r.relatedStyleCode);
      if (productId === undefined || relatedId === undefined) throw new Error(`related row for unknown style ${r.styleCode} → ${r.relatedStyleCode}`);
      insert.related.run(productId, r.kind, relatedId, r.score);
      counts.related++;
    }
  });

  // Every reference is made here, by construction, to a row inserted just before it: checking ~20M
  // foreign keys one by one would cost a third of the load. (The pragma only takes effect outside a
  // transaction, so it is switched around it and restored whatever happens.)
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    load();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }

  // Files only after the commit: a failed load leaves neither rows nor drawings behind.
  if (options.mediaDir) {
    for (const mediaPath of media) {
      const svg = mediaSvg(mediaPath);
      if (svg === null) continue;
      const file = path.join(options.mediaDir, mediaPath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, svg);
      counts.mediaFiles++;
    }
  }
  return counts;
}
