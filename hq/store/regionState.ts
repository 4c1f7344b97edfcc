import type { Database } from 'better-sqlite3';
import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../shared/sync/entities';
import type { Region } from '../../shared/sync/protocol';
import { offerConcerns } from './changeLog';
import { regionCodes } from './regions';
import type { RegionStateRows } from './store';

/**
 * A region's whole state as a pillar following HQ holds it, each table sorted by its key in SQLite's
 * BINARY order (what `canonicalLines` expects). Read by the caller inside one transaction, with the
 * head it belongs to.
 *
 * A product's relations to products HQ does not hold (deleted, or never published) are left out: a
 * pillar cannot hold them either. Meant for tests and the fault harness at demo scale: it holds the
 * region in memory.
 */
export function readRegionState(db: Database, region: Region): RegionStateRows {
  const codes = JSON.stringify(regionCodes(region));
  const data = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().all(...params) as string[];
  const parse = <T>(rows: string[]) => rows.map((row) => JSON.parse(row) as T);

  const products = parse<Product>(data('SELECT data FROM products ORDER BY style_code'));
  const held = new Set(products.map((p) => p.styleCode));
  for (const product of products) product.related = product.related.filter((r) => held.has(r.styleCode));

  const settings = db.prepare('SELECT data FROM settings WHERE id = 1').pluck().get() as string | undefined;
  return {
    region,
    locations: parse<Location>(data('SELECT data FROM locations WHERE code IN (SELECT value FROM json_each(?)) ORDER BY code', codes)),
    categories: parse<Category>(data('SELECT data FROM categories ORDER BY id')),
    colours: parse<Colour>(data('SELECT data FROM colours ORDER BY code')),
    products,
    stock: db
      .prepare(
        `SELECT v.sku, l.code, s.quantity, s.changed_at FROM stock s
         JOIN locations l ON l.id = s.location_id JOIN variants v ON v.id = s.variant_id
         WHERE l.code IN (SELECT value FROM json_each(?))
         ORDER BY v.sku, l.code`,
      )
      .raw()
      .all(codes) as StockTuple[],
    offers: parse<Offer>(data('SELECT data FROM offers ORDER BY id')).filter((offer) => offerConcerns(offer, region.home)),
    settings: settings === undefined ? null : (JSON.parse(settings) as Settings),
  };
}

/** Stored products by style code, in the order asked (unknown codes left out). */
export function readProducts(db: Database, styleCodes: readonly string[]): Product[] {
  const get = db.prepare('SELECT data FROM products WHERE style_code = ?').pluck();
  return [...new Set(styleCodes)].flatMap((code) => {
    const data = get.get(code) as string | undefined;
    return data === undefined ? [] : [JSON.parse(data) as Product];
  });
}
