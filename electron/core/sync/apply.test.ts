import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/sync/entities';
import type { Change, ChangeBatch } from '../../../shared/sync/protocol';
import { loadDemoChain } from '../catalog/demoLoader';
import { openCache, type Db } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { BatchApplier, BatchRejected } from './apply';
import { digestOf, readCacheState } from './state';

let db: Db | null = null;
let cleanup: (() => void) | null = null;
afterEach(() => {
  db?.close();
  db = null;
  cleanup?.();
});

function demoCache(): Db {
  const dir = tempDir();
  cleanup = dir.cleanup;
  db = openCache(path.join(dir.dir, 'cache.db'));
  loadDemoChain(db, { scale: 'demo' });
  db.prepare("INSERT INTO meta (key, value) VALUES ('cursor', '10')").run();
  return db;
}

function batch(changes: Change[], after = 10, cursor = changes.at(-1)?.seq ?? after): ChangeBatch {
  return { protocol: 1, store: 'se-sto-drottninggatan', after, cursor, head: cursor, changes, checksum: createHash('sha256').update(JSON.stringify(changes)).digest('hex') };
}

const cursorOf = (d: Db): number => Number((d.prepare("SELECT value FROM meta WHERE key = 'cursor'").get() as { value: string }).value);
const level = (d: Db, sku: string, location: string): number | undefined =>
  (
    d
      .prepare('SELECT s.quantity FROM stock_now s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE v.sku = ? AND l.code = ?')
      .get(sku, location) as { quantity: number } | undefined
  )?.quantity;

function someSku(d: Db): string {
  return (d.prepare("SELECT v.sku FROM stock_now s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE l.code = 'se-sto-drottninggatan' LIMIT 1").get() as { sku: string }).sku;
}

describe('BatchApplier', () => {
  it('applies stock levels with the cursor in one transaction, zero meaning none', () => {
    const d = demoCache();
    const sku = someSku(d);
    const applier = new BatchApplier(d);
    const applied = applier.apply(
      batch([
        { seq: 11, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 7, 1000]] },
        { seq: 12, type: 'stock', levels: [[sku, 'se-online', 0, 1001], [sku, 'se-sto-gotgatan', 3, 1001]] },
      ]),
    );
    expect(level(d, sku, 'se-sto-drottninggatan')).toBe(7);
    expect(level(d, sku, 'se-online')).toBeUndefined();
    expect(level(d, sku, 'se-sto-gotgatan')).toBe(3);
    expect(cursorOf(d)).toBe(12);
    expect(applied.levels).toBe(3);
    expect(applied.variantIds).toHaveLength(1);
    // The variant, and in stock at home (the pillar's own store) now.
    const id = d.prepare('SELECT id FROM variants WHERE sku = ?').pluck().get(sku) as number;
    expect(applied.stock).toEqual([id, 1]);
    const elsewhere = applier.apply(batch([{ seq: 13, type: 'stock', levels: [[sku, 'se-sto-gotgatan', 4, 1002]] }], 12));
    expect(elsewhere.stock).toEqual([id, -1]);
    const gone = applier.apply(batch([{ seq: 14, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 0, 1003]] }], 13));
    expect(gone.stock).toEqual([id, 0]);
  });

  it('the last level of a SKU at a location in a change wins', () => {
    const d = demoCache();
    const sku = someSku(d);
    new BatchApplier(d).apply(batch([{ seq: 11, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 0, 1], [sku, 'se-sto-drottninggatan', 4, 2]] }]));
    expect(level(d, sku, 'se-sto-drottninggatan')).toBe(4);
  });

  it('rejects a batch with an unknown SKU and leaves the cache and its cursor exactly as they were', () => {
    const d = demoCache();
    const sku = someSku(d);
    const before = level(d, sku, 'se-sto-drottninggatan');
    const applier = new BatchApplier(d);
    const bad = batch([
      { seq: 11, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 99, 1]] },
      { seq: 12, type: 'stock', levels: [['NO-SUCH-SKU', 'se-sto-drottninggatan', 1, 1]] },
    ]);
    expect(() => applier.apply(bad)).toThrow(BatchRejected);
    expect(() => applier.apply(bad)).toThrow(/NO-SUCH-SKU/);
    expect(level(d, sku, 'se-sto-drottninggatan')).toBe(before);
    expect(cursorOf(d)).toBe(10);
  });

  it('commits consecutive batches together at the last cursor, a later batch overriding an earlier one', () => {
    const d = demoCache();
    const sku = someSku(d);
    const applied = new BatchApplier(d).applyAll([
      batch([{ seq: 11, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 5, 1]] }], 10),
      batch([{ seq: 12, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 2, 2]] }], 11),
      batch([{ seq: 13, type: 'stock', levels: [[sku, 'se-sto-gotgatan', 0, 3]] }], 12),
    ]);
    expect(level(d, sku, 'se-sto-drottninggatan')).toBe(2);
    expect(level(d, sku, 'se-sto-gotgatan')).toBeUndefined();
    expect(cursorOf(d)).toBe(13);
    expect(applied).toMatchObject({ cursor: 13, changes: 3 });
  });

  it('takes a batch bigger than one statement, a level repeated across statements keeping the last, and names an unknown SKU among hundreds', () => {
    const d = demoCache();
    const skus = d.prepare('SELECT sku FROM variants ORDER BY id LIMIT 600').pluck().all() as string[];
    const levels: [string, string, number, number][] = skus.map((sku, i) => [sku, 'se-sto-gotgatan', 1 + (i % 9), 5]);
    levels.push([skus[3]!, 'se-sto-gotgatan', 42, 6]);
    const applied = new BatchApplier(d).apply(batch([{ seq: 11, type: 'stock', levels }]));
    expect(applied.levels).toBe(601);
    expect(level(d, skus[3]!, 'se-sto-gotgatan')).toBe(42);
    expect(level(d, skus[599]!, 'se-sto-gotgatan')).toBe(1 + (599 % 9));

    const bad = [...levels.slice(0, 300), ['NO-SUCH-SKU', 'se-sto-gotgatan', 1, 7] as [string, string, number, number], ...levels.slice(300)];
    expect(() => new BatchApplier(d).apply(batch([{ seq: 12, type: 'stock', levels: bad }], 11))).toThrow(/NO-SUCH-SKU/);
    expect(cursorOf(d)).toBe(11);
  });

  it('folds recent levels into the stock table, a slice per transaction, with the stock readers see unchanged', () => {
    const d = demoCache();
    const here = d.prepare("SELECT v.sku FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE l.code = 'se-sto-drottninggatan' ORDER BY v.id LIMIT 3").pluck().all() as string[];
    const nowhere = d.prepare("SELECT sku FROM variants v WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id) LIMIT 2").pluck().all() as string[];
    const applier = new BatchApplier(d);
    applier.apply(
      batch([
        { seq: 11, type: 'stock', levels: [[here[0]!, 'se-sto-drottninggatan', 0, 9], [here[1]!, 'se-sto-drottninggatan', 31, 9], [nowhere[0]!, 'se-sto-drottninggatan', 2, 9], [nowhere[1]!, 'se-online', 0, 9]] },
      ]),
    );
    const before = digestOf(readCacheState(d));
    expect(level(d, here[0]!, 'se-sto-drottninggatan')).toBeUndefined();
    expect(applier.recentLevels()).toBe(4);

    expect(applier.fold(1)).toBe(1);
    expect(applier.recentLevels()).toBe(3);
    expect(digestOf(readCacheState(d))).toBe(before);
    while (applier.fold(2) > 0);
    expect(applier.recentLevels()).toBe(0);
    expect(digestOf(readCacheState(d))).toBe(before);
    // Folded into the stock table itself: a row gone, a row changed, a row new.
    const folded = (sku: string): number | undefined =>
      (d.prepare("SELECT s.quantity FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE v.sku = ? AND l.code = 'se-sto-drottninggatan'").pluck().get(sku) as number | undefined);
    expect(folded(here[0]!)).toBeUndefined();
    expect(folded(here[1]!)).toBe(31);
    expect(folded(nowhere[0]!)).toBe(2);
    expect(applier.fold(100)).toBe(0);
  });

  it('refuses a group as a whole when one of its batches is bad: nothing of the earlier batches stays', () => {
    const d = demoCache();
    const sku = someSku(d);
    const before = level(d, sku, 'se-sto-drottninggatan');
    const group = [
      batch([{ seq: 11, type: 'stock', levels: [[sku, 'se-sto-drottninggatan', 42, 1]] }], 10),
      batch([{ seq: 12, type: 'stock', levels: [['NO-SUCH-SKU', 'se-sto-drottninggatan', 1, 2]] }], 11),
    ];
    expect(() => new BatchApplier(d).applyAll(group)).toThrow(/NO-SUCH-SKU/);
    expect(level(d, sku, 'se-sto-drottninggatan')).toBe(before);
    expect(cursorOf(d)).toBe(10);
  });

  it('rejects stock at a location outside the region', () => {
    const d = demoCache();
    expect(() => new BatchApplier(d).apply(batch([{ seq: 11, type: 'stock', levels: [[someSku(d), 'se-mmo-sodergatan', 1, 1]] }]))).toThrow(/not in this pillar's region/);
  });

  it('upserts a product (texts, variants, relations) and deletes one, cascading its stock', () => {
    const d = demoCache();
    const state = readCacheState(d);
    const products = [...state.products];
    const first = products[0] as Product;
    const second = products[1] as Product;
    const changed: Product = {
      ...first,
      priceMinor: first.priceMinor + 100,
      texts: { ...first.texts, en: { name: 'Renamed coat', description: 'New words' } },
      variants: first.variants.slice(1),
      related: [{ kind: 'complement', styleCode: second.styleCode, score: 0.5 }],
    };
    const dropped = first.variants[0]!.sku;
    const applied = new BatchApplier(d).apply(batch([{ seq: 11, type: 'product.upsert', product: changed }, { seq: 12, type: 'product.delete', styleCode: second.styleCode }]));
    expect(applied.catalogChanged).toBe(true);

    const after = [...readCacheState(d).products];
    const updated = after.find((p) => p.styleCode === first.styleCode)!;
    expect(updated.priceMinor).toBe(first.priceMinor + 100);
    expect(updated.texts.en?.name).toBe('Renamed coat');
    expect(updated.variants.map((v) => v.sku)).not.toContain(dropped);
    // The relation went with the product it pointed at.
    expect(updated.related).toEqual([]);
    expect(after.some((p) => p.styleCode === second.styleCode)).toBe(false);
    expect(d.prepare('SELECT count(*) AS n FROM stock_now s JOIN variants v ON v.id = s.variant_id WHERE v.sku = ?').get(dropped)).toEqual({ n: 0 });
  });

  it('recent levels go with their variant, product or location: nothing in stock_recent points nowhere', () => {
    const d = demoCache();
    const [first, second] = [...readCacheState(d).products] as [Product, Product];
    const applier = new BatchApplier(d);
    const levels = [...first.variants, ...second.variants].flatMap((v) => [
      [v.sku, 'se-sto-drottninggatan', 4, 1000] as const,
      [v.sku, 'se-sto-gotgatan', 2, 1000] as const,
    ]);
    applier.apply(batch([{ seq: 11, type: 'stock', levels: levels.map((l) => [...l]) }]));
    const recent = (): number => d.prepare('SELECT count(*) FROM stock_recent').pluck().get() as number;
    const orphans = (): number =>
      d
        .prepare(
          `SELECT count(*) FROM stock_recent r
           WHERE NOT EXISTS (SELECT 1 FROM variants v WHERE v.id = r.variant_id) OR NOT EXISTS (SELECT 1 FROM locations l WHERE l.id = r.location_id)`,
        )
        .pluck()
        .get() as number;
    expect(recent()).toBe(levels.length);

    // A variant dropped from its product, then a whole product deleted (its variants go by cascade).
    applier.apply(batch([{ seq: 12, type: 'product.upsert', product: { ...first, variants: first.variants.slice(1) } }], 11));
    expect(recent()).toBe(levels.length - 2);
    applier.apply(batch([{ seq: 13, type: 'product.delete', styleCode: second.styleCode }], 12));
    expect(recent()).toBe(2 * (first.variants.length - 1));
    // A location that goes (HQ closes a store: the pillar resnapshots, but the cache must hold either way).
    d.prepare("DELETE FROM locations WHERE code = 'se-sto-gotgatan'").run();
    expect(recent()).toBe(first.variants.length - 1);
    expect(orphans()).toBe(0);
    expect(d.pragma('foreign_key_check')).toEqual([]);
  });

  it('a relation to a product that arrives later, or comes back after a delete, is there once it is', () => {
    const d = demoCache();
    const [first, second] = [...readCacheState(d).products] as [Product, Product];
    const newcomer: Product = { ...second, styleCode: 'NV-90001', variants: second.variants.map((v, i) => ({ ...v, sku: `NV-90001-${i}`, gtin: String(9_000_000_000_000 + i) })), related: [] };
    const applier = new BatchApplier(d);
    const relatedOf = (styleCode: string): string[] => [...readCacheState(d).products].find((p) => p.styleCode === styleCode)!.related.map((r) => r.styleCode);

    applier.apply(batch([{ seq: 11, type: 'product.upsert', product: { ...first, related: [{ kind: 'complement', styleCode: 'NV-90001', score: 0.9 }] } }]));
    expect(relatedOf(first.styleCode)).toEqual([]);
    applier.apply(batch([{ seq: 12, type: 'product.upsert', product: newcomer }], 11));
    expect(relatedOf(first.styleCode)).toEqual(['NV-90001']);
    applier.apply(batch([{ seq: 13, type: 'product.delete', styleCode: 'NV-90001' }], 12));
    expect(relatedOf(first.styleCode)).toEqual([]);
    applier.apply(batch([{ seq: 14, type: 'product.upsert', product: newcomer }], 13));
    expect(relatedOf(first.styleCode)).toEqual(['NV-90001']);
  });

  it('refuses a product in a category the cache does not have', () => {
    const d = demoCache();
    const product = [...readCacheState(d).products][0] as Product;
    expect(() => new BatchApplier(d).apply(batch([{ seq: 11, type: 'product.upsert', product: { ...product, categoryId: 'hats' } }]))).toThrow(/category "hats"/);
  });

  it('keeps offers and settings', () => {
    const d = demoCache();
    const settings = {
      shipping: { freeWhenMissingInStore: true, feeMinor: 4900, freeAboveMinor: 49900, currency: 'SEK', byCountry: {} },
      delivery: { warehouseLeadDays: 1, cutoff: '15:00', carrierDays: { min: 1, max: 3 }, peaks: [], holidays: {} },
      holds: { hours: 48 },
      returns: { days: 30, free: true, inStore: true, byPost: true },
      checkout: { confirmationResetSeconds: 60 },
      staff: { accounts: [], idleSeconds: 120 },
    };
    const applier = new BatchApplier(d);
    const applied = applier.apply(batch([{ seq: 11, type: 'settings', settings }, { seq: 12, type: 'offer.delete', id: 'none' }]));
    expect(applied.settingsChanged && applied.offersChanged).toBe(true);
    expect(readCacheState(d).settings).toEqual(settings);
  });
});
