import { createHash } from 'node:crypto';
import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../../shared/sync/entities';
import { canonicalLines, type RegionState } from '../../../shared/sync/digest';
import type { Region } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { META } from './apply';

/**
 * The cache's content read back in the protocol's shapes, for comparing it with HQ (the fault harness,
 * `kiosk doctor`, tests). Streams the big tables; call inside a read transaction for one consistent view.
 */
export function readCacheState(db: Db): RegionState & { cursor: number | null } {
  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const region = JSON.parse(meta.get(META.region) ?? '{"home":"","nearby":[],"warehouse":null}') as Region;
  const cursor = meta.get(META.cursor);
  return {
    cursor: cursor === undefined ? null : Number(cursor),
    region,
    locations: rows(db, 'SELECT * FROM locations ORDER BY code', (r: Record<string, unknown>): Location => ({
      code: r['code'] as string,
      kind: r['kind'] as Location['kind'],
      name: r['name'] as string,
      address: r['address'] as string,
      postalCode: r['postal_code'] as string,
      city: r['city'] as string,
      country: r['country'] as string,
      lat: r['lat'] as number,
      lon: r['lon'] as number,
      timeZone: r['time_zone'] as string,
      phone: r['phone'] as string,
      openingHours: JSON.parse(r['opening_hours'] as string) as Location['openingHours'],
    })),
    categories: rows(db, 'SELECT * FROM categories ORDER BY id', (r: Record<string, unknown>): Category => ({
      id: r['id'] as string,
      sort: r['sort'] as number,
      names: JSON.parse(r['names'] as string) as Category['names'],
    })),
    colours: rows(db, 'SELECT * FROM colours ORDER BY code', (r: Record<string, unknown>): Colour => ({
      code: r['code'] as string,
      hex: r['hex'] as string,
      names: JSON.parse(r['names'] as string) as Colour['names'],
    })),
    products: products(db),
    stock: rows(
      db,
      `SELECT v.sku, l.code, s.quantity, s.changed_at FROM stock_now s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id
       ORDER BY v.sku, l.code`,
      (r: Record<string, unknown>): StockTuple => [r['sku'] as string, r['code'] as string, r['quantity'] as number, r['changed_at'] as number],
    ),
    offers: rows(db, 'SELECT body FROM offers ORDER BY id', (r: Record<string, unknown>) => JSON.parse(r['body'] as string) as Offer),
    settings: meta.has(META.settings) ? (JSON.parse(meta.get(META.settings) as string) as Settings) : null,
  };
}

/** SHA-256 of the canonical lines (shared/sync/digest.ts): equal to HQ's for the same region state. */
export function digestOf(state: RegionState): string {
  const hash = createHash('sha256');
  for (const line of canonicalLines(state)) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** The cache's digest and the cursor it stands at, read in one transaction. */
export function cacheDigest(db: Db): { cursor: number | null; digest: string } {
  return db.transaction(() => {
    const state = readCacheState(db);
    return { cursor: state.cursor, digest: digestOf(state) };
  })();
}

function* rows<T>(db: Db, sql: string, map: (row: Record<string, unknown>) => T): Generator<T> {
  for (const row of db.prepare(sql).iterate() as Iterable<Record<string, unknown>>) yield map(row);
}

function* products(db: Db): Generator<Product> {
  const texts = db.prepare('SELECT lang, name, description FROM product_texts WHERE product_id = ?');
  const variants = db.prepare('SELECT sku, gtin, colour_code, size, size_sort FROM variants WHERE product_id = ?');
  const related = db.prepare('SELECT r.kind, p.style_code, r.score FROM related r JOIN products p ON p.id = r.related_id WHERE r.product_id = ?');
  // Materialised first: better-sqlite3 allows no other statement on a connection while one iterates.
  const all = db.prepare('SELECT * FROM products ORDER BY style_code').all() as Record<string, unknown>[];
  for (const r of all) {
    const id = r['id'] as number;
    yield {
      styleCode: r['style_code'] as string,
      brand: r['brand'] as string,
      categoryId: r['category_id'] as string,
      priceMinor: r['price_minor'] as number,
      currency: r['currency'] as string,
      ratingAvg: r['rating_avg'] as number,
      ratingCount: r['rating_count'] as number,
      popularity: r['popularity'] as number,
      images: JSON.parse(r['images'] as string) as Product['images'],
      texts: Object.fromEntries((texts.all(id) as { lang: string; name: string; description: string }[]).map((t) => [t.lang, { name: t.name, description: t.description }])),
      variants: (variants.all(id) as { sku: string; gtin: string; colour_code: string; size: string; size_sort: number }[]).map((v) => ({
        sku: v.sku,
        gtin: v.gtin,
        colourCode: v.colour_code,
        size: v.size,
        sizeSort: v.size_sort,
      })),
      related: (related.all(id) as { kind: 'complement' | 'alternative'; style_code: string; score: number }[]).map((x) => ({ kind: x.kind, styleCode: x.style_code, score: x.score })),
    };
  }
}
