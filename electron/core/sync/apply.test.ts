import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/sync/entities';
import type { Change, ChangeBatch } from '../../../shared/sync/protocol';
import { loadDemoChain } from '../catalog/demoLoader';
import { openCache, type Db } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { BatchApplier, BatchRejected } from './apply';
import { readCacheState } from './state';

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
      .prepare('SELECT s.quantity FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE v.sku = ? AND l.code = ?')
      .get(sku, location) as { quantity: number } | undefined
  )?.quantity;

function someSku(d: Db): string {
  return (d.prepare("SELECT v.sku FROM stock s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE l.code = 'se-sto-drottninggatan' LIMIT 1").get() as { sku: string }).sku;
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
    expect(new Set(applied.variantIds).size).toBe(1);
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
    expect(d.prepare('SELECT count(*) AS n FROM stock s JOIN variants v ON v.id = s.variant_id WHERE v.sku = ?').get(dropped)).toEqual({ n: 0 });
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
