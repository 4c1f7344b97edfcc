import type { Migration } from './migrate';

/**
 * `local.db`: what only this pillar knows, kept with `synchronous=FULL`: help requests, orders, ratings,
 * the coupon codes HQ assigned to this pillar, staff actions and the PIN pad's lockout, and the outbox
 * that carries them to HQ.
 */
export const LOCAL_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'help requests',
    sql: `
      CREATE TABLE help_requests (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        screen TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        acknowledged_at INTEGER,
        resolved_at INTEGER
      ) STRICT;
      CREATE INDEX help_requests_open ON help_requests (status, created_at);
    `,
  },
  {
    id: 2,
    name: 'orders, ratings and the outbox',
    // An order and its outbox row are written in one transaction (orders/orders.ts); the outbox row's id is
    // the business row's id and the Idempotency-Key HQ sees. Personal data lives in orders.personal and in
    // the outbox payload only until HQ acknowledges the order; both are then set to NULL in one transaction.
    sql: `
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        placed_at INTEGER NOT NULL,
        lang TEXT NOT NULL,
        payment TEXT NOT NULL CHECK (payment IN ('till', 'phone')),
        -- JSON: the lines as the shopper confirmed them (names, prices, fulfilment), no personal data.
        lines TEXT NOT NULL CHECK (json_valid(lines)),
        currency TEXT NOT NULL,
        items_minor INTEGER NOT NULL,
        shipping_minor INTEGER NOT NULL,
        total_minor INTEGER NOT NULL,
        delivery_from TEXT,
        delivery_to TEXT,
        delivery_day TEXT,
        -- JSON: [{ store, name, until }] for the lines held at a store.
        holds TEXT NOT NULL CHECK (json_valid(holds)),
        -- JSON: the returns policy shown on the summary.
        returns TEXT NOT NULL CHECK (json_valid(returns)),
        reset_after_seconds INTEGER NOT NULL,
        -- JSON: contact, address, delivery preferences with the safe place, marketing consent. NULL after HQ's ack.
        personal TEXT CHECK (personal IS NULL OR json_valid(personal)),
        delivery_state TEXT NOT NULL DEFAULT 'pending' CHECK (delivery_state IN ('pending', 'delivered', 'rejected')),
        hq_status TEXT,
        pay_url TEXT,
        assisted_by TEXT,
        note TEXT
      ) STRICT;
      CREATE UNIQUE INDEX orders_by_code ON orders (code);
      CREATE INDEX orders_by_placed_at ON orders (placed_at);

      CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        order_id TEXT REFERENCES orders (id),
        stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        comment TEXT,
        lang TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help')),
        -- JSON: the exact body posted on every attempt (HQ refuses the same key with another body). NULL once delivered.
        payload TEXT CHECK (payload IS NULL OR json_valid(payload)),
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        -- Why the last attempt failed (never personal data), NULL after a success.
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
        delivered_at INTEGER,
        -- JSON: HQ's receipt.
        answer TEXT CHECK (answer IS NULL OR json_valid(answer))
      ) STRICT;
      CREATE INDEX outbox_pending_by_age ON outbox (state, created_at);
      CREATE INDEX outbox_by_delivered_at ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
    `,
  },
  {
    id: 3,
    name: 'coupon pools, and coupon issues in the outbox',
    // Codes HQ minted and assigned to this pillar (coupons/): free until issued to a shopper's session. A
    // code is issued in the transaction that writes its outbox row (kind 'coupon-issue'), so the shopper never
    // sees a code HQ will not hear of. The outbox is rebuilt to widen its kinds (SQLite cannot alter a
    // CHECK); its rows keep their rowids, which order rows written in the same millisecond.
    sql: `
      CREATE TABLE coupon_pool (
        code TEXT PRIMARY KEY,
        offer_id TEXT NOT NULL,
        -- The store HQ assigned it for: a pillar moved to another store does not hand out the old store's codes.
        store TEXT NOT NULL,
        -- Epoch ms after which HQ refuses it whenever it was issued (the offer's end).
        valid_until INTEGER NOT NULL,
        assigned_at INTEGER NOT NULL,
        issued_at INTEGER,
        -- The shopper session it went to, and when it stops being valid (issued codes only).
        session TEXT,
        expires_at INTEGER,
        CHECK ((issued_at IS NULL) = (session IS NULL) AND (issued_at IS NULL) = (expires_at IS NULL))
      ) STRICT;
      CREATE INDEX coupon_pool_free_by_offer ON coupon_pool (offer_id, store, assigned_at) WHERE issued_at IS NULL;
      CREATE UNIQUE INDEX coupon_pool_one_per_session_and_offer ON coupon_pool (session, offer_id) WHERE session IS NOT NULL;
      CREATE INDEX coupon_pool_by_issued_at ON coupon_pool (issued_at) WHERE issued_at IS NOT NULL;

      -- A top-up request to HQ until its answer is stored: replayed after a restart under the same key, so
      -- codes HQ assigned to an answer that was lost still reach the pool.
      CREATE TABLE coupon_requests (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE outbox_widened (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help', 'coupon-issue')),
        payload TEXT CHECK (payload IS NULL OR json_valid(payload)),
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
        delivered_at INTEGER,
        answer TEXT CHECK (answer IS NULL OR json_valid(answer))
      ) STRICT;
      INSERT INTO outbox_widened (rowid, id, kind, payload, created_at, attempts, next_attempt_at, last_attempt_at, last_error, state, delivered_at, answer)
        SELECT rowid, id, kind, payload, created_at, attempts, next_attempt_at, last_attempt_at, last_error, state, delivered_at, answer FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_widened RENAME TO outbox;
      CREATE INDEX outbox_pending_by_age ON outbox (state, created_at);
      CREATE INDEX outbox_by_delivered_at ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
    `,
  },
  {
    id: 4,
    name: 'staff mode: the audit trail, the PIN pad lockout, help requests from the store',
    // Staff actions are written with their outbox row (kind 'staff-action') in one transaction, like orders.
    // help_requests now also keeps requests of other pillars of the store that staff here took or closed
    // (kiosk = that pillar's id at HQ; NULL = made here), with who moved them and when. The outbox is
    // rebuilt once more to widen its kinds.
    sql: `
      CREATE TABLE staff_actions (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        -- NULL for a failed sign-in or a lockout: no account was proven.
        staff_id TEXT,
        action TEXT NOT NULL,
        -- JSON: ids and codes only, never a shopper's personal data or a PIN.
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX staff_actions_by_at ON staff_actions (at);

      -- One row: wrong PINs in a row, lockouts since the last right PIN, and until when the pad is locked.
      CREATE TABLE staff_lockout (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL DEFAULT 0,
        lockouts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER
      ) STRICT;
      INSERT INTO staff_lockout (id) VALUES (1);

      ALTER TABLE help_requests ADD COLUMN kiosk TEXT;
      -- Who took or closed it: the staff member's name as the queue shows it, and their staff id.
      ALTER TABLE help_requests ADD COLUMN by_name TEXT;
      ALTER TABLE help_requests ADD COLUMN by_staff TEXT;
      ALTER TABLE help_requests ADD COLUMN changed_at INTEGER;
      UPDATE help_requests SET changed_at = coalesce(resolved_at, acknowledged_at, created_at);

      CREATE TABLE outbox_widened (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('order', 'rating', 'help', 'coupon-issue', 'staff-action', 'help-update')),
        payload TEXT CHECK (payload IS NULL OR json_valid(payload)),
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_attempt_at INTEGER,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
        delivered_at INTEGER,
        answer TEXT CHECK (answer IS NULL OR json_valid(answer))
      ) STRICT;
      INSERT INTO outbox_widened (rowid, id, kind, payload, created_at, attempts, next_attempt_at, last_attempt_at, last_error, state, delivered_at, answer)
        SELECT rowid, id, kind, payload, created_at, attempts, next_attempt_at, last_attempt_at, last_error, state, delivered_at, answer FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_widened RENAME TO outbox;
      CREATE INDEX outbox_pending_by_age ON outbox (state, created_at);
      CREATE INDEX outbox_by_delivered_at ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
    `,
  },
];
