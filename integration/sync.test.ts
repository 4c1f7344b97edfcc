/**
 * Sync end to end: the real HQ service (in this process, on loopback) and the kiosk core syncing from it,
 * directly and through a proxy that makes HQ misbehave.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityOutput, SearchOutput } from '../shared/api/catalog';
import type { Result } from '../shared/api/result';
import type { ActiveOffer, FacetsOutput, HelpOutput, StoresOutput } from '../shared/api/shopper';
import type { StockChanged, SyncStatus } from '../shared/api/sync';
import { canonicalLines } from '../shared/sync/digest';
import type { Region } from '../shared/sync/protocol';
import { startHq, type RunningHq } from '../hq/server';
import { createKiosk, type Kiosk } from '../electron/core/kiosk';
import { capturingLogger, tempDir, writeJson } from '../electron/core/testing/fixtures';
import { currentCacheFile } from '../electron/core/sync/cacheFile';
import { SyncEngine } from '../electron/core/sync/engine';
import { runSync } from '../electron/core/sync/syncCommand';
import { cacheDigest } from '../electron/core/sync/state';

const STORE = 'se-sto-drottninggatan';
const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };
let hq: RunningHq;
let token: string;
let region: Region;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const dir = tempDir('pillar-hq-');
  cleanups.push(dir.cleanup);
  hq = await startHq({ dataDir: dir.dir, port: 0, demo: 'demo', log: false });
  token = await hq.issueKioskToken(STORE);
  region = (await hq.store.region(STORE)) as Region;
}, 60_000);

afterAll(async () => {
  await hq.close();
  for (const cleanup of cleanups) cleanup();
});

async function hqDigest(): Promise<{ cursor: number; digest: string }> {
  const state = await hq.store.regionState(region);
  const hash = createHash('sha256');
  for (const line of canonicalLines(state)) hash.update(`${line}\n`);
  return { cursor: state.cursor, digest: hash.digest('hex') };
}

function cacheState(dataDir: string): { cursor: number | null; digest: string } | null {
  const file = currentCacheFile(dataDir);
  if (!existsSync(file)) return null;
  const db = new Database(file);
  try {
    return cacheDigest(db);
  } finally {
    db.close();
  }
}

async function until<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A sale of one unit of some variant stocked in the home store. */
async function sellOne(): Promise<{ sku: string; styleCode: string; quantity: number }> {
  const state = await hq.store.regionState(region);
  const level = state.stock.find(([, location, quantity]) => location === STORE && quantity > 1);
  if (!level) throw new Error('no stock to sell');
  const [sku, , quantity] = level;
  const styleCode = state.products.find((p) => p.variants.some((v) => v.sku === sku))?.styleCode ?? '';
  await hq.store.updateStock({ reason: 'sale', changes: [{ sku, location: STORE, delta: -1 }] });
  return { sku, styleCode, quantity: quantity - 1 };
}

describe('the kiosk synced from HQ', () => {
  let kiosk: Kiosk;
  let dataDir: string;

  beforeAll(async () => {
    const dir = tempDir('pillar-kiosk-');
    cleanups.push(dir.cleanup);
    dataDir = dir.dir;
    const config = writeJson(dir.dir, 'pillar.config.json', {
      store: { id: STORE, name: 'Stockholm Drottninggatan' },
      hq: { url: hq.url, token },
      branding: { name: 'NORRVIK', accent: '#1f4d3a' },
    });
    kiosk = createKiosk({ app, config: { source: 'flag', path: config }, dataDir, log: capturingLogger().log, watchConfig: false });
  });

  afterAll(async () => {
    await kiosk.close();
  });

  it('provisions from a snapshot in its worker thread: the catalog answers with HQ data', async () => {
    await until(() => kiosk.syncStatus().phase === 'following' && kiosk.catalog(), 'provisioning', 60_000);
    const status = kiosk.syncStatus();
    expect(status.source).toBe('hq');
    expect(status.cursor).toBe((await hqDigest()).cursor);
    const result = (await kiosk.dispatcher.dispatch('catalog.search', { text: 'jeans', lang: 'en', limit: 5, offset: 0 })) as Result<SearchOutput>;
    expect(result.ok && result.value.total).toBeGreaterThan(0);
    expect(cacheState(dataDir)?.digest).toBe((await hqDigest()).digest);
  }, 60_000);

  it('answers the shopper screens from the synced cache: stores for a variant, filters, offers, call staff', async () => {
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const result = (await kiosk.dispatcher.dispatch(method, input)) as Result<T>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    };
    const state = await hq.store.regionState(region);
    const [sku] = state.stock.find(([, location, quantity]) => location === STORE && quantity > 0)!;
    const stores = await call<StoresOutput>('catalog.stores', { sku });
    expect(stores.status).toBe('here');
    expect(stores.stores[0]).toMatchObject({ code: STORE, here: true, distanceKm: 0 });
    expect(stores.stores.slice(1).every((s, i, all) => i === 0 || all[i - 1]!.distanceKm <= s.distanceKm)).toBe(true);
    expect(stores.stores[0]!.openingHours).toHaveLength(7);

    const facets = await call<FacetsOutput>('catalog.facets', { lang: 'sv', category: 'jeans' });
    expect(facets.sizes.length).toBeGreaterThan(3);
    expect(facets.colours.every((c) => c.name.length > 0 && /^#/.test(c.hex))).toBe(true);

    const offers = await call<ActiveOffer[]>('offers.active', { lang: 'en' });
    expect(offers.map((o) => o.kind).sort()).toEqual(['check-in', 'today-only']);
    expect(offers.every((o) => o.endsAt > Date.now())).toBe(true);

    const first = await call<HelpOutput>('help.request', { screen: 'product', styleCode: state.products[0]!.styleCode });
    const again = await call<HelpOutput>('help.request', { screen: 'product' });
    expect(again.id).toBe(first.id);
  });

  it('a sale posted to HQ reaches an open product through the live channel, with a stockChanged event', async () => {
    await until(() => kiosk.syncStatus().live, 'the live channel');
    const events: string[][] = [];
    const off = kiosk.events.onAny((name, payload) => name === 'catalog.stockChanged' && events.push((payload as StockChanged).styleCodes));
    const sale = await sellOne();
    await until(() => events.some((codes) => codes.includes(sale.styleCode)), 'the stockChanged event');
    off();
    const availability = (await kiosk.dispatcher.dispatch('catalog.availability', { styleCode: sale.styleCode })) as Result<AvailabilityOutput>;
    if (!availability.ok) throw new Error(availability.error.message);
    const row = availability.value.variants.find((v) => v.sku === sale.sku);
    expect(row?.here).toBe(sale.quantity);
    // The sale landed in the recent stock; once HQ has been quiet a moment the sync thread folds it into
    // the stock table, and the cache still equals HQ's state.
    const recentLevels = (): number => {
      const db = new Database(currentCacheFile(dataDir), { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM stock_recent').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    await until(() => recentLevels() === 0, 'the recent stock folded', 15_000);
    const head = await hqDigest();
    expect(cacheState(dataDir)).toEqual({ cursor: head.cursor, digest: head.digest });
  }, 30_000);
});

/**
 * HQ behind a proxy that misbehaves on request: down, 500s, cut-off bodies, malformed JSON, a wrong
 * checksum, batches that break the schema or name an unknown SKU. The real HQ answers; the proxy spoils it.
 */
type Fault = 'none' | 'down' | '500' | 'truncate' | 'malformed' | 'checksum' | 'negative' | 'unknown-sku';

function faultyProxy(target: string): Promise<{ url: string; set(fault: Fault): void; close(): Promise<void> }> {
  let fault: Fault = 'none';
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    if (fault === 'down') return req.socket.destroy();
    if (fault === '500') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end('{"error":{"code":"INTERNAL","message":"boom"}}');
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const changes = (req.url ?? '').includes('/changes');
      if (!changes || fault === 'none' || up.statusCode !== 200) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        return up.pipe(res);
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(spoil(body, fault));
      });
    });
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        set: (next) => (fault = next),
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

function spoil(body: string, fault: Fault): string {
  if (fault === 'truncate') return body.slice(0, Math.floor(body.length / 2));
  if (fault === 'malformed') return `${body.slice(0, 20)}}{not json`;
  const batch = JSON.parse(body) as { changes: { type: string; levels?: [string, string, number, number][] }[]; checksum: string };
  const stock = batch.changes.find((c) => c.type === 'stock');
  if (stock?.levels?.[0]) {
    if (fault === 'checksum') stock.levels[0][2] += 5; // checksum left as it was
    if (fault === 'negative') stock.levels[0][2] = -3;
    if (fault === 'unknown-sku') stock.levels[0][0] = 'NV-NOPE-XX';
    if (fault !== 'checksum') batch.checksum = createHash('sha256').update(JSON.stringify(batch.changes)).digest('hex');
  }
  return JSON.stringify(batch);
}

describe('sync when HQ misbehaves', () => {
  it.each<[Fault, RegExp]>([
    ['down', /cannot be reached/],
    ['500', /answered 500/],
    ['truncate', /not JSON/],
    ['malformed', /not JSON/],
    ['checksum', /does not match its checksum/],
    ['negative', /fails its schema/],
    ['unknown-sku', /SKU NV-NOPE-XX/],
  ])('%s: keeps serving its last good cache, logs one line per failure, shows it, and recovers by itself', async (fault, message) => {
    const proxy = await faultyProxy(hq.url);
    const dir = tempDir('pillar-faulty-');
    const log = capturingLogger();
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine({
      dataDir: dir.dir,
      hq: { url: proxy.url, token },
      storeCode: STORE,
      log: log.log,
      live: false,
      removeOldCaches: true,
      timing: { pollMs: 100, backoffBaseMs: 50, backoffMaxMs: 200 },
      onStatus: (status) => statuses.push(status),
    });
    try {
      await engine.syncOnce();
      const good = cacheState(dir.dir);
      engine.start();

      proxy.set(fault);
      await sellOne();
      const failed = await until(() => statuses.find((s) => s.phase === 'retrying' && s.lastError), 'a reported failure');
      expect(failed.lastError?.message).toMatch(message);
      const warnings = (): Record<string, unknown>[] => log.lines().filter((l) => l['level'] === 40);
      await until(() => warnings().length >= 2, 'a second attempt');
      // One line per failed attempt, saying what failed; and the cache did not move.
      expect(warnings().every((l) => message.test(String(l['msg'])))).toBe(true);
      expect(cacheState(dir.dir)).toEqual(good);

      proxy.set('none');
      const head = await hqDigest();
      await until(() => cacheState(dir.dir)?.cursor === head.cursor, 'recovery');
      expect(cacheState(dir.dir)?.digest).toBe(head.digest);
      await until(() => engine.status.phase === 'following' && engine.status.lastError === null, 'a clean status');
    } finally {
      await engine.stop();
      await proxy.close();
      dir.cleanup();
    }
  }, 30_000);

  it('IT\'s sync command provisions a cache, then brings it to HQ\'s head with nothing left to fold', async () => {
    const dir = tempDir('pillar-preprovisioned-');
    try {
      const sync = (): Promise<number> => runSync({ hq: hq.url, token, dataDir: dir.dir, follow: false, json: true });
      expect(await sync()).toBe(0);
      await sellOne();
      expect(await sync()).toBe(0);
      const head = await hqDigest();
      expect(cacheState(dir.dir)).toEqual({ cursor: head.cursor, digest: head.digest });
      const db = new Database(currentCacheFile(dir.dir), { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) FROM stock_recent').pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('takes a fresh snapshot by itself when HQ has compacted past its cursor', async () => {
    const dir = tempDir('pillar-compacted-');
    const engine = new SyncEngine({ dataDir: dir.dir, hq: { url: hq.url, token }, storeCode: STORE, log: capturingLogger().log, live: false, removeOldCaches: true });
    try {
      await engine.syncOnce();
      const before = cacheState(dir.dir);
      await sellOne();
      await hq.store.compact(await hq.store.head());
      await engine.syncOnce();
      const head = await hqDigest();
      expect(cacheState(dir.dir)).toEqual({ cursor: head.cursor, digest: head.digest });
      expect(before?.cursor).toBeLessThan(head.cursor);
    } finally {
      await engine.stop();
      dir.cleanup();
    }
  }, 30_000);
});
