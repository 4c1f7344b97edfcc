import { afterEach, describe, expect, it } from 'vitest';
import { LOCATIONS, REGION, type TestStore, product, tempStore } from './testFixtures';
import { StoreInputError } from './store';

let t: TestStore;
afterEach(async () => t?.cleanup());

async function levelsAt(location: string): Promise<Map<string, number>> {
  const state = await t.store.regionState({ ...REGION });
  return new Map(state.stock.filter(([, l]) => l === location).map(([sku, , quantity]) => [sku, quantity]));
}

describe('publishing the catalog', () => {
  it('logs one change per new row and nothing for rows deep-equal to what is stored', async () => {
    t = await tempStore({ chain: false });
    const first = await t.store.publishCatalog({ categories: [{ id: 'tops', sort: 1, names: { en: 'Tops' } }], colours: [{ code: 'black', hex: '#111111', names: { en: 'Black' } }], products: [product(1), product(2)] });
    expect(first).toEqual({ cursor: 4, changes: 4 });

    // The same rows, keys in another order and an unknown key the schema strips: nothing changed.
    const shuffled = { ...product(2), extra: 'ignored', images: { black: ['demo/tops-2-black.svg'] } };
    const again = await t.store.publishCatalog({ categories: [{ names: { en: 'Tops' }, sort: 1, id: 'tops' }], products: [product(1), shuffled] });
    expect(again).toEqual({ cursor: 4, changes: 0 });
    expect(await t.store.head()).toBe(4);

    const changed = await t.store.publishCatalog({ products: [product(1, 2, { priceMinor: 19_900 }), product(2)] });
    expect(changed).toEqual({ cursor: 5, changes: 1 });
    const feed = await t.store.changes({ ...REGION }, 4, { limit: 100, feeds: ['catalog'] });
    expect(feed.changes).toEqual([{ seq: 5, type: 'product.upsert', product: expect.objectContaining({ styleCode: 'ST-1', priceMinor: 19_900 }) }]);
  });

  it('refuses a bad row with its path and writes nothing of the publish', async () => {
    t = await tempStore();
    const bad = { ...product(2), variants: [{ ...product(2).variants[0]!, gtin: '12AB' }] };
    const attempt = t.store.publishCatalog({ products: [product(1), bad, product(3, 1, { categoryId: 'shoes' })] });
    await expect(attempt).rejects.toBeInstanceOf(StoreInputError);
    const error = (await attempt.catch((e: unknown) => e)) as StoreInputError;
    expect(error.issues).toEqual([
      { path: 'products.1.variants.0.gtin', message: 'must be 8–14 digits' },
      { path: 'products.2.categoryId', message: 'unknown category "shoes"' },
    ]);
    expect(await t.store.getProducts(['ST-1'])).toEqual([]);
  });

  it('refuses a SKU or GTIN another product holds, and one listed twice in a publish', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    const thief = product(2, 1, { variants: [{ ...product(1).variants[0]! }] });
    await expect(t.store.publishCatalog({ products: [thief] })).rejects.toMatchObject({ issues: [{ path: 'products.0.variants.0.sku', message: 'SKU ST-1-0 belongs to product ST-1' }] });
    const gtinTwin = product(2, 1, { variants: [{ ...product(2).variants[0]!, gtin: product(1).variants[1]!.gtin }] });
    await expect(t.store.publishCatalog({ products: [gtinTwin] })).rejects.toMatchObject({ issues: [{ path: 'products.0.variants.0.gtin' }] });
    await expect(t.store.publishCatalog({ products: [product(3), product(3)] })).rejects.toMatchObject({ issues: [{ path: 'products.1', message: 'repeats product ST-3 (also at products.0)' }] });
  });

  it('moves a SKU to another product published in the same write, keeping its stock', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1), product(2, 1)] });
    await t.store.importStock([['ST-1-1', REGION.home, 4, 1000]]);
    const moved = product(1).variants[1]!;
    await t.store.publishCatalog({ products: [product(2, 1, { variants: [product(2, 1).variants[0]!, moved] }), product(1, 1)] });
    const [one, two] = await t.store.getProducts(['ST-1', 'ST-2']);
    expect(one!.variants.map((v) => v.sku)).toEqual(['ST-1-0']);
    expect(two!.variants.map((v) => v.sku)).toEqual(['ST-2-0', 'ST-1-1']);
    expect((await levelsAt(REGION.home)).get('ST-1-1')).toBe(4);
  });

  it('drops the stock of a variant a product no longer lists, and of a deleted product', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1, 3), product(2, 1, { related: [{ kind: 'complement', styleCode: 'ST-1', score: 0.9 }] })] });
    await t.store.importStock([
      ['ST-1-0', REGION.home, 1, 1000],
      ['ST-1-2', REGION.home, 2, 1000],
      ['ST-1-2', 'got', 3, 1000],
      ['ST-2-0', REGION.home, 5, 1000],
    ]);
    await t.store.publishCatalog({ products: [product(1, 2)] });
    expect([...(await levelsAt(REGION.home)).keys()]).toEqual(['ST-1-0', 'ST-2-0']);

    const head = await t.store.head();
    expect(await t.store.deleteProducts(['ST-1', 'ST-404'])).toEqual({ cursor: head + 1, changes: 1 });
    expect([...(await levelsAt(REGION.home)).keys()]).toEqual(['ST-2-0']);
    // The feed says only "deleted": a pillar drops the product's variants and stock with it, as HQ did.
    const feed = await t.store.changes({ ...REGION }, head, { limit: 10, feeds: ['catalog', 'stock'] });
    expect(feed.changes).toEqual([{ seq: head + 1, type: 'product.delete', styleCode: 'ST-1' }]);
    // A relation to a product HQ no longer holds is not part of anyone's state.
    const state = await t.store.regionState({ ...REGION });
    expect(state.products.map((p) => [p.styleCode, p.related])).toEqual([['ST-2', []]]);
    // Its SKUs are free for another product now.
    await expect(t.store.publishCatalog({ products: [product(3, 1, { variants: [product(1).variants[0]!] })] })).resolves.toMatchObject({ changes: 1 });
  });

  it('logs a location change scoped to that location, seen only by regions that hold it', async () => {
    t = await tempStore();
    const head = await t.store.head();
    const gothenburg = LOCATIONS.find((l) => l.code === 'got')!;
    await t.store.publishCatalog({ locations: [{ ...gothenburg, phone: '+46 31 390 069 99' }] });
    expect((await t.store.changes({ ...REGION }, head, { limit: 10, feeds: ['catalog'] })).changes).toEqual([]);
    const gotRegion = (await t.store.region('got'))!;
    expect((await t.store.changes(gotRegion, head, { limit: 10, feeds: ['catalog'] })).changes).toEqual([
      { seq: head + 1, type: 'location.upsert', location: { ...gothenburg, phone: '+46 31 390 069 99' } },
    ]);
  });
});
