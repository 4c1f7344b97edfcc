import type { Migration } from './migrate';

/**
 * `cache.db`: the regional copy of what HQ publishes — this store, its nearby stores and the online
 * warehouse. Integer keys keep the stock table (the big one: up to ~20 million rows at chain scale) to a
 * few bytes a row; HQ's own codes (SKU, location code, style code) are unique columns beside them.
 */
export const CACHE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'catalog and stock',
    sql: `
      -- Key/value facts about the cache: last_sync_at (epoch ms), source ('demo' | 'hq'), region (JSON).
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE locations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('store', 'warehouse')),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        postal_code TEXT NOT NULL,
        city TEXT NOT NULL,
        country TEXT NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        time_zone TEXT NOT NULL,
        phone TEXT NOT NULL,
        -- JSON: seven entries, Monday first, each null (closed) or ["HH:MM", "HH:MM"] in local time.
        opening_hours TEXT NOT NULL CHECK (json_valid(opening_hours))
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        sort INTEGER NOT NULL,
        -- JSON: { "en": "Jeans", "sv": "Jeans", "pl": "Dżinsy", "el": "Τζιν" }
        names TEXT NOT NULL CHECK (json_valid(names))
      ) STRICT;

      CREATE TABLE colours (
        code TEXT PRIMARY KEY,
        hex TEXT NOT NULL,
        names TEXT NOT NULL CHECK (json_valid(names))
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        style_code TEXT NOT NULL UNIQUE,
        brand TEXT NOT NULL,
        category_id TEXT NOT NULL REFERENCES categories (id),
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency TEXT NOT NULL,
        rating_avg REAL NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
        rating_count INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        popularity INTEGER NOT NULL DEFAULT 0,
        -- JSON: { "<colour code>": ["media/path.svg", …] }
        images TEXT NOT NULL CHECK (json_valid(images))
      ) STRICT;
      CREATE INDEX products_by_category ON products (category_id, popularity DESC);

      CREATE TABLE product_texts (
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        PRIMARY KEY (product_id, lang)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE variants (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        gtin TEXT NOT NULL UNIQUE,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        colour_code TEXT NOT NULL REFERENCES colours (code),
        size TEXT NOT NULL,
        size_sort INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX variants_by_product ON variants (product_id, colour_code, size_sort);

      -- Sparse: a variant with none at a location has no row there.
      CREATE TABLE stock (
        variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (variant_id, location_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE related (
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('complement', 'alternative')),
        related_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        score REAL NOT NULL,
        PRIMARY KEY (product_id, kind, related_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    id: 2,
    name: 'offers and sync state',
    sql: `
      -- Offers as HQ publishes them (shared/sync/entities.ts Offer), validated before they land here.
      CREATE TABLE offers (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;
      -- meta gains: cursor (HQ log seq this cache holds), hq_store, snapshot_id, settings (JSON),
      -- last_sync_at (epoch ms of the last time it was known current with HQ).
    `,
  },
  {
    id: 3,
    name: 'relations awaiting their product',
    sql: `
      -- A product's relation to one this cache does not hold (yet): HQ published it before the product
      -- it points to, or that product was deleted and may come back. Resolved into related when it arrives.
      CREATE TABLE related_pending (
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('complement', 'alternative')),
        style_code TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (product_id, kind, style_code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX related_pending_by_style ON related_pending (style_code);
    `,
  },
  {
    id: 4,
    name: 'recent stock beside the folded stock',
    sql: `
      -- Levels from deltas since they were last folded into stock, 0 meaning "none left" (the stock row
      -- goes when folded). A delta lands in this small table: its pages stay in memory and are written once,
      -- where the same levels scattered over the millions of stock rows would rewrite most of that table's
      -- pages. The sync thread folds it into stock while idle, a slice per transaction.
      CREATE TABLE stock_recent (
        variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (variant_id, location_id)
      ) STRICT, WITHOUT ROWID;

      -- What every reader reads: the recent level where there is one, the folded one otherwise. SQLite
      -- flattens this into the query that uses it, so a lookup by variant stays two primary-key probes.
      CREATE VIEW stock_now (variant_id, location_id, quantity, changed_at) AS
        SELECT variant_id, location_id, quantity, changed_at FROM stock_recent WHERE quantity > 0
        UNION ALL
        SELECT s.variant_id, s.location_id, s.quantity, s.changed_at FROM stock s
        WHERE NOT EXISTS (SELECT 1 FROM stock_recent r WHERE r.variant_id = s.variant_id AND r.location_id = s.location_id);
    `,
  },
  {
    id: 5,
    name: 'recent stock without foreign-key checks on insert',
    sql: `
      -- The recent stock without foreign keys: checking two parents for each level a delta inserts cost
      -- more than the insert itself (about 1.7 µs of a level's 2.7). Only the applier writes this table, with
      -- variant ids it has just resolved from their SKUs and location ids from this cache's locations, so the
      -- check could never fail; what the keys' ON DELETE CASCADE did, the triggers below do.
      DROP VIEW stock_now;
      CREATE TABLE stock_recent_unchecked (
        variant_id INTEGER NOT NULL,
        location_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (variant_id, location_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO stock_recent_unchecked SELECT variant_id, location_id, quantity, changed_at FROM stock_recent;
      DROP TABLE stock_recent;
      ALTER TABLE stock_recent_unchecked RENAME TO stock_recent;

      -- A variant or location that goes takes its recent levels with it (variants also go by their product's
      -- cascade, which fires these triggers too).
      CREATE TRIGGER variant_gone_from_recent_stock AFTER DELETE ON variants BEGIN
        DELETE FROM stock_recent WHERE variant_id = old.id;
      END;
      CREATE TRIGGER location_gone_from_recent_stock AFTER DELETE ON locations BEGIN
        DELETE FROM stock_recent WHERE location_id = old.id;
      END;

      CREATE VIEW stock_now (variant_id, location_id, quantity, changed_at) AS
        SELECT variant_id, location_id, quantity, changed_at FROM stock_recent WHERE quantity > 0
        UNION ALL
        SELECT s.variant_id, s.location_id, s.quantity, s.changed_at FROM stock s
        WHERE NOT EXISTS (SELECT 1 FROM stock_recent r WHERE r.variant_id = s.variant_id AND r.location_id = s.location_id);
    `,
  },
];
