import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import { type Db, openCache } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { Catalog } from './catalog';
import { loadDemoChain } from './demoLoader';
import { CatalogSearch, type SearchQuery } from './search';
import type { SearchLang } from './searchIndex';
import { Superseded } from './timeSlice';

// Every slice one step: the most pauses, so every pause point is exercised.
const SLICED = { sliceMs: 0 } as const;
const LANGS: SearchLang[] = ['en', 'sv', 'pl', 'el'];

let db: Db;
let cleanup: () => void;
let homeId: number;

beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  db = openCache(path.join(dir.dir, 'cache.db'));
  loadDemoChain(db, { scale: 'demo', homeStore: DEMO_HOME_STORE, now: Date.UTC(2026, 10, 18, 12) });
  homeId = db.prepare('SELECT id FROM locations WHERE code = ?').pluck().get(DEMO_HOME_STORE) as number;
});

afterEach(() => {
  db.close();
  cleanup();
});

/** Queries that between them touch every part of the index: words, prefixes, typos, Greeklish, codes, filters, paging. */
function queries(): SearchQuery[] {
  const sizes = db.prepare('SELECT DISTINCT size FROM variants ORDER BY size LIMIT 3').pluck().all() as string[];
  const colours = db.prepare('SELECT code FROM colours ORDER BY code LIMIT 2').pluck().all() as string[];
  const category = db.prepare('SELECT id FROM categories ORDER BY sort LIMIT 1').pluck().get() as string;
  const styleCode = db.prepare('SELECT style_code FROM products ORDER BY id DESC LIMIT 1').pluck().get() as string;
  const texts = ['', 'a', 'tr', 'troja', 'jeans', 'swetr', 'kafe', 'μπλε', 'sweter welna', 'nv', styleCode, styleCode.slice(-4), 'jacka'];
  const filters: Partial<SearchQuery>[] = [{}, { inStoreOnly: true }, { sizes, inStoreOnly: true }, { colours }, { category }];
  return LANGS.flatMap((lang) =>
    texts.flatMap((text) => filters.flatMap((filter) => [0, 40].map((offset) => ({ text, lang, limit: 40, offset, ...filter })))),
  );
}

/** Everything "in this store" as search sees it, all pages, in order. */
function inStore(search: CatalogSearch): string[] {
  const codes: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = search.search({ text: '', lang: 'en', inStoreOnly: true, limit: 100, offset });
    codes.push(...page.items.map((item) => item.styleCode));
    if (page.items.length < 100) return codes;
  }
}

function renameProduct(productId: number, name: string): void {
  db.prepare("UPDATE product_texts SET name = ? WHERE product_id = ? AND lang = 'en'").run(name, productId);
}

/** Some variants stocked here and some not, with their stock here flipped. */
function flipHomeStock(count: number): number[] {
  const stocked = db.prepare('SELECT variant_id FROM stock WHERE location_id = ? ORDER BY variant_id LIMIT ?').pluck().all(homeId, count) as number[];
  const unstocked = db
    .prepare('SELECT id FROM variants v WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id AND s.location_id = ?) ORDER BY id DESC LIMIT ?')
    .pluck()
    .all(homeId, count) as number[];
  db.transaction(() => {
    for (const id of stocked) db.prepare('DELETE FROM stock WHERE variant_id = ? AND location_id = ?').run(id, homeId);
    for (const id of unstocked) db.prepare('INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, ?, 3, 1)').run(id, homeId);
  })();
  return [...stocked, ...unstocked];
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

describe('search rebuilds without blocking', () => {
  it('search: the index built in slices answers exactly as the one built at once', async () => {
    const atOnce = new CatalogSearch(db);
    const sliced = await CatalogSearch.open(db, SLICED);
    const all = queries();
    expect(all.length).toBeGreaterThan(500);
    for (const query of all) expect(sliced.search(query), JSON.stringify(query)).toEqual(atOnce.search(query));
    // And a rebuild in slices of an index already answering gives the same again.
    await sliced.refreshAsync();
    for (const query of all) expect(sliced.search(query), JSON.stringify(query)).toEqual(atOnce.search(query));
  });

  it('search: while a rebuild runs, searches answer from the old index; the new one answers once it is swapped in', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    const rebuilt = search.refreshAsync();
    await turns(3);
    expect(search.rebuilding).toBe(true);
    // Committed after the rebuild read its snapshot: not in it, and not yet answering.
    renameProduct(1, 'Zanzibar Parka');
    expect(search.search({ text: 'zanzibar', lang: 'en', limit: 5, offset: 0 }).total).toBe(0);
    expect(search.search({ text: 'jeans', lang: 'en', limit: 5, offset: 0 }).total).toBeGreaterThan(0);
    await rebuilt;
    expect(search.rebuilding).toBe(false);
    expect(search.search({ text: 'zanzibar', lang: 'en', limit: 5, offset: 0 }).total).toBe(0);
    // A request after the change: the index it answers with has read it.
    await search.refreshAsync();
    expect(search.search({ text: 'zanzibar', lang: 'en', limit: 5, offset: 0 }).items.map((item) => item.productId)).toEqual([1]);
  });

  it('search: a rebuild requested during a rebuild ends with the newest data, and both callers are answered', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    renameProduct(1, 'Zanzibar Parka');
    const first = search.refreshAsync();
    await turns(20);
    expect(search.rebuilding).toBe(true);
    renameProduct(2, 'Quokka Anorak');
    const second = search.refreshAsync();
    await Promise.all([first, second]);
    const find = (text: string): number[] => search.search({ text, lang: 'en', limit: 5, offset: 0 }).items.map((item) => item.productId);
    expect(find('zanzibar')).toEqual([1]);
    expect(find('quokka')).toEqual([2]);
    const fresh = new CatalogSearch(db);
    for (const query of queries().slice(0, 200)) expect(search.search(query)).toEqual(fresh.search(query));
  });

  it('search: stock flags after an update in slices match a fresh build, and the changed products are named', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    const before = inStore(search);
    const changed = flipHomeStock(60);
    const update = await search.updateStockAsync(changed);
    const fresh = new CatalogSearch(db);
    expect(inStore(search)).toEqual(inStore(fresh));
    expect(inStore(search)).not.toEqual(before);
    for (const query of queries().filter((q) => q.inStoreOnly)) expect(search.search(query)).toEqual(fresh.search(query));
    const expected = db
      .prepare('SELECT DISTINCT p.style_code FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(changed)) as string[];
    expect([...update.styleCodes].sort()).toEqual(expected.sort());
  });

  it('search: a stock change during a rebuild is not lost when the rebuild, read before it, is swapped in', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    const rebuilt = search.refreshAsync();
    await turns(3);
    expect(search.rebuilding).toBe(true);
    const changed = flipHomeStock(40);
    await search.updateStockAsync(changed);
    await rebuilt;
    expect(inStore(search)).toEqual(inStore(new CatalogSearch(db)));
  });

  it('search: a stock update refuses ids that are not integers, and changes nothing', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    const before = inStore(search);
    await expect(search.updateStockAsync([1, 'x' as unknown as number])).rejects.toBeInstanceOf(TypeError);
    expect(() => search.updateStock([Number.NaN])).toThrow(TypeError);
    expect(inStore(search)).toEqual(before);
  });

  it('search: closing stops a rebuild under way; the index already built still answers', async () => {
    const search = await CatalogSearch.open(db, SLICED);
    const rebuilt = search.refreshAsync();
    await turns(3);
    search.close();
    await expect(rebuilt).rejects.toBeInstanceOf(Superseded);
    expect(search.search({ text: 'jeans', lang: 'en', limit: 5, offset: 0 }).total).toBeGreaterThan(0);
  });
});

describe('catalog without blocking', () => {
  it('catalog: opened in slices, it answers like one built at once, and keeps stock and texts current', async () => {
    const now = () => new Date('2026-11-18T12:00:00Z');
    const atOnce = new Catalog(db, { storeCode: DEMO_HOME_STORE, now });
    const catalog = await Catalog.open(db, { storeCode: DEMO_HOME_STORE, now, ...SLICED });
    expect(catalog.ready).toBe(true);
    const query = { text: 'troja', lang: 'sv', limit: 10, offset: 0 } as const;
    expect(catalog.search(query)).toEqual(atOnce.search(query));

    const changed = flipHomeStock(10);
    const { styleCodes } = await catalog.stockChangedAsync(changed);
    expect(styleCodes.length).toBeGreaterThan(0);
    expect(atOnce.stockChanged(changed).styleCodes.sort()).toEqual([...styleCodes].sort());
    const inStoreQuery = { text: '', lang: 'en', inStoreOnly: true, limit: 100, offset: 0 } as const;
    expect(catalog.searchIds(inStoreQuery)).toEqual(atOnce.searchIds(inStoreQuery));

    renameProduct(3, 'Wombat Gilet');
    await catalog.refreshAsync();
    expect(catalog.search({ text: 'wombat', lang: 'en', limit: 5, offset: 0 }).items.map((card) => card.name)).toEqual(['Wombat Gilet']);
    catalog.close();
  });
});
