import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StockTuple } from '../../shared/sync/entities';
import { MAX_LEVELS_PER_CHANGE } from '../../shared/sync/protocol';
import { HOME, REGION, type TestStore, product, tempStore } from './testFixtures';
import { IdempotencyConflict, StoreInputError } from './store';

let t: TestStore;
afterEach(async () => t?.cleanup());

async function level(sku: string, location = HOME): Promise<[number, number] | null> {
  const state = await t.store.regionState({ ...REGION });
  const found = state.stock.find(([s, l]) => s === sku && l === location);
  return found ? [found[2], found[3]] : null;
}

describe('stock updates from tills and the ERP', () => {
  it('applies counts and deltas in order, stops a decrement at zero and says so', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1, 3)] });
    await t.store.importStock([['ST-1-0', HOME, 5, 1000], ['ST-1-1', HOME, 1, 1000]]);
    const head = await t.store.head();

    const result = await t.store.updateStock(
      {
        reason: 'sale',
        changes: [
          { sku: 'ST-1-0', location: HOME, delta: -2 },
          { sku: 'ST-1-1', location: HOME, delta: -3, changedAt: 2000 },
          { sku: 'ST-1-2', location: 'sto-south', quantity: 7 },
          { sku: 'ST-1-0', location: HOME, delta: +1 },
        ],
      },
      { now: 5000 },
    );
    expect(result).toEqual({ cursor: head + 2, applied: 4, clamped: [{ sku: 'ST-1-1', location: HOME }] });
    expect(await level('ST-1-0')).toEqual([4, 5000]);
    expect(await level('ST-1-1')).toBeNull(); // zero is no row
    expect(await level('ST-1-2', 'sto-south')).toEqual([7, 5000]);

    // One stock change per location, the home store's levels together, zero included so a pillar drops its row.
    const feed = await t.store.changes({ ...REGION }, head, { limit: 10, feeds: ['stock'] });
    expect(feed.changes).toEqual([
      { seq: head + 1, type: 'stock', levels: [['ST-1-0', HOME, 4, 5000], ['ST-1-1', HOME, 0, 2000]] },
      { seq: head + 2, type: 'stock', levels: [['ST-1-2', 'sto-south', 7, 5000]] },
    ]);
  });

  it('refuses the whole update when a row names an unknown SKU or location, one issue per bad row', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    await t.store.importStock([['ST-1-0', HOME, 5, 1000]]);
    const head = await t.store.head();
    const attempt = t.store.updateStock({
      reason: 'sale',
      changes: [
        { sku: 'ST-1-0', location: HOME, delta: -1 },
        { sku: 'NOPE-1', location: HOME, delta: -1 },
        { sku: 'ST-1-1', location: 'atlantis', quantity: 3 },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(StoreInputError);
    await expect(attempt).rejects.toMatchObject({
      issues: [
        { path: 'changes.1.sku', message: 'unknown SKU NOPE-1' },
        { path: 'changes.2.location', message: 'unknown location atlantis' },
      ],
    });
    expect(await level('ST-1-0')).toEqual([5, 1000]);
    expect(await t.store.head()).toBe(head);
  });

  it('refuses malformed updates with the schema\'s reasons, and levels above the maximum', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    await expect(t.store.updateStock({ reason: 'sale', changes: [{ sku: 'ST-1-0', location: HOME, quantity: -1 }] })).rejects.toMatchObject({ issues: [{ path: 'changes.0.quantity' }] });
    await expect(t.store.updateStock({ reason: 'gift', changes: [] } as never)).rejects.toBeInstanceOf(StoreInputError);
    await t.store.updateStock({ reason: 'count', changes: [{ sku: 'ST-1-0', location: HOME, quantity: 1_000_000 }] });
    await expect(t.store.updateStock({ reason: 'delivery', changes: [{ sku: 'ST-1-0', location: HOME, delta: 1 }] })).rejects.toMatchObject({ issues: [{ path: 'changes.0.delta', message: 'would take the level above 1000000' }] });
  });

  it('answers a replayed Idempotency-Key with the first result and refuses it with another request', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    await t.store.importStock([['ST-1-0', HOME, 5, 1000]]);
    const sale = { reason: 'sale' as const, changes: [{ sku: 'ST-1-0', location: HOME, delta: -1 }] };
    const first = await t.store.updateStock(sale, { idempotencyKey: 'till-7-receipt-1001', now: 2000 });
    const head = await t.store.head();
    const replay = await t.store.updateStock({ changes: [{ delta: -1, location: HOME, sku: 'ST-1-0' }], reason: 'sale' }, { idempotencyKey: 'till-7-receipt-1001', now: 3000 });
    expect(replay).toEqual(first);
    expect(await level('ST-1-0')).toEqual([4, 2000]); // sold once
    expect(await t.store.head()).toBe(head);
    await expect(t.store.updateStock({ ...sale, changes: [{ ...sale.changes[0]!, delta: -2 }] }, { idempotencyKey: 'till-7-receipt-1001' })).rejects.toBeInstanceOf(IdempotencyConflict);
    await expect(t.store.updateStock(sale, { idempotencyKey: '' })).rejects.toMatchObject({ issues: [{ path: 'idempotencyKey' }] });
  });
});

describe('bulk stock levels', () => {
  it(`logs one change per location of at most ${MAX_LEVELS_PER_CHANGE} levels, and nothing for unchanged levels`, async () => {
    t = await tempStore();
    const products = Array.from({ length: 60 }, (_, i) => product(100 + i, 200));
    await t.store.publishCatalog({ products });
    const head = await t.store.head();
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    const levels: StockTuple[] = skus.flatMap((sku): StockTuple[] => [[sku, HOME, 2, 1000], [sku, 'mmo', 1, 1000]]);
    expect(await t.store.importStock(levels)).toEqual({ cursor: head + 6, changes: 6 }); // 12,000 levels at each of two locations

    const raw = new Database(path.join(t.dataDir, 'hq.db'), { readonly: true });
    const changes = raw.prepare("SELECT scope, levels FROM change_log WHERE type = 'stock' ORDER BY seq").raw().all() as [number, number][];
    raw.close();
    expect(changes.map(([, n]) => n).sort((a, b) => b - a)).toEqual([5000, 5000, 5000, 5000, 2000, 2000]);
    expect(new Set(changes.map(([scope]) => scope)).size).toBe(2);

    // Again, with one level changed and one dropped: two levels logged.
    levels[0] = [skus[0]!, HOME, 3, 2000];
    levels[2] = [skus[1]!, HOME, 0, 2000];
    expect(await t.store.importStock(levels)).toEqual({ cursor: head + 7, changes: 1 });
    expect(await level(skus[0]!)).toEqual([3, 2000]);
    expect(await level(skus[1]!)).toBeNull();
  });

  it('refuses the whole import when a level is unknown or malformed', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    const head = await t.store.head();
    const attempt = t.store.importStock([
      ['ST-1-0', HOME, 2, 1000],
      ['ST-9-9', HOME, 2, 1000],
      ['ST-1-1', HOME, 1.5, 1000] as StockTuple,
    ]);
    await expect(attempt).rejects.toMatchObject({
      issues: [
        { path: 'levels.1.sku', message: 'unknown SKU ST-9-9' },
        { path: 'levels.2.quantity', message: 'must be a whole number from 0 to 1000000' },
      ],
    });
    expect(await t.store.head()).toBe(head);
    expect(await level('ST-1-0')).toBeNull();
  });
});
