import type { Migration } from './migrate';

/**
 * hq.db: what HQ publishes (locations, catalog, stock, offers, settings), the one change log every write
 * appends to, and the pillars' tokens. Each entity keeps its validated protocol JSON (`data`) exactly as
 * it is served, beside the key columns lookups need; stock, the big table (~17M rows at chain scale), is
 * integer ids only.
 */
export const HQ_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'catalog, stock, change log, tokens',
    sql: `
      CREATE TABLE locations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('store', 'warehouse')),
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE colours (
        code TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        style_code TEXT NOT NULL UNIQUE,
        category_id TEXT NOT NULL,
        data TEXT NOT NULL
      ) STRICT;

      -- Ids stay with a SKU for as long as it exists (even when it moves to another style): stock keys on them.
      CREATE TABLE variants (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        gtin TEXT NOT NULL UNIQUE,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        colour_code TEXT NOT NULL
      ) STRICT;
      CREATE INDEX variants_by_product ON variants (product_id);

      -- Variant first: bulk levels arrive variant by variant (appends, not inserts all over the tree), and
      -- a snapshot streams them in the order a pillar's cache is keyed in. A level of zero is no row. No
      -- foreign keys: the store deletes a variant's stock itself (a key-prefix range).
      CREATE TABLE stock (
        variant_id INTEGER NOT NULL,
        location_id INTEGER NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (variant_id, location_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE offers (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL
      ) STRICT;

      -- The one ordered log (shared/sync/protocol.ts). scope: 0 for a change every region gets, else the
      -- one location it concerns (a stock change holds one location's levels; a location.upsert its own
      -- row), so a region's feed is a few index ranges, however much of the log belongs to other regions.
      -- payload: the entity JSON; for stock, [[sku, quantity, changedAt], …] (the location is the scope).
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        feed TEXT NOT NULL CHECK (feed IN ('catalog', 'stock', 'offers', 'settings')),
        scope INTEGER NOT NULL,
        levels INTEGER NOT NULL,
        payload TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_log_by_scope ON change_log (scope, feed, seq, levels);

      -- Changes at or below the floor were compacted away. The head is max(newest seq, floor), so seqs
      -- never repeat even when compaction empties the log.
      CREATE TABLE log_floor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        floor INTEGER NOT NULL
      ) STRICT;
      INSERT INTO log_floor (id, floor) VALUES (1, 0);

      CREATE TABLE kiosk_tokens (
        id INTEGER PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        label TEXT,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;

      -- A till retrying a sale gets the first answer back; the same key with another request is refused.
      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        request_sha256 TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    id: 2,
    name: 'idempotency keys by age',
    // Forgetting old keys on every keyed update must not read the whole table.
    sql: 'CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);',
  },
  {
    id: 3,
    name: 'orders, ratings, help requests, upstream keys',
    sql: `
      -- Exactly once for what the pillars send up (shared/sync/upstream.ts), one row per Idempotency-Key
      -- (the body's id). A first request claims its key ('in-flight', committed on its own); its business
      -- row and its answer then commit together ('done'). A crash between the two leaves a claim that
      -- expires, never a row without its answer. Kept at least 30 days; compaction forgets older keys.
      CREATE TABLE upstream_keys (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help')),
        store_code TEXT NOT NULL,
        kiosk_id TEXT,
        request_sha256 TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in-flight', 'done')),
        claim_id TEXT,
        claimed_at INTEGER NOT NULL,
        status INTEGER,
        answer TEXT,
        created_at INTEGER NOT NULL,
        CHECK ((state = 'done') = (answer IS NOT NULL AND status IS NOT NULL AND claim_id IS NULL))
      ) STRICT;
      CREATE INDEX upstream_keys_by_age ON upstream_keys (created_at);

      -- seq: arrival order, which lists page on (newest first). data: the submission without personal data;
      -- personal: its contact, address, delivery preferences and marketing consent, read for the admin only.
      CREATE TABLE orders (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        code TEXT NOT NULL,
        kiosk_id TEXT,
        request_sha256 TEXT NOT NULL,
        placed_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('received', 'paid', 'shipped', 'ready-for-pickup', 'collected', 'cancelled')),
        status_changed_at INTEGER NOT NULL,
        payment TEXT NOT NULL CHECK (payment IN ('till', 'phone')),
        pay_url TEXT,
        pay_token TEXT UNIQUE,
        total_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        data TEXT NOT NULL,
        personal TEXT NOT NULL,
        UNIQUE (store_code, code)
      ) STRICT;
      CREATE INDEX orders_by_store ON orders (store_code, seq);

      CREATE TABLE ratings (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        kiosk_id TEXT,
        request_sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ratings_by_store ON ratings (store_code, seq);

      CREATE TABLE help_requests (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        kiosk_id TEXT,
        request_sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX help_requests_by_store ON help_requests (store_code, seq);
    `,
  },
];
