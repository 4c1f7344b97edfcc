import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoChain, regionFor } from '../../resources/demo/generator';
import { loadDemo } from '../demo';
import { HQ_MIGRATIONS } from './schema';
import { openSqliteStore } from './sqliteStore';
import { HOME, REGION, type TestStore, tempStore } from './testFixtures';
import { StoreInputError } from './store';

let t: TestStore;
afterEach(async () => t?.cleanup());

describe('regions', () => {
  it('agree with the demo generator\'s regionFor for every store of the full chain', async () => {
    t = await tempStore({ chain: false });
    const chain = demoChain({ scale: 'full' });
    await t.store.publishCatalog({
      locations: chain.locations.map(({ assortment: _assortment, openingHours, ...l }) => ({ ...l, openingHours: openingHours.map((h) => (h ? [h[0], h[1]] : null)) })),
    });
    const stores = chain.locations.filter((l) => l.kind === 'store');
    expect(stores.length).toBeGreaterThan(40);
    for (const store of stores) expect(await t.store.region(store.code)).toEqual(regionFor(chain.locations, store.code));
  });

  it('are null for a code that is not a store', async () => {
    t = await tempStore();
    expect(await t.store.region(HOME)).toEqual(REGION);
    expect(await t.store.region('wh')).toBeNull();
    expect(await t.store.region('atlantis')).toBeNull();
  });
});

describe('the demo chain', () => {
  it('loads every location, product, variant and level, the settings and both offers', async () => {
    t = await tempStore({ chain: false });
    const now = Date.UTC(2026, 10, 1);
    const counts = await loadDemo(t.store, { scale: 'demo', now });
    const chain = demoChain({ scale: 'demo', now });
    let variants = 0;
    for (const p of chain.products()) variants += p.variants.length;
    const levels = [...chain.stock()].length;
    expect(counts).toEqual({ products: chain.productCount, variants, stockLevels: levels, locations: chain.locations.length });

    const region = (await t.store.region('se-sto-drottninggatan'))!;
    expect(region).toEqual(chain.region('se-sto-drottninggatan'));
    const state = await t.store.regionState(region);
    expect(state.products).toHaveLength(600);
    expect(state.products.every((p) => p.related.length > 0)).toBe(true);
    expect(state.stock.length).toBe([...chain.stock([region.home, ...region.nearby, region.warehouse!])].length);
    expect(state.settings).toMatchObject({ shipping: { feeMinor: 4900, freeAboveMinor: 49900 }, holds: { hours: 48 }, returns: { days: 30 } });
    expect(state.offers.map((o) => [o.id, o.kind])).toEqual([['demo-check-in-drottninggatan', 'check-in'], ['demo-today-knitwear', 'today-only']]);
    // Malmö sees the chain-wide deal, not the flagship's check-in.
    expect((await t.store.regionState((await t.store.region('se-mmo-sodergatan'))!)).offers.map((o) => o.id)).toEqual(['demo-today-knitwear']);
  });
});

describe('pillar tokens', () => {
  it('open their own store; only a hash is kept; unknown tokens and stores are refused', async () => {
    t = await tempStore();
    const token = await t.store.issueKioskToken(HOME, 'pillar by the entrance');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const kiosk = await t.store.authenticateKiosk(token);
    expect(kiosk).toEqual({ storeCode: HOME, kioskId: expect.any(String) });
    expect(await t.store.authenticateKiosk(`${token}x`)).toBeNull();
    expect(await t.store.authenticateKiosk('')).toBeNull();
    await expect(t.store.issueKioskToken('wh')).rejects.toBeInstanceOf(StoreInputError);
    await expect(t.store.issueKioskToken('atlantis')).rejects.toBeInstanceOf(StoreInputError);

    // Nowhere in the database (its write-ahead log while open, the file once closed) is the token itself.
    const stored = () => ['hq.db', 'hq.db-wal'].map((name) => path.join(t.dataDir, name)).filter((file) => existsSync(file));
    for (const file of stored()) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
    await t.store.close();
    for (const file of stored()) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
    t.store = await openSqliteStore({ dataDir: t.dataDir });
    expect(await t.store.authenticateKiosk(token)).toEqual(kiosk);
  });
});

describe('the database file', () => {
  it('is migrated once and refused when it was written by another schema history', async () => {
    t = await tempStore();
    await t.store.close();
    const db = new Database(path.join(t.dataDir, 'hq.db'));
    const future = HQ_MIGRATIONS.length + 1;
    db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, 'from the future', 0)").run(future);
    db.close();
    await expect(openSqliteStore({ dataDir: t.dataDir })).rejects.toMatchObject({ name: 'MigrationError' });
    const fix = new Database(path.join(t.dataDir, 'hq.db'));
    fix.prepare('DELETE FROM schema_migrations WHERE id = ?').run(future);
    fix.close();
    t.store = await openSqliteStore({ dataDir: t.dataDir });
    expect(await t.store.region(HOME)).toEqual(REGION);
  });
});
