import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { HQ_MIGRATIONS } from './schema';
import { openSqliteStore } from './sqliteStore';
import { HOME } from './testFixtures';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('staff mode in a data folder from before it', () => {
  it('migration 5 keeps the upstream keys and help requests: old requests are open in the queue, and can be taken', async () => {
    // hq.db as an HQ of before staff mode left it: migration 4, a store, a help request and its key.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'pillar-hq-staff-'));
    const db = new Database(path.join(dataDir, 'hq.db'));
    migrate(db, 'hq.db', HQ_MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO locations (code, kind, lat, lon, data) VALUES (?, 'store', 59.33, 18.06, '{}')").run(HOME);
    const key = randomUUID();
    const sha = createHash('sha256').update('a help request').digest('hex');
    const asked = Date.now() - 60_000;
    db.prepare(
      "INSERT INTO upstream_keys (key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at) VALUES (?, 'help', ?, NULL, ?, 'done', NULL, 1, 201, ?, 1)",
    ).run(key, HOME, sha, JSON.stringify({ id: key, receivedAt: asked }));
    db.prepare('INSERT INTO help_requests (id, store_code, kiosk_id, request_sha256, received_at, data) VALUES (?, ?, NULL, ?, ?, ?)').run(
      key,
      HOME,
      sha,
      asked,
      JSON.stringify({ id: key, store: HOME, at: asked, screen: 'start' }),
    );
    db.close();

    const store = await openSqliteStore({ dataDir });
    try {
      expect(await store.claimUpstream({ kind: 'help', key, storeCode: HOME, kioskId: null, requestSha256: sha, now: 2 })).toEqual({
        kind: 'answered',
        answer: { status: 201, body: { id: key, receivedAt: asked } },
      });
      expect((await store.staff.helpQueue(HOME, 0)).requests).toEqual([{ id: key, kiosk: 'unknown', at: asked, screen: 'start', status: 'open', by: null, changedAt: asked }]);

      const update = { id: randomUUID(), requestId: key, store: HOME, status: 'acknowledged' as const, staffId: 'S-1001', at: asked + 1_000 };
      const upstream = { kind: 'help-update' as const, key: update.id, storeCode: HOME, kioskId: 'kiosk-1', requestSha256: sha, now: Date.now() };
      const claim = await store.claimUpstream(upstream);
      if (claim.kind !== 'claimed') throw new Error('a new key is claimed');
      expect((await store.staff.receiveHelpUpdate(update, { ...upstream, claimId: claim.claimId })).status).toBe(201);
      // No settings published in this folder: the staff id stands for the name.
      expect((await store.staff.helpQueue(HOME, 0)).requests[0]).toMatchObject({ status: 'acknowledged', by: 'S-1001', changedAt: asked + 1_000 });
    } finally {
      await store.close();
    }
  });
});
