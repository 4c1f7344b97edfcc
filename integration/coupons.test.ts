/**
 * Coupons end to end: the real HQ (in this process, on loopback) with the demo chain's check-in offer, a
 * kiosk synced from it through a proxy that can take HQ away or lose its answers, the shopper's claims
 * through the kiosk API, and a till redeeming at HQ. A pool answer lost after HQ assigned the codes is
 * replayed under its key; a code claimed while HQ is down is shown at once and its issue reaches HQ once
 * it is back; HQ redeems it once and refuses it the second time; no code ever reaches the kiosk's log.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimOutput, CouponPools } from '../shared/api/coupons';
import type { OutboxStatus } from '../shared/api/orders';
import type { Result } from '../shared/api/result';
import type { ActiveOffer } from '../shared/api/shopper';
import { RedeemAnswer } from '../shared/sync/coupons';
import { startHq, type RunningHq } from '../hq/server';
import { createKiosk, kioskPaths, type Kiosk } from '../electron/core/kiosk';
import { capturingLogger, tempDir, writeJson } from '../electron/core/testing/fixtures';
import { startFaultyProxy, type FaultyProxy } from '../faults/faultyProxy';

const STORE = 'se-sto-drottninggatan';
const CHECK_IN = 'demo-check-in-drottninggatan';
const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };

let hq: RunningHq;
let proxy: FaultyProxy;
let kiosk: Kiosk;
let dataDir: string;
const log = capturingLogger();
const cleanups: (() => void)[] = [];
/** The keys of the pool requests the proxy saw, and the one whose answer it dropped after HQ committed. */
const poolKeys: string[] = [];
let droppedKey: string | null = null;

async function until<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await kiosk.dispatcher.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const hqPool = async (offerId: string) => (await hq.store.couponPools()).find((pool) => pool.offerId === offerId);
const available = async (offerId: string): Promise<number> => (await call<CouponPools>('coupons.pools', {})).find((pool) => pool.offerId === offerId)?.available ?? 0;

async function redeem(code: string, token: string, transaction: string): Promise<{ status: number; body: RedeemAnswer }> {
  const response = await fetch(`${hq.url}/v1/coupons/${code}/redeem`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ store: STORE, transaction }),
  });
  return { status: response.status, body: RedeemAnswer.parse(await response.json()) };
}

beforeAll(async () => {
  const hqDir = tempDir('pillar-hq-coupons-');
  cleanups.push(hqDir.cleanup);
  hq = await startHq({ dataDir: hqDir.dir, port: 0, demo: 'demo', log: false });
  const token = await hq.issueKioskToken(STORE);
  proxy = await startFaultyProxy(hq.url);
  // The pillar's first pool request reaches HQ, which assigns the codes; its answer is lost on the way back.
  proxy.decide((request) => {
    if (request.path !== '/v1/coupons/pool' || !request.key) return 'pass';
    poolKeys.push(request.key);
    if (droppedKey === null) {
      droppedKey = request.key;
      return 'drop-after';
    }
    return 'pass';
  });
  const dir = tempDir('pillar-kiosk-coupons-');
  cleanups.push(dir.cleanup);
  dataDir = dir.dir;
  const config = writeJson(dir.dir, 'pillar.config.json', {
    store: { id: STORE, name: 'Stockholm Drottninggatan' },
    hq: { url: proxy.url, token },
    branding: { name: 'NORRVIK', accent: '#1f4d3a' },
  });
  kiosk = createKiosk({
    app,
    config: { source: 'flag', path: config },
    dataDir,
    log: log.log,
    watchConfig: false,
    syncTiming: { pollMs: 200, livePollMs: 1_000, backoffBaseMs: 50, backoffMaxMs: 300 },
    outboxTiming: { baseMs: 20, maxMs: 200 },
  });
  await until(() => kiosk.syncStatus().phase === 'following' && kiosk.catalog(), 'provisioning', 60_000);
}, 90_000);

afterAll(async () => {
  await kiosk?.close();
  await proxy?.close();
  await hq?.close();
  for (const cleanup of cleanups) cleanup();
});

// Each waits for sync, deliveries and HQ over loopback: generous limits for a busy machine (no timing is asserted).
describe('coupons against the real HQ', { timeout: 60_000 }, () => {
  it('tops up the pool once synced; a lost answer is replayed under the same key and the pillar holds exactly the codes HQ assigned', async () => {
    await until(async () => (await available(CHECK_IN)) >= 100, 'the check-in pool');
    expect(poolKeys.length).toBeGreaterThanOrEqual(2);
    expect(poolKeys.filter((key) => key === droppedKey).length).toBeGreaterThanOrEqual(2);
    // HQ gave this pillar 100 codes for the offer, not 100 per attempt.
    expect((await hqPool(CHECK_IN))?.assigned).toBe(100);
    expect(await available(CHECK_IN)).toBe(100);
    const pools = await call<CouponPools>('coupons.pools', {});
    expect(pools.map((pool) => pool.offerId).sort()).toEqual([CHECK_IN, 'demo-today-knitwear']);
  });

  it('a code claimed while HQ is down is shown at once, reaches HQ when it is back, and redeems at a till once', async () => {
    const offers = await call<ActiveOffer[]>('offers.active', { lang: 'sv' });
    expect(offers.find((offer) => offer.id === CHECK_IN)).toMatchObject({ kind: 'check-in', checkIn: { platform: 'instagram' } });

    proxy.decide(() => 'down');
    const session = randomUUID();
    const claimed = await call<ClaimOutput>('coupons.claim', { offerId: CHECK_IN, session, lang: 'sv' });
    if (claimed.state !== 'issued') throw new Error(`not issued: ${claimed.state}`);
    expect(claimed.coupon).toMatchObject({ offerId: CHECK_IN, percent: 10, title: 'Checka in – få 10 % rabatt' });
    expect(claimed.coupon.expiresAt).toBeGreaterThan(Date.now());
    expect(await call<ClaimOutput>('coupons.claim', { offerId: CHECK_IN, session, lang: 'en' })).toMatchObject({ state: 'already', coupon: { code: claimed.coupon.code } });

    const waiting = await until(async () => {
      const status = await call<OutboxStatus>('outbox.status', {});
      return status.pending === 1 && status.lastError ? status : null;
    }, 'a failed delivery');
    expect(waiting.lastError).toMatch(/cannot be reached/);
    expect((await hqPool(CHECK_IN))?.issued).toBe(0);

    proxy.decide(() => 'pass');
    await until(async () => (await call<OutboxStatus>('outbox.status', {})).pending === 0, 'the issue delivered');
    expect((await hqPool(CHECK_IN))?.issued).toBe(1);

    const till = await hq.store.issueTillToken(STORE, 'till 1');
    const first = await redeem(claimed.coupon.code, till, 'receipt-1001');
    expect(first).toMatchObject({ status: 200, body: { ok: true, code: claimed.coupon.code, offerId: CHECK_IN, discount: { percent: 10 } } });
    const second = await redeem(claimed.coupon.code, till, 'receipt-1002');
    expect(second).toMatchObject({ status: 409, body: { ok: false, reason: 'already-used' } });
  });

  it('never writes a code into the kiosk’s log', () => {
    const db = new Database(kioskPaths(dataDir).local, { readonly: true });
    const codes = db.prepare('SELECT code FROM coupon_pool').pluck().all() as string[];
    db.close();
    expect(codes.length).toBeGreaterThanOrEqual(100);
    const text = log.text();
    expect(text).toMatch(/coupons: HQ topped up the pool/);
    for (const code of codes) expect(text).not.toContain(code);
  });
});
