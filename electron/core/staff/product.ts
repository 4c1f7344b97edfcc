import type { StaffProductOutput } from '../../../shared/api/staff';
import type { Language } from '../../../shared/languages';
import { KioskError } from '../api/errors';
import { distanceKm, readRegion } from '../catalog/region';
import type { Db } from '../db/open';

interface LocationRow {
  id: number;
  code: string;
  kind: 'store' | 'warehouse';
  name: string;
  lat: number;
  lon: number;
}

/**
 * Staff detail for a product, from the cache: every variant's SKU and barcode, and the exact quantity at
 * every location the cache holds stock for — this store first, then other stores nearest first, then the
 * warehouse(s). Locations without stock are left out (the stock table is sparse), so "none here" is a
 * missing `this-store` row. `incoming` stays empty: HQ does not publish deliveries yet.
 */
export function staffProduct(cache: Db, storeCode: string, styleCode: string, lang: Language): StaffProductOutput {
  const region = readRegion(cache, storeCode);
  if (!region) throw new KioskError('UNAVAILABLE', 'This store is not in the cached catalog yet');
  const product = cache.prepare('SELECT id FROM products WHERE style_code = ?').get(styleCode) as { id: number } | undefined;
  if (!product) throw new KioskError('NOT_FOUND', 'No product has that style code');

  const variants = cache
    .prepare('SELECT v.id, v.sku, v.gtin, v.colour_code, v.size, c.names FROM variants v LEFT JOIN colours c ON c.code = v.colour_code WHERE v.product_id = ? ORDER BY v.colour_code, v.size_sort')
    .all(product.id) as { id: number; sku: string; gtin: string | null; colour_code: string; size: string; names: string | null }[];
  const stock = cache
    .prepare('SELECT s.variant_id, s.location_id, s.quantity, s.changed_at FROM stock_now s JOIN variants v ON v.id = s.variant_id WHERE v.product_id = ?')
    .all(product.id) as { variant_id: number; location_id: number; quantity: number; changed_at: number }[];
  const locations = new Map((cache.prepare('SELECT id, code, kind, name, lat, lon FROM locations').all() as LocationRow[]).map((row) => [row.id, row]));

  const place = (id: number): { kind: 'this-store' | 'store' | 'warehouse'; distance: number | null; location: LocationRow } | null => {
    const location = locations.get(id);
    if (!location) return null;
    if (id === region.home.id) return { kind: 'this-store', distance: 0, location };
    if (location.kind === 'warehouse') return { kind: 'warehouse', distance: null, location };
    return { kind: 'store', distance: Math.round(distanceKm(region.home, location) * 10) / 10, location };
  };
  const rank = { 'this-store': 0, store: 1, warehouse: 2 } as const;

  const byVariant = new Map<number, StaffProductOutput['variants'][number]['stock']>();
  for (const row of stock) {
    const where = place(row.location_id);
    if (!where) continue;
    const list = byVariant.get(row.variant_id) ?? [];
    list.push({ location: where.location.code, name: where.location.name, kind: where.kind, quantity: row.quantity, distanceKm: where.distance, changedAt: row.changed_at });
    byVariant.set(row.variant_id, list);
  }
  return {
    styleCode,
    variants: variants.map((variant) => {
      const names = variant.names ? (JSON.parse(variant.names) as Partial<Record<Language, string>>) : {};
      const list = (byVariant.get(variant.id) ?? []).sort(
        (a, b) => rank[a.kind] - rank[b.kind] || (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.location.localeCompare(b.location),
      );
      return {
        sku: variant.sku,
        gtin: variant.gtin,
        colour: variant.colour_code,
        colourName: names[lang] ?? names.en ?? variant.colour_code,
        size: variant.size,
        stock: list,
        incoming: [],
      };
    }),
  };
}
