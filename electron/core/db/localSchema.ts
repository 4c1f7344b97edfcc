import type { Migration } from './migrate';

/**
 * `local.db`: what only this pillar knows, kept with `synchronous=FULL`. Orders, coupons, ratings and the
 * outbox arrive with their issues; help requests are the first thing a shopper can leave here.
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
];
