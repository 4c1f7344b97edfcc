import type { Migration } from '../store/migrate';

/**
 * hq.db migration 6 (issue 9): one-time enrolment codes, what each enrolled pillar said about itself,
 * its heartbeats (the latest and a short history) and IT's rollouts. Codes are kept as SHA-256 only,
 * like tokens: a copy of hq.db enrols no pillar.
 */
export const FLEET_MIGRATION: Migration = {
  id: 6,
  name: 'enrolment codes, pillars, heartbeats, rollouts',
  sql: `
    CREATE TABLE enrol_codes (
      code_sha256 TEXT PRIMARY KEY,
      store_code TEXT NOT NULL,
      label TEXT,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      kiosk_token_id INTEGER,
      CHECK ((used_at IS NULL) = (kiosk_token_id IS NULL))
    ) STRICT;

    -- One row per pillar that enrolled (a pillar given a token by hand has none): keyed by its token row.
    CREATE TABLE kiosk_devices (
      kiosk_token_id INTEGER PRIMARY KEY,
      hostname TEXT NOT NULL,
      platform TEXT NOT NULL,
      app_version TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL
    ) STRICT;

    -- The newest heartbeats of each pillar (HEARTBEAT_HISTORY of them); the newest is the pillar's state.
    CREATE TABLE heartbeats (
      id INTEGER PRIMARY KEY,
      kiosk_token_id INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX heartbeats_by_kiosk ON heartbeats (kiosk_token_id, id);

    -- Every rollout IT recorded, newest last; the newest per channel is in force.
    CREATE TABLE rollouts (
      id INTEGER PRIMARY KEY,
      channel TEXT NOT NULL,
      version TEXT NOT NULL,
      percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
      stores TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX rollouts_by_channel ON rollouts (channel, id);
  `,
};
