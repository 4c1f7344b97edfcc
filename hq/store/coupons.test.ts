import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { offerOf } from '../http/couponFixtures';
import { migrate } from './migrate';
import { HQ_MIGRATIONS } from './schema';
import { openSqliteStore } from './sqliteStore';
import { HOME, LOCATIONS } from './testFixtures';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('coupons in a data folder from before them', () => {
  it('migration 4 keeps the upstream keys already taken: a late replay is still answered', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'pillar-hq-coupons-'));
    const db = new Database(path.join(dataDir, 'hq.db'));
    migrate(db, 'hq.db', HQ_MIGRATIONS.slice(0, 3));
    const key = randomUUID();
    const sha = createHash('sha256').update('a rating').digest('hex');
    db.prepare(
      "INSERT INTO upstream_keys (key, kind, store_code, kiosk_id, request_sha256, state, claim_id, claimed_at, status, answer, created_at) VALUES (?, 'rating', ?, 'kiosk-1', ?, 'done', NULL, 1, 201, ?, 1)",
    ).run(key, HOME, sha, JSON.stringify({ id: key, receivedAt: 1 }));
    db.close();

    const store = await openSqliteStore({ dataDir });
    try {
      const replay = await store.claimUpstream({ kind: 'rating', key, storeCode: HOME, kioskId: 'kiosk-1', requestSha256: sha, now: 2 });
      expect(replay).toEqual({ kind: 'answered', answer: { status: 201, body: { id: key, receivedAt: 1 } } });
      // The wider kinds are accepted now.
      const pool = await store.claimUpstream({ kind: 'coupon-pool', key: randomUUID(), storeCode: HOME, kioskId: 'kiosk-1', requestSha256: sha, now: 2 });
      expect(pool.kind).toBe('claimed');
    } finally {
      await store.close();
    }
  });

  it('offers published without codes get their initial pool once, when HQ starts', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'pillar-hq-coupons-'));
    const before = await openSqliteStore({ dataDir, initialCouponPool: 0 });
    await before.publishCatalog({ locations: LOCATIONS });
    await before.putOffer(offerOf('o-check-in', 'check-in', [HOME]));
    await before.putOffer(offerOf('o-bundle', 'bundle', []));
    expect((await before.couponPools()).map(({ offerId, minted }) => [offerId, minted])).toEqual([
      ['o-bundle', 0],
      ['o-check-in', 0],
    ]);
    await before.close();

    const after = await openSqliteStore({ dataDir, initialCouponPool: 25 });
    try {
      expect(await after.mintMissingPools(Date.now())).toBe(1);
      expect(await after.mintMissingPools(Date.now())).toBe(0);
      expect((await after.couponPools()).map(({ offerId, minted, unassigned }) => [offerId, minted, unassigned])).toEqual([
        ['o-bundle', 0, 0],
        ['o-check-in', 25, 25],
      ]);
    } finally {
      await after.close();
    }
  });
});
