import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StockTuple } from '../../shared/sync/entities';
import { ChangeBatch, FEEDS, MAX_LEVELS_PER_BATCH, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { HOME, REGION, type TestStore, product, tempStore } from './testFixtures';
import { CursorExpired, StoreInputError } from './store';
import type { Offer } from '../../shared/sync/entities';

let t: TestStore;
afterEach(async () => t?.cleanup());

const ALL = { limit: 2000, feeds: FEEDS };

function offer(id: string, stores: string[]): Offer {
  return {
    id,
    kind: 'today-only',
    stores,
    schedule: { start: '2026-01-01T00:00:00', end: '2027-01-01T00:00:00' },
    texts: { en: { title: 'Today only', body: '', terms: '' } },
    discount: { percent: 10 },
  };
}

describe('a region\'s change feed', () => {
  it('leaves out a sale at a store outside the region, and its cursor passes it', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    await t.store.importStock([['ST-1-0', 'mmo', 3, 1000], ['ST-1-0', HOME, 3, 1000]]);
    const head = await t.store.head();

    await t.store.updateStock({ reason: 'sale', changes: [{ sku: 'ST-1-0', location: 'mmo', delta: -1 }] }, { now: 2000 });
    const quiet = await t.store.changes({ ...REGION }, head, ALL);
    expect(quiet).toEqual({ changes: [], cursor: head + 1, head: head + 1 });
    const malmo = await t.store.changes((await t.store.region('mmo'))!, head, ALL);
    expect(malmo.changes).toEqual([{ seq: head + 1, type: 'stock', levels: [['ST-1-0', 'mmo', 2, 2000]] }]);

    await t.store.updateStock({ reason: 'sale', changes: [{ sku: 'ST-1-0', location: HOME, delta: -1 }] }, { now: 3000 });
    const sale = await t.store.changes({ ...REGION }, head + 1, ALL);
    expect(sale).toEqual({ changes: [{ seq: head + 2, type: 'stock', levels: [['ST-1-0', HOME, 2, 3000]] }], cursor: head + 2, head: head + 2 });
  });

  it('gives each region the offers that run in its store; one that moves away arrives as a delete', async () => {
    t = await tempStore();
    const head = await t.store.head();
    await t.store.putOffer(offer('chain', []));
    await t.store.putOffer(offer('here', [HOME]));
    await t.store.putOffer(offer('there', ['mmo']));
    await t.store.putOffer(offer('here', ['mmo']));
    await t.store.deleteOffer('chain');
    await t.store.deleteOffer('never-was'); // nothing to delete: nothing logged
    const feed = await t.store.changes({ ...REGION }, head, ALL);
    expect(feed.changes).toEqual([
      { seq: head + 1, type: 'offer.upsert', offer: offer('chain', []) },
      { seq: head + 2, type: 'offer.upsert', offer: offer('here', [HOME]) },
      { seq: head + 3, type: 'offer.delete', id: 'there' },
      { seq: head + 4, type: 'offer.delete', id: 'here' },
      { seq: head + 5, type: 'offer.delete', id: 'chain' },
    ]);
    expect((await t.store.regionState({ ...REGION })).offers).toEqual([]);
    expect((await t.store.regionState((await t.store.region('mmo'))!)).offers.map((o) => o.id)).toEqual(['here', 'there']);
  });

  it('follows only the feeds asked for, and its cursor still passes the others', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    const head = await t.store.head();
    await t.store.importStock([['ST-1-0', HOME, 3, 1000]]);
    await t.store.publishCatalog({ products: [product(1, 2, { priceMinor: 100 })] });
    const stockOnly = await t.store.changes({ ...REGION }, head, { limit: 10, feeds: ['stock'] });
    expect(stockOnly.changes.map((c) => c.type)).toEqual(['stock']);
    expect(stockOnly.cursor).toBe(head + 2);
  });

  it(`is bounded by the limit and by ${MAX_LEVELS_PER_BATCH} levels a batch, and every batch is one the protocol accepts`, async () => {
    t = await tempStore();
    const products = Array.from({ length: 75 }, (_, i) => product(1000 + i, 200));
    await t.store.publishCatalog({ products });
    const head = await t.store.head();
    // 15,000 levels at each of five locations: three changes each, four locations in the region, and
    // Göteborg's three logged between the Stockholm stores' and Uppsala's.
    const locations = [HOME, 'sto-south', 'sto-north', 'got', 'upp'];
    const levels = locations.flatMap((location) => products.flatMap((p) => p.variants.map((v): StockTuple => [v.sku, location, 1, 1000])));
    await t.store.importStock(levels);
    await t.store.putSettings({
      shipping: { freeWhenMissingInStore: true, feeMinor: 4900, freeAboveMinor: 49900, currency: 'SEK', byCountry: {} },
      delivery: { warehouseLeadDays: 1, cutoff: '15:00', carrierDays: { min: 1, max: 3 }, peaks: [], holidays: {} },
      holds: { hours: 48 },
      returns: { days: 30, free: true, inStore: true, byPost: true },
      checkout: { confirmationResetSeconds: 60 },
      staff: { accounts: [], idleSeconds: 120 },
    });
    const end = await t.store.head();

    const batches = [];
    let after = head;
    while (after < end) {
      const batch = await t.store.changes({ ...REGION }, after, { limit: 5, feeds: FEEDS });
      const wire = { protocol: PROTOCOL_VERSION, store: HOME, after, ...batch, checksum: createHash('sha256').update(JSON.stringify(batch.changes)).digest('hex') };
      expect(() => ChangeBatch.parse(wire)).not.toThrow();
      batches.push(batch);
      after = batch.cursor;
    }
    const sizes = batches.map((b) => b.changes.reduce((n, c) => n + (c.type === 'stock' ? c.levels.length : 0), 0));
    expect(batches.map((b) => b.changes.length)).toEqual([5, 5, 3]);
    expect(sizes).toEqual([25_000, 25_000, 10_000]);
    expect(batches.at(-1)!.changes.at(-1)).toMatchObject({ type: 'settings' });

    const big = await t.store.changes({ ...REGION }, head, { limit: 2000, feeds: FEEDS });
    expect(big.changes.length).toBe(10);
    expect(big.changes.reduce((n, c) => n + (c.type === 'stock' ? c.levels.length : 0), 0)).toBe(MAX_LEVELS_PER_BATCH);
    // The cursor stops right before the change that did not fit, never past one of the region's own.
    const all = batches.flatMap((b) => b.changes);
    expect(big.cursor).toBe(all[10]!.seq - 1);
    // …and passes the changes of other regions on the way there.
    const nine = await t.store.changes({ ...REGION }, head, { limit: 9, feeds: FEEDS });
    expect(nine.changes.at(-1)!.seq).toBe(head + 9);
    expect(nine.cursor).toBe(head + 12);
  });

  it('refuses a cursor the log was compacted past, and one ahead of the head', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1), product(2), product(3)] });
    const head = await t.store.head();
    expect(await t.store.compact(head - 2)).toBe(head - 2);
    expect(await t.store.floor()).toBe(head - 2);
    expect(await t.store.compact(1)).toBe(head - 2); // never lowers the floor

    await expect(t.store.changes({ ...REGION }, head - 3, ALL)).rejects.toBeInstanceOf(CursorExpired);
    const fromFloor = await t.store.changes({ ...REGION }, head - 2, ALL);
    expect(fromFloor.changes.map((c) => c.seq)).toEqual([head - 1, head]);
    await expect(t.store.changes({ ...REGION }, head + 1, ALL)).rejects.toBeInstanceOf(StoreInputError);

    // Compacting everything keeps the head: new changes never reuse a seq a pillar has seen.
    expect(await t.store.compact(head + 100)).toBe(head);
    expect(await t.store.head()).toBe(head);
    expect(await t.store.publishCatalog({ products: [product(4)] })).toEqual({ cursor: head + 1, changes: 1 });
    // The state survives compaction.
    expect((await t.store.regionState({ ...REGION })).products.map((p) => p.styleCode)).toEqual(['ST-1', 'ST-2', 'ST-3', 'ST-4']);
  });
});
