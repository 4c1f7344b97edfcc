import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import { KioskError } from '../api/errors';
import { openCache, type Db } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { Catalog } from './catalog';
import { isValidGtin } from './barcode';
import { loadDemoChain } from './demoLoader';

// One real demo chain for the whole file, built by the real migrations and loader (read-only below).
let db: Db;
let cleanup: () => void;
let catalog: Catalog;
const NOW = new Date('2026-11-18T12:00:00Z'); // a Wednesday, 13:00 in Stockholm: stores open

beforeAll(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  db = openCache(path.join(dir.dir, 'cache.db'));
  loadDemoChain(db, { scale: 'demo', homeStore: DEMO_HOME_STORE, now: NOW.getTime() });
  catalog = new Catalog(db, { storeCode: DEMO_HOME_STORE, now: () => NOW });
});
afterAll(() => {
  db.close();
  cleanup();
});

function codeOf(error: () => unknown): string | undefined {
  try {
    error();
  } catch (e) {
    if (e instanceof KioskError) return e.code;
    throw e;
  }
  return undefined;
}

/** A product whose variants include one missing here but in a nearby store, and one sold out everywhere. */
function productWith(predicate: (statuses: string[]) => boolean): string {
  for (const styleCode of db.prepare('SELECT style_code FROM products ORDER BY id').pluck().all() as string[]) {
    const statuses = catalog.availability(styleCode).variants.map((v) => v.status);
    if (predicate(statuses)) return styleCode;
  }
  throw new Error('no such product in the demo chain');
}

describe('catalog: availability', () => {
  it('shows per variant the quantity here, the nearby stores nearest first, and the warehouse', () => {
    const styleCode = productWith((s) => s.includes('here') && s.includes('nearby'));
    const result = catalog.availability(styleCode);
    expect(result.store).toEqual({ code: DEMO_HOME_STORE, name: 'Stockholm Drottninggatan' });
    for (const variant of result.variants) {
      const distances = variant.nearby.map((s) => s.distanceKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(variant.nearby.every((s) => s.quantity > 0 && s.code !== DEMO_HOME_STORE)).toBe(true);
      const expected = variant.here > 0 ? 'here' : variant.nearby.length ? 'nearby' : variant.online > 0 ? 'online' : 'soldout';
      expect(variant.status).toBe(expected);
    }
    const missingHere = result.variants.find((v) => v.status === 'nearby')!;
    expect(missingHere.here).toBe(0);
    expect(missingHere.nearby[0]).toMatchObject({ openNow: true, distanceKm: expect.any(Number), city: expect.any(String) });
  });

  it('says a nearby store is closed outside its opening hours', () => {
    const night = new Catalog(db, { storeCode: DEMO_HOME_STORE, now: () => new Date('2026-11-18T23:30:00Z') });
    const styleCode = productWith((s) => s.includes('nearby'));
    const nearby = night.availability(styleCode).variants.flatMap((v) => v.nearby);
    expect(nearby.length).toBeGreaterThan(0);
    expect(nearby.every((s) => !s.openNow)).toBe(true);
  });

  it('marks variants sold out everywhere, and tells how fresh the stock is', () => {
    const styleCode = productWith((s) => s.includes('soldout'));
    const result = catalog.availability(styleCode);
    const soldOut = result.variants.find((v) => v.status === 'soldout')!;
    expect(soldOut).toMatchObject({ here: 0, nearby: [], online: 0 });
    expect(result.lastSyncAt).toBe(NOW.getTime());
  });

  it('answers NOT_FOUND for an unknown product', () => {
    expect(codeOf(() => catalog.availability('NV-NOPE'))).toBe('NOT_FOUND');
  });
});

describe('catalog: product, barcode, related, categories', () => {
  it('gives the product page everything in the shopper’s language, sizes in size order', () => {
    const styleCode = db.prepare("SELECT p.style_code FROM products p WHERE p.category_id = 'knitwear' LIMIT 1").pluck().get() as string;
    const sv = catalog.product(styleCode, 'sv');
    const el = catalog.product(styleCode, 'el');
    expect(sv.name).not.toBe(el.name);
    expect(sv.description.length).toBeGreaterThan(10);
    expect(sv.category.name).toBe('Stickat');
    expect(sv.sizes.indexOf('XS') < sv.sizes.indexOf('XL') || !sv.sizes.includes('XS')).toBe(true);
    expect(sv.colours.length).toBeGreaterThan(0);
    expect(sv.variants.every((v) => isValidGtin(v.gtin))).toBe(true);
    expect(Object.keys(sv.images).length).toBe(sv.colours.length);
  });

  it('finds the variant of a scanned code, refuses a malformed one, and says when it is unknown', () => {
    const row = db.prepare('SELECT v.gtin, v.sku, p.style_code FROM variants v JOIN products p ON p.id = v.product_id LIMIT 1').get() as {
      gtin: string;
      sku: string;
      style_code: string;
    };
    expect(catalog.byBarcode(row.gtin)).toMatchObject({ sku: row.sku, styleCode: row.style_code });
    expect(codeOf(() => catalog.byBarcode('1234567890123'))).toBe('INVALID_BARCODE');
    expect(codeOf(() => catalog.byBarcode('hello'))).toBe('INVALID_BARCODE');
    expect(codeOf(() => catalog.byBarcode('4006381333931'))).toBe('NOT_FOUND');
  });

  it('completes the look only with products the shopper can get', () => {
    const styleCode = db.prepare("SELECT style_code FROM products WHERE category_id = 'jeans' LIMIT 1").pluck().get() as string;
    const related = catalog.related(styleCode, 'en', 'complement', 6);
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((card) => card.status !== 'soldout' && card.styleCode !== styleCode)).toBe(true);
    expect(related.some((card) => card.category.id !== 'jeans')).toBe(true);
  });

  it('lists the categories in order with a count and a picture', () => {
    const categories = catalog.categories('pl');
    expect(categories.map((c) => c.id)).toEqual(expect.arrayContaining(['jeans', 'knitwear', 'shoes', 'accessories']));
    expect(categories.reduce((n, c) => n + c.productCount, 0)).toBe(600);
    expect(categories.every((c) => c.image?.startsWith('demo/'))).toBe(true);
  });
});

describe('catalog: search through the catalog', () => {
  it('returns product cards a shopper can read: name, price, status, colours', () => {
    const result = catalog.search({ text: 'troja', lang: 'sv', limit: 5, offset: 0 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.items[0]!.name.toLowerCase()).toContain('tröja');
    expect(result.items[0]).toMatchObject({ price: { currency: 'SEK' }, status: expect.stringMatching(/here|nearby|online|soldout/) });
  });

  it('gives each card the first picture of every colour, so a card filtered by colour can show that colour', () => {
    const styleCode = db
      .prepare("SELECT p.style_code FROM products p JOIN variants v ON v.product_id = p.id GROUP BY p.id HAVING count(DISTINCT v.colour_code) > 1 LIMIT 1")
      .pluck()
      .get() as string;
    const detail = catalog.product(styleCode, 'en');
    const [, second] = detail.colours;
    const found = catalog.search({ text: styleCode, lang: 'en', limit: 5, offset: 0, colours: [second!.code] });
    const card = found.items.find((item) => item.styleCode === styleCode)!;
    expect(card.colourImages[second!.code]).toBe(detail.images[second!.code]![0]);
    expect(card.colourImages[second!.code]).not.toBe(card.image);
    expect(Object.keys(card.colourImages).sort()).toEqual(detail.colours.map((colour) => colour.code).sort());
  });

  it('answers UNAVAILABLE for a store that is not in the cached region', () => {
    const elsewhere = new Catalog(db, { storeCode: 'se-umea' });
    expect(elsewhere.ready).toBe(false);
    expect(codeOf(() => elsewhere.search({ text: 'jeans', lang: 'en', limit: 5, offset: 0 }))).toBe('UNAVAILABLE');
  });
});
