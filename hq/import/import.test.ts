import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoChain } from '../../resources/demo/generator';
import { openSqliteStore } from '../store/sqliteStore';
import type { HqStore } from '../store/store';
import { ImportError, importFiles } from './index';

const SAMPLES = path.join(import.meta.dirname, 'samples');
const sample = (name: string) => path.join(SAMPLES, name);
const FLAGSHIP = { home: 'se-sto-drottninggatan', nearby: ['se-sto-gotgatan'], warehouse: 'se-online' };

let dir: string;
let store: HqStore;

/** A store holding the demo chain's locations, categories and colours (the samples refer to them), no products. */
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pillar-hq-import-'));
  store = await openSqliteStore({ dataDir: path.join(dir, 'hq') });
  const chain = demoChain({ scale: 'demo' });
  await store.publishCatalog({
    locations: chain.locations.map(({ assortment: _assortment, openingHours, ...l }) => ({ ...l, openingHours: openingHours.map((h) => (h ? [h[0], h[1]] : null)) })),
    categories: chain.categories.map(({ id, sort, names }) => ({ id, sort, names: { ...names } })),
    colours: chain.colours.map(({ code, hex, names }) => ({ code, hex, names: { ...names } })),
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

async function refusal(attempt: Promise<unknown>): Promise<ImportError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importing the retailer\'s exports', () => {
  it('publishes a CSV catalog and its CSV stock, prices in minor units, and logs nothing when imported again', async () => {
    const report = await importFiles(store, { catalog: sample('catalog.csv'), stock: sample('stock.csv') }, { now: 5000 });
    expect(report).toMatchObject({
      catalog: { format: 'csv', products: 3, variants: 8 },
      stock: { format: 'csv', levels: 9 },
    });
    const [jeans, tee] = await store.getProducts(['NV-90001', 'NV-90002']);
    expect(jeans).toMatchObject({ priceMinor: 59_900, currency: 'SEK', categoryId: 'jeans', images: { indigo: ['demo/jeans-1-indigo.svg'] } });
    expect(jeans!.variants.map((v) => [v.sku, v.size, v.sizeSort])).toEqual([['NV-90001-IND-3032', '30/32', 3032], ['NV-90001-IND-3232', '32/32', 3232], ['NV-90001-IND-3432', '34/32', 3432]]);
    expect(tee!.texts.sv).toEqual({ name: 'Visby Ekologisk t-shirt', description: 'Mjuk ekologisk bomull.\nNormal passform.' });
    expect(tee!.texts.el?.name).toBe('Visby Οργανικό μπλουζάκι');

    const state = await store.regionState(FLAGSHIP);
    expect(state.stock.filter(([sku]) => sku.startsWith('NV-9000'))).toEqual([
      ['NV-90001-IND-3032', 'se-sto-drottninggatan', 2, 5000],
      ['NV-90001-IND-3232', 'se-sto-gotgatan', 1, 5000],
      ['NV-90001-IND-3432', 'se-online', 14, 5000],
      ['NV-90002-BLK-M', 'se-sto-drottninggatan', 3, 5000],
      ['NV-90002-BLK-S', 'se-sto-drottninggatan', 5, 5000],
      ['NV-90002-OWH-M', 'se-online', 20, 5000],
      ['NV-90003-CAM-OS', 'se-online', 11, 5000],
      ['NV-90003-CAM-OS', 'se-sto-drottninggatan', 4, 5000],
    ]);

    const head = await store.head();
    expect(await importFiles(store, { catalog: sample('catalog.csv'), stock: sample('stock.csv') }, { now: 5000 })).toMatchObject({ cursor: head, changes: 0 });
  });

  it('publishes a JSON catalog with its own category and colour, and JSON stock', async () => {
    const report = await importFiles(store, { catalog: sample('catalog.json'), stock: sample('stock.json') });
    expect(report).toMatchObject({ catalog: { format: 'json', categories: 1, colours: 1, products: 1, variants: 3 }, stock: { format: 'json', levels: 3 } });
    const state = await store.regionState(FLAGSHIP);
    expect(state.categories.map((c) => c.id)).toContain('sweatshirts');
    expect(state.stock.filter(([sku]) => sku.startsWith('NV-90010'))).toHaveLength(3);
  });

  it('keeps what a CSV does not carry — ratings, relations, a language without columns — for products HQ holds', async () => {
    await importFiles(store, { catalog: sample('catalog.csv') });
    const [held] = await store.getProducts(['NV-90003']);
    await store.publishCatalog({ products: [{ ...held!, ratingAvg: 4.6, ratingCount: 31, popularity: 900, related: [{ kind: 'complement', styleCode: 'NV-90001', score: 0.8 }] }] });
    const english = file('english.csv', ['style_code,brand,category,price,currency,name_en,description_en,colour,size,size_sort,sku,gtin', 'NV-90003,NORRVIK,accessories,299.00,SEK,Kiruna Wool Scarf,Warm scarf in brushed wool.,camel,One size,1,NV-90003-CAM-OS,7350990000089'].join('\n'));
    await importFiles(store, { catalog: english });
    const [after] = await store.getProducts(['NV-90003']);
    expect(after).toMatchObject({ priceMinor: 29_900, ratingAvg: 4.6, ratingCount: 31, popularity: 900, related: [{ styleCode: 'NV-90001' }], images: held!.images });
    expect(after!.texts.sv).toEqual(held!.texts.sv);
  });

  it('reports every bad row of a CSV catalog with its line and reason, and publishes nothing', async () => {
    const head = await store.head();
    const error = await refusal(importFiles(store, { catalog: sample('catalog-bad.csv'), stock: sample('stock.csv') }));
    const bad = sample('catalog-bad.csv');
    expect(error.rows).toEqual(
      expect.arrayContaining([
        { file: bad, line: 2, reason: 'price: "199,00" is not a price in major units such as 299.00' },
        { file: bad, line: 3, reason: 'gtin: must be 8–14 digits' },
        { file: bad, line: 4, reason: 'brand: differs from line 2, the first row of style NV-90101 (a style\'s columns must be the same on each of its rows)' },
        // Found by HQ's own checks, in the same report:
        { file: bad, line: 5, reason: 'category: unknown category "hats"' },
      ]),
    );
    // Nothing of either file was published.
    expect(await store.head()).toBe(head);
    expect(await store.getProducts(['NV-90101', 'NV-90102'])).toEqual([]);
  });

  it('reports bad stock rows at their lines, and the catalog imported with them is not published', async () => {
    const head = await store.head();
    const error = await refusal(importFiles(store, { catalog: sample('catalog.csv'), stock: sample('stock-bad.csv') }));
    const bad = sample('stock-bad.csv');
    expect(error.rows).toEqual([
      { file: bad, line: 3, reason: 'repeats SKU NV-90001-IND-3032 at se-sto-drottninggatan (also on line 2)' },
      { file: bad, line: 4, reason: 'sku: unknown SKU NV-99999-XXX-S (SKU NV-99999-XXX-S at se-sto-drottninggatan)' },
      { file: bad, line: 5, reason: 'location: unknown location se-atlantis (SKU NV-90003-CAM-OS at se-atlantis)' },
      { file: bad, line: 6, reason: 'quantity: "-4" is not a whole number of items' },
    ]);
    expect(await store.head()).toBe(head);
    expect(await store.getProducts(['NV-90001'])).toEqual([]);
  });

  it('reports a JSON row at the line its element starts on, and a syntax error at its line', async () => {
    const products = [
      { styleCode: 'NV-1', brand: 'X', categoryId: 'jeans', priceMinor: 100, currency: 'SEK', ratingAvg: 0, ratingCount: 0, popularity: 0, images: {}, texts: { en: { name: 'A', description: '' } }, variants: [{ sku: 'NV-1-A', gtin: '7350990000126', colourCode: 'black', size: 'S', sizeSort: 1 }], related: [] },
      { styleCode: 'NV-2', brand: 'X', categoryId: 'jeans', priceMinor: -1, currency: 'SEK', ratingAvg: 0, ratingCount: 0, popularity: 0, images: {}, texts: { en: { name: 'B', description: '' } }, variants: [{ sku: 'NV-2-A', gtin: '7350990000133', colourCode: 'black', size: 'S', sizeSort: 1 }], related: [] },
      { styleCode: 'NV-3', brand: 'X', categoryId: 'jeans', priceMinor: 100, currency: 'SEK', ratingAvg: 0, ratingCount: 0, popularity: 0, images: {}, texts: { en: { name: 'C', description: '' } }, variants: [{ sku: 'NV-3-A', gtin: '7350990000140', colourCode: 'mauve', size: 'S', sizeSort: 1 }], related: [] },
    ];
    // One product per line after a two-line preamble: element n starts on line n + 3.
    const catalog = file('catalog.json', `{\n  "products": [\n${products.map((p) => `    ${JSON.stringify(p)}`).join(',\n')}\n  ]\n}\n`);
    const error = await refusal(importFiles(store, { catalog }));
    expect(error.rows).toEqual([
      { file: catalog, line: 4, reason: 'products.1.priceMinor: Too small: expected number to be >=0' },
      { file: catalog, line: 5, reason: 'products.2.variants.0.colourCode: unknown colour "mauve"' },
    ]);

    const broken = file('broken.json', '[\n  { "sku": "A", "location": "se-online", "quantity": 1 },\n  { "sku": "B" "location": "se-online" }\n]\n');
    const syntax = await refusal(importFiles(store, { stock: broken }));
    expect(syntax.rows).toEqual([{ file: broken, line: 3, reason: expect.stringMatching(/^not valid JSON: /) }]);
  });

  it('reports a CSV header it cannot use, an unreadable file, and a record csv-parse cannot read', async () => {
    const header = file('header.csv', 'sku,location,qty\nA,se-online,1\n');
    expect((await refusal(importFiles(store, { stock: header }))).rows).toEqual([
      { file: header, line: 1, reason: 'unknown column "qty" (the columns are sku, location, quantity)' },
      { file: header, line: 1, reason: 'missing column "quantity"' },
    ]);
    const missing = path.join(dir, 'nowhere.csv');
    expect((await refusal(importFiles(store, { catalog: missing }))).rows).toEqual([{ file: missing, line: 0, reason: 'cannot be read: ENOENT' }]);
    const quote = file('quote.csv', 'sku,location,quantity\nNV-1,se-online,1\n"NV-2,se-online,2\n');
    expect((await refusal(importFiles(store, { stock: quote }))).rows).toEqual([
      { file: quote, line: 2, reason: 'sku: unknown SKU NV-1 (SKU NV-1 at se-online)' },
      { file: quote, line: expect.any(Number), reason: expect.stringMatching(/^not valid CSV: Quote Not Closed/) },
    ]);
    await expect(importFiles(store, {})).rejects.toBeInstanceOf(ImportError);
  });
});
