import { FLEET_MIGRATION } from '../fleet/schema';
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
  {
    id: 4,
    name: 'coupons, pool requests and warnings, till tokens',
    sql: `
      -- Pool requests and coupon issues take idempotency keys too: the table is rebuilt for its wider CHECK
      -- (SQLite cannot alter one), rows and all.
      CREATE TABLE upstream_keys_v4 (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help', 'coupon-pool', 'coupon-issue')),
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
      INSERT INTO upstream_keys_v4 (key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at)
        SELECT key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at FROM upstream_keys;
      DROP TABLE upstream_keys;
      ALTER TABLE upstream_keys_v4 RENAME TO upstream_keys;
      CREATE INDEX upstream_keys_by_age ON upstream_keys (created_at);

      -- Single-use codes, minted by HQ only, unique chain-wide. A code's life: in HQ's pool (kiosk_id NULL),
      -- assigned to one pillar with its valid_until, issued to a shopper (the pillar's issue, or found at
      -- redemption when that has not arrived), redeemed once by a till transaction. Codes outlive their
      -- offer (no foreign key): a deleted offer's code is refused as "offer-ended", not "unknown".
      CREATE TABLE coupons (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        minted_at INTEGER NOT NULL,
        store_code TEXT,
        kiosk_id TEXT,
        pool_request TEXT,
        assigned_at INTEGER,
        valid_until INTEGER,
        issue_id TEXT UNIQUE,
        issue_sha256 TEXT,
        issued_at INTEGER,
        expires_at INTEGER,
        issue_received_at INTEGER,
        redeemed_at INTEGER,
        redeemed_store TEXT,
        redeemed_by TEXT,
        redeemed_transaction TEXT,
        till_at INTEGER,
        redemption TEXT,
        CHECK ((kiosk_id IS NULL) = (assigned_at IS NULL) AND (kiosk_id IS NULL) = (valid_until IS NULL) AND (kiosk_id IS NULL) = (store_code IS NULL)),
        CHECK ((issue_id IS NULL) = (issue_sha256 IS NULL)),
        CHECK (redeemed_at IS NULL OR (kiosk_id IS NOT NULL AND issued_at IS NOT NULL AND redeemed_transaction IS NOT NULL AND redemption IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX coupons_by_code ON coupons (code);
      -- Assigning takes an offer's oldest unassigned codes (kiosk_id NULL, in rowid order); pool counts read it only.
      CREATE INDEX coupons_by_offer ON coupons (offer_id, kiosk_id);
      CREATE INDEX coupons_by_pool_request ON coupons (pool_request) WHERE pool_request IS NOT NULL;

      -- One row per pool request applied: with the codes it assigned, a replay's answer after its key is forgotten.
      CREATE TABLE coupon_pool_requests (
        id TEXT PRIMARY KEY,
        store_code TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        request_sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        short TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pool_warnings (
        id INTEGER PRIMARY KEY,
        offer_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('short', 'low')),
        store_code TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        have INTEGER NOT NULL,
        wanted INTEGER NOT NULL,
        given INTEGER NOT NULL,
        unassigned INTEGER NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX pool_warnings_by_offer ON pool_warnings (offer_id, id);

      -- Tills redeem codes: their tokens open nothing else, and a pillar's token does not redeem.
      CREATE TABLE till_tokens (
        id INTEGER PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        label TEXT,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
    `,
  },
  {
    id: 5,
    name: 'staff actions, help request updates',
    sql: `
      -- Staff actions and help request updates take idempotency keys too: the table is rebuilt for its wider
      -- CHECK (SQLite cannot alter one), rows and all.
      CREATE TABLE upstream_keys_v5 (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help', 'coupon-pool', 'coupon-issue', 'staff-action', 'help-update')),
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
      INSERT INTO upstream_keys_v5 (key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at)
        SELECT key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at FROM upstream_keys;
      DROP TABLE upstream_keys;
      ALTER TABLE upstream_keys_v5 RENAME TO upstream_keys;
      CREATE INDEX upstream_keys_by_age ON upstream_keys (created_at);

      -- The chain's audit trail of what staff did at the pillars (shared/sync/staff.ts), as sent.
      CREATE TABLE staff_actions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        store_code TEXT NOT NULL,
        kiosk_id TEXT,
        staff_id TEXT,
        action TEXT NOT NULL,
        at INTEGER NOT NULL,
        request_sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_actions_by_store ON staff_actions (store_code, seq);

      -- Every acknowledge and resolve a pillar sent, applied or not (an older step arriving after a newer
      -- one is kept here and changes nothing): a replay is answered from its row after its key is forgotten.
      CREATE TABLE help_updates (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        request_id TEXT NOT NULL,
        store_code TEXT NOT NULL,
        kiosk_id TEXT,
        request_sha256 TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX help_updates_by_request ON help_updates (request_id);

      -- Where each help request is now. status_by: the staff member's display name when the step was taken.
      ALTER TABLE help_requests ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved'));
      ALTER TABLE help_requests ADD COLUMN status_staff_id TEXT;
      ALTER TABLE help_requests ADD COLUMN status_by TEXT;
      ALTER TABLE help_requests ADD COLUMN status_changed_at INTEGER;
      -- The store's queue reads its last 12 hours.
      CREATE INDEX help_requests_by_store_received ON help_requests (store_code, received_at);
    `,
  },
  // Enrolment codes, pillars, heartbeats, rollouts (issue 9): kept beside the fleet code that reads them.
  FLEET_MIGRATION,
];
